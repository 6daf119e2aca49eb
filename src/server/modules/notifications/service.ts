/**
 * One notification service for every module (decision 009): `notify(tx, …)` in the writer's transaction records the
 * in-app notice and enqueues its delivery (e-mail through the outbox, Web Push), so a notice exists if and only if the
 * change it announces commits, and is delivered once after any crash. Preferences per kind and channel; quiet hours in
 * the user's own zone hold e-mail and push back until they end; security and payment notices cannot be muted.
 */
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { queryRows, type Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { enqueue } from '../../jobs/queue.ts';
import { encrypt, lookupHash, openText } from '../../security/crypto.ts';
import { clientIdentitiesFor, SYSTEM_OPERATOR } from '../identity/service.ts';
import { notificationPreferences, notifications, notificationSettings, pushSubscriptions } from './schema.ts';

export const NOTIFICATION_KINDS = [
  'message',
  'booking.requested',
  'booking.answered',
  'booking.changed',
  'order.status',
  'payment.status',
  'enquiry.received',
  'enquiry.answered',
  'security',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const CHANNELS = ['IN_APP', 'EMAIL', 'PUSH'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Notices a user cannot switch off or delay: their account's security and their money. */
export const MANDATORY_KINDS: ReadonlySet<string> = new Set(['security', 'payment.status']);

export interface NotifyInput {
  userId: string;
  kind: NotificationKind;
  /** Shown in the centre, the e-mail subject and the push text: never a client's name, never a message body. */
  title: string;
  /** Shown in the centre and the e-mail body only (encrypted at rest). */
  body?: string;
  /** A path in the web app, e.g. `/account/orders/ZG-2026-000123`. */
  link?: string;
  data?: Record<string, unknown>;
  /** One notice per user and key, ever (e.g. `order:<id>:paid`): a retried write does not notify twice. */
  dedupeKey?: string;
}

export const NOTIFY_DELIVER_JOB = 'notifications.deliver';
export const NOTIFY_PUSH_JOB = 'notifications.push';

/**
 * Records a notice for `userId` in the caller's transaction and enqueues its e-mail and push. Returns its id, or
 * undefined when `dedupeKey` was already used for this user or the user switched this kind off everywhere.
 * `tx` must be the writer's transaction; `ctx` gives the keys that encrypt the body.
 */
export async function notify(tx: Db, ctx: Pick<AppContext, 'keys'>, input: NotifyInput): Promise<string | undefined> {
  if (await switchedOffEverywhere(tx, input.userId, input.kind)) return undefined;
  const id = uuidv7();
  const inserted = await tx
    .insert(notifications)
    .values({
      id,
      userId: input.userId,
      kind: input.kind,
      title: input.title.slice(0, 200),
      bodyEnc: input.body ? encrypt(ctx.keys, input.body) : null,
      link: input.link ?? null,
      data: input.data ?? {},
      dedupeKey: input.dedupeKey ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  if (!inserted.length) return undefined;
  await enqueue(tx, NOTIFY_DELIVER_JOB, { notificationId: id });
  return id;
}

/** The e-mail of a notice: its body (or title), the link to it, the house's signature. No name in the subject. */
export function noticeMailText(
  ctx: Pick<AppContext, 'config'>,
  notice: { title: string; body?: string | null; link?: string | null },
): string {
  const base = ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`;
  return `${[notice.body ?? notice.title, ...(notice.link ? ['', `${base}${notice.link}`] : [])].join('\n')}\n\n— StyleByZaga Concierge`;
}

/**
 * `notify()`, with the e-mail handed to the mailer in the writer's own transaction when the person takes this kind by
 * e-mail and is outside quiet hours: for letters that go out with the change they announce (a booking's). The notice
 * is marked e-mailed in that transaction, so its delivery job only shows it live and pushes it; inside quiet hours
 * the job mails it when they end, as for any notice.
 */
export async function notifyAndMail(tx: Db, ctx: AppContext, input: NotifyInput): Promise<string | undefined> {
  const id = await notify(tx, ctx, input);
  if (!id || !(await channelEnabled(tx, input.userId, input.kind, 'EMAIL'))) return id;
  if (!MANDATORY_KINDS.has(input.kind) && (await quietHoursEnd(tx, input.userId))) return id;
  const to = await emailOf(ctx, tx, input.userId);
  if (!to) return id;
  await tx.update(notifications).set({ emailedAt: new Date() }).where(eq(notifications.id, id));
  await ctx.mailer.send(tx, { to, subject: input.title.slice(0, 200), text: noticeMailText(ctx, input) });
  return id;
}

// ───────────────────────────── preferences ─────────────────────────────

export const NotificationPreference = z
  .object({ kind: z.enum(NOTIFICATION_KINDS), channel: z.enum(CHANNELS), enabled: z.boolean(), mandatory: z.boolean() })
  .meta({ id: 'NotificationPreference' });
export const NotificationSettings = z
  .object({
    timeZone: z.string(),
    quietHours: z.object({ start: z.string().regex(/^\d\d:\d\d$/), end: z.string().regex(/^\d\d:\d\d$/) }).nullable(),
    preferences: z.array(NotificationPreference),
  })
  .meta({ id: 'NotificationSettings' });
export type NotificationSettings = z.infer<typeof NotificationSettings>;
export const UpdateNotificationSettingsInput = z
  .strictObject({
    timeZone: z
      .string()
      .max(64)
      .refine((tz) => isTimeZone(tz), 'Not a known time zone')
      .optional(),
    quietHours: z
      .strictObject({
        start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
        end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
      })
      .nullable()
      .optional(),
    preferences: z
      .array(z.strictObject({ kind: z.enum(NOTIFICATION_KINDS), channel: z.enum(CHANNELS), enabled: z.boolean() }))
      .max(50)
      .optional(),
  })
  .meta({ id: 'UpdateNotificationSettingsInput' });
export type UpdateNotificationSettingsInput = z.infer<typeof UpdateNotificationSettingsInput>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const minutesOf = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

export async function getNotificationSettings(db: Db, userId: string): Promise<NotificationSettings> {
  const [settings] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId));
  const prefs = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const off = new Set(prefs.filter((p) => !p.enabled).map((p) => `${p.kind}/${p.channel}`));
  return {
    timeZone: settings?.timeZone ?? 'UTC',
    quietHours:
      settings && settings.quietStartMinute !== null && settings.quietEndMinute !== null
        ? { start: hhmm(settings.quietStartMinute), end: hhmm(settings.quietEndMinute) }
        : null,
    preferences: NOTIFICATION_KINDS.flatMap((kind) =>
      CHANNELS.map((channel) => {
        const mandatory = MANDATORY_KINDS.has(kind);
        return { kind, channel, enabled: mandatory || !off.has(`${kind}/${channel}`), mandatory };
      }),
    ),
  };
}

export async function updateNotificationSettings(
  db: Db,
  userId: string,
  input: UpdateNotificationSettingsInput,
): Promise<NotificationSettings> {
  const muted = input.preferences?.find((p) => MANDATORY_KINDS.has(p.kind) && !p.enabled);
  if (muted) {
    throw new ApiError('ValidationException', `${muted.kind} notices cannot be switched off`, {
      fieldErrors: { 'body.preferences': [`${muted.kind} notices cannot be switched off`] },
    });
  }
  await db.transaction(async (tx) => {
    if (input.timeZone !== undefined || input.quietHours !== undefined) {
      const values = {
        userId,
        ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
        ...(input.quietHours !== undefined
          ? {
              quietStartMinute: input.quietHours ? minutesOf(input.quietHours.start) : null,
              quietEndMinute: input.quietHours ? minutesOf(input.quietHours.end) : null,
            }
          : {}),
        updatedAt: new Date(),
      };
      await tx.insert(notificationSettings).values(values).onConflictDoUpdate({ target: notificationSettings.userId, set: values });
    }
    for (const p of input.preferences ?? []) {
      await tx
        .insert(notificationPreferences)
        .values({ userId, kind: p.kind, channel: p.channel, enabled: p.enabled })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind, notificationPreferences.channel],
          set: { enabled: p.enabled },
        });
    }
  });
  return getNotificationSettings(db, userId);
}

/** Whether the user switched `kind` off on every channel (then no notice is recorded at all). */
async function switchedOffEverywhere(db: Db, userId: string, kind: string): Promise<boolean> {
  if (MANDATORY_KINDS.has(kind)) return false;
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from notification_preferences where user_id = ${userId} and kind = ${kind} and not enabled`,
  );
  return Number(row?.n ?? 0) >= CHANNELS.length;
}

/**
 * The zone a person reads their mail in, when they have told us (the web app records the browser's zone at sign-in);
 * undefined when unknown, so a letter names the place's time rather than guess.
 */
export async function readerTimeZone(db: Db, userId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ timeZone: notificationSettings.timeZone })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId));
  return row?.timeZone;
}

/** Whether `kind` goes out on `channel` for this user (mandatory kinds always do). */
export async function channelEnabled(db: Db, userId: string, kind: string, channel: Channel): Promise<boolean> {
  if (MANDATORY_KINDS.has(kind)) return true;
  const [row] = await db
    .select({ enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(
      and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind), eq(notificationPreferences.channel, channel)),
    );
  return row?.enabled ?? true;
}

/**
 * When quiet hours (in the user's zone) end, if `at` falls inside them; undefined otherwise. Pure, for the table test.
 * `start > end` wraps midnight (22:00–07:00).
 */
export function quietUntil(at: Date, timeZone: string, startMinute: number | null, endMinute: number | null): Date | undefined {
  if (startMinute === null || endMinute === null || startMinute === endMinute) return undefined;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const local = Number(parts.find((p) => p.type === 'hour')!.value) * 60 + Number(parts.find((p) => p.type === 'minute')!.value);
  const inside = startMinute < endMinute ? local >= startMinute && local < endMinute : local >= startMinute || local < endMinute;
  if (!inside) return undefined;
  const wait = (endMinute - local + 24 * 60) % (24 * 60);
  const naive = new Date(at.getTime() + wait * 60_000 - (at.getTime() % 60_000));
  // The clocks may move in between (the night summer time ends): the end is a local hour, so follow the zone's offset.
  return new Date(naive.getTime() + (offsetMinutes(at, timeZone) - offsetMinutes(naive, timeZone)) * 60_000);
}

/** The zone's offset from UTC at `at`, in minutes (Paris in winter: 60). */
function offsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
  return Math.round((local - (at.getTime() - (at.getTime() % 60_000))) / 60_000);
}

/** Quiet hours end for this user now, or undefined when none hold. */
export async function quietHoursEnd(db: Db, userId: string, now = new Date()): Promise<Date | undefined> {
  const [s] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId));
  return s ? quietUntil(now, s.timeZone, s.quietStartMinute, s.quietEndMinute) : undefined;
}

// ───────────────────────────── the centre ─────────────────────────────

export const Notification = z
  .object({
    notificationId: z.string(),
    kind: z.string(),
    title: z.string(),
    body: z.string().optional(),
    link: z.string().optional(),
    data: z.record(z.string(), z.unknown()),
    read: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

export function presentNotification(keys: AppContext['keys'], r: typeof notifications.$inferSelect): Notification {
  return {
    notificationId: r.id,
    kind: r.kind,
    title: r.title,
    ...(r.bodyEnc ? { body: openText(keys, r.bodyEnc)! } : {}),
    ...(r.link ? { link: r.link } : {}),
    data: (r.data ?? {}) as Record<string, unknown>,
    read: r.readAt !== null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Kinds switched off in the app are neither listed nor counted (mandatory kinds always are). */
const shownInApp = (userId: string) =>
  sql`not exists (select 1 from notification_preferences p where p.user_id = ${userId} and p.kind = ${notifications.kind} and p.channel = 'IN_APP' and not p.enabled and p.kind not in ('security', 'payment.status'))`;

/** The bell's number: unread notices of the kinds the user takes in the app. */
export async function unreadNotificationCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), shownInApp(userId)));
  return Number(row?.n ?? 0);
}

/** Tells the user's open tabs the bell's number (after reading, or a preference that hides or shows a kind). */
export async function publishUnreadCount(ctx: AppContext, userId: string): Promise<number> {
  const unread = await unreadNotificationCount(ctx.db, userId);
  await ctx.adapters.realtime
    .publish({ userIds: [userId], event: { type: 'notification', notification: null, unread } })
    .catch(() => undefined);
  return unread;
}

/** The centre, newest first; in-app switched-off kinds are not listed. */
export async function listNotifications(
  ctx: AppContext,
  userId: string,
  input: { maxResults: number; nextToken?: string },
): Promise<{ notifications: Notification[]; unread: number; nextToken?: string }> {
  const before = input.nextToken ? decodeToken(input.nextToken) : undefined;
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), before ? lt(notifications.id, before) : undefined, shownInApp(userId)))
    .orderBy(desc(notifications.id))
    .limit(input.maxResults + 1);
  const page = rows.slice(0, input.maxResults);
  return {
    notifications: page.map((r) => presentNotification(ctx.keys, r)),
    unread: await unreadNotificationCount(ctx.db, userId),
    ...(rows.length > input.maxResults ? { nextToken: Buffer.from(page.at(-1)!.id).toString('base64url') } : {}),
  };
}

function decodeToken(token: string): string {
  const id = Buffer.from(token, 'base64url').toString('utf8');
  if (!/^[0-9a-f-]{36}$/.test(id))
    throw new ApiError('ValidationException', 'nextToken is not valid; start again without it', {
      fieldErrors: { 'query.nextToken': ['Invalid token'] },
    });
  return id;
}

/** Marks one notice (or, without an id, all) read. */
export async function markNotificationsRead(ctx: AppContext, userId: string, notificationId?: string): Promise<{ unread: number }> {
  const updated = await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        notificationId ? eq(notifications.id, notificationId) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  if (notificationId && !updated.length) {
    const [exists] = await ctx.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.id, notificationId)));
    if (!exists) throw new ApiError('ResourceNotFoundException', 'No such notification');
  }
  return { unread: await publishUnreadCount(ctx, userId) };
}

// ───────────────────────────── push subscriptions ─────────────────────────────

export const PushSubscriptionInput = z
  .strictObject({
    endpoint: z.url({ protocol: /^https?$/ }).max(2000),
    expirationTime: z.number().nullable().optional(),
    keys: z.strictObject({ p256dh: z.string().min(16).max(200), auth: z.string().min(8).max(100) }),
  })
  .meta({ id: 'PushSubscriptionInput' });
export type PushSubscriptionInput = z.infer<typeof PushSubscriptionInput>;

/** Saves this device's subscription (one row per endpoint; re-subscribing moves it to the caller). */
export async function savePushSubscription(
  ctx: AppContext,
  userId: string,
  input: PushSubscriptionInput,
  userAgent?: string,
): Promise<{ subscribed: true }> {
  const endpointHash = lookupHash(ctx.keys, input.endpoint);
  const values = {
    id: uuidv7(),
    userId,
    endpointHash,
    subscriptionEnc: encrypt(ctx.keys, JSON.stringify(input)),
    userAgent: userAgent?.slice(0, 300) ?? null,
  };
  await ctx.db
    .insert(pushSubscriptions)
    .values(values)
    .onConflictDoUpdate({
      target: pushSubscriptions.endpointHash,
      set: { userId, subscriptionEnc: values.subscriptionEnc, userAgent: values.userAgent },
    });
  return { subscribed: true };
}

export async function deletePushSubscription(ctx: AppContext, userId: string, endpoint: string): Promise<void> {
  await ctx.db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpointHash, lookupHash(ctx.keys, endpoint))));
}

/** The address of an account, for delivery only (never shown). `db` is the caller's transaction when in one. */
export async function emailOf(ctx: AppContext, db: Db, userId: string): Promise<string | undefined> {
  return (await clientIdentitiesFor({ ...ctx, db }, SYSTEM_OPERATOR, [userId])).get(userId)?.email;
}
