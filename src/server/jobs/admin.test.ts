import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../db/client.ts';
import { buildTestApp, type TestApp } from '../test/app.ts';
import { accountOf, type TestAccount } from '../test/identity.ts';
import { enqueue } from './queue.ts';
import { startWorker, type JobsWorker } from './worker.ts';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let app: TestApp;
let admin: TestAccount;
let worker: JobsWorker;
let healthy = false;
const handled: string[] = [];

beforeAll(async () => {
  app = await buildTestApp();
  admin = await accountOf(app, 'ADMIN');
  worker = await startWorker(
    { ctx: app.ctx, database: app.database, log: quiet },
    [
      {
        name: 'test.partner-webhook',
        maxAttempts: 3,
        handle: async (_ctx, payload: unknown, job) => {
          if (!healthy) throw new Error(`partner endpoint answered 503 (attempt ${job.attempt})`);
          handled.push((payload as { order: string }).order);
        },
      },
    ],
    { backoffBaseMs: 20, pollIntervalMs: 20 },
  );
});
afterAll(async () => {
  await worker.stop();
  await app.shutdown();
});

async function until(check: () => Promise<boolean>, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
const list = (status = 'dead', headers = admin.auth) => app.inject({ method: 'GET', url: `/api/v1/admin/jobs?status=${status}`, headers });

it('a handler that keeps throwing retries, goes dead after N attempts, and shows in the house office; retry and discard are audited', async () => {
  const first = await enqueue(app.db, 'test.partner-webhook', { order: 'ZG-1' });
  const second = await enqueue(app.db, 'test.partner-webhook', { order: 'ZG-2' });
  await until(async () => (await list()).json().counts.dead === 2);

  const res = await list();
  expect(res.statusCode).toBe(200);
  const dead = res.json().jobs as Array<Record<string, unknown>>;
  expect(dead.map((j) => j.jobId).sort()).toEqual([first, second].sort());
  expect(dead[0]).toMatchObject({
    name: 'test.partner-webhook',
    status: 'dead',
    attempts: 3,
    maxAttempts: 3,
    lastError: 'Error: partner endpoint answered 503 (attempt 3)',
  });
  expect(dead[0]).not.toHaveProperty('payload');
  expect((await list('retrying')).json().jobs).toEqual([]);

  const client = await accountOf(app, 'CLIENT');
  expect((await list('dead', client.auth)).statusCode).toBe(403);
  expect((await app.inject({ method: 'GET', url: '/api/v1/admin/jobs' })).statusCode).toBe(401);
  expect((await app.inject({ method: 'POST', url: `/api/v1/admin/jobs/${first}/retry`, headers: client.auth })).statusCode).toBe(403);
  expect((await app.inject({ method: 'GET', url: '/api/v1/admin/jobs?status=done', headers: admin.auth })).statusCode).toBe(400);

  // The partner is back: an admin retries one and discards the other.
  healthy = true;
  const retried = await app.inject({ method: 'POST', url: `/api/v1/admin/jobs/${first}/retry`, headers: admin.auth });
  expect(retried.statusCode).toBe(200);
  expect(retried.json().job).toMatchObject({ jobId: first, attempts: 0 });
  await until(async () => handled.includes('ZG-1'));
  const discarded = await app.inject({ method: 'DELETE', url: `/api/v1/admin/jobs/${second}`, headers: admin.auth });
  expect(discarded.statusCode).toBe(200);
  await new Promise((r) => setTimeout(r, 100));
  expect(handled).toEqual(['ZG-1']);
  expect(await queryRows(app.db, sql`select id from jobs where name = 'test.partner-webhook'`)).toEqual([]);
  expect((await app.inject({ method: 'DELETE', url: `/api/v1/admin/jobs/${second}`, headers: admin.auth })).statusCode).toBe(404);

  const audit = await queryRows<{ action: string; actor_id: string; details: { jobId: string } }>(
    app.db,
    sql`select action, actor_id, details from audit_log where action like 'jobs.%' order by id`,
  );
  expect(audit.map((a) => [a.action, a.details.jobId, a.actor_id])).toEqual([
    ['jobs.retry', first, admin.userId],
    ['jobs.discard', second, admin.userId],
  ]);
});

it('refuses to retry or discard a job that has not failed', async () => {
  const id = await enqueue(app.db, 'test.not-handled-here', {}, { runAt: new Date(Date.now() + 3_600_000) });
  const res = await app.inject({ method: 'POST', url: `/api/v1/admin/jobs/${id}/retry`, headers: admin.auth });
  expect(res.statusCode).toBe(409);
  expect((await app.inject({ method: 'DELETE', url: `/api/v1/admin/jobs/${id}`, headers: admin.auth })).statusCode).toBe(409);
  expect((await app.inject({ method: 'DELETE', url: '/api/v1/admin/jobs/not-a-uuid', headers: admin.auth })).statusCode).toBe(400);
});
