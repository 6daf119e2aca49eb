import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ContentDoc } from './body.ts';

// Each set of states once: the database enum, the API's Zod enum (models.ts) and the TypeScript type come from it.
export const CONTENT_TYPES = ['ARTICLE', 'LOOKBOOK', 'BRAND_STORY', 'EVENT', 'PAGE'] as const;
export const CONTENT_STATUSES = ['DRAFT', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED'] as const;
/** Who may read a piece: everyone, or private (VIP) clients only — invisible to anybody else, everywhere. */
export const CONTENT_AUDIENCES = ['EVERYONE', 'VIP'] as const;
/** Who may come to an event: anyone, signed-in clients, or private clients only. */
export const EVENT_ATTENDANCES = ['EVERYONE', 'CLIENTS', 'VIP'] as const;
export const RSVP_STATUSES = ['CONFIRMED', 'WAITLISTED', 'CANCELLED'] as const;

export const contentType = pgEnum('content_type', CONTENT_TYPES);
export const contentStatus = pgEnum('content_status', CONTENT_STATUSES);
export const contentAudience = pgEnum('content_audience', CONTENT_AUDIENCES);
export const eventAttendance = pgEnum('event_attendance', EVENT_ATTENDANCES);
export const rsvpStatus = pgEnum('rsvp_status', RSVP_STATUSES);

/** The event part of an EVENT piece, kept on the content row (one per piece). */
export interface EventDetails {
  /** UTC instant of the start and end. */
  startsAt: string;
  endsAt: string;
  /** IANA zone of the place: the date and time are shown as the place's wall clock. */
  timeZone: string;
  place: string;
  address?: string;
  attendance: 'EVERYONE' | 'CLIENTS' | 'VIP';
}

/**
 * Editorial pieces: the Journal's articles, lookbooks, brand stories, events and the house's own pages. The body is
 * the editor's Tiptap JSON, checked against an allowlist on every save (body.ts) and rendered at read time (render.ts)
 * so the pieces it embeds are live from the catalogue. `version` counts saves: an update names the version it was
 * made from and is refused (409) when another save came first.
 */
export const content = pgTable(
  'content',
  {
    id: uuid().primaryKey(),
    type: contentType().notNull(),
    status: contentStatus().notNull().default('DRAFT'),
    slug: text().notNull(),
    title: text().notNull(),
    dek: text().notNull().default(''),
    body: jsonb().$type<ContentDoc>().notNull(),
    // Plain text of the body, for search and reading time.
    bodyText: text().notNull().default(''),
    tags: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    featuredImage: text(),
    featuredImageAlt: text().notNull().default(''),
    // HOUSE: written by the house (an editor's byline or "The House"); STYLIST: a stylist in their own name.
    authorKind: text().notNull().default('HOUSE'),
    authorName: text().notNull(),
    authorStylistId: uuid(),
    // The account that created the piece (a stylist edits only their own).
    ownerId: uuid(),
    seoTitle: text().notNull().default(''),
    seoDescription: text().notNull().default(''),
    audience: contentAudience().notNull().default('EVERYONE'),
    featured: boolean().notNull().default(false),
    // A stylist's piece waiting for an editor (set when submitted, cleared when published or sent back).
    reviewRequestedAt: timestamp({ withTimezone: true }),
    publishAt: timestamp({ withTimezone: true }),
    publishZone: text(),
    publishedAt: timestamp({ withTimezone: true }),
    event: jsonb().$type<EventDetails>(),
    capacity: integer(),
    // Confirmed seats, moved only by conditional updates (capacity is never exceeded under any concurrency).
    seatsTaken: integer().notNull().default(0),
    version: integer().notNull().default(1),
    createdBy: uuid(),
    updatedBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('content_slug_key').on(t.slug),
    index('content_listing_idx').on(t.type, t.status, t.publishedAt),
    index('content_published_idx').on(t.status, t.publishedAt),
    index('content_tags_idx').using('gin', t.tags),
    check('content_seats_within_capacity', sql`${t.capacity} is null or (${t.seatsTaken} >= 0 and ${t.seatsTaken} <= ${t.capacity})`),
    check('content_event_has_capacity', sql`${t.type} <> 'EVENT' or (${t.capacity} is not null and ${t.capacity} > 0)`),
  ],
);

/** What a version keeps: every editable field as saved. */
export interface ContentSnapshot {
  title: string;
  slug: string;
  dek: string;
  body: ContentDoc;
  tags: string[];
  featuredImage: string | null;
  featuredImageAlt: string;
  authorKind: string;
  authorName: string;
  authorStylistId: string | null;
  seoTitle: string;
  seoDescription: string;
  audience: 'EVERYONE' | 'VIP';
  featured: boolean;
  event: EventDetails | null;
  capacity: number | null;
  status: 'DRAFT' | 'SCHEDULED' | 'PUBLISHED' | 'ARCHIVED';
}

/** Every save of a piece: who, when, and the whole piece as it was. */
export const contentVersions = pgTable(
  'content_versions',
  {
    contentId: uuid()
      .notNull()
      .references(() => content.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    snapshot: jsonb().$type<ContentSnapshot>().notNull(),
    savedBy: uuid(),
    savedByName: text().notNull().default(''),
    note: text().notNull().default(''),
    savedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.contentId, t.version] })],
);

/** One working draft per editor and piece, overwritten by each autosave, dropped when that editor saves. */
export const contentAutosaves = pgTable(
  'content_autosaves',
  {
    contentId: uuid()
      .notNull()
      .references(() => content.id, { onDelete: 'cascade' }),
    userId: uuid().notNull(),
    baseVersion: integer().notNull(),
    draft: jsonb().$type<Partial<ContentSnapshot>>().notNull(),
    savedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.contentId, t.userId] })],
);

/** Staff accounts holding the house-editor permission (granted by an admin). */
export const contentEditors = pgTable('content_editors', {
  userId: uuid().primaryKey(),
  grantedBy: uuid(),
  grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Replies to an event: one per client, confirmed while seats last, then on the waiting list in order. */
export const contentRsvps = pgTable(
  'content_rsvps',
  {
    id: uuid().primaryKey(),
    contentId: uuid()
      .notNull()
      .references(() => content.id, { onDelete: 'cascade' }),
    userId: uuid().notNull(),
    status: rsvpStatus().notNull(),
    guests: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('content_rsvps_once_key').on(t.contentId, t.userId),
    index('content_rsvps_user_idx').on(t.userId),
    index('content_rsvps_queue_idx').on(t.contentId, t.status, t.createdAt),
  ],
);

/** The home page's editorial slots, chosen in the house office. */
export const contentSlots = pgTable('content_slots', {
  slot: text().primaryKey(),
  contentId: uuid()
    .notNull()
    .references(() => content.id, { onDelete: 'cascade' }),
  updatedBy: uuid(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Messages sent through the contact page, read in the house office. Name, address and message are encrypted. */
export const contactMessages = pgTable(
  'contact_messages',
  {
    id: uuid().primaryKey(),
    name: text().notNull(),
    emailEnc: text().notNull(),
    topic: text().notNull(),
    message: text().notNull(),
    userId: uuid(),
    handledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contact_messages_created_idx').on(t.createdAt)],
);
