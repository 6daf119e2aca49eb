/**
 * A SIGKILL between the commit of a message (and of notices) and their e-mail: a new process on the same database
 * delivers each e-mail exactly once, the unread digest included (once, never per message).
 */
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { crashDatabase, spawnChild } from '../../test/crash.ts';
import { startSmtpServer } from '../../test/smtp.ts';

const CHILD = join(import.meta.dirname, 'test', 'crash-child.ts');
const world = crashDatabase('msg');
const withDb = world.withDb;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  await world.setup();
});
afterAll(async () => {
  await smtp.close();
  await world.teardown();
});

const child = (mode: 'commit' | 'serve') =>
  spawnChild(CHILD, [mode], world.env({ SMTP_URL: smtp.url, JOBS_LEASE_SECONDS: '2', MESSAGE_DIGEST_MINUTES: '1' }));

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
