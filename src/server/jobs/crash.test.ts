/**
 * The outbox survives a crash: 100 mails committed, the process SIGKILLed before any is delivered, a new process
 * started on the same database delivers every one exactly once to a real SMTP server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, queryRows } from '../db/client.ts';
import { sql } from 'drizzle-orm';
import { startSmtpServer } from '../test/smtp.ts';
import { adminUrl, databaseUrlFor } from '../test/postgres.ts';

const CHILD = join(import.meta.dirname, 'test', 'crash-child.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'sbz-crash-'));
const pgUrl = process.env.DATABASE_URL;
const pgName = `sbz_test_${randomBytes(6).toString('hex')}`;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let admin: { query: (q: string) => Promise<unknown>; end: () => Promise<void> } | undefined;

beforeAll(async () => {
  smtp = await startSmtpServer();
  if (pgUrl) {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: adminUrl(pgUrl) });
    await client.connect();
    await client.query(`create database ${pgName} template ${inject('postgresTemplate')}`);
    admin = client;
  }
});
afterAll(async () => {
  await smtp.close();
  await admin?.query(`drop database if exists ${pgName} with (force)`);
  await admin?.end();
  rmSync(dataDir, { recursive: true, force: true });
});

function child(mode: 'enqueue' | 'serve'): { proc: ChildProcess; line: Promise<string>; exit: Promise<NodeJS.Signals | number | null> } {
  const env: NodeJS.ProcessEnv = { ...process.env, SMTP_URL: smtp.url, DATA_DIR: dataDir, JOBS_LEASE_SECONDS: '2' };
  if (pgUrl) env.DATABASE_URL = databaseUrlFor(pgUrl, pgName);
  else {
    delete env.DATABASE_URL;
    env.PGLITE_DUMP = inject('pgliteDump');
  }
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, mode], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = new Promise<string>((resolve) => proc.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
  const exit = new Promise<NodeJS.Signals | number | null>((resolve) => proc.once('exit', (code, signal) => resolve(signal ?? code)));
  return { proc, line, exit };
}

async function pendingMailJobs(): Promise<number> {
  const database = pgUrl
    ? await openDatabase({ kind: 'postgres', url: databaseUrlFor(pgUrl, pgName), poolMax: 1 })
    : await openDatabase({ kind: 'pglite', dataDir });
  try {
    const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from jobs where name = 'mail.send'`);
    return Number(row!.n);
  } finally {
    await database.close();
  }
}

it('delivers 100 committed mails exactly once after a SIGKILL between commit and delivery', async () => {
  const first = child('enqueue');
  expect(await first.line).toBe('committed');
  expect(await first.exit).toBe('SIGKILL');
  expect(smtp.received).toHaveLength(0);
  expect(await pendingMailJobs()).toBe(100);

  const second = child('serve');
  expect(await second.line).toBe('serving');
  const deadline = Date.now() + 30_000;
  while (smtp.received.length < 100 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  // Anything sent twice would arrive right behind.
  await new Promise((r) => setTimeout(r, 1_000));
  second.proc.kill('SIGTERM');
  expect(await second.exit).toBe(0);

  const recipients = smtp.received.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text);
  expect(recipients).toHaveLength(100);
  expect(new Set(recipients).size).toBe(100);
  for (let i = 0; i < 100; i++) expect(recipients).toContain(`guest${i}@crash.test`);
  // Each carries the Message-ID of its job, for receivers to drop a redelivery.
  expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(100);
  expect(smtp.received.every((m) => /@jobs\.stylebyzaga>?$/.test(m.messageId ?? ''))).toBe(true);
  expect(await pendingMailJobs()).toBe(0);
}, 240_000);
