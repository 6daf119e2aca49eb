// `npm run bench -- <scenario|all> [--duration S] [--connections 4,64] [--warmup S] [--no-record]`
//
// One run: the platform (src/server/main.ts on real PostgreSQL) and the ceiling (bench/ceiling.ts, bare Fastify)
// as child processes, a load generator (autocannon) as a third; for each connection count the ceiling and the
// scenario are measured in alternating slices so both see the same machine state; then a table, threshold verdicts,
// a section appended to bench/RESULTS.md, and a non-zero exit code when anything failed.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Scenario } from './scenario.ts';
import { USAGE, UsageError, parseArgs, type BenchArgs } from './lib/args.ts';
import { killAllNow, startChild, stopAll, stopChild, type Started } from './lib/children.ts';
import { LoadGenerator, toLoadRequests } from './lib/load.ts';
import { describePlan, pinProcess, planCpus, type CpuPlan } from './lib/pin.ts';
import { DEFAULT_BENCH_DATABASE_URL, ensureDatabase } from './lib/postgres.ts';
import type { LoadRequest } from './lib/protocol.ts';
import { evaluate, problems, table, type Measurement, type Verdict } from './lib/report.ts';
import { appendResults, gitSha, machine } from './lib/results.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCENARIO_DIR = join(ROOT, 'bench', 'scenarios');
const RESULTS_FILE = join(ROOT, 'bench', 'RESULTS.md');
// Another entry point (one that prints the same ready line) to measure a variant of the app side by side with the
// same harness, e.g. before changing src/server: BENCH_APP_ENTRY=/tmp/variant/main.ts npm run bench -- healthz.
const APP_ENTRY = process.env.BENCH_APP_ENTRY || 'src/server/main.ts';

/** What every platform process gets under bench, before the scenario's own `env`. */
const PLATFORM_ENV: Record<string, string> = {
  NODE_ENV: 'production',
  // Request logs at info level would measure pino and the pipe to this process, not the app.
  LOG_LEVEL: 'warn',
  LOG_FORMAT: 'json',
  // All load comes from one IP (127.0.0.1). With the default limit (300 per minute) nearly every request would be
  // refused with 429 after the first second: we measure the app answering, not the limiter refusing. The limiter
  // still runs its per-request bookkeeping on limited routes, so its cost stays in the figures.
  RATE_LIMIT_MAX: '1000000000',
  HOST: '127.0.0.1',
  // 0 = a free port chosen by the OS; the process prints the real one in its ready line.
  PORT: '0',
  // Generated keys and media of the bench database live apart from the development data.
  DATA_DIR: 'data/bench',
};

// Platform settings inherited from the caller's shell would make a run depend on it (a REDIS_URL switching the
// rate limiter to Redis, a PUBLIC_URL…): dropped; a scenario that wants one sets it in its `env`.
const PLATFORM_VARS = [
  'DATABASE_URL',
  'DATABASE_POOL_MAX',
  'REDIS_URL',
  'PUBLIC_URL',
  'TRUST_PROXY',
  'BODY_LIMIT_BYTES',
  'RATE_LIMIT_WINDOW_SECONDS',
  'CORS_ORIGINS',
  'METRICS_TOKEN',
  'DEMO_DATA',
  'DEMO_SEED',
  'LOG_LEVEL',
  'LOG_FORMAT',
  'NODE_ENV',
  'PORT',
  'HOST',
  'DATA_DIR',
];

function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of PLATFORM_VARS) delete env[name];
  return env;
}

const elapsed = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)}s`;
const say = (line: string) => console.log(line);

async function loadScenarios(names: string[]): Promise<Scenario[]> {
  const available = readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
  const wanted = names[0] === 'all' ? available : names;
  const scenarios: Scenario[] = [];
  for (const name of wanted) {
    if (!available.includes(name)) throw new UsageError(`no scenario "${name}" (available: ${available.join(', ')}, all)`);
    const module = (await import(pathToFileURL(join(SCENARIO_DIR, `${name}.ts`)).href)) as { default?: Scenario };
    const scenario = module.default;
    if (!scenario || scenario.name !== name) throw new Error(`bench/scenarios/${name}.ts must export default a Scenario named "${name}"`);
    scenarios.push(scenario);
  }
  return scenarios;
}

/** One request before any load: a wrong status then fails in a second with the body, not after a minute of load. */
async function probe(baseUrl: string, request: LoadRequest, expectStatus: number | readonly number[], label: string): Promise<void> {
  const res = await fetch(baseUrl + request.path, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  const body = await res.text();
  if (!(typeof expectStatus === 'number' ? [expectStatus] : expectStatus).includes(res.status)) {
    throw new Error(
      `${label}: ${request.method} ${request.path} answered ${res.status}, expected ${String(expectStatus)}: ${body.slice(0, 300)}`,
    );
  }
}

interface Context {
  args: BenchArgs;
  loadgen: LoadGenerator;
  ceiling: Started;
  databaseUrl: string;
  cpus: CpuPlan | string;
}

const CEILING_REQUEST: LoadRequest[] = [{ method: 'GET', path: '/', headers: {} }];

async function runScenario(scenario: Scenario, ctx: Context): Promise<Measurement[]> {
  const { args, loadgen, ceiling } = ctx;
  const expectStatus = scenario.expectStatus ?? 200;
  let started = Date.now();
  if (scenario.prepare) {
    say(`▸ ${scenario.name}: preparing…`);
    await scenario.prepare({ root: ROOT });
    say(`  prepared (${elapsed(started)})`);
  }

  say(`▸ ${scenario.name}: starting ${APP_ENTRY} on ${redact(ctx.databaseUrl)}…`);
  started = Date.now();
  const app = await startChild({
    label: scenario.name,
    entry: APP_ENTRY,
    cwd: ROOT,
    env: { ...baseEnv(), ...PLATFORM_ENV, DATABASE_URL: ctx.databaseUrl, ...scenario.env },
    ready: /StyleByZaga is ready at (http:\/\/\S+)/,
    // A first start on an empty database migrates and may seed demo data.
    timeoutMs: 180_000,
    showStartup: true,
  });
  if (typeof ctx.cpus !== 'string') pinProcess(app.child.pid, ctx.cpus.servers);
  say(`  ready at ${app.baseUrl} (${elapsed(started)})`);

  try {
    const extra = (await scenario.setup?.({ baseUrl: app.baseUrl, databaseUrl: ctx.databaseUrl })) ?? {};
    const specs = extra.requests ?? scenario.requests ?? [scenario.request!];
    if (specs.length === 0) throw new Error(`${scenario.name}: no requests to send`);
    const requests = toLoadRequests(specs, extra.headers);
    await probe(ceiling.baseUrl, CEILING_REQUEST[0]!, 200, 'ceiling');
    await probe(app.baseUrl, requests[0]!, expectStatus, scenario.name);

    const ceilingTarget = { baseUrl: ceiling.baseUrl, requests: CEILING_REQUEST };
    const appTarget = { baseUrl: app.baseUrl, requests, spread: scenario.spreadRequests === true };
    if (args.warmupSeconds > 0) {
      // JIT, connection pools and caches settle before anything counts; at the highest count, as the hottest path.
      const most = Math.max(...args.connections);
      say(`  warming up ${args.warmupSeconds}s each at ${most} connections…`);
      await loadgen.run({
        targets: [ceilingTarget, appTarget],
        connections: most,
        durationSeconds: args.warmupSeconds,
        sliceSeconds: args.warmupSeconds,
      });
    }

    const measurements: Measurement[] = [];
    for (const connections of args.connections) {
      say(
        `  measuring ${connections} connections: ceiling and ${scenario.name}, ${args.durationSeconds}s each in alternating ${Math.min(args.sliceSeconds, args.durationSeconds)}s slices…`,
      );
      const [ceilingResult, result] = await loadgen.run({
        targets: [ceilingTarget, appTarget],
        connections,
        durationSeconds: args.durationSeconds,
        sliceSeconds: args.sliceSeconds,
      });
      measurements.push({ scenario: scenario.name, connections, expectStatus, result: result!, ceiling: ceilingResult! });
    }
    return measurements;
  } finally {
    await stopChild(app.child);
  }
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

function commandLine(argv: string[]): string {
  const env = [
    process.env.BENCH_DATABASE_URL ? `BENCH_DATABASE_URL=${redact(process.env.BENCH_DATABASE_URL)} ` : '',
    process.env.BENCH_APP_ENTRY ? `BENCH_APP_ENTRY=${process.env.BENCH_APP_ENTRY} ` : '',
  ].join('');
  return process.env.npm_lifecycle_event === 'bench'
    ? `${env}npm run bench -- ${argv.join(' ')}`
    : `${env}tsx bench/run.ts ${argv.join(' ')}`;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  // Lighthouse measures pages in a browser, not req/s under load: its own runner (bench/lighthouse.ts).
  if (argv[0] === 'lighthouse') return (await import('./lighthouse.ts')).runLighthouse(argv.slice(1));
  const args = parseArgs(argv);
  if (args.help) {
    say(USAGE);
    return 0;
  }
  const scenarios = await loadScenarios(args.scenarios);
  const runStarted = new Date();
  const databaseUrl = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  const database = await ensureDatabase(databaseUrl);
  say(`▸ PostgreSQL ${database.serverVersion}, database ${redact(databaseUrl)}${database.created ? ' (created)' : ''}`);

  const loadgen = new LoadGenerator(ROOT);
  const ceiling = await startChild({
    label: 'ceiling',
    entry: 'bench/ceiling.ts',
    cwd: ROOT,
    env: { ...baseEnv(), NODE_ENV: PLATFORM_ENV.NODE_ENV, HOST: '127.0.0.1', PORT: '0' },
    ready: /^ceiling ready at (http:\/\/\S+)/,
    timeoutMs: 30_000,
  });
  say(`▸ ceiling ready at ${ceiling.baseUrl}`);
  const cpus = planCpus(args.pin);
  if (typeof cpus !== 'string') {
    pinProcess(ceiling.child.pid, cpus.servers);
    pinProcess(loadgen.pid, cpus.loadgen);
  }
  say(`▸ ${describePlan(cpus)}`);

  const measurements: Measurement[] = [];
  const verdicts: Verdict[] = [];
  for (const scenario of scenarios) {
    try {
      const ms = await runScenario(scenario, { args, loadgen, ceiling, databaseUrl, cpus });
      measurements.push(...ms);
      for (const m of ms) {
        for (const p of problems(m.result, m.expectStatus)) verdicts.push({ ok: false, text: `✗ ${m.scenario} @${m.connections}: ${p}` });
        for (const p of problems(m.ceiling, 200)) verdicts.push({ ok: false, text: `✗ ceiling @${m.connections}: ${p}` });
      }
      verdicts.push(...evaluate(scenario.name, scenario.thresholds, ms));
    } catch (err) {
      if (interrupted) throw err;
      const message = err instanceof Error ? err.message : String(err);
      console.error(`✗ ${scenario.name}: ${message}`);
      verdicts.push({ ok: false, text: `✗ ${scenario.name}: could not be measured: ${message.split('\n')[0]}` });
    }
  }
  await Promise.all([stopChild(ceiling.child), loadgen.close()]);

  const passed = verdicts.every((v) => v.ok);
  const body = [
    measurements.length ? table(measurements) : '_no measurements_',
    '',
    ...(verdicts.length ? verdicts.map((v) => `- ${v.text}`) : ['- no thresholds']),
    '',
    `**${passed ? 'PASSED' : 'FAILED'}**`,
  ].join('\n');
  say(`\n${body}\n`);
  if (args.record) {
    appendResults(
      RESULTS_FILE,
      {
        date: runStarted,
        gitSha: gitSha(ROOT),
        machine: `${machine(database.serverVersion)}; ${describePlan(cpus)}`,
        command: commandLine(argv),
      },
      body,
    );
    say(`Appended to bench/RESULTS.md`);
  }
  return passed ? 0 : 1;
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    say(`\n${signal}: stopping the platform, the ceiling and the load generator…`);
    void stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}
// Whatever happens, no child outlives the harness (children are in their own process groups).
process.on('exit', killAllNow);

main().then(
  async (code) => {
    await stopAll();
    process.exit(code);
  },
  async (err: unknown) => {
    if (interrupted) return; // the signal handler exits once the children are down
    console.error(
      err instanceof UsageError ? `bench: ${err.message}\n\n${USAGE}` : `bench failed: ${err instanceof Error ? err.message : String(err)}`,
    );
    await stopAll();
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
