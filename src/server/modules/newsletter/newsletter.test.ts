import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, countRows, type TestApp } from '../../test/app.ts';
import { listDevMail } from '../mail/service.ts';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.shutdown());

const subscribe = (email: unknown) => app.inject({ method: 'POST', url: '/api/v1/newsletter/subscriptions', payload: { email } });

it('stores one encrypted subscription per address and welcomes it once', async () => {
  expect((await subscribe('Clara@Example.com')).statusCode).toBe(202);
  expect((await subscribe('clara@example.com ')).statusCode).toBe(202);
  expect(await countRows(app.db, 'newsletter_subscriptions')).toBe(1);
  const welcomes = (await listDevMail(app.db, app.ctx.keys)).filter((m) => m.subject.startsWith('Welcome to The Letter'));
  expect(welcomes.map((m) => m.to)).toEqual(['clara@example.com']);
});

it.each(['', 'not-an-address', 'a'.repeat(250) + '@x.com', 42])('refuses %j with a field error', async (email) => {
  const res = await subscribe(email);
  expect(res.statusCode).toBe(400);
  expect(res.json().fieldErrors).toHaveProperty(['body.email']);
});
