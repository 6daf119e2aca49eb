/**
 * Background work of the marketplace, run by the durable queue as the recurring job `stylists.booking-sweep`
 * (jobs.ts): every BOOKING_SWEEP_INTERVAL_SECONDS one pass, across all instances, expires pending requests past
 * their expiry and sends the 24-hour reminders. Safe if a pass runs twice or side by side: rows are claimed with
 * `FOR UPDATE SKIP LOCKED` and changed by conditional updates in the same transaction as the email they trigger,
 * so a request expires once and a reminder is sent once (recorded in `reminder_sent_at`).
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { accountNames } from '../identity/service.ts';
import { recordEvent } from './booking.ts';
import { notifyExpired, notifyReminder, type MailBooking } from './notifications.ts';
import { stylistServices, stylists } from './schema.ts';

const BATCH = 100;
const REMINDER_HOURS = 24;

interface Claimed {
  id: string;
  request_id: string;
  stylist_id: string;
  client_id: string;
  start_at: Date | string;
  duration_minutes: number;
  service_id: string | null;
}

async function mailFor(db: Db, row: Claimed): Promise<MailBooking | undefined> {
  const [s] = await db
    .select({ userId: stylists.userId, timeZone: stylists.timeZone, city: stylists.city })
    .from(stylists)
    .where(eq(stylists.id, row.stylist_id));
  if (!s) return undefined;
  const name = (await accountNames(db, [s.userId])).get(s.userId);
  const service = row.service_id
    ? (
        await db
          .select({ name: stylistServices.name })
          .from(stylistServices)
          .where(inArray(stylistServices.id, [row.service_id]))
      )[0]
    : undefined;
  return {
    stylistUserId: s.userId,
    stylistName: `${name?.firstName ?? ''} ${name?.lastName ?? ''}`.trim(),
    stylistTimeZone: s.timeZone,
    stylistCity: s.city,
    clientId: row.client_id,
    startAt: new Date(row.start_at),
    durationMinutes: row.duration_minutes,
    serviceName: service?.name ?? null,
  };
}

/** Marks pending requests past their expiry EXPIRED and tells the client. Returns how many. */
export async function expirePendingRequests(ctx: AppContext, now = new Date()): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const db = tx;
    const rows = await queryRows<Claimed>(
      db,
      sql`update booking_requests set status = 'EXPIRED', updated_at = ${now}
          where id in (select id from booking_requests where status = 'PENDING' and expires_at <= ${now}
                       order by expires_at limit ${BATCH} for update skip locked)
            and status = 'PENDING'
          returning id, id as request_id, stylist_id, client_id, start_at, duration_minutes, service_id`,
    );
    for (const row of rows) {
      await recordEvent(db, row.id, null, 'EXPIRED');
      const mail = await mailFor(db, row);
      if (mail) await notifyExpired(ctx, db, mail);
    }
    return rows.length;
  });
}

/** Sends the reminder of every confirmed booking starting within 24 hours, once. Returns how many. */
export async function sendDueReminders(ctx: AppContext, now = new Date()): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const db = tx;
    const until = new Date(now.getTime() + REMINDER_HOURS * 3_600_000);
    const rows = await queryRows<Claimed>(
      db,
      sql`update stylist_bookings b set reminder_sent_at = ${now}
          from booking_requests r
          where b.id in (select id from stylist_bookings where status = 'CONFIRMED' and reminder_sent_at is null
                         and start_at > ${now} and start_at <= ${until} order by start_at limit ${BATCH} for update skip locked)
            and b.reminder_sent_at is null and r.id = b.request_id
          returning b.id, b.request_id, b.stylist_id, b.client_id, b.start_at, r.duration_minutes, b.service_id`,
    );
    for (const row of rows) {
      await recordEvent(db, row.request_id, null, 'REMINDER_SENT');
      const mail = await mailFor(db, row);
      if (mail) await notifyReminder(ctx, db, mail);
    }
    return rows.length;
  });
}

/** One pass of the booking sweep: expiries first (they free slots), then reminders. */
export async function runBookingSweep(ctx: AppContext): Promise<{ expired: number; reminded: number }> {
  const expired = await expirePendingRequests(ctx);
  const reminded = await sendDueReminders(ctx);
  return { expired, reminded };
}
