import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, countRows, type TestApp } from '../../test/app.ts';
import { accountOf, type TestAccount } from '../../test/identity.ts';
import { approvedStylist, parisMorning, profile, type TestStylist } from './test-helpers.ts';

let app: TestApp;
let admin: TestAccount;
let client: TestAccount;
let stylist: TestStylist;

beforeAll(async () => {
  app = await buildTestApp({ BOOKING_SWEEP_INTERVAL_SECONDS: '0' });
  admin = await accountOf(app, 'ADMIN');
  client = await accountOf(app, 'CLIENT');
  stylist = await approvedStylist(app, admin);
}, 60_000);
afterAll(() => app.shutdown());

describe('profiles and vetting', () => {
  it('a new profile is PENDING_REVIEW, hidden from others, listed once approved', async () => {
    const other = await accountOf(app, 'STYLIST');
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/stylists',
      headers: other.auth,
      payload: { userId: other.userId, ...profile, city: 'Milan', country: 'IT' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { stylistId, stylist: body } = created.json();
    expect(body.status).toBe('PENDING_REVIEW');
    expect(body.rate).toEqual({ amount: 250, currency: 'EUR' });

    expect((await app.inject({ method: 'GET', url: `/api/v1/stylists/${stylistId}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/v1/stylists/${stylistId}`, headers: client.auth })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/v1/stylists/${stylistId}`, headers: other.auth })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/v1/stylists/${stylistId}`, headers: admin.auth })).statusCode).toBe(200);
    const listed = async () =>
      (await app.inject({ method: 'GET', url: '/api/v1/stylists?city=Milan' }))
        .json()
        .stylists.map((s: { stylistId: string }) => s.stylistId);
    expect(await listed()).not.toContain(stylistId);

    const queue = await app.inject({ method: 'GET', url: '/api/v1/admin/stylists?status=PENDING_REVIEW', headers: admin.auth });
    expect(queue.json().stylists.map((s: { stylistId: string }) => s.stylistId)).toContain(stylistId);

    const decision = await app.inject({
      method: 'POST',
      url: `/api/v1/stylists/${stylistId}/review`,
      headers: admin.auth,
      payload: { decision: 'APPROVE', notes: 'Lovely portfolio' },
    });
    expect(decision.statusCode, decision.body).toBe(200);
    expect(decision.json().stylist.vettingNotes).toBe('Lovely portfolio');
    expect(await listed()).toContain(stylistId);
    const publicView = (await app.inject({ method: 'GET', url: `/api/v1/stylists/${stylistId}` })).json().stylist;
    expect(publicView.vettingNotes).toBeUndefined();

    await app.inject({
      method: 'POST',
      url: `/api/v1/stylists/${stylistId}/review`,
      headers: admin.auth,
      payload: { decision: 'SUSPEND', notes: 'Complaint under review' },
    });
    expect(await listed()).not.toContain(stylistId);
    expect((await app.inject({ method: 'GET', url: `/api/v1/stylists/${stylistId}` })).statusCode).toBe(404);
  });

  it('one profile per account, only for oneself, and only the owner or an admin may change it', async () => {
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/stylists',
      headers: stylist.auth,
      payload: { userId: stylist.userId, ...profile },
    });
    expect(again.statusCode).toBe(409);
    const other = await accountOf(app, 'STYLIST');
    const before = await countRows(app.db, 'stylists');
    const foreign = await app.inject({
      method: 'POST',
      url: '/api/v1/stylists',
      headers: other.auth,
      payload: { ...profile, userId: client.userId },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().fieldErrors['body.userId']).toBeDefined();
    expect(await countRows(app.db, 'stylists')).toBe(before);
    const update = await app.inject({
      method: 'PUT',
      url: `/api/v1/stylists/${stylist.stylistId}`,
      headers: other.auth,
      payload: { bio: 'Hijacked' },
    });
    expect(update.statusCode).toBe(403);
    const own = await app.inject({
      method: 'PUT',
      url: `/api/v1/stylists/${stylist.stylistId}`,
      headers: stylist.auth,
      payload: { headline: 'Red carpets, quietly', rate: { amount: 300, currency: 'GBP' } },
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().stylist.rate).toEqual({ amount: 300, currency: 'GBP' });
    const badMoney = await app.inject({
      method: 'PUT',
      url: `/api/v1/stylists/${stylist.stylistId}`,
      headers: stylist.auth,
      payload: { rate: { amount: 10.5, currency: 'JPY' } },
    });
    expect(badMoney.statusCode).toBe(400);
    expect(badMoney.json().fieldErrors['body.rate.amount']).toEqual(['JPY has no minor unit: use a whole number']);
    await app.inject({
      method: 'PUT',
      url: `/api/v1/stylists/${stylist.stylistId}`,
      headers: stylist.auth,
      payload: { rate: { amount: 250, currency: 'EUR' } },
    });
  });

  it('filters the directory by specialty, rate (converted), language and experience', async () => {
    const q = async (query: string) =>
      (await app.inject({ method: 'GET', url: `/api/v1/stylists?${query}` }))
        .json()
        .stylists.map((s: { stylistId: string }) => s.stylistId);
    expect(await q('specialties=red-carpet')).toContain(stylist.stylistId);
    expect(await q('specialties=bridal')).not.toContain(stylist.stylistId);
    expect(await q('maxRate=300&currency=USD')).toContain(stylist.stylistId); // 300 USD ≈ 276 EUR ≥ 250 EUR
    expect(await q('maxRate=200&currency=USD')).not.toContain(stylist.stylistId);
    expect(await q('language=fr&minExperienceYears=10')).toContain(stylist.stylistId);
    expect(await q('language=ja')).not.toContain(stylist.stylistId);
    expect(await q(`availableFrom=${encodeURIComponent(parisMorning(3))}&availableTo=${encodeURIComponent(parisMorning(4))}`)).toContain(
      stylist.stylistId,
    );
    const bad = await app.inject({ method: 'GET', url: '/api/v1/stylists?specialties=juggling' });
    expect(bad.statusCode).toBe(400);
  });

  it('pages with a cursor', async () => {
    await approvedStylist(app, admin);
    const first = (await app.inject({ method: 'GET', url: '/api/v1/stylists?maxResults=1' })).json();
    expect(first.stylists).toHaveLength(1);
    expect(first.nextToken).toBeDefined();
    const second = (await app.inject({ method: 'GET', url: `/api/v1/stylists?maxResults=1&nextToken=${first.nextToken}` })).json();
    expect(second.stylists[0].stylistId).not.toBe(first.stylists[0].stylistId);
  });
});

describe('services and portfolio', () => {
  it('adds, changes and withdraws services', async () => {
    const added = await app.inject({
      method: 'POST',
      url: `/api/v1/stylists/${stylist.stylistId}/services`,
      headers: stylist.auth,
      payload: { kind: 'WARDROBE_EDIT', name: 'Wardrobe edit', durationMinutes: 180, price: { amount: 900, currency: 'EUR' } },
    });
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json().service.serviceId;
    const changed = await app.inject({
      method: 'PUT',
      url: `/api/v1/stylists/${stylist.stylistId}/services/${id}`,
      headers: stylist.auth,
      payload: { kind: 'WARDROBE_EDIT', name: 'Full wardrobe edit', durationMinutes: 240, price: { amount: 1200, currency: 'EUR' } },
    });
    expect(changed.json().service.durationMinutes).toBe(240);
    const odd = await app.inject({
      method: 'POST',
      url: `/api/v1/stylists/${stylist.stylistId}/services`,
      headers: stylist.auth,
      payload: { kind: 'BRIDAL', name: 'Bridal', durationMinutes: 50, price: { amount: 900, currency: 'EUR' } },
    });
    expect(odd.statusCode).toBe(400);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/v1/stylists/${stylist.stylistId}/services/${id}`, headers: stylist.auth }))
        .statusCode,
    ).toBe(200);
    const view = (await app.inject({ method: 'GET', url: `/api/v1/stylists/${stylist.stylistId}` })).json().stylist;
    expect(view.services.map((s: { serviceId: string }) => s.serviceId)).not.toContain(id);
  });

  it('refuses portfolio images that are not the stylist’s own uploads', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/stylists/${stylist.stylistId}/portfolio`,
      headers: stylist.auth,
      payload: { title: 'Cannes', mediaId: '0195f3a2-7c1d-7b8e-9a4f-2d3c4b5a6e7f' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fieldErrors['body.0.mediaId']).toBeDefined();
    const external = await app.inject({
      method: 'POST',
      url: `/api/v1/stylists/${stylist.stylistId}/portfolio`,
      headers: stylist.auth,
      payload: { title: 'Cannes', imageUrl: 'https://evil.example/x.jpg' },
    });
    expect(external.statusCode).toBe(400);
  });
});

describe('schedule and availability', () => {
  const range = (from: string, to: string) =>
    `/api/v1/stylists/${stylist.stylistId}/availability?startDate=${encodeURIComponent(from)}&endDate=${encodeURIComponent(to)}`;

  it('returns slots in UTC for the stylist’s Paris hours', async () => {
    const res = await app.inject({ method: 'GET', url: range(parisMorning(5, 0), parisMorning(6, 0)) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.timeZone).toBe('Europe/Paris');
    expect(body.availability).toHaveLength(12);
    expect(body.availability[0].startTime).toBe(parisMorning(5, 8).replace('.000Z', '.000Z'));
    expect(body.availability.every((s: { status: string }) => s.status === 'AVAILABLE')).toBe(true);
  });

  it('refuses a 10-year range, an end before the start and a foreign service', async () => {
    const long = await app.inject({ method: 'GET', url: range('2026-01-01T00:00:00Z', '2036-01-01T00:00:00Z') });
    expect(long.statusCode).toBe(400);
    expect(long.json().fieldErrors['query.endDate']).toBeDefined();
    const reversed = await app.inject({ method: 'GET', url: range(parisMorning(6), parisMorning(5)) });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().fieldErrors['query.endDate']).toBeDefined();
    const foreign = await app.inject({
      method: 'GET',
      url: `${range(parisMorning(5), parisMorning(6))}&serviceId=0195f3a2-7c1d-7b8e-9a4f-2d3c4b5a6e7f`,
    });
    expect(foreign.statusCode).toBe(400);
    const unknown = await app.inject({
      method: 'GET',
      url: `/api/v1/stylists/0195f3a2-7c1d-7b8e-9a4f-2d3c4b5a6e7f/availability?startDate=2026-01-01T00:00:00Z&endDate=2026-01-02T00:00:00Z`,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('date-specific windows: BLOCKED removes time, AVAILABLE adds it; past windows are refused', async () => {
    const blockFrom = parisMorning(7, 10);
    const blockTo = parisMorning(7, 12);
    const put = await app.inject({
      method: 'PUT',
      url: `/api/v1/stylists/${stylist.stylistId}/availability`,
      headers: stylist.auth,
      payload: {
        availability: [
          { startTime: blockFrom, endTime: blockTo, status: 'BLOCKED' },
          { startTime: parisMorning(8, 20), endTime: parisMorning(8, 22), status: 'AVAILABLE' },
        ],
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().availability).toHaveLength(2);
    const day7 = (await app.inject({ method: 'GET', url: range(parisMorning(7, 0), parisMorning(8, 0)) })).json().availability;
    expect(day7.filter((s: { status: string }) => s.status === 'BLOCKED').map((s: { startTime: string }) => s.startTime)).toEqual([
      blockFrom,
      parisMorning(7, 11),
    ]);
    const day8 = (await app.inject({ method: 'GET', url: range(parisMorning(8, 0), parisMorning(9, 0)) })).json().availability;
    expect(day8).toHaveLength(14);
    const before = await countRows(app.db, 'stylist_availability_windows');
    const past = await app.inject({
      method: 'PUT',
      url: `/api/v1/stylists/${stylist.stylistId}/availability`,
      headers: stylist.auth,
      payload: { availability: [{ startTime: '2020-01-01T10:00:00Z', endTime: '2020-01-01T12:00:00Z', status: 'BLOCKED' }] },
    });
    expect(past.statusCode).toBe(400);
    const backwards = await app.inject({
      method: 'PUT',
      url: `/api/v1/stylists/${stylist.stylistId}/availability`,
      headers: stylist.auth,
      payload: { availability: [{ startTime: blockTo, endTime: blockFrom, status: 'BLOCKED' }] },
    });
    expect(backwards.statusCode).toBe(400);
    expect(await countRows(app.db, 'stylist_availability_windows')).toBe(before);
    const schedule = (
      await app.inject({ method: 'GET', url: `/api/v1/stylists/${stylist.stylistId}/schedule`, headers: stylist.auth })
    ).json();
    expect(schedule.windows).toHaveLength(2);
    expect(schedule.schedule.timeZone).toBe('Europe/Paris');
  });

  it('validates the weekly schedule', async () => {
    const bad = await app.inject({
      method: 'PUT',
      url: `/api/v1/stylists/${stylist.stylistId}/schedule`,
      headers: stylist.auth,
      payload: { timeZone: 'Mars/Olympus', weekly: [{ day: 'MON', start: '18:00', end: '09:00' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fieldErrors)).toEqual(expect.arrayContaining(['body.timeZone', 'body.weekly.0.end']));
  });
});
