import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { listDevMail } from '../mail/service.ts';
import { buildTestApp, countRows, type TestApp } from '../../test/app.ts';
import { accountOf, type TestAccount } from '../../test/identity.ts';
import { pgCode } from '../../db/errors.ts';
import { expirePendingRequests, sendDueReminders } from './sweep.ts';
import { approvedStylist, parisMorning, requestPayload, type TestStylist } from './test-helpers.ts';

let app: TestApp;
let admin: TestAccount;
let client: TestAccount;
let stylist: TestStylist;

beforeAll(async () => {
  app = await buildTestApp({ BOOKING_SWEEP_INTERVAL_SECONDS: '0', BOOKING_REQUEST_TTL_HOURS: '48' });
  admin = await accountOf(app, 'ADMIN');
  client = await accountOf(app, 'CLIENT');
  stylist = await approvedStylist(app, admin, {
    schedule: {
      timeZone: 'Europe/Paris',
      weekly: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'].map((day) => ({ day, start: '08:00', end: '20:00' })),
      bufferMinutes: 30,
      minNoticeHours: 2,
      horizonDays: 60,
    },
  });
}, 60_000);
afterAll(() => app.shutdown());

const request = (who: TestAccount, payload: object) =>
  app.inject({ method: 'POST', url: '/api/v1/matching/request', headers: who.auth, payload });
const accept = (requestId: string, who: TestAccount = stylist, extra: object = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/matching/accept',
    headers: who.auth,
    payload: { requestId, stylistId: stylist.stylistId, ...extra },
  });
const getRequest = (requestId: string, who: TestAccount) =>
  app.inject({ method: 'GET', url: `/api/v1/requests/${requestId}`, headers: who.auth });
const mailTo = async (subject: RegExp) => (await listDevMail(app.db, app.ctx.keys, 500)).filter((m) => subject.test(m.subject));

describe('bad input: clear 4xx and nothing written', () => {
  const cases: [string, () => object, number, string][] = [
    ['outside availability (a Paris night)', () => requestPayload(client, stylist, parisMorning(3, 22)), 400, 'body.requestedDate'],
    ['in the past', () => requestPayload(client, stylist, '2020-05-04T08:00:00Z'), 400, 'body.requestedDate'],
    [
      'inside the minimum notice',
      () => requestPayload(client, stylist, new Date(Date.now() + 3_600_000).toISOString()),
      400,
      'body.requestedDate',
    ],
    ['beyond the horizon', () => requestPayload(client, stylist, parisMorning(70)), 400, 'body.requestedDate'],
    [
      'a duration that is not the service’s',
      () => requestPayload(client, stylist, parisMorning(3), { requestedDuration: 45 }),
      400,
      'body.requestedDuration',
    ],
    [
      'a duration no service has',
      () => ({ ...requestPayload(client, stylist, parisMorning(3)), serviceId: undefined, requestedDuration: 75 }),
      400,
      'body.requestedDuration',
    ],
    [
      'a service of another stylist',
      () => requestPayload(client, stylist, parisMorning(3), { serviceId: '0195f3a2-7c1d-7b8e-9a4f-2d3c4b5a6e7f' }),
      400,
      'body.serviceId',
    ],
    [
      'someone else’s clientId',
      () => ({ ...requestPayload(client, stylist, parisMorning(3)), clientId: admin.userId }),
      403,
      'body.clientId',
    ],
    [
      'an unknown stylistId',
      () => ({ ...requestPayload(client, stylist, parisMorning(3)), stylistId: '0195f3a2-7c1d-7b8e-9a4f-2d3c4b5a6e7f' }),
      404,
      'body.stylistId',
    ],
    ['not a date', () => requestPayload(client, stylist, 'next tuesday'), 400, 'body.requestedDate'],
  ];
  it.each(cases)('%s', async (_what, payload, status, field) => {
    const before = [
      await countRows(app.db, 'booking_requests'),
      await countRows(app.db, 'booking_events'),
      await countRows(app.db, 'dev_mailbox'),
    ];
    const res = await request(client, payload());
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().fieldErrors?.[field], res.body).toBeDefined();
    expect([
      await countRows(app.db, 'booking_requests'),
      await countRows(app.db, 'booking_events'),
      await countRows(app.db, 'dev_mailbox'),
    ]).toEqual(before);
  });

  it('a stylist that is not approved cannot be booked', async () => {
    const pending = await accountOf(app, 'STYLIST');
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/stylists',
      headers: pending.auth,
      payload: { userId: pending.userId, bio: 'New', specialties: ['bridal'], rate: { amount: 100, currency: 'EUR' } },
    });
    const res = await request(client, { clientId: client.userId, stylistId: created.json().stylistId, requestedDate: parisMorning(3) });
    expect(res.statusCode).toBe(404);
  });
});

describe('request → accept / decline', () => {
  it('accepts into a CONFIRMED booking, emails both sides, and refuses an overlapping accept with 409', async () => {
    const other = await accountOf(app, 'CLIENT');
    const at = parisMorning(4, 10);
    // The client reads their mail in New York (the web app tells the server the browser's zone at sign-in).
    const zone = await app.inject({
      method: 'PUT',
      url: '/api/v1/me/notification-settings',
      headers: client.auth,
      payload: { timeZone: 'America/New_York' },
    });
    expect(zone.statusCode, zone.body).toBe(200);
    const first = await request(client, { ...requestPayload(client, stylist, at), message: 'Cannes gala outfit' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().status).toBe('PENDING');
    // Several clients may hold pending requests for the same time.
    const second = await request(other, requestPayload(other, stylist, new Date(Date.parse(at) + 30 * 60_000).toISOString()));
    expect(second.statusCode, second.body).toBe(201);
    const dup = await request(client, requestPayload(client, stylist, at));
    expect(dup.statusCode).toBe(409);

    expect((await mailTo(/New session request/)).length).toBeGreaterThanOrEqual(2);
    const ok = await accept(first.json().requestId, stylist, { location: 'Hôtel Plaza Athénée' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'ACCEPTED',
      bookingDetails: { status: 'CONFIRMED', startTime: at, location: 'Hôtel Plaza Athénée' },
    });
    expect((await mailTo(/^Your session is confirmed$/)).length).toBe(1);
    // Each reads their own time, the place named by the stylist's city: never a zone id, never UTC (#12).
    const local = (zone: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));
    const [confirmed] = await mailTo(/^Your session is confirmed$/);
    expect(confirmed!.text).toContain(`at ${local('America/New_York')} your time (${local('Europe/Paris')} in Paris)`);
    const asked = (await mailTo(/New session request/)).find((m) => m.text.includes('Cannes gala outfit'));
    expect(asked!.text).toContain(`at ${local('Europe/Paris')}, Paris time`);
    for (const mail of [confirmed!, asked!]) expect(mail.text).not.toMatch(/UTC|Europe\/|America\//);

    const clash = await accept(second.json().requestId);
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('ConflictException');
    expect(await countRows(app.db, 'stylist_bookings')).toBe(1);
    const again = await accept(first.json().requestId);
    expect(again.statusCode).toBe(409);

    // The booked time (and its buffer) is no longer offered, nor requestable.
    const slots = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/stylists/${stylist.stylistId}/availability?startDate=${encodeURIComponent(parisMorning(4, 8))}&endDate=${encodeURIComponent(parisMorning(4, 12))}`,
      })
    ).json().availability;
    // 09:00 would need its own buffer before 10:00; 11:00 falls in the booking's buffer.
    expect(slots.map((s: { status: string }) => s.status)).toEqual(['AVAILABLE', 'BOOKED', 'BOOKED', 'BOOKED']);
    const late = await request(other, requestPayload(other, stylist, parisMorning(4, 11)));
    expect(late.statusCode).toBe(409);

    const mine = (await app.inject({ method: 'GET', url: '/api/v1/me/bookings', headers: client.auth })).json().requests;
    expect(mine.find((r: { requestId: string }) => r.requestId === first.json().requestId)).toMatchObject({
      status: 'ACCEPTED',
      booking: { status: 'CONFIRMED' },
      stylist: { timeZone: 'Europe/Paris' },
    });
    const detail = (await getRequest(first.json().requestId, stylist)).json().request;
    expect(detail.history.map((e: { type: string }) => e.type)).toEqual(['REQUESTED', 'ACCEPTED']);
  });

  it('only the stylist who was asked may answer; a foreign stylistId is 404', async () => {
    const res = await request(client, requestPayload(client, stylist, parisMorning(5, 9)));
    const intruder = await approvedStylist(app, admin);
    const foreign = await app.inject({
      method: 'POST',
      url: '/api/v1/matching/accept',
      headers: intruder.auth,
      payload: { requestId: res.json().requestId, stylistId: stylist.stylistId },
    });
    expect(foreign.statusCode).toBe(404);
    const ownId = await app.inject({
      method: 'POST',
      url: '/api/v1/matching/accept',
      headers: intruder.auth,
      payload: { requestId: res.json().requestId, stylistId: intruder.stylistId },
    });
    expect(ownId.statusCode).toBe(404);
    expect((await getRequest(res.json().requestId, intruder)).statusCode).toBe(404);
    expect((await getRequest(res.json().requestId, await accountOf(app, 'CLIENT'))).statusCode).toBe(404);
  });

  it('declines with a reason and alternative dates the client can book with one request', async () => {
    const res = await request(client, requestPayload(client, stylist, parisMorning(6, 9)));
    const alternatives = [parisMorning(7, 14), parisMorning(8, 15)];
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/matching/decline',
      headers: stylist.auth,
      payload: { requestId: res.json().requestId, stylistId: stylist.stylistId, alternativeDates: ['2020-01-01T00:00:00Z'] },
    });
    expect(bad.statusCode).toBe(400);
    const declined = await app.inject({
      method: 'POST',
      url: '/api/v1/matching/decline',
      headers: stylist.auth,
      payload: {
        requestId: res.json().requestId,
        stylistId: stylist.stylistId,
        reason: 'At Paris Fashion Week',
        alternativeDates: alternatives,
      },
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json().status).toBe('DECLINED');
    const view = (await getRequest(res.json().requestId, client)).json().request;
    expect(view).toMatchObject({ status: 'DECLINED', declineReason: 'At Paris Fashion Week', alternativeDates: alternatives });
    expect((await mailTo(/^Your session request was declined$/)).at(0)?.text).toContain('Proposed instead');
    const rebook = await request(client, requestPayload(client, stylist, alternatives[0]!));
    expect(rebook.statusCode, rebook.body).toBe(201);
  });
});

describe('the exclusion constraint', () => {
  it('refuses two overlapping live bookings of one stylist in the database itself (23P01), buffers included', async () => {
    const r1 = await request(client, requestPayload(client, stylist, parisMorning(30, 9)));
    const r2 = await request(client, requestPayload(client, stylist, parisMorning(30, 11)));
    const insert = (requestId: string, start: string, blockEndMinutes: number, status = 'CONFIRMED') =>
      app.db
        .execute(sql`insert into stylist_bookings (id, request_id, stylist_id, client_id, start_at, end_at, block_start, block_end, status)
        values (gen_random_uuid(), ${requestId}, ${stylist.stylistId}, ${client.userId}, ${start}::timestamptz, ${start}::timestamptz + interval '60 minutes',
                ${start}::timestamptz, ${start}::timestamptz + make_interval(mins => ${blockEndMinutes}), ${status}::booking_status)`);
    await insert(r1.json().requestId, parisMorning(30, 9), 90);
    // 10:00 starts inside the first booking's 30-minute buffer.
    const clash = await insert(r2.json().requestId, parisMorning(30, 10), 90).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(pgCode(clash)).toBe('23P01');
    // A cancelled booking holds no time.
    await insert(r2.json().requestId, parisMorning(30, 10), 90, 'CANCELLED');
    await app.db.execute(sql`delete from stylist_bookings where request_id in (${r1.json().requestId}, ${r2.json().requestId})`);
  });
});

describe('cancel, reschedule, complete, review', () => {
  it('cancels under the policy: free before, late inside the window; everything recorded', async () => {
    await app.inject({
      method: 'PUT',
      url: `/api/v1/stylists/${stylist.stylistId}/cancellation-policy`,
      headers: stylist.auth,
      payload: { freeCancellationHours: 72 },
    });
    const far = await request(client, requestPayload(client, stylist, parisMorning(10, 9)));
    await accept(far.json().requestId);
    const free = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${far.json().requestId}/cancel`,
      headers: client.auth,
      payload: { reason: 'Trip moved' },
    });
    expect(free.statusCode, free.body).toBe(200);
    expect(free.json().request).toMatchObject({
      status: 'CANCELLED',
      booking: { status: 'CANCELLED' },
      cancellation: { late: false, reason: 'Trip moved' },
    });
    expect((await mailTo(/^A session was cancelled$/)).length).toBe(1);

    const near = await request(client, requestPayload(client, stylist, parisMorning(2, 15)));
    await accept(near.json().requestId);
    const move = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${near.json().requestId}/reschedule`,
      headers: client.auth,
      payload: { requestedDate: parisMorning(3, 16) },
    });
    expect(move.statusCode).toBe(409);
    const late = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${near.json().requestId}/cancel`,
      headers: client.auth,
      payload: {},
    });
    expect(late.json().request.cancellation.late).toBe(true);
    expect(late.json().request.history.map((e: { type: string }) => e.type)).toEqual(['REQUESTED', 'ACCEPTED', 'CANCELLED']);
    await app.inject({
      method: 'PUT',
      url: `/api/v1/stylists/${stylist.stylistId}/cancellation-policy`,
      headers: stylist.auth,
      payload: { freeCancellationHours: 24 },
    });
  });

  it('reschedules a confirmed booking into free time, and answers 409 when the new time overlaps', async () => {
    const a = await request(client, requestPayload(client, stylist, parisMorning(12, 9)));
    const b = await request(client, requestPayload(client, stylist, parisMorning(12, 14)));
    await accept(a.json().requestId);
    await accept(b.json().requestId);
    const clash = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${a.json().requestId}/reschedule`,
      headers: client.auth,
      payload: { requestedDate: parisMorning(12, 13) },
    });
    expect(clash.statusCode).toBe(409);
    const outside = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${a.json().requestId}/reschedule`,
      headers: client.auth,
      payload: { requestedDate: parisMorning(12, 21) },
    });
    expect(outside.statusCode).toBe(400);
    const moved = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${a.json().requestId}/reschedule`,
      headers: stylist.auth,
      payload: { requestedDate: parisMorning(12, 10) },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().request.booking.startTime).toBe(parisMorning(12, 10));
    expect(moved.json().request.history.at(-1)).toMatchObject({ type: 'RESCHEDULED' });
  });

  it('a completed booking can be reviewed once; the stylist replies once; the rating updates', async () => {
    const r = await request(client, requestPayload(client, stylist, parisMorning(15, 9)));
    await accept(r.json().requestId);
    const early = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${r.json().requestId}/review`,
      headers: client.auth,
      payload: { rating: 5, text: 'Superb' },
    });
    expect(early.statusCode).toBe(409);
    const notYet = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${r.json().requestId}/complete`,
      headers: stylist.auth,
      payload: { outcome: 'COMPLETED' },
    });
    expect(notYet.statusCode).toBe(409);
    // The session took place: move it into the past as the clock would.
    await app.db.execute(
      sql`update stylist_bookings set start_at = now() - interval '3 hours', end_at = now() - interval '2 hours', block_start = now() - interval '3 hours', block_end = now() - interval '90 minutes' where request_id = ${r.json().requestId}`,
    );
    const done = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${r.json().requestId}/complete`,
      headers: stylist.auth,
      payload: { outcome: 'COMPLETED' },
    });
    expect(done.statusCode, done.body).toBe(200);
    const badStars = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${r.json().requestId}/review`,
      headers: client.auth,
      payload: { rating: 6, text: 'Too good' },
    });
    expect(badStars.statusCode).toBe(400);
    const review = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${r.json().requestId}/review`,
      headers: client.auth,
      payload: { rating: 4, text: 'Precise and calm.' },
    });
    expect(review.statusCode, review.body).toBe(201);
    expect(review.json().review.author).toBe('Ava L.');
    const twice = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${r.json().requestId}/review`,
      headers: client.auth,
      payload: { rating: 1, text: 'Again' },
    });
    expect(twice.statusCode).toBe(409);
    const id = review.json().review.reviewId;
    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/reviews/${id}/reply`, headers: stylist.auth, payload: { reply: 'Merci !' } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/reviews/${id}/reply`, headers: stylist.auth, payload: { reply: 'Again' } }))
        .statusCode,
    ).toBe(409);
    const profile = (await app.inject({ method: 'GET', url: `/api/v1/stylists/${stylist.stylistId}` })).json().stylist;
    expect(profile).toMatchObject({ rating: 4, reviewCount: 1 });
    const reviews = (await app.inject({ method: 'GET', url: `/api/v1/stylists/${stylist.stylistId}/reviews` })).json().reviews;
    expect(reviews[0]).toMatchObject({ rating: 4, reply: 'Merci !' });
  });
});

describe('privacy', () => {
  it('a stylist sees a standard client’s display name only until accepting; contact details after (#11.10)', async () => {
    const guest = await accountOf(app, 'CLIENT');
    const r = await request(guest, requestPayload(guest, stylist, parisMorning(21, 15)));
    expect(r.statusCode, r.body).toBe(201);
    const pending = (await getRequest(r.json().requestId, stylist)).json().request;
    expect(pending.client).toEqual({ displayName: 'Ava L.', firstName: 'Ava', isAlias: false });
    const listed = (await app.inject({ method: 'GET', url: '/api/v1/me/stylist/requests?status=PENDING', headers: stylist.auth }))
      .json()
      .requests.find((x: { requestId: string }) => x.requestId === r.json().requestId);
    expect(listed.client.email).toBeUndefined();
    expect((await accept(r.json().requestId)).statusCode).toBe(200);
    const accepted = (await getRequest(r.json().requestId, stylist)).json().request;
    expect(accepted.client).toMatchObject({ displayName: 'Ava Laurent', email: guest.email, isAlias: false });
  });

  it('keeps names out of every booking mail subject (#11.11)', async () => {
    const mail = await listDevMail(app.db, app.ctx.keys, 500);
    const bookingMail = mail.filter((m) => /session|request/i.test(m.subject));
    expect(bookingMail.length).toBeGreaterThan(3);
    expect(bookingMail.filter((m) => /Laurent|Ava|Client [A-Z0-9]-/.test(m.subject)).map((m) => m.subject)).toEqual([]);
  });

  it('a VIP in privacy mode appears to the stylist under an alias, without contact details, until shared', async () => {
    const vip = await accountOf(app, 'CLIENT', { vip: true });
    expect(
      (await app.inject({ method: 'PUT', url: '/api/v1/me/privacy', headers: vip.auth, payload: { privacyMode: true } })).statusCode,
    ).toBe(200);
    const r = await request(vip, requestPayload(vip, stylist, parisMorning(20, 9)));
    expect(r.statusCode, r.body).toBe(201);
    const seen = async () =>
      (await app.inject({ method: 'GET', url: '/api/v1/me/stylist/requests?status=PENDING', headers: stylist.auth }))
        .json()
        .requests.find((x: { requestId: string }) => x.requestId === r.json().requestId);
    const hidden = await seen();
    expect(hidden.client.isAlias).toBe(true);
    expect(hidden.client.email).toBeUndefined();
    expect(hidden.client.displayName).toMatch(/^Client /);
    expect((await mailTo(/^New session request$/)).some((m) => /Client [A-Z0-9]-/.test(m.text))).toBe(true);
    await app.inject({ method: 'POST', url: '/api/v1/me/privacy/shares', headers: vip.auth, payload: { userId: stylist.userId } });
    const shared = await seen();
    expect(shared.client).toMatchObject({ isAlias: false, email: vip.email });
  });
});

describe('expiry and reminders', () => {
  it('a pending request past its expiry reads as EXPIRED before the sweep, cannot be accepted, and the sweep marks it once', async () => {
    const r = await request(client, requestPayload(client, stylist, parisMorning(25, 9)));
    const id = r.json().requestId;
    const [row] = await queryRows<{ expires_at: Date }>(app.db, sql`select expires_at from booking_requests where id = ${id}`);
    expect(new Date(row!.expires_at).getTime() - Date.now()).toBeGreaterThan(47 * 3_600_000);
    await app.db.execute(sql`update booking_requests set expires_at = now() - interval '1 minute' where id = ${id}`);
    expect((await getRequest(id, client)).json().request.status).toBe('EXPIRED');
    const pendingList = (
      await app.inject({ method: 'GET', url: '/api/v1/me/stylist/requests?status=PENDING', headers: stylist.auth })
    ).json().requests;
    expect(pendingList.map((x: { requestId: string }) => x.requestId)).not.toContain(id);
    expect((await accept(id)).statusCode).toBe(409);
    expect(await expirePendingRequests(app.ctx)).toBeGreaterThanOrEqual(1);
    expect(await expirePendingRequests(app.ctx)).toBe(0);
    const [after] = await queryRows<{ status: string }>(app.db, sql`select status from booking_requests where id = ${id}`);
    expect(after!.status).toBe('EXPIRED');
    expect((await mailTo(/request expired/)).length).toBe(1);
  });

  it('sends the 24-hour reminder once to both sides', async () => {
    const r = await request(client, requestPayload(client, stylist, parisMorning(1, 19)));
    expect(r.statusCode, r.body).toBe(201);
    await accept(r.json().requestId);
    // Ensure it starts within 24 h whatever the current time of day is.
    await app.db.execute(
      sql`update stylist_bookings set start_at = now() + interval '20 hours', end_at = now() + interval '21 hours', block_start = now() + interval '20 hours', block_end = now() + interval '21 hours 30 minutes' where request_id = ${r.json().requestId}`,
    );
    const sent = await sendDueReminders(app.ctx);
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(await sendDueReminders(app.ctx)).toBe(0);
    expect((await mailTo(/^Tomorrow: /)).length).toBe(sent * 2);
  });
});

describe('calendar feed', () => {
  it('serves an RFC 5545 feed by secret token; rotation retires the old URL', async () => {
    const feed = (await app.inject({ method: 'GET', url: '/api/v1/me/calendar-feed', headers: client.auth })).json();
    expect(feed.url).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    const same = (await app.inject({ method: 'GET', url: '/api/v1/me/calendar-feed', headers: client.auth })).json();
    expect(same.url).toBe(feed.url);
    const path = new URL(feed.url).pathname;
    const ics = await app.inject({ method: 'GET', url: path });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(ics.body.replace(/\r\n/g, '')).not.toContain('\n');
    expect(ics.body).toMatch(/DTSTART:\d{8}T\d{6}Z\r\n/);
    expect(ics.body).toContain('STATUS:CONFIRMED');
    const stylistFeed = (await app.inject({ method: 'GET', url: '/api/v1/me/calendar-feed', headers: stylist.auth })).json();
    const stylistIcs = await app.inject({ method: 'GET', url: new URL(stylistFeed.url).pathname });
    expect(stylistIcs.body).toContain('BEGIN:VEVENT');
    const rotated = (await app.inject({ method: 'POST', url: '/api/v1/me/calendar-feed/rotate', headers: client.auth })).json();
    expect(rotated.url).not.toBe(feed.url);
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: new URL(rotated.url).pathname })).statusCode).toBe(200);
  });
});

describe("the client's listing: soonest first or latest first, paged", () => {
  it('pages both ways without a gap or a repeat, and refuses a token made for the other order', async () => {
    const lister = await accountOf(app, 'CLIENT');
    // Days no other test in this file books for the shared stylist, so no request here meets a confirmed session.
    for (const day of [40, 41, 42, 43, 44])
      expect((await request(lister, requestPayload(lister, stylist, parisMorning(day, 15)))).statusCode).toBe(201);
    const list = async (query: string) =>
      (await app.inject({ method: 'GET', url: `/api/v1/me/bookings?${query}`, headers: lister.auth })).json();
    const walk = async (order: string) => {
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = await list(`order=${order}&maxResults=2${token ? `&nextToken=${token}` : ''}`);
        seen.push(...page.requests.map((r: { requestedDate: string }) => r.requestedDate));
        token = page.nextToken;
      } while (token);
      return seen;
    };
    const ascending = await walk('asc');
    expect(ascending).toEqual([40, 41, 42, 43, 44].map((d) => parisMorning(d, 15)));
    expect(await walk('desc')).toEqual([...ascending].reverse());
    const first = await list('order=asc&maxResults=2');
    const mixed = await app.inject({
      method: 'GET',
      url: `/api/v1/me/bookings?order=desc&nextToken=${first.nextToken}`,
      headers: lister.auth,
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().fieldErrors['query.nextToken']).toBeDefined();
  });
});
