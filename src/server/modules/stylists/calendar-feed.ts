/**
 * Private calendar feeds (RFC 5545): each user gets a secret URL listing their bookings, as client and as stylist.
 * The token is stored hashed (to look it up) and encrypted (to show the URL again); rotating it kills the old URL.
 * Output follows the RFC: CRLF line ends, TEXT escaping, lines folded at 75 octets, times in UTC ("…Z").
 */
import { and, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import { decrypt, encrypt, openText, randomToken, tokenHash } from '../../security/crypto.ts';
import type { Actor } from '../../http/auth.ts';
import { accountNames, accountTypeOf, clientIdentitiesFor } from '../identity/service.ts';
import { calendarFeeds, stylistBookings, stylistServices, stylists } from './schema.ts';

const PAST_DAYS = 90;

function feedUrl(ctx: AppContext, token: string): string {
  const origin = ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`;
  return `${origin.replace(/\/$/, '')}/api/v1/calendar/${token}.ics`;
}

/** The user's feed URL, created on first use. */
export async function calendarFeedFor(ctx: AppContext, actor: Actor): Promise<{ url: string; createdAt: string }> {
  const token = randomToken(24);
  await ctx.db
    .insert(calendarFeeds)
    .values({ userId: actor.userId, tokenHash: tokenHash(token), tokenEnc: encrypt(ctx.keys, token) })
    .onConflictDoNothing();
  const [row] = await ctx.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, actor.userId));
  return { url: feedUrl(ctx, decrypt(ctx.keys, row!.tokenEnc)), createdAt: row!.createdAt.toISOString() };
}

/** A new secret; the previous URL answers 404 from now on. */
export async function rotateCalendarFeed(ctx: AppContext, actor: Actor): Promise<{ url: string; createdAt: string }> {
  const token = randomToken(24);
  const values = { tokenHash: tokenHash(token), tokenEnc: encrypt(ctx.keys, token), createdAt: new Date() };
  const [row] = await ctx.db
    .insert(calendarFeeds)
    .values({ userId: actor.userId, ...values })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: values })
    .returning();
  return { url: feedUrl(ctx, token), createdAt: row!.createdAt.toISOString() };
}

// ───────────────────────────── RFC 5545 ─────────────────────────────

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (§3.1): CRLF + one space, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with the space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** 20260504T070000Z */
export function icsTime(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export interface FeedEvent {
  uid: string;
  start: Date;
  end: Date;
  stamp: Date;
  summary: string;
  description?: string;
  location?: string;
  status: 'CONFIRMED' | 'CANCELLED';
}

export function buildCalendar(name: string, events: readonly FeedEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//StyleByZaga//Stylist bookings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${icsTime(e.stamp)}`,
      `DTSTART:${icsTime(e.start)}`,
      `DTEND:${icsTime(e.end)}`,
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
      `STATUS:${e.status}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** GET /calendar/<token>.ics: the owner's bookings from 90 days ago on; unknown tokens are 404. */
export async function renderCalendarFeed(ctx: AppContext, file: string): Promise<string> {
  const match = /^([A-Za-z0-9_-]{16,64})\.ics$/.exec(file);
  if (!match) throw new ApiError('ResourceNotFoundException', 'No such calendar');
  const [found] = await ctx.db
    .select({ userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, tokenHash(match[1]!)));
  // An erased account's feed is gone with it.
  const userType = found ? await accountTypeOf(ctx.db, found.userId) : undefined;
  if (!found || !userType) throw new ApiError('ResourceNotFoundException', 'No such calendar');
  const feed = { userId: found.userId, userType };
  const viewer: Actor = {
    userId: feed.userId,
    userType: feed.userType,
    tier: 'STANDARD',
    sessionId: 'calendar-feed',
    mfaEnabled: true,
    mfaVerifiedAt: null,
  };
  const mine = await ctx.db
    .select({ id: stylists.id })
    .from(stylists)
    .where(and(eq(stylists.userId, feed.userId), isNull(stylists.deletedAt)));
  const since = new Date(Date.now() - PAST_DAYS * 86_400_000);
  const rows = await ctx.db
    .select({
      booking: stylistBookings,
      stylistUserId: stylists.userId,
      serviceName: stylistServices.name,
    })
    .from(stylistBookings)
    .innerJoin(stylists, eq(stylists.id, stylistBookings.stylistId))
    .leftJoin(stylistServices, eq(stylistServices.id, stylistBookings.serviceId))
    .where(
      and(
        gt(stylistBookings.endAt, since),
        or(
          eq(stylistBookings.clientId, feed.userId),
          mine.length
            ? inArray(
                stylistBookings.stylistId,
                mine.map((m) => m.id),
              )
            : undefined,
        ),
      ),
    )
    .orderBy(stylistBookings.startAt);
  // Every row is a booking the stylist accepted: the client's identity is theirs to see.
  const [clients, stylistNames] = await Promise.all([
    clientIdentitiesFor(
      ctx,
      viewer,
      rows.map((r) => r.booking.clientId),
      { engaged: new Set(rows.map((r) => r.booking.clientId)) },
    ),
    accountNames(
      ctx.db,
      rows.map((r) => r.stylistUserId),
    ),
  ]);
  const events: FeedEvent[] = rows.map((r) => {
    const b = r.booking;
    const asClient = b.clientId === feed.userId;
    const what = r.serviceName ?? 'Styling session';
    const summary = asClient
      ? `${what} with ${stylistNames.get(r.stylistUserId)?.firstName} ${stylistNames.get(r.stylistUserId)?.lastName}`
      : `${what} — ${clients.get(b.clientId)?.displayName ?? 'client'}`;
    return {
      uid: `${b.id}@stylebyzaga`,
      start: b.startAt,
      end: b.endAt,
      stamp: b.updatedAt,
      summary,
      ...(b.notes ? { description: openText(ctx.keys, b.notes)! } : {}),
      ...(b.location ? { location: openText(ctx.keys, b.location)! } : {}),
      status: b.status === 'CANCELLED' ? 'CANCELLED' : 'CONFIRMED',
    };
  });
  // The house's events the owner has a confirmed seat at (editorial RSVPs), imported when needed: editorial reads stylists.
  const { confirmedEventsFor } = await import('../editorial/service.ts');
  for (const e of await confirmedEventsFor(ctx.db, feed.userId, since)) {
    events.push({
      uid: `rsvp-${e.contentId}@stylebyzaga`,
      start: e.startsAt,
      end: e.endsAt,
      stamp: e.updatedAt,
      summary: e.title,
      location: [e.place, e.address].filter(Boolean).join(', '),
      status: 'CONFIRMED',
    });
  }
  events.sort((a, b) => a.start.getTime() - b.start.getTime());
  return buildCalendar('StyleByZaga bookings', events);
}
