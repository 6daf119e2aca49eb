import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client.ts';
import { buildTestApp, type TestApp } from '../test/app.ts';
import { expectConverted, expectSealed } from '../test/free-text.ts';
import { accountOf } from '../test/identity.ts';
import { approvedStylist, parisMorning, profile, requestPayload } from '../modules/stylists/test-helpers.ts';
import { encryptFreeText } from './free-text.ts';

// Issue #11.11: free text that may carry personal details is stored encrypted, old rows included.

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ BOOKING_SWEEP_INTERVAL_SECONDS: '0' });
}, 60_000);
afterAll(() => app.shutdown());

const MESSAGE = 'Please come to 12 Belgrave Square, my husband must not know about the gift.';
const NOTE = 'I am Celeste Moreau, principal at the Royal Opera; my agent is at +44 20 7946 0321.';
const VETTING = 'References from Mme Delphine Duval (+33 6 12 34 56 78) checked; former employer confirmed.';
const PORTFOLIO_CLIENT = 'Isabella Marchetti';

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

  it('stores vetting notes and portfolio client names encrypted, and answers them in clear to those who may read them', async () => {
    const admin = await accountOf(app, 'ADMIN');
    const account = await accountOf(app, 'STYLIST');
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/stylists',
      headers: account.auth,
      payload: { userId: account.userId, ...profile },
    });
    expect(created.statusCode, created.body).toBe(201);
    const stylistId = created.json().stylistId as string;
    const review = await app.inject({
      method: 'POST',
      url: `/api/v1/stylists/${stylistId}/review`,
      headers: admin.auth,
      payload: { decision: 'APPROVE', notes: VETTING },
    });
    expect(review.statusCode, review.body).toBe(200);
    expect(review.json().stylist.vettingNotes).toBe(VETTING);
    const item = await app.inject({
      method: 'POST',
      url: `/api/v1/stylists/${stylistId}/portfolio`,
      headers: account.auth,
      payload: {
        title: 'Venice, opening night',
        imageUrl: '/media/generated/editorial/portfolio-look-1280.webp',
        clientName: PORTFOLIO_CLIENT,
      },
    });
    expect(item.statusCode, item.body).toBe(201);

    const [stored] = await queryRows<{ vetting_notes: string; client_name: string }>(
      app.db,
      sql`select s.vetting_notes, p.client_name from stylists s join stylist_portfolio_items p on p.stylist_id = s.id where s.id = ${stylistId}::uuid`,
    );
    expect(stored!.vetting_notes.includes('Duval'), 'vetting notes in clear').toBe(false);
    expect(stored!.client_name.includes('Marchetti'), 'portfolio client name in clear').toBe(false);

    const publicView = (await app.inject({ method: 'GET', url: `/api/v1/stylists/${stylistId}` })).json().stylist;
    expect(publicView.portfolio.map((p: { clientName?: string }) => p.clientName)).toEqual([PORTFOLIO_CLIENT]);
    expect(publicView.vettingNotes).toBeUndefined();
    const own = (await app.inject({ method: 'GET', url: '/api/v1/me/stylist', headers: account.auth })).json().stylist;
    expect(own.vettingNotes).toBe(VETTING);
  });

  it('keeps the reason a booking’s history repeats encrypted too, and shows it in clear', async () => {
    const admin = await accountOf(app, 'ADMIN');
    const client = await accountOf(app, 'CLIENT');
    const stylist = await approvedStylist(app, admin);
    const reason = 'Your neighbour Mrs Delacroix at no. 14 told me about your divorce; I would rather not.';
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/matching/request',
      headers: client.auth,
      payload: requestPayload(client, stylist, parisMorning(6, 10)),
    });
    expect(r.statusCode, r.body).toBe(201);
    const requestId = r.json().requestId as string;
    const declined = await app.inject({
      method: 'POST',
      url: '/api/v1/matching/decline',
      headers: stylist.auth,
      payload: { requestId, stylistId: stylist.stylistId, reason },
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const [event] = await queryRows<{ id: string }>(
      app.db,
      sql`select id::text as id from booking_events where request_id = ${requestId}::uuid and type = 'DECLINED'`,
    );
    await expectSealed(app, { table: 'booking_events', column: 'details', key: 'reason' }, event!.id, 'Delacroix');
    const history = async () =>
      (await app.inject({ method: 'GET', url: `/api/v1/requests/${requestId}`, headers: client.auth })).json().request.history.at(-1);
    expect(await history()).toMatchObject({ type: 'DECLINED', details: { reason } });
    await expectConverted(app, { table: 'booking_events', column: 'details', key: 'reason' }, event!.id, reason);
    expect(await history()).toMatchObject({ type: 'DECLINED', details: { reason } });
  });

  it('encrypts vetting notes and portfolio client names written in clear before', async () => {
    await app.db.execute(sql`update stylists set vetting_notes = ${VETTING}`);
    await app.db.execute(sql`update stylist_portfolio_items set client_name = ${PORTFOLIO_CLIENT}`);
    expect(await encryptFreeText(app.db, app.ctx.keys)).toBeGreaterThan(1);
    const rows = await queryRows<{ value: string }>(
      app.db,
      sql`select vetting_notes as value from stylists where vetting_notes is not null union all select client_name from stylist_portfolio_items where client_name is not null`,
    );
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.filter((row) => row.value.includes('Duval') || row.value.includes('Marchetti'))).toEqual([]);
    const [stylist] = await queryRows<{ id: string }>(app.db, sql`select stylist_id::text as id from stylist_portfolio_items limit 1`);
    const view = (await app.inject({ method: 'GET', url: `/api/v1/stylists/${stylist!.id}` })).json().stylist;
    expect(view.portfolio[0].clientName).toBe(PORTFOLIO_CLIENT);
  });
});
