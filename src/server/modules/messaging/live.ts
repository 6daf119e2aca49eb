/**
 * Publishing right after commit (decision 009, "the send path"). The instance that committed a message already holds
 * everything its event needs (the row, the members), so it publishes at once instead of waiting for a worker to
 * claim the outbox job and load it all again. The outbox job is still written in the message's statement, due a few
 * seconds later: if this process dies between the commit and the publish, any instance publishes it then. When the
 * publish went out, the fallback job is cancelled (in batches, one statement per burst); a fallback that runs anyway
 * (it was claimed first) only repeats an event that browsers drop by its sequence number.
 *
 * Unread totals (a sum over all of a user's conversations) are recounted in batches too: one query per burst for
 * every user who received something, instead of one per recipient per message.
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { queryRows } from '../../db/client.ts';
import type { Message } from './models.ts';
import type { ConversationRow } from './schema.ts';

/** How long the outbox waits before publishing a message itself: ample for the sender's instance to do it first. */
export const PUBLISH_FALLBACK_SECONDS = 10;
const CANCEL_EVERY_MS = 200;
const UNREAD_EVERY_MS = 30;

interface Member {
  userId: string;
  lastReadSeq: number;
}

export class LivePublisher {
  private cancels: string[] = [];
  private cancelTimer: NodeJS.Timeout | undefined;
  /** user → conversation → the latest count and sequence to announce. */
  private unread = new Map<string, Map<string, { count: number; seq: number }>>();
  private unreadTimer: NodeJS.Timeout | undefined;

  constructor(private readonly ctx: AppContext) {}

  /** Publishes a committed message to its members' sockets, then cancels its fallback job. */
  async message(conv: ConversationRow, message: Message, members: Member[], fallbackJobId: string | undefined): Promise<void> {
    await this.ctx.adapters.realtime.publish({
      userIds: members.map((m) => m.userId),
      event: { type: 'message', conversationId: conv.id, seq: message.seq, message },
    });
    if (fallbackJobId) this.cancel(fallbackJobId);
    for (const m of members) {
      if (m.userId === message.senderId) continue;
      this.announceUnread(m.userId, conv.id, Math.max(0, message.seq - m.lastReadSeq), message.seq);
    }
  }

  private cancel(jobId: string): void {
    this.cancels.push(jobId);
    this.cancelTimer ??= setTimeout(() => void this.flushCancels(), CANCEL_EVERY_MS).unref();
  }

  private async flushCancels(): Promise<void> {
    this.cancelTimer = undefined;
    const ids = this.cancels;
    this.cancels = [];
    if (!ids.length) return;
    // Only a job nobody claimed yet: a claimed one runs and repeats an event the browser drops by its sequence.
    await this.ctx.db
      .execute(sql`delete from jobs where id = any(${`{${ids.join(',')}}`}::uuid[]) and status = 'pending'`)
      .catch(() => undefined);
  }

  private announceUnread(userId: string, conversationId: string, count: number, seq: number): void {
    let byConv = this.unread.get(userId);
    if (!byConv) this.unread.set(userId, (byConv = new Map()));
    const known = byConv.get(conversationId);
    if (!known || known.seq < seq) byConv.set(conversationId, { count, seq });
    this.unreadTimer ??= setTimeout(() => void this.flushUnread(), UNREAD_EVERY_MS).unref();
  }

  private async flushUnread(): Promise<void> {
    this.unreadTimer = undefined;
    const batch = this.unread;
    this.unread = new Map();
    if (!batch.size) return;
    const userIds = [...batch.keys()];
    let totals: Map<string, number>;
    try {
      const rows = await queryRows<{ user_id: string; n: number }>(
        this.ctx.db,
        sql`select m.user_id, coalesce(sum(greatest(0, c.last_seq - m.last_read_seq)), 0)::int as n
            from conversation_members m join conversations c on c.id = m.conversation_id
            where m.user_id = any(${`{${userIds.join(',')}}`}::uuid[]) group by m.user_id`,
      );
      totals = new Map(rows.map((r) => [r.user_id, Number(r.n)]));
    } catch {
      return; // the database is going away (shutdown); the next message or a reload shows the count
    }
    for (const [userId, byConv] of batch) {
      for (const [conversationId, { count, seq }] of byConv) {
        await this.ctx.adapters.realtime
          .publish({ userIds: [userId], event: { type: 'unread', total: totals.get(userId) ?? 0, conversationId, count, seq } })
          .catch(() => undefined);
      }
    }
  }
}

const publishers = new WeakMap<AppContext, LivePublisher>();
/** The one after-commit publisher of an app (its context). */
export function livePublisherFor(ctx: AppContext): LivePublisher {
  let p = publishers.get(ctx);
  if (!p) publishers.set(ctx, (p = new LivePublisher(ctx)));
  return p;
}
