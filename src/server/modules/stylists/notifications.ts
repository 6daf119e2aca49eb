/**
 * Emails of the marketplace, through the mail module (SMTP, or the dev mailbox). Each is sent with the caller's
 * transaction, so a dev-mailbox row commits with the change it announces. Names come from the identity module:
 * a stylist only ever reads a VIP client's alias while privacy mode hides them.
 */
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/auth.ts';
import { clientIdentitiesFor } from '../identity/service.ts';

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
  clientId: string;
  startAt: Date;
  durationMinutes: number;
  serviceName?: string | null;
}

/** "Tuesday 5 May 2026, 09:00 (Europe/Paris) — 07:00 UTC" */
export function formatWhen(at: Date, timeZone: string): string {
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  const utc = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `${local} (${timeZone}) — ${utc} UTC`;
}

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
  const ids = await addresses(ctx, db, [b.stylistUserId]);
  const client = await asStylistSees(ctx, db, b.stylistUserId, b.clientId);
  await send(ctx, db, ids.get(b.stylistUserId)?.email, 'New session request', [
    `${client?.displayName ?? 'A client'} asks for ${b.serviceName ?? 'a session'} of ${b.durationMinutes} minutes on ${formatWhen(b.startAt, b.stylistTimeZone)}.`,
    ...(message ? ['', `“${message}”`] : []),
    '',
    `Accept or decline: ${link(ctx, '/stylist/requests')}`,
  ]);
}

export async function notifyAccepted(ctx: AppContext, db: Db, b: MailBooking, message?: string | null) {
  const to = (await addresses(ctx, db, [b.clientId])).get(b.clientId)?.email;
  await send(ctx, db, to, 'Your session is confirmed', [
    `${b.stylistName} confirmed ${b.serviceName ?? 'your session'} on ${formatWhen(b.startAt, b.stylistTimeZone)}.`,
    ...(message ? ['', `“${message}”`] : []),
    '',
    `Your bookings: ${link(ctx, '/account/bookings')}`,
  ]);
}

export async function notifyDeclined(ctx: AppContext, db: Db, b: MailBooking, reason: string | null | undefined, alternatives: Date[]) {
  const to = (await addresses(ctx, db, [b.clientId])).get(b.clientId)?.email;
  await send(ctx, db, to, 'Your session request was declined', [
    `${b.stylistName} cannot take your request for ${formatWhen(b.startAt, b.stylistTimeZone)}.`,
    ...(reason ? ['', `Reason: ${reason}`] : []),
    ...(alternatives.length
      ? [
          '',
          'Proposed instead (book one with a click in your bookings):',
          ...alternatives.map((d) => `  • ${formatWhen(d, b.stylistTimeZone)}`),
        ]
      : []),
    '',
    `Your bookings: ${link(ctx, '/account/bookings')}`,
  ]);
}

export async function notifyCancelled(ctx: AppContext, db: Db, b: MailBooking, by: 'client' | 'stylist', reason?: string | null) {
  const ids = await addresses(ctx, db, [b.clientId, b.stylistUserId]);
  const client = await asStylistSees(ctx, db, b.stylistUserId, b.clientId, true);
  const when = formatWhen(b.startAt, b.stylistTimeZone);
  const extra = reason ? ['', `Reason: ${reason}`] : [];
  if (by === 'client')
    await send(ctx, db, ids.get(b.stylistUserId)?.email, 'A session was cancelled', [
      `${client?.displayName ?? 'A client'} cancelled the session on ${when}.`,
      ...extra,
    ]);
  else
    await send(ctx, db, ids.get(b.clientId)?.email, 'Your session was cancelled', [
      `${b.stylistName} cancelled your session on ${when}.`,
      ...extra,
    ]);
}

export async function notifyRescheduled(ctx: AppContext, db: Db, b: MailBooking, by: 'client' | 'stylist', previous: Date) {
  const ids = await addresses(ctx, db, [b.clientId, b.stylistUserId]);
  const lines = [`The session on ${formatWhen(previous, b.stylistTimeZone)} moves to ${formatWhen(b.startAt, b.stylistTimeZone)}.`];
  if (by === 'client') await send(ctx, db, ids.get(b.stylistUserId)?.email, 'A session was rescheduled', lines);
  else await send(ctx, db, ids.get(b.clientId)?.email, 'Your session was moved', lines);
}

export async function notifyExpired(ctx: AppContext, db: Db, b: MailBooking) {
  const to = (await addresses(ctx, db, [b.clientId])).get(b.clientId)?.email;
  await send(ctx, db, to, 'Your session request expired', [
    `${b.stylistName} did not answer your request for ${formatWhen(b.startAt, b.stylistTimeZone)} in time. Other stylists may be free: ${link(ctx, '/stylists')}`,
  ]);
}

export async function notifyReminder(ctx: AppContext, db: Db, b: MailBooking) {
  const ids = await addresses(ctx, db, [b.clientId, b.stylistUserId]);
  const client = await asStylistSees(ctx, db, b.stylistUserId, b.clientId, true);
  const when = formatWhen(b.startAt, b.stylistTimeZone);
  await send(ctx, db, ids.get(b.clientId)?.email, 'Tomorrow: your session', [
    `A reminder: ${b.serviceName ?? 'your session'} with ${b.stylistName} is on ${when}.`,
  ]);
  await send(ctx, db, ids.get(b.stylistUserId)?.email, 'Tomorrow: a session', [
    `A reminder: ${b.serviceName ?? 'a session'} with ${client?.displayName ?? 'a client'} on ${when}.`,
  ]);
}
