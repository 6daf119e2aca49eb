/**
 * Booking requests and bookings: request → accept / decline / cancel / expire, cancellation and rescheduling under
 * the stylist's policy, completion, and the change history. The one invariant that matters — no stylist holds two
 * overlapping live bookings, buffers included — is the database's exclusion constraint; its violation (23P01) is
 * answered 409 here.
 */
import { and, asc, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { openBookingConversation } from '../messaging/service.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { isExclusionViolation, isUniqueViolation, retryTransient } from '../../db/errors.ts';
import type { Actor } from '../../http/auth.ts';
import { openText, sealText } from '../../security/crypto.ts';
import { openFields } from '../../security/free-text.ts';
import type { Keys } from '../../security/keys.ts';
import { accountNames, clientIdentitiesFor } from '../identity/service.ts';
import { checkBookable, DAY, HOUR, MINUTE, type Unbookable } from './availability.ts';
import type { BookingDetails, BookingRequest, ListBookingsQuery, RequestStylistInput } from './models.ts';
import {
  formatWhen,
  notifyAccepted,
  notifyCancelled,
  notifyDeclined,
  notifyRequested,
  notifyRescheduled,
  type MailBooking,
} from './notifications.ts';
import { bookingEvents, bookingRequests, stylistBookings, stylistReviews, stylistServices, stylists } from './schema.ts';
import { loadStylist, ownsStylist, requireBookableStylist, type StylistWithName } from './access.ts';
import { loadAvailabilityInputs } from './availability-data.ts';
import { portraitUrl } from './presentation.ts';

type RequestRow = typeof bookingRequests.$inferSelect;
type BookingRow = typeof stylistBookings.$inferSelect;

// ───────────────────────────── errors ─────────────────────────────

const OVERLAP_MESSAGE = 'This time overlaps another confirmed booking of the stylist (buffers included)';

/** Runs `fn`, turning the exclusion constraint's 23P01 into 409 and a duplicate request (23505) into 409. */
async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isExclusionViolation(err)) throw new ApiError('ConflictException', OVERLAP_MESSAGE);
    if (isUniqueViolation(err)) throw new ApiError('ConflictException', 'You already asked this stylist for this time');
    throw err;
  }
}

function unbookableError(reason: Unbookable, stylist: StylistWithName, field: string): ApiError {
  const messages: Record<Unbookable, string> = {
    IN_THE_PAST: 'This time is in the past',
    TOO_SOON: `${stylist.firstName} needs at least ${stylist.minNoticeHours} hours' notice`,
    BEYOND_HORIZON: `${stylist.firstName} takes bookings at most ${stylist.horizonDays} days ahead`,
    OUTSIDE_AVAILABILITY: `Outside ${stylist.firstName}'s availability`,
    OVERLAPS_BOOKING: 'This time has already been booked',
  };
  if (reason === 'OVERLAPS_BOOKING')
    return new ApiError('ConflictException', messages[reason], { fieldErrors: { [field]: [messages[reason]] } });
  return new ApiError('ValidationException', messages[reason], { fieldErrors: { [field]: [messages[reason]] } });
}

// ───────────────────────────── helpers ─────────────────────────────

/** A pending request past its expiry is EXPIRED, whether or not the sweep has marked it yet. */
export function effectiveStatus(row: Pick<RequestRow, 'status' | 'expiresAt'>, now = Date.now()): RequestRow['status'] {
  return row.status === 'PENDING' && row.expiresAt.getTime() <= now ? 'EXPIRED' : row.status;
}

export async function recordEvent(
  db: Db,
  requestId: string,
  actorId: string | null,
  type: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await db
    .insert(bookingEvents)
    .values({ id: uuidv7(), requestId, actorId: actorId && /^[0-9a-f-]{36}$/.test(actorId) ? actorId : null, type, details });
}

/** Duration and service of a request: a service's own duration, or one of the stylist's service durations. */
async function resolveDuration(db: Db, stylistId: string, serviceId: string | undefined, requested: number | undefined) {
  const services = await db
    .select({
      id: stylistServices.id,
      name: stylistServices.name,
      durationMinutes: stylistServices.durationMinutes,
      active: stylistServices.active,
    })
    .from(stylistServices)
    .where(eq(stylistServices.stylistId, stylistId));
  if (serviceId) {
    const service = services.find((s) => s.id === serviceId && s.active);
    if (!service)
      throw new ApiError('ValidationException', 'Not a service this stylist offers', {
        fieldErrors: { 'body.serviceId': ['Not a service this stylist offers'] },
      });
    if (requested !== undefined && requested !== service.durationMinutes) {
      throw new ApiError('ValidationException', `${service.name} lasts ${service.durationMinutes} minutes`, {
        fieldErrors: { 'body.requestedDuration': [`Must be ${service.durationMinutes} minutes for this service`] },
      });
    }
    return { serviceId: service.id, serviceName: service.name, durationMinutes: service.durationMinutes };
  }
  const durations = [...new Set(services.filter((s) => s.active).map((s) => s.durationMinutes))].sort((a, b) => a - b);
  const duration = requested ?? (durations.includes(60) || !durations.length ? 60 : durations[0]!);
  if (durations.length && !durations.includes(duration)) {
    throw new ApiError('ValidationException', `Sessions last ${durations.join(', ')} minutes`, {
      fieldErrors: { 'body.requestedDuration': [`Choose one of ${durations.join(', ')} minutes`] },
    });
  }
  if (duration % 15 !== 0)
    throw new ApiError('ValidationException', 'Use steps of 15 minutes', {
      fieldErrors: { 'body.requestedDuration': ['Use steps of 15 minutes'] },
    });
  return { serviceId: null, serviceName: null, durationMinutes: duration };
}

async function assertBookable(db: Db, stylist: StylistWithName, start: number, minutes: number, field: string, ignore?: BookingRow) {
  const session = { start, end: start + minutes * MINUTE };
  const input = (await loadAvailabilityInputs(db, [stylist], session, Date.now())).get(stylist.id)!;
  const reason = checkBookable(input, session, ignore ? { start: ignore.blockStart.getTime(), end: ignore.blockEnd.getTime() } : undefined);
  if (reason) throw unbookableError(reason, stylist, field);
}

const mailOf = (
  stylist: StylistWithName,
  req: Pick<RequestRow, 'clientId' | 'startAt' | 'durationMinutes'>,
  serviceName?: string | null,
): MailBooking => ({
  stylistUserId: stylist.userId,
  stylistName: `${stylist.firstName} ${stylist.lastName}`,
  stylistTimeZone: stylist.timeZone,
  stylistCity: stylist.city,
  clientId: req.clientId,
  startAt: req.startAt,
  durationMinutes: req.durationMinutes,
  serviceName: serviceName ?? null,
});

async function serviceNameOf(db: Db, serviceId: string | null): Promise<string | null> {
  if (!serviceId) return null;
  const [s] = await db.select({ name: stylistServices.name }).from(stylistServices).where(eq(stylistServices.id, serviceId));
  return s?.name ?? null;
}

const expiryFor = (ctx: AppContext, start: number, now = Date.now()) =>
  new Date(Math.min(now + ctx.config.BOOKING_REQUEST_TTL_HOURS * HOUR, start));

// ───────────────────────────── request ─────────────────────────────

/** RequestStylist: the client asks for a time inside the stylist's availability → PENDING. */
export async function requestStylist(
  ctx: AppContext,
  actor: Actor,
  input: RequestStylistInput,
): Promise<{ requestId: string; status: 'PENDING' }> {
  if (input.clientId !== actor.userId) {
    throw new ApiError('AccessDeniedException', 'You can only request a stylist for yourself', {
      fieldErrors: { 'body.clientId': ['Must be your own user id'] },
    });
  }
  const stylist = await requireBookableStylist(ctx.db, input.stylistId);
  const { serviceId, serviceName, durationMinutes } = await resolveDuration(ctx.db, stylist.id, input.serviceId, input.requestedDuration);
  const start = Date.parse(input.requestedDate);
  await assertBookable(ctx.db, stylist, start, durationMinutes, 'body.requestedDate');
  const id = uuidv7();
  const row = await guarded(() =>
    ctx.db.transaction(async (tx) => {
      const db = tx;
      const [inserted] = await tx
        .insert(bookingRequests)
        .values({
          id,
          stylistId: stylist.id,
          clientId: actor.userId,
          serviceId,
          startAt: new Date(start),
          durationMinutes,
          message: sealText(ctx.keys, input.message),
          expiresAt: expiryFor(ctx, start),
        })
        .returning();
      await tx
        .update(stylists)
        .set({ requestsReceived: sql`${stylists.requestsReceived} + 1` })
        .where(eq(stylists.id, stylist.id));
      await recordEvent(db, id, actor.userId, 'REQUESTED', { requestedDate: new Date(start).toISOString(), durationMinutes, serviceId });
      await notifyRequested(ctx, db, mailOf(stylist, inserted!, serviceName), input.message);
      // The request opens the client's conversation with the stylist (or continues it), as a card with the note.
      await openBookingConversation(ctx, db, {
        clientId: actor.userId,
        stylistUserId: stylist.userId,
        bookingRequestId: id,
        startTime: new Date(start).toISOString(),
        durationMinutes,
        message: input.message,
      });
      return inserted!;
    }),
  );
  return { requestId: row.id, status: 'PENDING' };
}

/** The request and its stylist, for the stylist who owns it (or an admin); a foreign stylistId is 404. */
async function requestForStylist(db: Db, actor: Actor, requestId: string, stylistId: string) {
  const stylist = await loadStylist(db, stylistId);
  if (!stylist || (!ownsStylist(actor, stylist) && actor.userType !== 'ADMIN')) {
    throw new ApiError('ResourceNotFoundException', 'No such stylist', { fieldErrors: { 'body.stylistId': ['Not your stylist profile'] } });
  }
  const [request] = await db
    .select()
    .from(bookingRequests)
    .where(and(eq(bookingRequests.id, requestId), eq(bookingRequests.stylistId, stylistId)));
  if (!request)
    throw new ApiError('ResourceNotFoundException', 'No such request', {
      fieldErrors: { 'body.requestId': ['No such request for this stylist'] },
    });
  return { stylist, request };
}

function assertPending(request: RequestRow) {
  const status = effectiveStatus(request);
  if (status === 'EXPIRED') throw new ApiError('ConflictException', 'This request has expired');
  if (status !== 'PENDING') throw new ApiError('ConflictException', `This request is already ${status.toLowerCase()}`);
}

export function presentBooking(keys: Keys, b: BookingRow): BookingDetails {
  return {
    bookingId: b.id,
    clientId: b.clientId,
    stylistId: b.stylistId,
    startTime: b.startAt.toISOString(),
    endTime: b.endAt.toISOString(),
    status: b.status,
    ...(b.location ? { location: openText(keys, b.location)! } : {}),
    ...(b.notes ? { notes: openText(keys, b.notes)! } : {}),
  };
}

/** AcceptClientRequest: reserves the time; 409 when it overlaps a confirmed booking (buffers included). */
export async function acceptRequest(
  ctx: AppContext,
  actor: Actor,
  input: { requestId: string; stylistId: string; message?: string; location?: string },
) {
  const { stylist, request: seen } = await requestForStylist(ctx.db, actor, input.requestId, input.stylistId);
  // Fail fast without a transaction when the answer is already known; the exclusion constraint below still decides
  // every race (many accepts at once all pass this check, and all but one then get 23P01).
  assertPending(seen);
  const seenStart = seen.startAt.getTime();
  const [taken] = await ctx.db
    .select({ id: stylistBookings.id })
    .from(stylistBookings)
    .where(
      and(
        eq(stylistBookings.stylistId, stylist.id),
        inArray(stylistBookings.status, ['CONFIRMED', 'COMPLETED']),
        sql`tstzrange(${stylistBookings.blockStart}, ${stylistBookings.blockEnd}, '[)') && tstzrange(${new Date(seenStart)}, ${new Date(seenStart + (seen.durationMinutes + stylist.bufferMinutes) * MINUTE)}, '[)')`,
      ),
    )
    .limit(1);
  if (taken) throw new ApiError('ConflictException', OVERLAP_MESSAGE);
  // Two accepts that insert overlapping rows at the same instant can each wait on the other's index entry; PostgreSQL
  // then aborts one as a deadlock's victim after its deadlock_timeout, and fifty at once queued past the pool's wait
  // (CI, 503s). So the stylist's row is locked before the booking is inserted (its answered count is updated first):
  // one stylist's accepts take turns, and each finds the last one committed, a plain 409 or the slot. The retry stays
  // for any other deadlock.
  const booking = await guarded(() =>
    retryTransient(() =>
      ctx.db.transaction(async (tx) => {
        const db = tx;
        const [request] = await tx.select().from(bookingRequests).where(eq(bookingRequests.id, input.requestId)).for('update');
        assertPending(request!);
        await tx
          .update(stylists)
          .set({ requestsAnswered: sql`${stylists.requestsAnswered} + 1` })
          .where(eq(stylists.id, stylist.id));
        const start = request!.startAt.getTime();
        const end = start + request!.durationMinutes * MINUTE;
        const [inserted] = await tx
          .insert(stylistBookings)
          .values({
            id: uuidv7(),
            requestId: request!.id,
            stylistId: stylist.id,
            clientId: request!.clientId,
            serviceId: request!.serviceId,
            startAt: new Date(start),
            endAt: new Date(end),
            blockStart: new Date(start),
            blockEnd: new Date(end + stylist.bufferMinutes * MINUTE),
            location: sealText(ctx.keys, input.location),
            notes: sealText(ctx.keys, input.message),
          })
          .returning();
        await tx
          .update(bookingRequests)
          .set({ status: 'ACCEPTED', decidedAt: new Date(), updatedAt: new Date() })
          .where(eq(bookingRequests.id, request!.id));
        await recordEvent(db, request!.id, actor.userId, 'ACCEPTED', { bookingId: inserted!.id });
        await notifyAccepted(ctx, db, mailOf(stylist, request!, await serviceNameOf(db, request!.serviceId)), input.message);
        return inserted!;
      }),
    ),
  );
  return { requestId: input.requestId, status: 'ACCEPTED' as const, bookingDetails: presentBooking(ctx.keys, booking) };
}

/** DeclineClientRequest: with a reason and alternative times the client can take with one click. */
export async function declineRequest(
  ctx: AppContext,
  actor: Actor,
  input: { requestId: string; stylistId: string; reason?: string; alternativeDates?: string[] },
) {
  const { stylist } = await requestForStylist(ctx.db, actor, input.requestId, input.stylistId);
  const now = Date.now();
  const alternatives = [...new Set(input.alternativeDates ?? [])].map((d) => Date.parse(d));
  const bad = alternatives.findIndex((t) => t <= now || t > now + stylist.horizonDays * DAY);
  if (bad >= 0)
    throw new ApiError('ValidationException', 'Alternative dates must be upcoming and within the booking horizon', {
      fieldErrors: { [`body.alternativeDates.${bad}`]: ['Must be upcoming and within the booking horizon'] },
    });
  await ctx.db.transaction(async (tx) => {
    const db = tx;
    const [request] = await tx.select().from(bookingRequests).where(eq(bookingRequests.id, input.requestId)).for('update');
    assertPending(request!);
    await tx
      .update(bookingRequests)
      .set({
        status: 'DECLINED',
        declineReason: sealText(ctx.keys, input.reason),
        alternativeDates: alternatives.map((t) => new Date(t)),
        decidedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(bookingRequests.id, request!.id));
    await tx
      .update(stylists)
      .set({ requestsAnswered: sql`${stylists.requestsAnswered} + 1` })
      .where(eq(stylists.id, stylist.id));
    // The history repeats the reason: sealed there too (security/free-text.ts).
    await recordEvent(db, request!.id, actor.userId, 'DECLINED', {
      reason: sealText(ctx.keys, input.reason),
      alternativeDates: alternatives.map((t) => new Date(t).toISOString()),
    });
    await notifyDeclined(
      ctx,
      db,
      mailOf(stylist, request!, await serviceNameOf(db, request!.serviceId)),
      input.reason,
      alternatives.map((t) => new Date(t)),
    );
  });
  return { requestId: input.requestId, status: 'DECLINED' as const };
}

// ───────────────────────────── change: cancel, reschedule, complete ─────────────────────────────

interface Loaded {
  request: RequestRow;
  booking?: BookingRow;
  stylist: StylistWithName;
  role: 'client' | 'stylist' | 'admin';
}

/** The request with its booking and stylist, for one of its parties or an admin (404 for anyone else). */
async function loadForParty(db: Db, actor: Actor, requestId: string, lock = false): Promise<Loaded> {
  const q = db.select().from(bookingRequests).where(eq(bookingRequests.id, requestId));
  const [request] = lock ? await q.for('update') : await q;
  if (!request) throw new ApiError('ResourceNotFoundException', 'No such request');
  const stylist = await loadStylist(db, request.stylistId);
  const role =
    request.clientId === actor.userId
      ? 'client'
      : stylist && ownsStylist(actor, stylist)
        ? 'stylist'
        : actor.userType === 'ADMIN'
          ? 'admin'
          : undefined;
  if (!role || !stylist) throw new ApiError('ResourceNotFoundException', 'No such request');
  const bq = db.select().from(stylistBookings).where(eq(stylistBookings.requestId, requestId));
  const [booking] = lock ? await bq.for('update') : await bq;
  return { request, ...(booking ? { booking } : {}), stylist, role };
}

const freeUntil = (stylist: StylistWithName, start: Date) => start.getTime() - stylist.freeCancellationHours * HOUR;

/** Cancels a pending request (its client) or a confirmed booking (either party); late inside the policy window. */
export async function cancelRequest(ctx: AppContext, actor: Actor, requestId: string, input: { reason?: string }): Promise<BookingRequest> {
  await ctx.db.transaction(async (tx) => {
    const db = tx;
    const { request, booking, stylist, role } = await loadForParty(db, actor, requestId, true);
    const now = Date.now();
    const status = effectiveStatus(request, now);
    if (status === 'PENDING') {
      if (role === 'stylist') throw new ApiError('ConflictException', 'Decline the request instead of cancelling it');
      await tx.update(bookingRequests).set({ status: 'CANCELLED', updatedAt: new Date() }).where(eq(bookingRequests.id, requestId));
      await recordEvent(db, requestId, actor.userId, 'CANCELLED', { reason: sealText(ctx.keys, input.reason), pending: true });
      return;
    }
    if (status !== 'ACCEPTED' || !booking || booking.status !== 'CONFIRMED')
      throw new ApiError('ConflictException', `Nothing to cancel: this request is ${status.toLowerCase()}`);
    if (booking.startAt.getTime() <= now) throw new ApiError('ConflictException', 'This session has already started');
    const late = role === 'client' && now > freeUntil(stylist, booking.startAt);
    await tx
      .update(stylistBookings)
      .set({
        status: 'CANCELLED',
        cancelledAt: new Date(),
        cancelledBy: actor.userId,
        cancelReason: sealText(ctx.keys, input.reason),
        lateCancellation: late,
        updatedAt: new Date(),
      })
      .where(eq(stylistBookings.id, booking.id));
    await tx.update(bookingRequests).set({ status: 'CANCELLED', updatedAt: new Date() }).where(eq(bookingRequests.id, requestId));
    await recordEvent(db, requestId, actor.userId, 'CANCELLED', { reason: sealText(ctx.keys, input.reason), late, by: role });
    await notifyCancelled(
      ctx,
      db,
      mailOf(stylist, request, await serviceNameOf(db, request.serviceId)),
      role === 'client' ? 'client' : 'stylist',
      input.reason,
    );
  });
  return getRequest(ctx, actor, requestId);
}

/**
 * Moves a pending request (its client) or a confirmed booking: free for the client until the policy's notice, the
 * stylist may move it until it starts. The new time must be bookable; overlap with another booking answers 409.
 */
export async function rescheduleRequest(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
  input: { requestedDate: string; requestedDuration?: number },
): Promise<BookingRequest> {
  const first = await loadForParty(ctx.db, actor, requestId);
  const now = Date.now();
  const status = effectiveStatus(first.request, now);
  const start = Date.parse(input.requestedDate);
  const { durationMinutes } = await resolveDuration(
    ctx.db,
    first.stylist.id,
    first.request.serviceId ?? undefined,
    input.requestedDuration ?? (first.request.serviceId ? undefined : first.request.durationMinutes),
  );
  if (status === 'PENDING') {
    if (first.role === 'stylist') throw new ApiError('ConflictException', 'Decline with alternative dates instead of moving a request');
  } else if (status === 'ACCEPTED' && first.booking?.status === 'CONFIRMED') {
    if (first.booking.startAt.getTime() <= now) throw new ApiError('ConflictException', 'This session has already started');
    if (first.role === 'client' && now > freeUntil(first.stylist, first.booking.startAt)) {
      throw new ApiError(
        'ConflictException',
        `Within ${first.stylist.freeCancellationHours} hours of the start only the stylist can move the session`,
      );
    }
  } else {
    throw new ApiError('ConflictException', `This request is ${status.toLowerCase()} and cannot be moved`);
  }
  await assertBookable(ctx.db, first.stylist, start, durationMinutes, 'body.requestedDate', first.booking);
  await guarded(() =>
    ctx.db.transaction(async (tx) => {
      const db = tx;
      const { request, booking, stylist, role } = await loadForParty(db, actor, requestId, true);
      if (effectiveStatus(request) !== status) throw new ApiError('ConflictException', 'This request changed meanwhile; please reload');
      const previous = request.startAt;
      const end = start + durationMinutes * MINUTE;
      await tx
        .update(bookingRequests)
        .set({
          startAt: new Date(start),
          durationMinutes,
          ...(status === 'PENDING' ? { expiresAt: expiryFor(ctx, start, now) } : {}),
          updatedAt: new Date(),
        })
        .where(eq(bookingRequests.id, requestId));
      if (booking && status === 'ACCEPTED') {
        await tx
          .update(stylistBookings)
          .set({
            startAt: new Date(start),
            endAt: new Date(end),
            blockStart: new Date(start),
            blockEnd: new Date(end + stylist.bufferMinutes * MINUTE),
            reminderSentAt: null,
            updatedAt: new Date(),
          })
          .where(eq(stylistBookings.id, booking.id));
      }
      await recordEvent(db, requestId, actor.userId, 'RESCHEDULED', {
        from: previous.toISOString(),
        to: new Date(start).toISOString(),
        durationMinutes,
        by: role,
      });
      if (status === 'ACCEPTED') {
        await notifyRescheduled(
          ctx,
          db,
          mailOf(stylist, { ...request, startAt: new Date(start), durationMinutes }, await serviceNameOf(db, request.serviceId)),
          role === 'client' ? 'client' : 'stylist',
          previous,
        );
      }
    }),
  );
  return getRequest(ctx, actor, requestId);
}

/** The stylist records how a past session went: COMPLETED (reviewable) or NO_SHOW. */
export async function completeBooking(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
  outcome: 'COMPLETED' | 'NO_SHOW',
): Promise<BookingRequest> {
  await ctx.db.transaction(async (tx) => {
    const db = tx;
    const { booking, role } = await loadForParty(db, actor, requestId, true);
    if (role === 'client') throw new ApiError('AccessDeniedException', 'Only the stylist can record how the session went');
    if (!booking || booking.status !== 'CONFIRMED') throw new ApiError('ConflictException', 'Only a confirmed booking can be completed');
    if (booking.endAt.getTime() > Date.now()) throw new ApiError('ConflictException', 'The session has not ended yet');
    await tx.update(stylistBookings).set({ status: outcome, updatedAt: new Date() }).where(eq(stylistBookings.id, booking.id));
    await recordEvent(db, requestId, actor.userId, outcome);
  });
  return getRequest(ctx, actor, requestId);
}

/** Cancels every upcoming booking and pending request of a stylist (profile deleted). */
export async function cancelEverythingOf(ctx: AppContext, db: Db, actor: Actor, stylistId: string): Promise<void> {
  const now = new Date();
  const cancelled = await db
    .update(stylistBookings)
    .set({
      status: 'CANCELLED',
      cancelledAt: now,
      cancelledBy: actor.userId,
      cancelReason: sealText(ctx.keys, 'The stylist left StyleByZaga'),
      updatedAt: now,
    })
    .where(and(eq(stylistBookings.stylistId, stylistId), eq(stylistBookings.status, 'CONFIRMED'), gt(stylistBookings.startAt, now)))
    .returning({ requestId: stylistBookings.requestId });
  const requestIds = cancelled.map((c) => c.requestId);
  const pending = await db
    .update(bookingRequests)
    .set({ status: 'CANCELLED', updatedAt: now })
    .where(
      and(
        eq(bookingRequests.stylistId, stylistId),
        or(eq(bookingRequests.status, 'PENDING'), requestIds.length ? inArray(bookingRequests.id, requestIds) : sql`false`),
      ),
    )
    .returning({ id: bookingRequests.id });
  for (const r of pending) await recordEvent(db, r.id, actor.userId, 'CANCELLED', { reason: 'stylist profile deleted' });
}

// ───────────────────────────── reading ─────────────────────────────

/** Requests as `viewer` may see them: clients through the identity module's privacy rules. */
export async function presentRequests(
  ctx: AppContext,
  viewer: Actor,
  rows: readonly RequestRow[],
  withHistory = false,
): Promise<BookingRequest[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const stylistIds = [...new Set(rows.map((r) => r.stylistId))];
  const serviceIds = [...new Set(rows.flatMap((r) => (r.serviceId ? [r.serviceId] : [])))];
  const [bookings, stylistRows, services, identities, events] = await Promise.all([
    ctx.db.select().from(stylistBookings).where(inArray(stylistBookings.requestId, ids)),
    ctx.db
      .select({
        id: stylists.id,
        userId: stylists.userId,
        timeZone: stylists.timeZone,
        city: stylists.city,
        portraitName: stylists.portraitName,
        freeCancellationHours: stylists.freeCancellationHours,
      })
      .from(stylists)
      .where(inArray(stylists.id, stylistIds))
      .then(async (found) => {
        const names = await accountNames(
          ctx.db,
          found.map((f) => f.userId),
        );
        return found.map((f) => ({ ...f, firstName: names.get(f.userId)?.firstName ?? '', lastName: names.get(f.userId)?.lastName ?? '' }));
      }),
    serviceIds.length
      ? ctx.db
          .select({ id: stylistServices.id, name: stylistServices.name })
          .from(stylistServices)
          .where(inArray(stylistServices.id, serviceIds))
      : Promise.resolve([]),
    // Full name and contact only for clients this viewer has an accepted booking with (or who shared them).
    ctx.db
      .select({ requestId: stylistBookings.requestId })
      .from(stylistBookings)
      .where(inArray(stylistBookings.requestId, ids))
      .then((accepted) => {
        const acceptedIds = new Set(accepted.map((a) => a.requestId));
        const engaged = new Set(rows.filter((r) => acceptedIds.has(r.id)).map((r) => r.clientId));
        return clientIdentitiesFor(ctx, viewer, [...new Set(rows.map((r) => r.clientId))], { engaged });
      }),
    withHistory
      ? ctx.db
          .select()
          .from(bookingEvents)
          .where(inArray(bookingEvents.requestId, ids))
          .orderBy(asc(bookingEvents.at), asc(bookingEvents.id))
      : Promise.resolve([]),
  ]);
  const bookingIds = bookings.map((b) => b.id);
  const reviewed = new Set(
    bookingIds.length
      ? (
          await ctx.db
            .select({ bookingId: stylistReviews.bookingId })
            .from(stylistReviews)
            .where(inArray(stylistReviews.bookingId, bookingIds))
        ).map((r) => r.bookingId)
      : [],
  );
  const now = Date.now();
  return rows.map((r) => {
    const booking = bookings.find((b) => b.requestId === r.id);
    const s = stylistRows.find((x) => x.id === r.stylistId);
    const url = s ? portraitUrl(s) : undefined;
    const start = booking?.startAt ?? r.startAt;
    return {
      requestId: r.id,
      status: effectiveStatus(r, now),
      clientId: r.clientId,
      client: identities.get(r.clientId) ?? { displayName: 'Former member', isAlias: true },
      stylistId: r.stylistId,
      stylist: {
        stylistId: r.stylistId,
        firstName: s?.firstName ?? '',
        lastName: s?.lastName ?? '',
        timeZone: s?.timeZone ?? 'UTC',
        city: s?.city ?? '',
        ...(url ? { portraitUrl: url } : {}),
      },
      ...(r.serviceId ? { serviceId: r.serviceId } : {}),
      ...(r.serviceId && services.find((x) => x.id === r.serviceId)
        ? { serviceName: services.find((x) => x.id === r.serviceId)!.name }
        : {}),
      requestedDate: r.startAt.toISOString(),
      requestedDuration: r.durationMinutes,
      ...(r.message ? { message: openText(ctx.keys, r.message)! } : {}),
      expiresAt: r.expiresAt.toISOString(),
      ...(r.declineReason ? { declineReason: openText(ctx.keys, r.declineReason)! } : {}),
      alternativeDates: r.alternativeDates.map((d) => d.toISOString()),
      ...(booking ? { booking: presentBooking(ctx.keys, booking) } : {}),
      ...(booking?.cancelledAt
        ? {
            cancellation: {
              cancelledAt: booking.cancelledAt.toISOString(),
              ...(booking.cancelledBy ? { cancelledBy: booking.cancelledBy } : {}),
              ...(booking.cancelReason ? { reason: openText(ctx.keys, booking.cancelReason)! } : {}),
              late: booking.lateCancellation,
            },
          }
        : {}),
      freeCancellationUntil: new Date(start.getTime() - (s?.freeCancellationHours ?? 0) * HOUR).toISOString(),
      reviewed: booking ? reviewed.has(booking.id) : false,
      ...(withHistory
        ? {
            history: events
              .filter((e) => e.requestId === r.id)
              .map((e) => ({
                type: e.type,
                at: e.at.toISOString(),
                ...(e.actorId ? { actorId: e.actorId } : {}),
                details: openFields(ctx.keys, e.details, ['reason']),
              })),
          }
        : {}),
      createdAt: r.createdAt.toISOString(),
    };
  });
}

export async function getRequest(ctx: AppContext, actor: Actor, requestId: string): Promise<BookingRequest> {
  const { request } = await loadForParty(ctx.db, actor, requestId);
  return (await presentRequests(ctx, actor, [request], true))[0]!;
}

/** Keyset cursor over (start, id) in the listing's order, stable under inserts; it carries the order it was made for. */
function cursorOf(row: RequestRow, order: 'asc' | 'desc'): string {
  return Buffer.from(`${row.startAt.toISOString()}|${row.id}|${order}`).toString('base64url');
}
function afterCursor(token: string, order: 'asc' | 'desc'): SQL {
  const [at, id, made = 'asc'] = Buffer.from(token, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id) || made !== order) {
    throw new ApiError('ValidationException', 'nextToken is not valid for this listing; start again without it', {
      fieldErrors: { 'query.nextToken': ['Invalid token'] },
    });
  }
  return order === 'asc'
    ? sql`(${bookingRequests.startAt}, ${bookingRequests.id}) > (${new Date(at)}, ${id}::uuid)`
    : sql`(${bookingRequests.startAt}, ${bookingRequests.id}) < (${new Date(at)}, ${id}::uuid)`;
}

async function listRequests(ctx: AppContext, viewer: Actor, scope: SQL, query: ListBookingsQuery) {
  const conditions: SQL[] = [scope];
  if (query.from) conditions.push(sql`${bookingRequests.startAt} >= ${new Date(query.from)}`);
  if (query.to) conditions.push(lt(bookingRequests.startAt, new Date(query.to)));
  if (query.status?.length) {
    // EXPIRED includes pending requests past their expiry that the sweep has not marked yet; PENDING excludes them.
    const now = new Date();
    const parts = query.status.map((s) =>
      s === 'EXPIRED'
        ? sql`(${bookingRequests.status} = 'EXPIRED' or (${bookingRequests.status} = 'PENDING' and ${bookingRequests.expiresAt} <= ${now}))`
        : s === 'PENDING'
          ? sql`(${bookingRequests.status} = 'PENDING' and ${bookingRequests.expiresAt} > ${now})`
          : sql`${bookingRequests.status} = ${s}`,
    );
    conditions.push(sql`(${sql.join(parts, sql` or `)})`);
  }
  const order = query.order ?? 'asc';
  if (query.nextToken) conditions.push(afterCursor(query.nextToken, order));
  const by = order === 'asc' ? asc : desc;
  const rows = await ctx.db
    .select()
    .from(bookingRequests)
    .where(and(...conditions))
    .orderBy(by(bookingRequests.startAt), by(bookingRequests.id))
    .limit(query.maxResults + 1);
  const page = rows.slice(0, query.maxResults);
  return {
    requests: await presentRequests(ctx, viewer, page),
    ...(rows.length > query.maxResults ? { nextToken: cursorOf(page.at(-1)!, order) } : {}),
  };
}

export async function listClientBookings(ctx: AppContext, actor: Actor, query: ListBookingsQuery) {
  return listRequests(ctx, actor, eq(bookingRequests.clientId, actor.userId), query);
}

export async function listStylistInbox(ctx: AppContext, actor: Actor, query: ListBookingsQuery) {
  const [mine] = await ctx.db
    .select({ id: stylists.id })
    .from(stylists)
    .where(and(eq(stylists.userId, actor.userId), sql`${stylists.deletedAt} is null`));
  if (!mine) throw new ApiError('ResourceNotFoundException', 'You have no stylist profile yet');
  return listRequests(ctx, actor, eq(bookingRequests.stylistId, mine.id), query);
}

export { formatWhen };
