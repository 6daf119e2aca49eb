import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { accountOf, type TestAccount } from '../../test/identity.ts';
import { decimalToEurMinor, EUR_PER_UNIT } from './currency.ts';
import { bayesianRating, WEIGHTS } from './matching.ts';
import { approvedStylist, type TestStylist } from './test-helpers.ts';

describe('scoring pieces', () => {
  it('the Bayesian average keeps one 5-star review below eighty 4.8-star ones', () => {
    expect(bayesianRating(5, 1)).toBeLessThan(bayesianRating(Math.round(4.8 * 80), 80));
    expect(bayesianRating(0, 0)).toBeCloseTo(4.2);
  });
  it('the weights sum to 1 and every currency has a rate', () => {
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(decimalToEurMinor(100, 'USD')).toBe(9200);
    expect(Object.values(EUR_PER_UNIT).every((r) => r > 0)).toBe(true);
  });
});

let app: TestApp;
let client: TestAccount;
let paris: TestStylist;
let tokyo: TestStylist;
let pricey: TestStylist;
let admin: TestAccount;

beforeAll(async () => {
  app = await buildTestApp({ BOOKING_SWEEP_INTERVAL_SECONDS: '0' });
  admin = await accountOf(app, 'ADMIN');
  client = await accountOf(app, 'CLIENT');
  await app.inject({
    method: 'PUT',
    url: `/api/v1/users/${client.userId}`,
    headers: client.auth,
    payload: { preferences: { stylePreferences: ['Minimalist'] } },
  });
  paris = await approvedStylist(app, admin);
  tokyo = await approvedStylist(app, admin, {
    profile: {
      specialties: ['bridal'],
      styleTags: ['avant-garde'],
      languages: ['ja', 'en'],
      city: 'Tokyo',
      country: 'JP',
      latitude: 35.68,
      longitude: 139.65,
      timeZone: 'Asia/Tokyo',
      rate: { amount: 30000, currency: 'JPY' },
      offersVirtual: false,
      travelRadiusKm: 0,
    },
  });
  pricey = await approvedStylist(app, admin, { profile: { rate: { amount: 2000, currency: 'EUR' } } });
  // Eighty glowing reviews for the Tokyo stylist, one perfect one for the pricey one (aggregates as reviews keep them).
  await app.db.execute(sql`update stylists set rating_sum = 384, review_count = 80 where id = ${tokyo.stylistId}`);
  await app.db.execute(sql`update stylists set rating_sum = 5, review_count = 1 where id = ${pricey.stylistId}`);
}, 120_000);
afterAll(() => app.shutdown());

const match = (query: string, who: TestAccount = client) =>
  app.inject({ method: 'GET', url: `/api/v1/matching/stylists?clientId=${who.userId}&${query}`, headers: who.auth });

describe('MatchClientWithStylists', () => {
  it('ranks by fit with human-readable reasons, scores in [0, 1], next slots, deterministically', async () => {
    const res = await match(
      'specialties=red-carpet&languages=fr&maxRate=300&currency=USD&locationPreference=Paris&timeZone=America/New_York',
    );
    expect(res.statusCode, res.body).toBe(200);
    const { matches } = res.json();
    expect(matches[0].stylist.stylistId).toBe(paris.stylistId);
    expect(matches[0].reasons).toEqual(
      expect.arrayContaining([
        'Red-carpet specialist',
        'Speaks French',
        'Based in Paris',
        'Within your budget',
        'Shares your taste: Minimalist',
      ]),
    );
    expect(matches[0].reasons.some((r: string) => /^Available (Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/.test(r))).toBe(true);
    expect(matches[0].availability.length).toBeGreaterThan(0);
    expect(matches[0].stylist.services).toMatchObject([
      { name: 'Private session', durationMinutes: 60, price: { amount: 250, currency: 'EUR' } },
    ]);
    for (const m of matches) {
      expect(m.matchScore).toBeGreaterThanOrEqual(0);
      expect(m.matchScore).toBeLessThanOrEqual(1);
    }
    const scores = matches.map((m: { matchScore: number }) => m.matchScore);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // Over budget once converted: 2,000 EUR is far above 300 USD.
    const priceyMatch = matches.find((m: { stylist: { stylistId: string } }) => m.stylist.stylistId === pricey.stylistId);
    expect(priceyMatch.matchScore).toBeLessThan(matches[0].matchScore);
    expect(priceyMatch.reasons).not.toContain('Within your budget');
    const again = (
      await match('specialties=red-carpet&languages=fr&maxRate=300&currency=USD&locationPreference=Paris&timeZone=America/New_York')
    ).json().matches;
    expect(again.map((m: { stylist: { stylistId: string }; matchScore: number }) => [m.stylist.stylistId, m.matchScore])).toEqual(
      matches.map((m: { stylist: { stylistId: string }; matchScore: number }) => [m.stylist.stylistId, m.matchScore]),
    );
  });

  it('many strong reviews beat one perfect review when nothing else differs', async () => {
    // A style nobody has, so only the rating tells them apart (same schedule, experience and response rate).
    const { matches } = (await match('stylePreferences=vintage')).json();
    const order = matches.map((m: { stylist: { stylistId: string } }) => m.stylist.stylistId);
    expect(order.indexOf(tokyo.stylistId)).toBeLessThan(order.indexOf(pricey.stylistId));
  });

  it('asks for Japanese and bridal → the Tokyo stylist first', async () => {
    const { matches } = (await match('specialties=bridal&languages=ja')).json();
    expect(matches[0].stylist.stylistId).toBe(tokyo.stylistId);
    expect(matches[0].reasons).toEqual(expect.arrayContaining(['Bridal specialist', 'Speaks Japanese']));
  });

  it('introduces a visitor with no account from the answers alone, ranked as a client with the same answers', async () => {
    const visitor = await app.inject({
      method: 'GET',
      url: '/api/v1/matching/introductions?specialties=bridal&languages=ja&stylePreferences=classic',
    });
    expect(visitor.statusCode, visitor.body).toBe(200);
    const asClient = (await match('specialties=bridal&languages=ja&stylePreferences=classic')).json().matches;
    expect(visitor.json().matches.map((m: { stylist: { stylistId: string } }) => m.stylist.stylistId)).toEqual(
      asClient.map((m: { stylist: { stylistId: string } }) => m.stylist.stylistId),
    );
    expect(visitor.json().matches[0].stylist.stylistId).toBe(tokyo.stylistId);
    const bad = await app.inject({ method: 'GET', url: '/api/v1/matching/introductions?maxResults=500' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fieldErrors['querystring.maxResults']).toBeDefined();
  });

  it('availability lifts a slightly weaker fit above a nearly booked-out one, even for a single result', async () => {
    // Availability is computed for the best static fits only, stopping once nobody further down could reach the
    // list: this pins that the stop accounts for the availability a candidate could still gain.
    const fit = { specialties: ['travel-wardrobe'], languages: ['is'] };
    const scarce = await approvedStylist(app, admin, {
      profile: { ...fit, experienceYears: 20 },
      schedule: {
        timeZone: 'Europe/Paris',
        weekly: [{ day: 'MON', start: '08:00', end: '09:00' }],
        bufferMinutes: 0,
        minNoticeHours: 0,
        horizonDays: 90,
      },
    });
    const open = await approvedStylist(app, admin, { profile: { ...fit, experienceYears: 15 } });
    const one = (await match('specialties=travel-wardrobe&languages=is&maxResults=1')).json().matches;
    expect(one.map((m: { stylist: { stylistId: string } }) => m.stylist.stylistId)).toEqual([open.stylistId]);
    const two = (await match('specialties=travel-wardrobe&languages=is&maxResults=2')).json().matches;
    expect(two.map((m: { stylist: { stylistId: string } }) => m.stylist.stylistId)).toEqual([open.stylistId, scarce.stylistId]);
    expect(two[0].matchScore).toBeGreaterThan(two[1].matchScore);
    expect(two[1].availability.length).toBeLessThanOrEqual(2);
  });

  it('a suspended stylist is no longer matched, at once', async () => {
    const ids = async () =>
      (await match('stylePreferences=vintage')).json().matches.map((m: { stylist: { stylistId: string } }) => m.stylist.stylistId);
    expect(await ids()).toContain(pricey.stylistId);
    await app.inject({
      method: 'POST',
      url: `/api/v1/stylists/${pricey.stylistId}/review`,
      headers: admin.auth,
      payload: { decision: 'SUSPEND', notes: 'Paused' },
    });
    expect(await ids()).not.toContain(pricey.stylistId);
    await app.inject({
      method: 'POST',
      url: `/api/v1/stylists/${pricey.stylistId}/review`,
      headers: admin.auth,
      payload: { decision: 'APPROVE' },
    });
  });

  it('refuses another client’s id and bad windows', async () => {
    const other = await accountOf(app, 'CLIENT');
    const foreign = await app.inject({ method: 'GET', url: `/api/v1/matching/stylists?clientId=${client.userId}`, headers: other.auth });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().fieldErrors['query.clientId']).toBeDefined();
    const wide = await match('availableFrom=2026-01-01T00:00:00Z&availableTo=2036-01-01T00:00:00Z');
    expect(wide.statusCode).toBe(400);
  });
});
