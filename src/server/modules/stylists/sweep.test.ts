import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { accountOf, type TestAccount } from '../../test/identity.ts';
import { approvedStylist, parisMorning, requestPayload, type TestStylist } from './test-helpers.ts';

let app: TestApp;
let admin: TestAccount;
let client: TestAccount;
let stylist: TestStylist;

beforeAll(async () => {
  app = await buildTestApp({ BOOKING_SWEEP_INTERVAL_SECONDS: '1' });
  admin = await accountOf(app, 'ADMIN');
  client = await accountOf(app, 'CLIENT');
  stylist = await approvedStylist(app, admin);
}, 60_000);
afterAll(() => app.shutdown());

describe('the background sweep started by the app', () => {
  it('expires an overdue pending request on its own', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/matching/request',
      headers: client.auth,
      payload: requestPayload(client, stylist, parisMorning(5)),
    });
    const id = res.json().requestId;
    await app.db.execute(sql`update booking_requests set expires_at = now() - interval '1 second' where id = ${id}`);
    let status = 'PENDING';
    for (let i = 0; i < 40 && status === 'PENDING'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await queryRows<{ status: string }>(app.db, sql`select status from booking_requests where id = ${id}`))[0]!.status;
    }
    expect(status).toBe('EXPIRED');
  });

  it('DeleteStylist cancels the stylist’s upcoming bookings and pending requests, and hides the profile', async () => {
    const doomed = await approvedStylist(app, admin);
    const booked = await app.inject({
      method: 'POST',
      url: '/api/v1/matching/request',
      headers: client.auth,
      payload: requestPayload(client, doomed, parisMorning(6)),
    });
    await app.inject({
      method: 'POST',
      url: '/api/v1/matching/accept',
      headers: doomed.auth,
      payload: { requestId: booked.json().requestId, stylistId: doomed.stylistId },
    });
    const pending = await app.inject({
      method: 'POST',
      url: '/api/v1/matching/request',
      headers: client.auth,
      payload: requestPayload(client, doomed, parisMorning(7)),
    });
    const other = await accountOf(app, 'STYLIST');
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/stylists/${doomed.stylistId}`, headers: other.auth })).statusCode).toBe(403);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/stylists/${doomed.stylistId}`, headers: doomed.auth })).statusCode).toBe(
      200,
    );
    expect((await app.inject({ method: 'GET', url: `/api/v1/stylists/${doomed.stylistId}` })).statusCode).toBe(404);
    const mine = (await app.inject({ method: 'GET', url: '/api/v1/me/bookings', headers: client.auth })).json().requests;
    expect(mine.find((r: { requestId: string }) => r.requestId === booked.json().requestId)).toMatchObject({
      status: 'CANCELLED',
      booking: { status: 'CANCELLED' },
    });
    expect(mine.find((r: { requestId: string }) => r.requestId === pending.json().requestId).status).toBe('CANCELLED');
  });
});
