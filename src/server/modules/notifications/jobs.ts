/**
 * Delivery of notices (the outbox half): e-mail once (marked in the transaction that hands it to the mailer), push to
 * every device of the user (a subscription the push service no longer knows, 404/410, is removed), and a live event to
 * the user's open sockets. Quiet hours move e-mail and push to their end; mandatory kinds ignore them.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { enqueue } from '../../jobs/queue.ts';
import type { JobDefinition } from '../../jobs/types.ts';
import { decrypt, openText } from '../../security/crypto.ts';
import { notifications, pushSubscriptions } from './schema.ts';
import { sendPush } from './push.ts';
import {
  channelEnabled,
  emailOf,
  MANDATORY_KINDS,
  NOTIFY_DELIVER_JOB,
  NOTIFY_PUSH_JOB,
  noticeMailText,
  presentNotification,
  quietHoursEnd,
  unreadNotificationCount,
} from './service.ts';

const deliver: JobDefinition<{ notificationId: string; afterQuietHours?: boolean }> = {
  name: NOTIFY_DELIVER_JOB,
  maxAttempts: 10,
  handle: async (ctx, { notificationId, afterQuietHours }) => {
    const [row] = await ctx.db.select().from(notifications).where(eq(notifications.id, notificationId));
    if (!row) return;
    // The centre first: open sockets see the bell change at once, whatever the hour (unless the kind is off in the app).
    if (!afterQuietHours && (await channelEnabled(ctx.db, row.userId, row.kind, 'IN_APP'))) {
      await ctx.adapters.realtime
        .publish({
          userIds: [row.userId],
          event: {
            type: 'notification',
            notification: presentNotification(ctx.keys, row),
            unread: await unreadNotificationCount(ctx.db, row.userId),
          },
        })
        .catch(() => undefined);
    }
    const mandatory = MANDATORY_KINDS.has(row.kind);
    const quietEnd = mandatory ? undefined : await quietHoursEnd(ctx.db, row.userId);
    if (quietEnd) {
      await enqueue(
        ctx.db,
        NOTIFY_DELIVER_JOB,
        { notificationId, afterQuietHours: true },
        // Keyed by the hour it wakes: never the running job's own key, which would swallow it.
        { runAt: quietEnd, dedupeKey: `${NOTIFY_DELIVER_JOB}:${notificationId}:quiet:${quietEnd.getTime()}` },
      );
      return;
    }
    if (row.emailedAt === null && (await channelEnabled(ctx.db, row.userId, row.kind, 'EMAIL'))) {
      await ctx.db.transaction(async (tx) => {
        const db = tx;
        const marked = await tx
          .update(notifications)
          .set({ emailedAt: new Date() })
          .where(and(eq(notifications.id, notificationId), isNull(notifications.emailedAt)))
          .returning({ id: notifications.id });
        if (!marked.length) return;
        const to = await emailOf(ctx, db, row.userId);
        if (!to) return;
        const body = openText(ctx.keys, row.bodyEnc);
        await ctx.mailer.send(db, {
          to,
          subject: row.title,
          text: noticeMailText(ctx, { title: row.title, body, link: row.link }),
        });
      });
    }
    if (row.pushedAt === null && (await channelEnabled(ctx.db, row.userId, row.kind, 'PUSH'))) {
      await enqueue(ctx.db, NOTIFY_PUSH_JOB, { notificationId }, { dedupeKey: `${NOTIFY_PUSH_JOB}:${notificationId}` });
    }
  },
};

/** Push to every device. A crash after sending and before marking sends again, with the same topic (collapsed). */
const push: JobDefinition<{ notificationId: string }> = {
  name: NOTIFY_PUSH_JOB,
  maxAttempts: 8,
  handle: async (ctx, { notificationId }) => {
    const [row] = await ctx.db.select().from(notifications).where(eq(notifications.id, notificationId));
    if (!row || row.pushedAt !== null) return;
    const devices = await ctx.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, row.userId));
    let failures = 0;
    for (const device of devices) {
      const outcome = await sendPush(ctx, JSON.parse(decrypt(ctx.keys, device.subscriptionEnc)), {
        title: row.title,
        link: row.link ?? '/account/notifications',
        tag: row.id,
      });
      if (outcome === 'gone') await ctx.db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, device.id));
      else if (outcome === 'failed') failures += 1;
    }
    if (failures > 0) throw new Error(`push failed for ${failures} device(s)`);
    await ctx.db
      .update(notifications)
      .set({ pushedAt: sql`now()` })
      .where(eq(notifications.id, notificationId));
  },
};

export const notificationJobs: JobDefinition[] = [deliver as JobDefinition, push as JobDefinition];
