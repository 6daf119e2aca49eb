import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/schema.ts';

// Each set of states once: the database enum, the API's Zod enum (models.ts) and the TypeScript type come from it.
export const STYLIST_STATUSES = ['PENDING_REVIEW', 'APPROVED', 'REJECTED', 'SUSPENDED'] as const;
export const SERVICE_KINDS = [
  'VIRTUAL_CONSULTATION',
  'IN_PERSON_SESSION',
  'WARDROBE_EDIT',
  'PERSONAL_SHOPPING_TRIP',
  'RED_CARPET_PREPARATION',
  'BRIDAL',
  'EVENT_STYLING',
] as const;
export const WINDOW_KINDS = ['AVAILABLE', 'BLOCKED'] as const;
export const REQUEST_STATUSES = ['PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'EXPIRED'] as const;
export const BOOKING_STATUSES = ['CONFIRMED', 'CANCELLED', 'COMPLETED', 'NO_SHOW'] as const;
export const WEEK_DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;

export const stylistStatus = pgEnum('stylist_status', STYLIST_STATUSES);
export const stylistServiceKind = pgEnum('stylist_service_kind', SERVICE_KINDS);
export const availabilityWindowKind = pgEnum('stylist_window_kind', WINDOW_KINDS);
export const bookingRequestStatus = pgEnum('booking_request_status', REQUEST_STATUSES);
export const bookingStatus = pgEnum('booking_status', BOOKING_STATUSES);

/** One weekly opening range in the stylist's own zone, "HH:MM" wall-clock times. */
export interface WeeklyRange {
  day: (typeof WEEK_DAYS)[number];
  start: string;
  end: string;
}

/**
 * Stylist profiles, one per STYLIST account. Rates are integer minor units in the stylist's currency, plus the same
 * rate converted to EUR with the fixed table in matching.ts so filters and matching compare one number. Ratings are
 * kept as running sums (precomputed aggregates) so lists and matching never scan reviews.
 */
export const stylists = pgTable(
  'stylists',
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: stylistStatus().notNull().default('PENDING_REVIEW'),
    headline: text().notNull().default(''),
    bio: text().notNull(),
    specialties: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    styleTags: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    languages: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    experienceYears: integer().notNull().default(0),
    rateMinor: bigint({ mode: 'number' }).notNull(),
    rateCurrency: text().notNull(),
    rateEurMinor: bigint({ mode: 'number' }).notNull(),
    city: text().notNull().default(''),
    country: text().notNull().default(''),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    travelRadiusKm: integer().notNull().default(0),
    offersVirtual: boolean().notNull().default(true),
    portraitName: text(),
    timeZone: text().notNull().default('UTC'),
    weekly: jsonb().$type<WeeklyRange[]>().notNull().default([]),
    bufferMinutes: integer().notNull().default(30),
    minNoticeHours: integer().notNull().default(24),
    horizonDays: integer().notNull().default(90),
    freeCancellationHours: integer().notNull().default(48),
    ratingSum: integer().notNull().default(0),
    reviewCount: integer().notNull().default(0),
    requestsReceived: integer().notNull().default(0),
    requestsAnswered: integer().notNull().default(0),
    vettingNotes: text(),
    vettedAt: timestamp({ withTimezone: true }),
    vettedBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('stylists_user_key')
      .on(t.userId)
      .where(sql`${t.deletedAt} is null`),
    index('stylists_status_id_idx').on(t.status, t.id),
    // Matching resolves the requested city case-insensitively once per request.
    index('stylists_city_lower_idx').on(sql`lower(${t.city})`),
    index('stylists_specialties_idx').using('gin', t.specialties),
    check('stylists_experience_check', sql`${t.experienceYears} between 0 and 80`),
    check('stylists_rating_check', sql`${t.reviewCount} >= 0 and ${t.ratingSum} between ${t.reviewCount} and 5 * ${t.reviewCount}`),
  ],
);

/** What a stylist sells: a kind of session with its own duration and price. */
export const stylistServices = pgTable(
  'stylist_services',
  {
    id: uuid().primaryKey(),
    stylistId: uuid()
      .notNull()
      .references(() => stylists.id, { onDelete: 'cascade' }),
    kind: stylistServiceKind().notNull(),
    name: text().notNull(),
    description: text().notNull().default(''),
    durationMinutes: integer().notNull(),
    priceMinor: bigint({ mode: 'number' }).notNull(),
    currency: text().notNull(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stylist_services_stylist_idx').on(t.stylistId),
    check('stylist_services_duration_check', sql`${t.durationMinutes} between 15 and 720`),
  ],
);

/** Portfolio pieces; the image is a media upload (`mediaId`) or a generated image URL. */
export const stylistPortfolioItems = pgTable(
  'stylist_portfolio_items',
  {
    id: uuid().primaryKey(),
    stylistId: uuid()
      .notNull()
      .references(() => stylists.id, { onDelete: 'cascade' }),
    position: integer().notNull().default(0),
    title: text().notNull(),
    imageUrl: text().notNull(),
    mediaId: uuid(),
    description: text(),
    clientName: text(),
    date: timestamp({ withTimezone: true }),
    tags: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stylist_portfolio_stylist_idx').on(t.stylistId, t.position)],
);

/** Date-specific exceptions to the weekly schedule: AVAILABLE adds time, BLOCKED removes it. */
export const stylistAvailabilityWindows = pgTable(
  'stylist_availability_windows',
  {
    id: uuid().primaryKey(),
    stylistId: uuid()
      .notNull()
      .references(() => stylists.id, { onDelete: 'cascade' }),
    kind: availabilityWindowKind().notNull(),
    startAt: timestamp({ withTimezone: true }).notNull(),
    endAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stylist_windows_range_idx').on(t.stylistId, t.startAt),
    check('stylist_windows_order_check', sql`${t.endAt} > ${t.startAt}`),
  ],
);

/**
 * A client's request for a session. Several clients may hold PENDING requests for the same time; only acceptance
 * (a row in `stylist_bookings`) reserves it. `expiresAt` = min(created + TTL, requested start).
 */
export const bookingRequests = pgTable(
  'booking_requests',
  {
    id: uuid().primaryKey(),
    stylistId: uuid()
      .notNull()
      .references(() => stylists.id, { onDelete: 'cascade' }),
    clientId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    serviceId: uuid().references(() => stylistServices.id, { onDelete: 'set null' }),
    startAt: timestamp({ withTimezone: true }).notNull(),
    durationMinutes: integer().notNull(),
    message: text(),
    status: bookingRequestStatus().notNull().default('PENDING'),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    declineReason: text(),
    alternativeDates: timestamp({ withTimezone: true })
      .array()
      .notNull()
      .default(sql`'{}'::timestamptz[]`),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('booking_requests_stylist_idx').on(t.stylistId, t.status, t.startAt),
    index('booking_requests_client_idx').on(t.clientId, t.startAt),
    index('booking_requests_pending_expiry_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} = 'PENDING'`),
    check('booking_requests_duration_check', sql`${t.durationMinutes} between 15 and 720`),
  ],
);

/**
 * Confirmed sessions. `[blockStart, blockEnd)` is the session plus the stylist's buffer after it; an exclusion
 * constraint (custom migration) forbids two live bookings of one stylist whose blocks overlap.
 */
export const stylistBookings = pgTable(
  'stylist_bookings',
  {
    id: uuid().primaryKey(),
    requestId: uuid()
      .notNull()
      .references(() => bookingRequests.id, { onDelete: 'cascade' }),
    stylistId: uuid()
      .notNull()
      .references(() => stylists.id, { onDelete: 'cascade' }),
    clientId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    serviceId: uuid().references(() => stylistServices.id, { onDelete: 'set null' }),
    startAt: timestamp({ withTimezone: true }).notNull(),
    endAt: timestamp({ withTimezone: true }).notNull(),
    blockStart: timestamp({ withTimezone: true }).notNull(),
    blockEnd: timestamp({ withTimezone: true }).notNull(),
    status: bookingStatus().notNull().default('CONFIRMED'),
    location: text(),
    notes: text(),
    reminderSentAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelledBy: uuid(),
    cancelReason: text(),
    lateCancellation: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('stylist_bookings_request_key').on(t.requestId),
    index('stylist_bookings_stylist_start_idx').on(t.stylistId, t.startAt),
    index('stylist_bookings_client_start_idx').on(t.clientId, t.startAt),
    index('stylist_bookings_reminder_idx')
      .on(t.startAt)
      .where(sql`${t.status} = 'CONFIRMED' and ${t.reminderSentAt} is null`),
    check(
      'stylist_bookings_order_check',
      sql`${t.endAt} > ${t.startAt} and ${t.blockStart} <= ${t.startAt} and ${t.blockEnd} >= ${t.endAt}`,
    ),
  ],
);

/** Every change to a request or its booking: who, when, what (requested, accepted, declined, cancelled, …). */
export const bookingEvents = pgTable(
  'booking_events',
  {
    id: uuid().primaryKey(),
    requestId: uuid()
      .notNull()
      .references(() => bookingRequests.id, { onDelete: 'cascade' }),
    actorId: uuid(),
    type: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('booking_events_request_idx').on(t.requestId, t.at)],
);

/** One review per completed booking; the stylist may reply once. */
export const stylistReviews = pgTable(
  'stylist_reviews',
  {
    id: uuid().primaryKey(),
    bookingId: uuid()
      .notNull()
      .references(() => stylistBookings.id, { onDelete: 'cascade' }),
    stylistId: uuid()
      .notNull()
      .references(() => stylists.id, { onDelete: 'cascade' }),
    clientId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rating: integer().notNull(),
    text: text().notNull(),
    reply: text(),
    repliedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('stylist_reviews_booking_key').on(t.bookingId),
    index('stylist_reviews_stylist_idx').on(t.stylistId, t.createdAt),
    check('stylist_reviews_rating_check', sql`${t.rating} between 1 and 5`),
  ],
);

/** Private calendar feeds: the secret token encrypted (to show the URL again) and hashed (to look it up). */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull(),
    tokenEnc: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('calendar_feeds_token_key').on(t.tokenHash)],
);
