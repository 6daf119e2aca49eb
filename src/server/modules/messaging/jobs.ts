/**
 * Messaging's outbox handlers: publish what committed to the realtime bus (new and changed messages, receipts, unread
 * counts), e-mail one digest of unread messages after they stayed unread (never per message, never twice), and the
 * retention sweep.
 */
import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { queryRows } from '../../db/client.ts';
import { enqueue } from '../../jobs/queue.ts';
import type { JobDefinition } from '../../jobs/types.ts';
import { channelEnabled, emailOf, quietHoursEnd } from '../notifications/service.ts';
import { accountTypeOf } from '../identity/service.ts';
import type { UserType } from '../../http/auth.ts';
import { conversationMembers, conversations, messages, messagingSettings } from './schema.ts';
import { removeAttachmentsOf } from './attachments.ts';
import { DIGEST_JOB, presentMessages, PUBLISH_JOB, unreadTotal, type PublishPayload } from './service.ts';

export const RETENTION_JOB = 'messaging.retention';

const publish: JobDefinition<PublishPayload> = {
  name: PUBLISH_JOB,
  maxAttempts: 8,
  handle: async (ctx, payload) => {
    const [conv] = await ctx.db.select().from(conversations).where(eq(conversations.id, payload.conversationId));
    if (!conv) return;
    const members = await ctx.db.select().from(conversationMembers).where(eq(conversationMembers.conversationId, conv.id));
    const userIds = members.map((m) => m.userId);
    const bus = ctx.adapters.realtime;
    if (payload.kind === 'receipt') {
      const reader = members.find((m) => m.userId === payload.userId);
      if (!reader) return;
      await bus.publish({
        userIds,
        event: {
          type: 'receipt',
          conversationId: conv.id,
          seq: conv.lastSeq,
          userId: reader.userId,
          readUpTo: reader.lastReadSeq,
          deliveredUpTo: reader.lastDeliveredSeq,
        },
      });
      await bus.publish({
        userIds: [reader.userId],
        event: {
          type: 'unread',
          total: await unreadTotal(ctx.db, reader.userId),
          conversationId: conv.id,
          count: Math.max(0, conv.lastSeq - reader.lastReadSeq),
          seq: conv.lastSeq,
        },
      });
      return;
    }
    const [row] = await ctx.db.select().from(messages).where(eq(messages.id, payload.messageId!));
    if (!row) return;
    const [message] = await presentMessages(ctx, ctx.db, conv, [row], members);
    // `seq` is the message's own for a new message: a client that last saw seq-1 knows it has everything.
    await bus.publish({
      userIds,
      event: { type: payload.kind, conversationId: conv.id, seq: payload.kind === 'message' ? row.seq : conv.lastSeq, message },
    });
    if (payload.kind === 'message') {
      for (const m of members) {
        if (m.userId === row.senderId) continue;
        await bus.publish({
          userIds: [m.userId],
          event: {
            type: 'unread',
            total: await unreadTotal(ctx.db, m.userId),
            conversationId: conv.id,
            count: Math.max(0, conv.lastSeq - m.lastReadSeq),
            seq: conv.lastSeq,
          },
        });
      }
    }
  },
};

/** Where each kind of account reads its messages: the house office and the partners answer for a house in their own areas. */
const INBOX: Record<UserType, string> = {
  CLIENT: '/account/messages',
  STYLIST: '/studio/messages',
  BRAND_PARTNER: '/partner/messages',
  ADMIN: '/admin/messages',
};

/** The reader's own inbox, by their account (a HOUSE member may be a partner or house-office staff). */
export const inboxLink = (ctx: AppContext, userType: UserType | undefined) =>
  `${ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`}${INBOX[userType ?? 'CLIENT']}`;

/**
 * One e-mail for everything unread since the last digest. The rows are moved past what the mail covers in the same
 * transaction that hands the mail to the outbox, so a retry or a second job never mails the same messages again.
 */
const digest: JobDefinition<{ userId: string }> = {
  name: DIGEST_JOB,
  maxAttempts: 10,
  handle: async (ctx, { userId }) => {
    if (!(await channelEnabled(ctx.db, userId, 'message', 'EMAIL'))) return;
    const quietEnd = await quietHoursEnd(ctx.db, userId);
    if (quietEnd) {
      await enqueue(ctx.db, DIGEST_JOB, { userId }, { runAt: quietEnd, dedupeKey: `${DIGEST_JOB}:${userId}:quiet` });
      return;
    }
    await ctx.db.transaction(async (tx) => {
      const db = tx;
      const rows = await queryRows<{ conversation_id: string; role: string; last_seq: number; unread: number }>(
        db,
        sql`select m.conversation_id, m.role, c.last_seq, (c.last_seq - greatest(m.last_read_seq, m.digested_seq))::int as unread
            from conversation_members m join conversations c on c.id = m.conversation_id
            where m.user_id = ${userId} and c.last_seq > greatest(m.last_read_seq, m.digested_seq)
            for update of m`,
      );
      for (const r of rows) {
        await db.execute(
          sql`update conversation_members set digested_seq = greatest(digested_seq, ${r.last_seq}) where conversation_id = ${r.conversation_id} and user_id = ${userId}`,
        );
      }
      if (!rows.length) return;
      const to = await emailOf(ctx, db, userId);
      if (!to) return;
      const userType = await accountTypeOf(db, userId);
      const total = rows.reduce((n, r) => n + Number(r.unread), 0);
      const conversationsCount = rows.length;
      // No names, no bodies: the mail says how many and where to read them.
      await ctx.mailer.send(db, {
        to,
        subject: total === 1 ? 'You have an unread message' : `You have ${total} unread messages`,
        text: [
          `${total === 1 ? 'A message is' : `${total} messages are`} waiting for you in ${conversationsCount === 1 ? 'one conversation' : `${conversationsCount} conversations`}.`,
          '',
          `Read ${total === 1 ? 'it' : 'them'}: ${inboxLink(ctx, userType)}`,
          '',
          '— StyleByZaga Concierge',
        ].join('\n'),
      });
    });
  },
};

/** Removes the content of conversations quiet for longer than the retention period (off by default). */
const retention: JobDefinition = {
  name: RETENTION_JOB,
  every: { seconds: 3600 },
  handle: async (ctx) => {
    const [settings] = await ctx.db.select().from(messagingSettings).where(eq(messagingSettings.id, 1));
    if (!settings?.retentionMonths) return;
    await purgeOlderThan(ctx, settings.retentionMonths);
  },
};

/** Content of conversations whose last message is older than `months` is deleted; the conversation stays, archived. */
export async function purgeOlderThan(ctx: AppContext, months: number): Promise<number> {
  const stale = await queryRows<{ id: string }>(
    ctx.db,
    sql`select id from conversations where purged_at is null and last_message_at < now() - make_interval(months => ${months}) limit 500`,
  );
  for (const { id } of stale) {
    await ctx.db.transaction(async (tx) => {
      const db = tx;
      const ids = await queryRows<{ id: string }>(db, sql`select id from messages where conversation_id = ${id}`);
      await removeAttachmentsOf(
        ctx,
        db,
        ids.map((r) => r.id),
      );
      await db.execute(
        sql`update messages set body_enc = null, card = null, search_terms = '{}', has_attachments = false, deleted_at = coalesce(deleted_at, now()) where conversation_id = ${id}`,
      );
      await db.execute(sql`update conversations set purged_at = now() where id = ${id}`);
    });
  }
  return stale.length;
}

export const messagingJobs: JobDefinition[] = [publish as JobDefinition, digest as JobDefinition, retention];
