/**
 * The orders module's background work: the release sweep (an order unpaid after the payment window is cancelled and
 * its pieces go back on sale) and the order emails (`orders.notify`, enqueued in the transaction that changed the order).
 */
import { sql } from 'drizzle-orm';
import { formatMoney, type Currency } from '../../../shared/money.ts';
import type { AppContext } from '../../context.ts';
import { preparedRows, type Db } from '../../db/client.ts';
import { completeJobInTx, completeJobStatement } from '../../jobs/queue.ts';
import type { JobDefinition } from '../../jobs/types.ts';
import { invalidateCatalog } from '../catalog/service.ts';
import { clientIdentitiesFor } from '../identity/service.ts';
import type { Actor } from '../../http/auth.ts';
import { listUsers } from '../identity/service.ts';
import { applyTransition, ORDER_NOTIFY_JOB, overdueOrderIds, SYSTEM_ACTOR, type OrderNotice } from './state-machine.ts';

export const RELEASE_UNPAID_JOB = 'orders.release-unpaid';
const SWEEP_BATCH = 100;

/** Cancels orders still unpaid after their window, each in its own transaction; returns how many it cancelled. */
export async function releaseUnpaidOrders(ctx: AppContext): Promise<number> {
  let cancelled = 0;
  for (const id of await overdueOrderIds(ctx.db, SWEEP_BATCH)) {
    const moved = await ctx.db.transaction((tx) =>
      // Re-checked under the row lock: an order paid a moment ago is left alone.
      applyTransition(tx, id, 'CANCELLED', {
        actor: SYSTEM_ACTOR,
        reason: `Unpaid after ${ctx.config.ORDER_PAYMENT_WINDOW_MINUTES} minutes: the pieces are released`,
        onlyFrom: ['PENDING_PAYMENT'],
        keys: ctx.keys,
      }),
    );
    if (moved.changed) cancelled++;
  }
  if (cancelled > 0) invalidateCatalog(ctx.db);
  return cancelled;
}

const mailRoom: Actor = {
  userId: 'mail-room',
  userType: 'ADMIN',
  tier: 'STANDARD',
  sessionId: 'mail-room',
  mfaEnabled: true,
  mfaVerifiedAt: null,
};

/**
 * Composes and sends the email an order event calls for. Run by the `orders.notify` job (`jobId`), the emails and the
 * job's completion commit together: a job run twice (a lapsed lease, a crash before it was marked done) mails once.
 */
export async function sendOrderNotice(ctx: AppContext, orderId: string, notice: OrderNotice, jobId?: string): Promise<void> {
  const order = await orderForNotice(ctx.db, orderId);
  if (!order) return;
  const items = order.items;
  const client = (await clientIdentitiesFor(ctx, mailRoom, [order.clientId])).get(order.clientId);
  const base = ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`;
  const total = formatMoney({ minor: order.totalMinor, currency: order.currency as Currency });
  const pieces = items.map(
    (i) => `  ${i.quantity} × ${i.name} (${i.brandName})${i.size ? `, ${i.size}` : ''}${i.color ? `, ${i.color}` : ''}`,
  );
  const link = `${base}/account/orders/${order.id}`;
  const greeting = client?.firstName ? `Dear ${client.firstName},` : 'Dear client,';
  const sign = '\n\n— StyleByZaga Concierge';
  const mails: Array<{ to: string | undefined; subject: string; lines: string[] }> = [];
  if (notice === 'placed') {
    mails.push({
      to: client?.email,
      subject: `Your order ${order.number} is confirmed`,
      lines: [
        greeting,
        '',
        `Thank you. We have received your payment and your order ${order.number} is confirmed:`,
        ...pieces,
        '',
        `Total: ${total}`,
        ...(order.paidMinor < order.totalMinor
          ? [
              `Paid now: ${formatMoney({ minor: order.paidMinor, currency: order.currency as Currency })} (your deposit); the balance of ${formatMoney({ minor: order.totalMinor - order.paidMinor, currency: order.currency as Currency })} is due before delivery.`,
            ]
          : []),
        '',
        `Follow it here: ${link}`,
      ],
    });
  } else if (notice === 'approval-needed') {
    mails.push({
      to: client?.email,
      subject: `Your order ${order.number} is being reviewed`,
      lines: [
        greeting,
        '',
        `Your payment for order ${order.number} (${total}) is held. Our house office reviews orders of this value personally and will confirm shortly; nothing is charged until then.`,
        '',
        link,
      ],
    });
    const { users } = await listUsers(ctx, { userType: 'ADMIN', maxResults: 20 });
    for (const admin of users) {
      mails.push({
        to: admin.email,
        subject: `Order ${order.number} needs approval`,
        lines: [`Order ${order.number} of ${total} waits for approval; its funds are held.`, '', `${base}/admin/orders/${order.id}`],
      });
    }
  } else if (notice === 'shipped') {
    const tracking =
      order.carrier && order.trackingNumber
        ? `${order.carrier}, tracking number ${order.trackingNumber}${order.trackingUrl ? ` — ${order.trackingUrl}` : ''}`
        : 'our courier';
    mails.push({
      to: client?.email,
      subject: `Your order ${order.number} is on its way`,
      lines: [greeting, '', `Your order ${order.number} has left the house with ${tracking}.`, ...pieces, '', link],
    });
  } else if (notice === 'delivered') {
    mails.push({
      to: client?.email,
      subject: `Your order ${order.number} has been delivered`,
      lines: [greeting, '', `Your order ${order.number} has been delivered. We hope it brings you joy.`, '', link],
    });
  } else if (notice === 'cancelled') {
    mails.push({
      to: client?.email,
      subject: `Your order ${order.number} is cancelled`,
      lines: [greeting, '', `Your order ${order.number} is cancelled. Any amount held or paid is released or refunded to you.`, '', link],
    });
  }
  const messages = mails.flatMap((m) => (m.to ? [{ to: m.to, subject: m.subject, text: `${m.lines.join('\n')}${sign}` }] : []));
  const mailer = ctx.mailer;
  if (jobId && mailer.statement) {
    // The job's completion and its emails in one statement (its own transaction): the emails are written only if this
    // run still held the job, so a job run twice mails once, without a begin and a commit of their own.
    const sends = messages.map((m) => mailer.statement!(ctx.db, m, sql`exists (select 1 from done)`));
    await ctx.db.execute(
      sql`with done as (${completeJobStatement(jobId)})${sql.join(
        sends.map((s, i) => sql`, ${sql.raw(`m${i}`)} as (${s.statement})`),
        sql``,
      )} select 1`,
    );
    for (const s of sends) s.after();
    return;
  }
  await ctx.db.transaction(async (tx) => {
    if (jobId && !(await completeJobInTx(tx, jobId))) return;
    for (const m of messages) await mailer.send(tx, m);
  });
}

interface NoticeRow {
  id: string;
  number: string;
  client_id: string;
  currency: string;
  total_minor: number | string;
  paid_minor: number | string;
  carrier: string | null;
  tracking_number: string | null;
  tracking_url: string | null;
  items: Array<{ quantity: number; name: string; brandName: string; size: string | null; color: string | null }> | null;
}

const noticeStatement = preparedRows<NoticeRow>(
  'orders_for_notice',
  sql`select o.id, o.number, o.client_id, o.currency, o.total_minor, o.paid_minor, o.carrier, o.tracking_number, o.tracking_url,
             (select json_agg(json_build_object('quantity', i.quantity, 'name', i.name, 'brandName', i.brand_name, 'size', i.size,
                       'color', i.color) order by i.position)
                from order_items i where i.order_id = o.id) as items
        from orders o where o.id = ${sql.placeholder('orderId')}::uuid`,
);

/** What an email says of an order: the order and its lines in one round trip (prepared by name: every checkout mails). */
async function orderForNotice(db: Db, orderId: string) {
  const [row] = await noticeStatement(db, { orderId });
  if (!row) return undefined;
  return {
    id: row.id,
    number: row.number,
    clientId: row.client_id,
    currency: row.currency,
    totalMinor: Number(row.total_minor),
    paidMinor: Number(row.paid_minor),
    carrier: row.carrier,
    trackingNumber: row.tracking_number,
    trackingUrl: row.tracking_url,
    items: row.items ?? [],
  };
}

export const orderJobs: JobDefinition[] = [
  {
    name: RELEASE_UNPAID_JOB,
    every: { seconds: 60 },
    // A failing pass is not retried on its own: the next pass does the same work.
    maxAttempts: 1,
    handle: async (ctx) => {
      await releaseUnpaidOrders(ctx);
    },
  },
  {
    name: ORDER_NOTIFY_JOB,
    handle: async (ctx, payload, job) => {
      const { orderId, notice } = payload as { orderId: string; notice: OrderNotice };
      await sendOrderNotice(ctx, orderId, notice, job.id);
    },
  },
];
