// Realtime messaging under load, on PostgreSQL: the platform as a child process (src/server/main.ts), then
//   1. as many idle authenticated WebSockets as the machine allows, up to --sockets (default 10,000): the server's
//      resident memory before and after, per socket;
//   2. --rate messages/s (default 500) sent over HTTP for --seconds (default 10), spread round-robin over
//      --conversations (default 100) between as many clients and --stylists (default 10) stylists, as real traffic is
//      (one conversation only takes its writers one at a time: its row lock orders the sequence); each stylist's
//      socket receives: send → delivery latency (from the start of the POST to the frame's arrival), p50/p95/p99,
//      and how many arrived. The idle sockets stay open meanwhile.
//
//   npx tsx bench/realtime.ts [--sockets 10000] [--rate 500] [--seconds 10] [--conversations 100] [--stylists 10] [--record]
//                             [--no-pin] [--cpu-prof DIR]
//
// The report also gives the CPU time each side spent per message sent (the server process, the PostgreSQL backends of
// the bench's database, this load generator), measured over the sending phase: a figure that other people's load on the
// machine moves far less than the latencies. With two cores and `taskset`, the load generator runs on CPU 0 and the
// server on CPU 1 (as bench/run.ts does); PostgreSQL floats.
//
// The load generator and the server share this machine (and, on the shared machine, other people's work): the
// figures are what this machine gave at that moment, not a capacity of the design.
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import WebSocket from 'ws';
import { describePlan, pinProcess, planCpus } from './lib/pin.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SOCKETS = arg('sockets', 10_000);
const RATE = arg('rate', 500);
const SECONDS = arg('seconds', 10);
const CONVERSATIONS = arg('conversations', 100);
const STYLISTS = Math.min(arg('stylists', 10), CONVERSATIONS);
const record = process.argv.includes('--record');
/** `--cpu-prof DIR`: the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools). */
const cpuProfDir = process.argv.includes('--cpu-prof') ? process.argv[process.argv.indexOf('--cpu-prof') + 1] : undefined;
const BASE_DB = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sbz_bench_realtime';
/** A free port: a fixed one met other people's benches on the shared machine (their requests measured as ours). */
const PORT = await new Promise<number>((resolve, reject) => {
  const probe = createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const address = probe.address();
    probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
  });
});
const cpus = planCpus(!process.argv.includes('--no-pin'));
const url = `http://127.0.0.1:${PORT}`;

// A fresh database each run.
const admin = new URL(BASE_DB);
const dbName = admin.pathname.slice(1);
admin.pathname = '/postgres';
execSync(`psql "${admin}" -qc "drop database if exists ${dbName} with (force)" -c "create database ${dbName}"`, { stdio: 'ignore' });

const server = spawn(
  process.execPath,
  [...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []), '--import', 'tsx', 'src/server/main.ts'],
  {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATABASE_URL: BASE_DB,
      DATABASE_POOL_MAX: '20',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'sbz-bench-rt-')),
      RATE_LIMIT_MAX: '10000000',
      SIGNUP_RATE_LIMIT_PER_HOUR: '100000',
      JOBS_CONCURRENCY: '20',
      BOOTSTRAP_ADMIN_EMAIL: 'bench.admin@stylebyzaga.test',
      BOOTSTRAP_ADMIN_PASSWORD: 'amber-lantern-harbour-93',
      ACCESS_TOKEN_TTL_SECONDS: '3600',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
const stop = () => server.kill('SIGTERM');
process.on('exit', stop);
if (typeof cpus !== 'string') {
  pinProcess(server.pid, cpus.servers);
  pinProcess(process.pid, cpus.loadgen);
}

for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${url}/api/v1/readyz`)).ok) break;
  } catch {
    // not yet
  }
  if (i > 600) throw new Error('server did not start');
  await new Promise((r) => setTimeout(r, 250));
}
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) * 1024;

async function api<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}
const PASSWORD = 'velvet-orchid-sunrise-47';
async function account(first: string, userType: 'CLIENT' | 'STYLIST') {
  const email = `${first}.${Date.now()}@bench.test`;
  await api('POST', '/users', { acceptTerms: true, email, password: PASSWORD, firstName: first, lastName: 'Bench', userType });
  const login = await api<{ accessToken: string; user: { userId: string; mfaEnrollmentRequired?: boolean } }>('POST', '/auth/login', {
    email,
    password: PASSWORD,
  });
  if (login.user.mfaEnrollmentRequired) {
    const setup = await api<{ secret: string }>('POST', '/auth/mfa/setup', undefined, login.accessToken);
    await api('POST', '/auth/mfa/verify', { code: await generate({ secret: setup.secret }) }, login.accessToken);
  }
  return { userId: login.user.userId, token: login.accessToken };
}
const adminLogin = await api<{ accessToken: string; user: { mfaEnrollmentRequired?: boolean } }>('POST', '/auth/login', {
  email: 'bench.admin@stylebyzaga.test',
  password: 'amber-lantern-harbour-93',
});
const adminToken = adminLogin.accessToken;
if (adminLogin.user.mfaEnrollmentRequired) {
  const setup = await api<{ secret: string }>('POST', '/auth/mfa/setup', undefined, adminToken);
  await api('POST', '/auth/mfa/verify', { code: await generate({ secret: setup.secret }) }, adminToken);
}
/** Runs `fn` over `items`, `width` at a time (sign-ups hash passwords: a few at once). */
async function inBatches<T, R>(items: T[], width: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map((x, j) => fn(x, i + j)))));
  return out;
}
async function openStylist(i: number) {
  const stylist = await account(`camille${i}`, 'STYLIST');
  const profile = await api<{ stylistId: string }>(
    'POST',
    '/stylists',
    {
      userId: stylist.userId,
      bio: 'Bench stylist for load figures only.',
      specialties: ['red-carpet'],
      languages: ['en'],
      experienceYears: 3,
      rate: { amount: 100, currency: 'EUR' },
      city: 'Paris',
      country: 'FR',
      timeZone: 'Europe/Paris',
    },
    stylist.token,
  );
  await api('POST', `/stylists/${profile.stylistId}/review`, { decision: 'APPROVE', notes: 'bench' }, adminToken);
  await api(
    'PUT',
    `/stylists/${profile.stylistId}/schedule`,
    {
      timeZone: 'Europe/Paris',
      weekly: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'].map((day) => ({ day, start: '08:00', end: '20:00' })),
      bufferMinutes: 0,
      minNoticeHours: 0,
      horizonDays: 60,
    },
    stylist.token,
  );
  const service = await api<{ service: { serviceId: string } }>(
    'POST',
    `/stylists/${profile.stylistId}/services`,
    { kind: 'IN_PERSON_SESSION', name: 'Session', durationMinutes: 60, price: { amount: 100, currency: 'EUR' } },
    stylist.token,
  );
  return { ...stylist, stylistId: profile.stylistId, serviceId: service.service.serviceId };
}
const stylists = await inBatches(
  Array.from({ length: STYLISTS }, (_, i) => i),
  4,
  (i) => openStylist(i),
);
// Each client asks one stylist for a session (a different hour each), which opens their conversation.
const lines0 = await inBatches(
  Array.from({ length: CONVERSATIONS }, (_, i) => i),
  4,
  async (i) => {
    const stylist = stylists[i % STYLISTS]!;
    const client = await account(`margot${i}`, 'CLIENT');
    const start = new Date(Date.now() + (3 + Math.floor(i / STYLISTS / 10)) * 86_400_000);
    start.setUTCHours(8 + (Math.floor(i / STYLISTS) % 10), 0, 0, 0);
    await api(
      'POST',
      '/matching/request',
      { clientId: client.userId, stylistId: stylist.stylistId, serviceId: stylist.serviceId, requestedDate: start.toISOString() },
      client.token,
    );
    const conversationId = (await api<{ conversations: { conversationId: string }[] }>('GET', '/conversations', undefined, client.token))
      .conversations[0]!.conversationId;
    return { client, stylist, conversationId };
  },
);

// 1. Idle sockets: one account (a client with no conversations), authenticated, doing nothing.
const idle = await account('idle', 'CLIENT');
const settle = () => new Promise((r) => setTimeout(r, 2_000));
await settle();
const before = rss();
const sockets: WebSocket[] = [];
let failedAt: string | undefined;
const openOne = () =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${PORT}/api/v1/realtime`);
    ws.once('open', () => ws.send(JSON.stringify({ type: 'auth', token: idle.token })));
    ws.once('message', () => resolve(ws));
    ws.once('error', reject);
    ws.once('close', (code) => reject(new Error(`closed ${code}`)));
  });
for (let i = 0; i < SOCKETS; i += 100) {
  try {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(100, SOCKETS - i) }, openOne))));
  } catch (err) {
    failedAt = `${sockets.length} sockets open, then: ${(err as Error).message}`;
    break;
  }
}
await settle();
const after = rss();
const perSocket = (after - before) / Math.max(1, sockets.length);

// 2. Messages over HTTP at a fixed rate, round-robin over the conversations; each stylist's socket receives.
const sentAt = new Map<string, number>();
const latencies: number[] = [];
const receivers = await Promise.all(
  stylists.map(
    (stylist) =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${PORT}/api/v1/realtime`);
        ws.once('open', () => ws.send(JSON.stringify({ type: 'auth', token: stylist.token })));
        ws.once('error', reject);
        ws.on('message', (data) => {
          const event = JSON.parse(String(data)) as { type: string; message?: { content: string } };
          if (event.type === 'ready') resolve(ws);
          if (event.type !== 'message' || !event.message) return;
          const t = sentAt.get(event.message.content);
          if (t !== undefined) latencies.push(performance.now() - t);
        });
      }),
  ),
);
await settle();
const total = RATE * SECONDS;
let sent = 0;
let errors = 0;
/** What the failures were: an HTTP status, or the network error's code. */
const failures = new Map<string, number>();
const fail = (what: string) => {
  errors += 1;
  failures.set(what, (failures.get(what) ?? 0) + 1);
};
/**
 * One POST over a kept-alive connection, answering its status. node:http with an agent, not fetch: side by side on this
 * machine (5,000 small POSTs to a bare node:http server) fetch cost 0.34–0.65 ms of CPU per request and node:http
 * 0.11–0.13 ms, time taken from the cores the server needs.
 */
const agent = new Agent({ keepAlive: true });
const post = (path: string, body: string, token: string) =>
  new Promise<number>((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
        res.once('error', reject);
      },
    );
    req.once('error', reject);
    req.end(body);
  });
/** CPU seconds (user + system) a process has used so far, from /proc; 0 once it is gone. */
const cpuOf = (pid: number) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 a second)
  } catch {
    return 0;
  }
};
/** The PostgreSQL backends serving the bench's database (the server's pool and listener), by pid. */
const backends = () =>
  execSync(`psql "${BASE_DB}" -Atc "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"`)
    .toString()
    .trim()
    .split('\n')
    .filter(Boolean)
    .map(Number);
const cpuNow = () => {
  const pids = backends();
  const self = process.cpuUsage();
  return {
    server: cpuOf(server.pid!),
    postgres: new Map(pids.map((pid) => [pid, cpuOf(pid)])),
    loadgen: (self.user + self.system) / 1e6,
  };
};
const loadBefore = loadavg()[0]!;
const cpu0 = cpuNow();
const inFlight = new Set<Promise<void>>();
const t0 = performance.now();
for (let i = 0; i < total; i++) {
  const due = t0 + (i * 1000) / RATE;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const content = `bench ${i}`;
  const line = lines0[i % CONVERSATIONS]!;
  sentAt.set(content, performance.now());
  const p = post(
    '/api/v1/messages',
    JSON.stringify({ senderId: line.client.userId, recipientId: line.stylist.userId, conversationId: line.conversationId, content }),
    line.client.token,
  )
    .then((status) => {
      if (status === 201) sent += 1;
      else fail(`HTTP ${status}`);
    })
    .catch((err: NodeJS.ErrnoException) => fail(err.code ?? err.message))
    .finally(() => inFlight.delete(p));
  inFlight.add(p);
}
await Promise.all(inFlight);
const sendSeconds = (performance.now() - t0) / 1000;
const deadline = Date.now() + 30_000;
while (latencies.length < sent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
const cpu1 = cpuNow();
// A backend that opened during the phase counts from zero; one that closed is missed (the pool keeps its connections).
let postgresCpu = 0;
for (const [pid, t] of cpu1.postgres) postgresCpu += t - (cpu0.postgres.get(pid) ?? 0);
const perMessage = (seconds: number) => `${((seconds * 1000) / Math.max(1, sent)).toFixed(2)} ms`;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;

const lines = [
  `## realtime messaging — ${new Date().toISOString()}`,
  '',
  `- commit: ${execSync('git rev-parse --short HEAD').toString().trim()}, node ${process.version}, PostgreSQL, one instance (in-process bus), load generator in the same machine`,
  `- command: \`npx tsx bench/realtime.ts --sockets ${SOCKETS} --rate ${RATE} --seconds ${SECONDS} --conversations ${CONVERSATIONS} --stylists ${STYLISTS}\``,
  `- load average (1 min) of the machine: ${loadBefore.toFixed(1)} before sending, ${loadavg()[0]!.toFixed(1)} after (2 cores; the server and this load generator included)`,
  `- idle authenticated sockets open: ${sockets.length.toLocaleString('en')} of ${SOCKETS.toLocaleString('en')} asked${failedAt ? ` (${failedAt})` : ''}`,
  `- server resident memory: ${(before / 1048576).toFixed(1)} MB before, ${(after / 1048576).toFixed(1)} MB after: **${(perSocket / 1024).toFixed(1)} KB per idle socket**`,
  `- CPU time per message sent, over the sending phase: server ${perMessage(cpu1.server - cpu0.server)}, PostgreSQL ${perMessage(postgresCpu)} (${cpu1.postgres.size} backends), load generator ${perMessage(cpu1.loadgen - cpu0.loadgen)} (${describePlan(cpus)})`,
  `- messages: ${total} asked at ${RATE}/s over ${CONVERSATIONS} conversations (${STYLISTS} stylists' sockets receiving), ${sent} sent (201) in ${sendSeconds.toFixed(1)} s (${(sent / sendSeconds).toFixed(0)}/s achieved), ${errors} errors${failures.size ? ` (${[...failures].map(([k, n]) => `${k}: ${n}`).join(', ')})` : ''}, ${latencies.length} delivered to the socket`,
  '',
  '| send → delivery (POST start to frame) | p50 ms | p95 ms | p99 ms | max ms |',
  '|---|---:|---:|---:|---:|',
  `| published after commit (outbox job as fallback) | ${pct(50).toFixed(1)} | ${pct(95).toFixed(1)} | ${pct(99).toFixed(1)} | ${(latencies.at(-1) ?? NaN).toFixed(1)} |`,
  '',
];
console.log(lines.join('\n'));
if (record) appendFileSync('bench/RESULTS.md', `\n${lines.join('\n')}`);
for (const ws of sockets) ws.terminate();
for (const ws of receivers) ws.terminate();
stop();
process.exit(0);
