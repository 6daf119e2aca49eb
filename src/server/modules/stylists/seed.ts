/**
 * Demo data of the marketplace. `stylist-clients`: eight demo clients (one VIP in privacy mode). `stylists`: 46
 * stylists across 14 cities and zones (42 APPROVED, 4 PENDING_REVIEW) with portraits, portfolios, schedules,
 * services, a half-year behind and ahead of bookings, completed ones with reviews, and pending requests. With
 * `npm run seed -- --stylists 2000` it writes that many (the bench dataset), each with a year of bookings, 100
 * stylists per committed chunk. Accounts are made through the identity service; see /work/coord/stylists-api.md
 * for the demo sign-ins.
 */
import { eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { generatedImageUrl } from '../../../shared/media.ts';
import { fromDecimal } from '../../../shared/money.ts';
import type { Random } from '../../../shared/random.ts';
import { loadConfig } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { createContext } from '../../adapters.ts';
import { ApiError } from '../../http/errors.ts';
import { writeConversationHistory, type HistoryEntry } from '../messaging/service.ts';
import { loadKeys } from '../../security/keys.ts';
import type { SeedContext, Seeder } from '../../seed/seeder.ts';
import { SYSTEM_OPERATOR, accountIdsByEmail, createUser, markEmailVerified, setPrivacyMode, setTier } from '../identity/service.ts';
import { DAY, HOUR, MINUTE, wallClock, zonedToInstant, type WeeklyRange } from './availability.ts';
import { toEurMinor } from './currency.ts';
import { STYLE_TAGS, SPECIALTIES } from './models.ts';
import {
  BIO_CLOSINGS,
  BIO_OPENINGS,
  CITIES,
  CLIENTS,
  FIRST_NAMES,
  HEADLINES,
  LAST_NAMES,
  PORTFOLIO_TITLES,
  REVIEW_TEXTS,
  SERVICE_CATALOG,
} from './seed-data.ts';
import {
  bookingEvents,
  bookingRequests,
  stylistAvailabilityWindows,
  stylistBookings,
  stylistPortfolioItems,
  stylistReviews,
  stylistServices,
  stylists,
} from './schema.ts';

export const DEMO_PASSWORD = 'velvet-orchid-sunrise-47';
export const DEMO_STYLISTS = 46;
const DEMO_PENDING_FROM = 42;
const CHUNK = 100;
const INSERT_BATCH = 1000;

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
export const demoClientEmail = (c: { firstName: string; lastName: string }) =>
  `${slug(c.firstName)}.${slug(c.lastName)}@demo.stylebyzaga.test`;

/** What services need, for a seeder's transaction; mail is dropped (demo accounts need no verification links). */
function seedContext(tx: Tx): AppContext {
  const config = loadConfig();
  const keys = loadKeys(config);
  return { ...createContext(tx, config, keys), mailer: { send: async () => undefined } };
}

/** Creates the account through the identity service, or finds it when an earlier seed made it already. */
async function ensureAccount(
  ctx: AppContext,
  input: {
    email: string;
    firstName: string;
    lastName: string;
    userType: 'CLIENT' | 'STYLIST';
    preferences?: { stylePreferences: string[] };
  },
): Promise<string> {
  try {
    // As the platform, not a self sign-up: a re-seed must hear that the account exists (409), not a look-alike answer.
    const user = await createUser(ctx, { ...input, password: DEMO_PASSWORD }, SYSTEM_OPERATOR);
    // The demo's people are the house's own: no "please confirm your email" banner greets whoever tries them.
    await markEmailVerified(ctx.db, user.userId);
    return user.userId;
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'ConflictException') throw err;
    const [id] = await accountIdsByEmail(ctx, [input.email]);
    if (!id) throw err;
    return id;
  }
}

async function insertChunked<T extends Record<string, unknown>>(tx: Tx, table: Parameters<Tx['insert']>[0], rows: T[]): Promise<number> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) await tx.insert(table).values(rows.slice(i, i + INSERT_BATCH) as never);
  return rows.length;
}

export const stylistClientsSeeder: Seeder = {
  name: 'stylist-clients',
  async run(tx) {
    const ctx = seedContext(tx);
    for (const c of CLIENTS) {
      const userId = await ensureAccount(ctx, {
        email: demoClientEmail(c),
        firstName: c.firstName,
        lastName: c.lastName,
        userType: 'CLIENT',
        preferences: { stylePreferences: [...c.style] },
      });
      if (c.vip) {
        await setTier(ctx.db, userId, 'VIP');
        if (c.privacy)
          await setPrivacyMode(
            ctx,
            { userId, userType: 'CLIENT', tier: 'VIP', sessionId: 'seed', mfaEnabled: true, mfaVerifiedAt: null },
            true,
          );
      }
    }
    return CLIENTS.length;
  },
};

// ───────────────────────────── one stylist ─────────────────────────────

const SCHEDULES: readonly WeeklyRange[][] = [
  (['MON', 'TUE', 'WED', 'THU', 'FRI'] as const).map((day) => ({ day, start: '09:00', end: '18:00' })),
  (['TUE', 'WED', 'THU', 'FRI', 'SAT'] as const).map((day) => ({ day, start: '10:00', end: '19:00' })),
  [
    ...(['MON', 'TUE', 'WED', 'THU'] as const).flatMap((day) => [
      { day, start: '09:00', end: '13:00' },
      { day, start: '14:00', end: '18:00' },
    ]),
    { day: 'SAT', start: '10:00', end: '16:00' },
  ],
];
/** Local start hours of bookings on a working day, for each schedule: never overlapping (≤ 4 h + buffer apart). */
const BOOKING_HOURS: readonly number[][] = [
  [9, 14],
  [10, 15],
  [9, 14],
];
const PENDING_HOUR = [13, 18, 16];

interface Planned {
  index: number;
  userEmail: string;
  firstName: string;
  lastName: string;
  city: (typeof CITIES)[number];
  status: 'APPROVED' | 'PENDING_REVIEW';
  scheduleIndex: number;
}

function plan(index: number): Planned {
  const demo = index < DEMO_STYLISTS;
  const firstName = demo ? FIRST_NAMES[index]! : FIRST_NAMES[index % FIRST_NAMES.length]!;
  const lastName = demo ? LAST_NAMES[index]! : LAST_NAMES[(index * 7 + 3) % LAST_NAMES.length]!;
  return {
    index,
    firstName,
    lastName,
    userEmail: demo
      ? `${slug(firstName)}.${slug(lastName)}@demo.stylebyzaga.test`
      : `stylist.${String(index).padStart(5, '0')}@bench.stylebyzaga.test`,
    city: CITIES[index % CITIES.length]!,
    status: demo && index >= DEMO_PENDING_FROM ? 'PENDING_REVIEW' : 'APPROVED',
    scheduleIndex: index % SCHEDULES.length,
  };
}

/** The first `count` working days from `from` days ahead on. */
function nextWorkingDays(works: (day: number) => boolean, from: number, count: number): number[] {
  const days: number[] = [];
  for (let day = from; days.length < count && day < from + 21; day++) if (works(day)) days.push(day);
  return days;
}

function roundRate(amount: number): number {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(amount)) - 1);
  return Math.round(amount / magnitude) * magnitude;
}

export const stylistsSeeder: Seeder = {
  name: 'stylists',
  dependsOn: ['stylist-clients'],
  plan: (options) => ({ total: Math.max(DEMO_STYLISTS, options.stylists ?? DEMO_STYLISTS), chunkSize: CHUNK }),
  async clear(tx) {
    // Accounts stay (identity owns them; a re-seed finds them again); everything of the marketplace goes.
    await tx.delete(stylists);
  },
  async run(tx, seed) {
    const ctx = seedContext(tx);
    const dense = seed.options.stylists !== undefined;
    // One lookup at a time: they share the seeder's transaction, one connection (pg refuses overlapping queries on a
    // client from its version 9; 8 warns).
    const ids: Array<string | undefined> = [];
    for (const c of CLIENTS) ids.push((await accountIdsByEmail(ctx, [demoClientEmail(c)]))[0]);
    const idOf = (c: (typeof CLIENTS)[number]) => ids[CLIENTS.indexOf(c)];
    if (ids.some((id) => !id)) throw new Error('the stylist-clients seeder must run first');
    const clients: DemoClients = {
      vip: idOf(CLIENTS.find((c) => c.privacy)!)!,
      client: idOf(CLIENTS.find((c) => !c.vip)!)!,
      regulars: CLIENTS.filter((c) => !FEATURED_CLIENTS.has(c.lastName)).map((c) => idOf(c)!),
    };
    const today = Math.floor(Date.now() / DAY) * DAY;
    let rows = 0;
    for (let index = seed.chunk.from; index < seed.chunk.to; index++) {
      rows += await seedOne(ctx, tx, plan(index), seed.random.fork(`stylist-${index}`), clients, today, dense, seed);
    }
    // Fresh statistics after a bulk load, so the planner does not take 2,000 rows for one before autovacuum runs.
    if (seed.chunk.index === seed.chunk.count - 1)
      await tx.execute(sql`analyze stylists, stylist_services, stylist_bookings, booking_requests, stylist_reviews`);
    return rows;
  },
};

/**
 * Every booking request opens a conversation (booking.ts); the featured clients' requests get theirs with the words a
 * client and a stylist would have exchanged around them, at the times they would have: the request's card, the
 * stylist's confirmation or decline, a note before an upcoming session, a word after a past one. Each side has read up
 * to their own last message, so a request awaiting an answer is unread in the stylist's inbox and a stylist's latest
 * word is unread in the client's. Returns the messages written.
 */
async function featuredConversations(
  ctx: AppContext,
  tx: Tx,
  stylistUserId: string,
  city: string,
  featured: readonly string[],
  requests: readonly (typeof bookingRequests.$inferInsert)[],
  bookings: readonly (typeof stylistBookings.$inferInsert)[],
  now: number,
): Promise<number> {
  const latest = now - MINUTE;
  const at = (t: number) => new Date(Math.min(t, latest));
  let written = 0;
  for (const clientId of featured) {
    const entries: HistoryEntry[] = [];
    for (const r of requests.filter((q) => q.clientId === clientId)) {
      const booking = bookings.find((b) => b.requestId === r.id);
      if (booking?.status === 'CANCELLED') continue;
      // A confirmed session far ahead was asked for a while ago (the diary may date the request later than today).
      const created = r.createdAt!.getTime();
      const asked = r.status === 'ACCEPTED' ? Math.min(created, now - 2 * DAY) : created;
      const decided = asked + Math.min((r.decidedAt?.getTime() ?? created + 5 * HOUR) - created, 20 * HOUR);
      const card = { bookingRequestId: r.id!, startTime: r.startAt.toISOString(), durationMinutes: r.durationMinutes };
      entries.push({ senderId: clientId, body: r.message ?? '', at: at(asked), booking: card });
      if (r.status === 'DECLINED') {
        entries.push({
          senderId: stylistUserId,
          body: `${r.declineReason ?? ''} I have offered two other dates: take whichever suits you from your sessions page.`.trim(),
          at: at(decided),
        });
      } else if (r.status === 'ACCEPTED' && booking) {
        entries.push({
          senderId: stylistUserId,
          body: `Confirmed, with pleasure. I will put together a first edit in your sizes before we meet in ${city}; tell me anything you would rather avoid.`,
          at: at(decided),
        });
        if (booking.endAt!.getTime() < now) {
          entries.push({
            senderId: stylistUserId,
            body: 'Thank you for today. The tailoring notes are with the atelier; the alterations will be ready within the week.',
            at: at(booking.endAt!.getTime() + 20 * HOUR),
          });
        } else {
          entries.push({
            senderId: clientId,
            body: 'Wonderful. Nothing too structured at the shoulder, please, and I love deep greens this season.',
            at: at(decided + 2 * HOUR),
          });
          entries.push({
            senderId: stylistUserId,
            body: 'Noted. I will send you the selection the evening before.',
            at: at(decided + 3 * HOUR),
          });
        }
      }
    }
    if (!entries.length) continue;
    await writeConversationHistory(ctx, tx, { clientId, stylistUserId, entries });
    written += entries.length;
  }
  return written;
}

/**
 * The demo clients the README lists (the standard client and the VIP) keep a diary one person could have: a few
 * sessions with a few stylists, a couple of requests awaiting an answer and one declined with dates offered. The
 * stylists' busy calendars are booked by the other demo clients, the house's regulars.
 */
const FEATURED_CLIENTS = new Set(['Rahman', 'Fontaine']);
/** Stylists each of whom has one upcoming and up to two past sessions with a featured client. */
const FEATURED_STYLISTS = 6;
/** Stylists 1 and 2 have a request from the standard client awaiting their answer; stylist 3 declined one with other dates. */
const DECLINING_STYLIST = 3;
type DemoClients = { vip: string; client: string; regulars: string[] };

async function seedOne(
  ctx: AppContext,
  tx: Tx,
  p: Planned,
  rnd: Random,
  clients: DemoClients,
  today: number,
  dense: boolean,
  seed: SeedContext,
): Promise<number> {
  const userId = await ensureAccount(ctx, { email: p.userEmail, firstName: p.firstName, lastName: p.lastName, userType: 'STYLIST' });
  const id = uuidv7();
  const c = p.city;
  const specialties = p.index === 0 ? ['red-carpet', 'haute-couture', 'wardrobe-edit'] : rnd.sample(SPECIALTIES, rnd.int(2, 3));
  const styleTags = p.index === 0 ? ['minimalist', 'tailored', 'classic'] : rnd.sample(STYLE_TAGS, rnd.int(2, 3));
  const extraLanguage = rnd.chance(0.3) ? [rnd.pick(['fr', 'it', 'es', 'de', 'ar', 'zh', 'ja'])] : [];
  const languages = [...new Set([...c.languages, ...extraLanguage])];
  const rate = fromDecimal(roundRate(c.rate * rnd.float(0.7, 1.6)), c.currency);
  const weekly = SCHEDULES[p.scheduleIndex]!;
  const bufferMinutes = rnd.pick([15, 30, 30, 45]);
  await tx.insert(stylists).values({
    id,
    userId,
    status: p.status,
    headline: rnd.pick(HEADLINES[specialties[0] as keyof typeof HEADLINES]),
    bio: `${rnd.pick(BIO_OPENINGS)} Based in ${c.city}. ${rnd.pick(BIO_CLOSINGS)}`,
    specialties,
    styleTags,
    languages,
    experienceYears: rnd.int(3, 28),
    rateMinor: rate.minor,
    rateCurrency: rate.currency,
    rateEurMinor: toEurMinor(rate),
    city: c.city,
    country: c.country,
    latitude: c.latitude + rnd.float(-0.05, 0.05),
    longitude: c.longitude + rnd.float(-0.05, 0.05),
    travelRadiusKm: rnd.pick([0, 50, 200, 1000, 5000]),
    offersVirtual: rnd.chance(0.8),
    portraitName: `stylist-${slug(p.firstName)}-${slug(p.lastName)}-${p.index}`,
    timeZone: c.timeZone,
    weekly,
    bufferMinutes,
    minNoticeHours: rnd.pick([12, 24, 24, 48]),
    horizonDays: rnd.pick([60, 90, 120]),
    freeCancellationHours: rnd.pick([24, 48, 72]),
    ...(p.status === 'APPROVED' ? { vettingNotes: 'Portfolio and references checked', vettedAt: new Date(today - 200 * DAY) } : {}),
  });
  let rows = 1;

  const services = rnd.sample(SERVICE_CATALOG, rnd.int(2, 4)).map((s) => ({
    id: uuidv7(),
    stylistId: id,
    kind: s.kind,
    name: s.name,
    description: '',
    durationMinutes: s.duration,
    priceMinor: fromDecimal(
      roundRate((rate.minor / 10 ** (rate.currency === 'JPY' || rate.currency === 'KRW' ? 0 : 2)) * s.factor),
      rate.currency,
    ).minor,
    currency: rate.currency,
  }));
  rows += await insertChunked(tx, stylistServices, services);
  const portfolio = rnd.sample(PORTFOLIO_TITLES, dense && p.index >= DEMO_STYLISTS ? 2 : rnd.int(3, 5)).map((title, position) => ({
    id: uuidv7(),
    stylistId: id,
    position,
    title,
    imageUrl: generatedImageUrl('editorial', `portfolio-${slug(p.lastName)}-${p.index}-${position}`, 1280, 'webp'),
    description: `Styled by ${p.firstName} in ${c.city}.`,
    tags: rnd.sample(styleTags, 1),
  }));
  rows += await insertChunked(tx, stylistPortfolioItems, portfolio);
  if (p.status !== 'APPROVED') return rows;

  // A holiday week blocked in two months' time.
  await tx
    .insert(stylistAvailabilityWindows)
    .values({ id: uuidv7(), stylistId: id, kind: 'BLOCKED', startAt: new Date(today + 60 * DAY), endAt: new Date(today + 67 * DAY) });
  rows++;

  // Bookings from half a year ago to half a year ahead: dense for the bench, lighter for the demo.
  const now = Date.now();
  const requestsOut: (typeof bookingRequests.$inferInsert)[] = [];
  const bookingsOut: (typeof stylistBookings.$inferInsert)[] = [];
  const reviewsOut: (typeof stylistReviews.$inferInsert)[] = [];
  const eventsOut: (typeof bookingEvents.$inferInsert)[] = [];
  let ratingSum = 0;
  let reviewCount = 0;
  let received = 0;
  let answered = 0;
  const perSlot = dense ? 0.75 : 0.18;
  const localToday = Math.floor(wallClock(today, c.timeZone) / DAY) * DAY;
  const works = (day: number) =>
    weekly.some((r) => r.day === ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'][new Date(localToday + day * DAY).getUTCDay()]);
  const featured = !dense && p.index < FEATURED_STYLISTS ? (p.index % 2 === 0 ? clients.client : clients.vip) : undefined;
  let featuredPast = featured ? 2 : 0;
  let featuredUpcoming = featured ? 1 : 0;
  // The declined request's alternative dates stay free: no booking on those days.
  const offeredDays = !dense && p.index === DECLINING_STYLIST ? nextWorkingDays(works, 5, 2) : [];
  for (let d = -182; d <= 182; d++) {
    const localDay = localToday + d * DAY;
    if (!works(d)) continue;
    if (d >= 60 && d < 67) continue; // the blocked holiday
    if (offeredDays.includes(d)) continue;
    for (const hour of BOOKING_HOURS[p.scheduleIndex]!) {
      if (!rnd.chance(perSlot)) continue;
      const service = rnd.pick(services);
      const start = zonedToInstant(localDay + hour * HOUR, c.timeZone);
      const end = start + service.durationMinutes * MINUTE;
      if (start > now && start < now + 2 * DAY) continue; // leave the next days open for new requests
      const past = end < now;
      const outcome = past
        ? rnd.weighted([
            ['COMPLETED', 90],
            ['CANCELLED', 5],
            ['NO_SHOW', 5],
          ] as const)
        : rnd.chance(0.04)
          ? 'CANCELLED'
          : 'CONFIRMED';
      let clientId = rnd.pick(clients.regulars);
      if (featured && past && featuredPast > 0 && outcome === 'COMPLETED' && rnd.chance(0.05)) {
        clientId = featured;
        featuredPast--;
      } else if (featured && !past && featuredUpcoming > 0 && outcome === 'CONFIRMED' && d > 5) {
        clientId = featured;
        featuredUpcoming--;
      }
      const requestId = uuidv7();
      const bookingId = uuidv7();
      const createdAt = new Date(start - rnd.int(3, 20) * DAY);
      received++;
      answered++;
      requestsOut.push({
        id: requestId,
        stylistId: id,
        clientId,
        serviceId: service.id,
        startAt: new Date(start),
        durationMinutes: service.durationMinutes,
        status: outcome === 'CANCELLED' ? 'CANCELLED' : 'ACCEPTED',
        expiresAt: new Date(Math.min(createdAt.getTime() + 48 * HOUR, start)),
        decidedAt: new Date(createdAt.getTime() + rnd.int(1, 30) * HOUR),
        createdAt,
        updatedAt: createdAt,
      });
      bookingsOut.push({
        id: bookingId,
        requestId,
        stylistId: id,
        clientId,
        serviceId: service.id,
        startAt: new Date(start),
        endAt: new Date(end),
        blockStart: new Date(start),
        blockEnd: new Date(end + bufferMinutes * MINUTE),
        status: outcome,
        location: service.kind === 'VIRTUAL_CONSULTATION' ? 'Video call' : `${c.city} atelier`,
        reminderSentAt: past ? new Date(start - DAY) : null,
        ...(outcome === 'CANCELLED'
          ? { cancelledAt: new Date(start - 3 * DAY), cancelledBy: clientId, cancelReason: 'Travel plans changed' }
          : {}),
        createdAt,
        updatedAt: createdAt,
      });
      if (!dense || p.index < DEMO_STYLISTS) {
        eventsOut.push({ id: uuidv7(), requestId, actorId: clientId, type: 'REQUESTED', at: createdAt, details: {} });
        eventsOut.push({
          id: uuidv7(),
          requestId,
          actorId: userId,
          type: outcome === 'CANCELLED' ? 'CANCELLED' : 'ACCEPTED',
          at: new Date(createdAt.getTime() + HOUR),
          details: {},
        });
      }
      // The featured clients' past sessions wait for their review (the sessions page asks for one).
      if (outcome === 'COMPLETED' && clientId !== featured && rnd.chance(dense ? 0.08 : 0.45)) {
        const rating = rnd.weighted([
          [5, 62],
          [4, 28],
          [3, 7],
          [2, 2],
          [1, 1],
        ] as const);
        ratingSum += rating;
        reviewCount++;
        reviewsOut.push({
          id: uuidv7(),
          bookingId,
          stylistId: id,
          clientId,
          rating,
          text: rnd.pick(REVIEW_TEXTS[rating]),
          ...(rnd.chance(0.4)
            ? {
                reply: rating >= 4 ? 'Thank you — it was a pleasure.' : 'Thank you for telling me. I have written to you to put it right.',
                repliedAt: new Date(end + 2 * DAY),
              }
            : {}),
          createdAt: new Date(end + DAY),
        });
      }
    }
  }
  // Pending requests in the coming days, waiting in the stylist's inbox (the first stylist gets one from the VIP).
  const askedByClient = !dense && (p.index === 1 || p.index === 2);
  const pendingCount =
    p.index === 0 ? 3 : dense && p.index >= DEMO_STYLISTS ? (rnd.chance(0.3) ? 1 : 0) : rnd.int(askedByClient ? 1 : 0, 2);
  for (let k = 0; k < pendingCount; k++) {
    let day = 3 + k * 2 + rnd.int(0, 1);
    for (let guard = 0; guard < 7 && !works(day); guard++) day++;
    const start = zonedToInstant(localToday + day * DAY + PENDING_HOUR[p.scheduleIndex]! * HOUR, c.timeZone);
    const service = services.find((s) => s.durationMinutes <= 60) ?? services[0]!;
    const createdAt = new Date(now - rnd.int(1, 20) * HOUR);
    const requestId = uuidv7();
    received++;
    requestsOut.push({
      id: requestId,
      stylistId: id,
      clientId: k === 0 && p.index === 0 ? clients.vip : k === 0 && askedByClient ? clients.client : rnd.pick(clients.regulars),
      serviceId: service.id,
      startAt: new Date(start),
      durationMinutes: service.durationMinutes,
      message: rnd.pick([
        'A gala in three weeks: I need a complete look.',
        'Could we edit my autumn wardrobe?',
        'First time working with a stylist — very excited.',
      ]),
      status: 'PENDING',
      expiresAt: new Date(Math.min(createdAt.getTime() + ctx.config.BOOKING_REQUEST_TTL_HOURS * HOUR, start)),
      createdAt,
      updatedAt: createdAt,
    });
    eventsOut.push({ id: uuidv7(), requestId, actorId: null, type: 'REQUESTED', at: createdAt, details: {} });
  }
  if (offeredDays.length) {
    // Declined a fortnight out with two other dates offered, which the client can take with one click.
    const service = services.find((s) => s.durationMinutes <= 60) ?? services[0]!;
    const createdAt = new Date(now - 30 * HOUR);
    const requestId = uuidv7();
    received++;
    answered++;
    const asked = nextWorkingDays(works, 14, 1)[0]!;
    requestsOut.push({
      id: requestId,
      stylistId: id,
      clientId: clients.client,
      serviceId: service.id,
      startAt: new Date(zonedToInstant(localToday + asked * DAY + PENDING_HOUR[p.scheduleIndex]! * HOUR, c.timeZone)),
      durationMinutes: service.durationMinutes,
      message: 'A dinner in town that evening: could we see the evening looks together?',
      status: 'DECLINED',
      declineReason: 'I am at the shows that week, but I would love to see you before.',
      alternativeDates: offeredDays.map(
        (day) => new Date(zonedToInstant(localToday + day * DAY + PENDING_HOUR[p.scheduleIndex]! * HOUR, c.timeZone)),
      ),
      expiresAt: new Date(createdAt.getTime() + ctx.config.BOOKING_REQUEST_TTL_HOURS * HOUR),
      decidedAt: new Date(createdAt.getTime() + 5 * HOUR),
      createdAt,
      updatedAt: createdAt,
    });
    eventsOut.push({ id: uuidv7(), requestId, actorId: clients.client, type: 'REQUESTED', at: createdAt, details: {} });
    eventsOut.push({
      id: uuidv7(),
      requestId,
      actorId: userId,
      type: 'DECLINED',
      at: new Date(createdAt.getTime() + 5 * HOUR),
      details: {},
    });
  }
  rows += await insertChunked(tx, bookingRequests, requestsOut);
  rows += await insertChunked(tx, stylistBookings, bookingsOut);
  if (!dense) rows += await featuredConversations(ctx, tx, userId, c.city, [clients.client, clients.vip], requestsOut, bookingsOut, now);
  rows += await insertChunked(tx, stylistReviews, reviewsOut);
  rows += await insertChunked(tx, bookingEvents, eventsOut);
  await tx
    .update(stylists)
    .set({ ratingSum, reviewCount, requestsReceived: received, requestsAnswered: answered, updatedAt: sql`now()` })
    .where(eq(stylists.id, id));
  if (p.index % 25 === 0 && seed.chunk.count > 1) seed.log(`  stylist ${p.index}: ${bookingsOut.length} bookings`);
  return rows;
}
