import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client.ts';
import { buildTestApp, type TestApp } from '../test/app.ts';
import { accountOf } from '../test/identity.ts';
import { approvedStylist, parisMorning, requestPayload } from '../modules/stylists/test-helpers.ts';
import { encryptFreeText } from './free-text.ts';

// Issue #11.11: free text that may carry personal details is stored encrypted, old rows included.

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ BOOKING_SWEEP_INTERVAL_SECONDS: '0' });
}, 60_000);
afterAll(() => app.shutdown());

const MESSAGE = 'Please come to 12 Belgrave Square, my husband must not know about the gift.';
const NOTE = 'I am Celeste Moreau, principal at the Royal Opera; my agent is at +44 20 7946 0321.';

describe('free text at rest', () => {
  it('stores booking messages and VIP notes encrypted, and answers them in clear', async () => {
    const admin = await accountOf(app, 'ADMIN');
    const client = await accountOf(app, 'CLIENT');
    const stylist = await approvedStylist(app, admin);
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/matching/request',
      headers: client.auth,
      payload: { ...requestPayload(client, stylist, parisMorning(5)), message: MESSAGE },
    });
    expect(r.statusCode, r.body).toBe(201);
    const vip = await app.inject({ method: 'POST', url: '/api/v1/vip/applications', headers: client.auth, payload: { note: NOTE } });
    expect(vip.statusCode, vip.body).toBe(201);

    const [stored] = await queryRows<{ message: string; note: string }>(
      app.db,
      sql`select r.message, v.note from booking_requests r, vip_applications v where r.id = ${r.json().requestId} and v.id = ${vip.json().applicationId}`,
    );
    expect(stored!.message.includes('Belgrave'), 'booking message in clear').toBe(false);
    expect(stored!.note.includes('Moreau'), 'VIP note in clear').toBe(false);
    const seen = await app.inject({ method: 'GET', url: `/api/v1/requests/${r.json().requestId}`, headers: stylist.auth });
    expect(seen.json().request.message).toBe(MESSAGE);
  });

  it('encrypts rows written in clear before, once, and they still read the same', async () => {
    await app.db.execute(sql`update booking_requests set message = ${MESSAGE}`);
    const changed = await encryptFreeText(app.db, app.ctx.keys);
    expect(changed).toBeGreaterThan(0);
    const rows = await queryRows<{ message: string }>(app.db, sql`select message from booking_requests where message is not null`);
    expect(rows.every((row) => !row.message.includes('Belgrave'))).toBe(true);
    expect(await encryptFreeText(app.db, app.ctx.keys)).toBe(0);
    const [one] = await queryRows<{ id: string }>(app.db, sql`select id::text as id from booking_requests limit 1`);
    const client = await queryRows<{ client_id: string }>(
      app.db,
      sql`select client_id::text as client_id from booking_requests where id = ${one!.id}::uuid`,
    );
    expect(client.length).toBe(1);
  });
});
