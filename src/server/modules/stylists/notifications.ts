/**
 * Notices of the marketplace. Booking notices go through the notification service (`notifyAndMail`): the centre, the
 * person's preferences and quiet hours, push, and the e-mail handed to the mailer with the caller's transaction, so
 * a dev-mailbox row commits with the change it announces. The vetting verdict stays a plain letter (it is about the
 * account, not a booking). Names come from the identity module: a stylist only ever reads a VIP client's alias while
 * privacy mode hides them; titles (subjects, push texts) never carry a name.
 */
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/auth.ts';
import { clientIdentitiesFor } from '../identity/service.ts';
import { notifyAndMail, readerTimeZone, type NotifyInput } from '../notifications/service.ts';
import { describeWhen } from '../../../shared/time-words.ts';

/** Reads addresses for delivery only; never shown to anyone. */
const mailRoom: Actor = {
  userId: 'mail-room',
  userType: 'ADMIN',
  tier: 'STANDARD',
  sessionId: 'mail-room',
  mfaEnabled: true,
  mfaVerifiedAt: null,
};
const stylistViewer = (userId: string): Actor => ({
  userId,
  userType: 'STYLIST',
  tier: 'STANDARD',
  sessionId: 'mail',
  mfaEnabled: true,
  mfaVerifiedAt: null,
});

export interface MailBooking {
  stylistUserId: string;
  stylistName: string;
  stylistTimeZone: string;
  /** Where the stylist works: the city their times are named by. */
  stylistCity?: string | null;
  clientId: string;
  startAt: Date;
  durationMinutes: number;
  serviceName?: string | null;
}

/**
 * A session's moment as one reader reads it: in their own zone when they have told us, the stylist's city named
 * ("Tuesday 5 May 2026 at 09:00 your time (15:00 in Milan)"); a stylist reads their own clock ("…, Milan time").
 */
export function formatWhen(at: Date, b: Pick<MailBooking, 'stylistTimeZone' | 'stylistCity'>, readerZone?: string | null): string {
  return describeWhen(at, { zone: b.stylistTimeZone, city: b.stylistCity }, readerZone);
}

/** The times of a notice to the client, in the client's zone when known. */
async function forClient(db: Db, b: MailBooking) {
  const zone = await readerTimeZone(db, b.clientId);
  return (at: Date) => formatWhen(at, b, zone);
}
/** The times of a notice to the stylist: their schedule's clock, named by their city. */
const forStylist = (b: MailBooking) => (at: Date) => formatWhen(at, b, b.stylistTimeZone);

// Inside a transaction every read must use it too (PGlite has one connection: a read beside it would wait forever).
async function addresses(ctx: AppContext, db: Db, ids: string[]) {
  return clientIdentitiesFor({ ...ctx, db }, mailRoom, ids);
}
async function asStylistSees(ctx: AppContext, db: Db, stylistUserId: string, clientId: string, engaged = false) {
  return (
    await clientIdentitiesFor({ ...ctx, db }, stylistViewer(stylistUserId), [clientId], {
      engaged: engaged ? new Set([clientId]) : undefined,
    })
  ).get(clientId);
}

async function send(ctx: AppContext, db: Db, to: string | undefined, subject: string, lines: string[]) {
  if (!to) return;
  await ctx.mailer.send(db, { to, subject, text: `${lines.join('\n')}\n\n— StyleByZaga Concierge` });
}

/** A booking notice to one person: title (no names), the lines as its body, and where to act on it. */
async function notice(ctx: AppContext, db: Db, userId: string, kind: NotifyInput['kind'], title: string, lines: string[], path: string) {
  await notifyAndMail(db, ctx, { userId, kind, title, body: lines.join('\n'), link: path });
}

const link = (ctx: AppContext, path: string) => `${ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`}${path}`;

export async function notifyStylistVetted(
  ctx: AppContext,
  db: Db,
  stylist: { userId: string; firstName: string },
  status: string,
  notes?: string,
) {
  const to = (await addresses(ctx, db, [stylist.userId])).get(stylist.userId)?.email;
  const verdict = status === 'APPROVED' ? 'is approved and now listed' : status === 'REJECTED' ? 'was not approved' : 'is suspended';
  await send(ctx, db, to, `Your stylist profile ${verdict}`, [
    `Dear ${stylist.firstName},`,
    '',
    `Your StyleByZaga stylist profile ${verdict}.`,
    ...(notes ? ['', `Notes from our team: ${notes}`] : []),
  ]);
}

export async function notifyRequested(ctx: AppContext, db: Db, b: MailBooking, message?: string | null) {
  const client = await asStylistSees(ctx, db, b.stylistUserId, b.clientId);
  await notice(
    ctx,
    db,
    b.stylistUserId,
    'booking.requested',
    'New session request',
    [
      `${client?.displayName ?? 'A client'} asks for ${b.serviceName ?? 'a session'} of ${b.durationMinutes} minutes on ${forStylist(b)(b.startAt)}.`,
      ...(message ? ['', `“${message}”`] : []),
    ],
    '/studio',
  );
}

export async function notifyAccepted(ctx: AppContext, db: Db, b: MailBooking, message?: string | null) {
  const when = await forClient(db, b);
  await notice(
    ctx,
    db,
    b.clientId,
    'booking.answered',
    'Your session is confirmed',
    [`${b.stylistName} confirmed ${b.serviceName ?? 'your session'} on ${when(b.startAt)}.`, ...(message ? ['', `“${message}”`] : [])],
    '/account/bookings',
  );
}

export async function notifyDeclined(ctx: AppContext, db: Db, b: MailBooking, reason: string | null | undefined, alternatives: Date[]) {
  const when = await forClient(db, b);
  await notice(
    ctx,
    db,
    b.clientId,
    'booking.answered',
    'Your session request was declined',
    [
      `${b.stylistName} cannot take your request for ${when(b.startAt)}.`,
      ...(reason ? ['', `Reason: ${reason}`] : []),
      ...(alternatives.length
        ? ['', 'Proposed instead (book one with a click in your bookings):', ...alternatives.map((d) => `  • ${when(d)}`)]
        : []),
    ],
    '/account/bookings',
  );
}

export async function notifyCancelled(ctx: AppContext, db: Db, b: MailBooking, by: 'client' | 'stylist', reason?: string | null) {
  const client = await asStylistSees(ctx, db, b.stylistUserId, b.clientId, true);
  const extra = reason ? ['', `Reason: ${reason}`] : [];
  if (by === 'client')
    await notice(
      ctx,
      db,
      b.stylistUserId,
      'booking.changed',
      'A session was cancelled',
      [`${client?.displayName ?? 'A client'} cancelled the session on ${forStylist(b)(b.startAt)}.`, ...extra],
      '/studio/calendar',
    );
  else
    await notice(
      ctx,
      db,
      b.clientId,
      'booking.changed',
      'Your session was cancelled',
      [`${b.stylistName} cancelled your session on ${(await forClient(db, b))(b.startAt)}.`, ...extra],
      '/account/bookings',
    );
}

export async function notifyRescheduled(ctx: AppContext, db: Db, b: MailBooking, by: 'client' | 'stylist', previous: Date) {
  const when = by === 'client' ? forStylist(b) : await forClient(db, b);
  const lines = [`The session on ${when(previous)} moves to ${when(b.startAt)}.`];
  if (by === 'client') await notice(ctx, db, b.stylistUserId, 'booking.changed', 'A session was rescheduled', lines, '/studio/calendar');
  else await notice(ctx, db, b.clientId, 'booking.changed', 'Your session was moved', lines, '/account/bookings');
}

export async function notifyExpired(ctx: AppContext, db: Db, b: MailBooking) {
  const when = await forClient(db, b);
  await notice(
    ctx,
    db,
    b.clientId,
    'booking.answered',
    'Your session request expired',
    [`${b.stylistName} did not answer your request for ${when(b.startAt)} in time. Other stylists may be free: ${link(ctx, '/stylists')}`],
    '/stylists',
  );
}

export async function notifyReminder(ctx: AppContext, db: Db, b: MailBooking) {
  const client = await asStylistSees(ctx, db, b.stylistUserId, b.clientId, true);
  const when = (await forClient(db, b))(b.startAt);
  await notice(
    ctx,
    db,
    b.clientId,
    'booking.changed',
    'Tomorrow: your session',
    [`A reminder: ${b.serviceName ?? 'your session'} with ${b.stylistName} is on ${when}.`],
    '/account/bookings',
  );
  await notice(
    ctx,
    db,
    b.stylistUserId,
    'booking.changed',
    'Tomorrow: a session',
    [`A reminder: ${b.serviceName ?? 'a session'} with ${client?.displayName ?? 'a client'} on ${forStylist(b)(b.startAt)}.`],
    '/studio/calendar',
  );
}
