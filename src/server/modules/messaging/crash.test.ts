/**
 * A SIGKILL between the commit of a message (and of notices) and their e-mail: a new process on the same database
 * delivers each e-mail exactly once, the unread digest included (once, never per message).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { openDatabase, queryRows } from '../../db/client.ts';
import { adminUrl, databaseUrlFor } from '../../test/postgres.ts';
import { startSmtpServer } from '../../test/smtp.ts';

const CHILD = join(import.meta.dirname, 'test', 'crash-child.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'sbz-msg-crash-'));
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

function child(mode: 'commit' | 'serve'): { proc: ChildProcess; line: Promise<string>; exit: Promise<NodeJS.Signals | number | null> } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SMTP_URL: smtp.url,
    DATA_DIR: dataDir,
    JOBS_LEASE_SECONDS: '2',
    MESSAGE_DIGEST_MINUTES: '1',
  };
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

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = pgUrl
    ? await openDatabase({ kind: 'postgres', url: databaseUrlFor(pgUrl, pgName), poolMax: 1 })
    : await openDatabase({ kind: 'pglite', dataDir });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

it('delivers the notices and the unread digest exactly once after a SIGKILL right after commit', async () => {
  const first = child('commit');
  expect(await first.line).toBe('committed');
  expect(await first.exit).toBe('SIGKILL');
  expect(smtp.received).toHaveLength(0);
  // The digest waits for its minute; time passes while the process is dead.
  await withDb((db) => db.execute(sql`update jobs set run_at = now() where name = 'messaging.digest'`));

  const second = child('serve');
  expect(await second.line).toBe('serving');
  const deadline = Date.now() + 60_000;
  while (smtp.received.length < 21 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 1_500));
  second.proc.kill('SIGTERM');
  expect(await second.exit).toBe(0);

  const subjects = smtp.received.map((m) => m.subject ?? '');
  const notices = subjects.filter((s) => s.startsWith('Your order number'));
  expect(notices).toHaveLength(20);
  expect(new Set(notices).size).toBe(20);
  const digests = smtp.received.filter((m) => m.subject === 'You have an unread message');
  expect(digests).toHaveLength(1);
  const to = (m: (typeof smtp.received)[number]) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text;
  expect(to(digests[0]!)).toBe('crash.client@crash.test');
  // No name and no body in the digest.
  expect(digests[0]!.text).not.toContain('ivory');
  expect(digests[0]!.text).not.toContain('Camille');
  expect(
    await withDb(
      async (db) => (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from notifications where emailed_at is null`))[0]!.n,
    ),
  ).toBe(0);
}, 240_000);
