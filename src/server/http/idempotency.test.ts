import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client.ts';
import { recordInboundEvent } from '../jobs/inbound-events.ts';
import { buildTestApp, countRows, type TestApp } from '../test/app.ts';
import { accountOf, STRONG_PASSWORD, uniqueEmail, type TestAccount } from '../test/identity.ts';
import { approvedStylist, parisMorning, requestPayload, type TestStylist } from '../modules/stylists/test-helpers.ts';

let app: TestApp;
let client: TestAccount;
let stylist: TestStylist;

beforeAll(async () => {
  app = await buildTestApp();
  const admin = await accountOf(app, 'ADMIN');
  client = await accountOf(app, 'CLIENT');
  stylist = await approvedStylist(app, admin);
}, 60_000);
afterAll(() => app.shutdown());

const key = () => `key-${crypto.randomUUID()}`;

describe('Idempotency-Key on RequestStylist', () => {
  it('20 parallel calls with one key make one request and get 20 identical answers', async () => {
    const idem = key();
    const payload = requestPayload(client, stylist, parisMorning(3));
    const before = await countRows(app.db, 'booking_requests');
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        app.inject({ method: 'POST', url: '/api/v1/matching/request', headers: { ...client.auth, 'idempotency-key': idem }, payload }),
      ),
    );
    expect(await countRows(app.db, 'booking_requests')).toBe(before + 1);
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
  });

  it('a later retry with the same key and body replays the answer and does nothing again; another body is 409', async () => {
    const idem = key();
    const payload = requestPayload(client, stylist, parisMorning(4));
    const first = await app.inject({
      method: 'POST',
      url: '/api/v1/matching/request',
      headers: { ...client.auth, 'idempotency-key': idem },
      payload,
    });
    expect(first.statusCode).toBe(201);
    const count = await countRows(app.db, 'booking_requests');
    // Key order in the body does not matter.
    const reordered = Object.fromEntries(Object.entries(payload).reverse());
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/matching/request',
      headers: { ...client.auth, 'idempotency-key': idem },
      payload: reordered,
    });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await countRows(app.db, 'booking_requests')).toBe(count);
    // The answer kept for the replay is sealed at rest like other personal data (#11.11), and replays in clear.
    const [kept] = await queryRows<{ response_body: string }>(app.db, sql`select response_body from idempotency_keys where key = ${idem}`);
    expect(kept!.response_body).not.toContain(first.json().requestId);
    expect(kept!.response_body).not.toContain('{');

    const other = await app.inject({
      method: 'POST',
      url: '/api/v1/matching/request',
      headers: { ...client.auth, 'idempotency-key': idem },
      payload: requestPayload(client, stylist, parisMorning(5)),
    });
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'ConflictException', message: expect.stringContaining('Idempotency-Key') });
    expect(await countRows(app.db, 'booking_requests')).toBe(count);
  });

  it('keys belong to their caller: another client with the same key is not answered with the first one’s request', async () => {
    const idem = key();
    const other = await accountOf(app, 'CLIENT');
    const mine = await app.inject({
      method: 'POST',
      url: '/api/v1/matching/request',
      headers: { ...client.auth, 'idempotency-key': idem },
      payload: requestPayload(client, stylist, parisMorning(6)),
    });
    const theirs = await app.inject({
      method: 'POST',
      url: '/api/v1/matching/request',
      headers: { ...other.auth, 'idempotency-key': idem },
      payload: requestPayload(other, stylist, parisMorning(7)),
    });
    expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201]);
    expect(theirs.json().requestId).not.toBe(mine.json().requestId);
  });

  it('refuses a malformed key with 400 naming the header, and works without a key as before', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/matching/request',
      headers: { ...client.auth, 'idempotency-key': 'has spaces' },
      payload: requestPayload(client, stylist, parisMorning(8)),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('ValidationException');
    expect(JSON.stringify(bad.json())).toContain('idempotency-key');
    const plain = await app.inject({
      method: 'POST',
      url: '/api/v1/matching/request',
      headers: client.auth,
      payload: requestPayload(client, stylist, parisMorning(8)),
    });
    expect(plain.statusCode).toBe(201);
  });
});

describe('Idempotency-Key on CreateUser', () => {
  it('20 parallel sign-ups with one key create one account and answer identically; another body is 409', async () => {
    const idem = key();
    const email = uniqueEmail('idem');
    const payload = { email, password: STRONG_PASSWORD, firstName: 'Ines', lastName: 'Marchetti', acceptTerms: true };
    const before = await countRows(app.db, 'users');
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => app.inject({ method: 'POST', url: '/api/v1/users', headers: { 'idempotency-key': idem }, payload })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(await countRows(app.db, 'users')).toBe(before + 1);
    const other = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { 'idempotency-key': idem },
      payload: { ...payload, email: uniqueEmail('idem2') },
    });
    expect(other.statusCode).toBe(409);
    expect(other.json().message).toContain('Idempotency-Key');
    expect(await countRows(app.db, 'users')).toBe(before + 1);
  });

  it('replays a 4xx answer too (the first try’s outcome), and a key past its 24 h is used afresh', async () => {
    const idem = key();
    const payload = { email: uniqueEmail('weak'), password: 'short', firstName: 'A', lastName: 'B', acceptTerms: true };
    const first = await app.inject({ method: 'POST', url: '/api/v1/users', headers: { 'idempotency-key': idem }, payload });
    expect(first.statusCode).toBe(400);
    const good = { ...payload, password: STRONG_PASSWORD };
    await app.db.execute(sql`update idempotency_keys set expires_at = now() - interval '1 second' where key = ${idem}`);
    const fresh = await app.inject({ method: 'POST', url: '/api/v1/users', headers: { 'idempotency-key': idem }, payload: good });
    expect(fresh.statusCode).toBe(201);
  });

  it('an expired key is deleted by the recurring cleanup job', async () => {
    const idem = key();
    await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { 'idempotency-key': idem },
      payload: { email: uniqueEmail('exp'), password: STRONG_PASSWORD, firstName: 'A', lastName: 'B', acceptTerms: true },
    });
    await app.db.execute(sql`update idempotency_keys set expires_at = now() - interval '1 second' where key = ${idem}`);
    const { idempotencyJobs } = await import('./idempotency.ts');
    await idempotencyJobs[0]!.handle(app.ctx, {}, { id: 'test', attempt: 1, db: app.db });
    expect(await queryRows(app.db, sql`select 1 from idempotency_keys where key = ${idem}`)).toEqual([]);
    expect(
      await queryRows(app.db, sql`select 1 from jobs where dedupe_key = 'every:platform.expire-idempotency-keys' and status = 'pending'`),
    ).toHaveLength(1);
  });
});

describe('inbound provider events', () => {
  it('are applied once per (provider, event id), whatever the number of deliveries', async () => {
    const applied: string[] = [];
    const deliver = (eventId: string) =>
      app.db.transaction(async (tx) => {
        if (await recordInboundEvent(tx, 'sandbox', eventId)) applied.push(eventId);
      });
    await Promise.all([deliver('evt_1'), deliver('evt_1'), deliver('evt_2'), deliver('evt_1')]);
    expect(applied.sort()).toEqual(['evt_1', 'evt_2']);
    // A rolled-back application does not count as applied.
    await app.db
      .transaction(async (tx) => {
        await recordInboundEvent(tx, 'sandbox', 'evt_3');
        throw new Error('apply failed');
      })
      .catch(() => undefined);
    await deliver('evt_3');
    expect(applied).toContain('evt_3');
  });
});
