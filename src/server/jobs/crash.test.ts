/**
 * The outbox survives a crash: 100 mails committed, the process SIGKILLed before any is delivered, a new process
 * started on the same database delivers every one exactly once to a real SMTP server.
 */
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../db/client.ts';
import { crashDatabase, spawnChild } from '../test/crash.ts';
import { startSmtpServer } from '../test/smtp.ts';

const CHILD = join(import.meta.dirname, 'test', 'crash-child.ts');
const world = crashDatabase('jobs');
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  await world.setup();
});
afterAll(async () => {
  await smtp.close();
  await world.teardown();
});

const child = (mode: 'enqueue' | 'serve') => spawnChild(CHILD, [mode], world.env({ SMTP_URL: smtp.url, JOBS_LEASE_SECONDS: '2' }));

const pendingMailJobs = () =>
  world.withDb(async (db) => {
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from jobs where name = 'mail.send'`);
    return Number(row!.n);
  });

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
