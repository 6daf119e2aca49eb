/**
 * Moving an order from one state to the next, for this module and for payments (through service.ts): the state
 * machine, the timeline row, stock release on cancellation, the order's emails (outbox) and the hooks other modules
 * registered — all in the caller's transaction.
 */
import { eq, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { preparedRows, queryRows, type Db, type Tx } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { enqueueStatement } from '../../jobs/queue.ts';
import { sealText } from '../../security/crypto.ts';
import type { Keys } from '../../security/keys.ts';
import { releaseStock } from '../catalog/service.ts';
import { orderEvents, orders, type ORDER_ACTOR_KINDS } from './schema.ts';
import { canTransition, type OrderState } from './states.ts';

export type { OrderState };

/** Who moved an order: a person (client or admin), the platform itself (expiry), or a payment provider's event. */
export interface OrderActor {
  kind: (typeof ORDER_ACTOR_KINDS)[number];
  userId?: string | null;
}

export const SYSTEM_ACTOR: OrderActor = { kind: 'SYSTEM' };

/** What payments (and the ledger) need to know about an order. Amounts are integer minor units of `currency`. */
export interface OrderForPayment {
  id: string;
  number: string;
  clientId: string;
  stylistId: string | null;
  state: OrderState;
  currency: string;
  totalMinor: number;
  dueNowMinor: number;
  paidMinor: number;
  itemsMinor: number;
  deliveryMinor: number;
  dutiesMinor: number;
  vatMinor: number;
  requiresApproval: boolean;
  highValue: boolean;
  approvedAt: Date | null;
  paymentDueAt: Date | null;
  items: Array<{
    id: string;
    productId: string;
    variantId: string;
    brandId: string;
    brandIsPartner: boolean;
    name: string;
    /** The variant's colour and size as ordered (a snapshot, like the name). */
    color: string | null;
    size: string | null;
    quantity: number;
    unitPriceMinor: number;
    totalMinor: number;
    depositMinor: number | null;
  }>;
}

export type OrderHookEvent =
  | { type: 'cancelled'; order: OrderForPayment; previousState: OrderState; actor: OrderActor; reason: string; keys: Keys }
  | { type: 'approved'; order: OrderForPayment; actor: OrderActor; keys: Keys };

/**
 * Runs inside the orders transaction that caused the event: it may only write with `tx` (e.g. enqueue a job), never
 * call the outside world. A hook that throws rolls the cancellation or approval back.
 */
export type OrderHook = (tx: Tx, event: OrderHookEvent) => Promise<void | { refundId?: string }>;

const hooks = new Map<string, OrderHook>();

/** Subscribes to order events by name (payments voids or refunds on cancel, captures on approval); a name registers once. */
export function registerOrderHook(name: string, hook: OrderHook): void {
  hooks.set(name, hook);
}

async function fireHooks(tx: Tx, event: OrderHookEvent): Promise<{ refundId?: string }> {
  let refundId: string | undefined;
  for (const hook of hooks.values()) {
    const result = await hook(tx, event);
    if (result?.refundId) refundId = result.refundId;
  }
  return refundId ? { refundId } : {};
}

/** The `orders.notify` job: the emails of an order's life, sent after the change that causes them commits. */
export const ORDER_NOTIFY_JOB = 'orders.notify';
export type OrderNotice = 'placed' | 'approval-needed' | 'shipped' | 'delivered' | 'cancelled';
const NOTICE_ON: Partial<Record<OrderState, OrderNotice>> = {
  PAID: 'placed',
  AWAITING_APPROVAL: 'approval-needed',
  SHIPPED: 'shipped',
  DELIVERED: 'delivered',
  CANCELLED: 'cancelled',
};

interface OrderForPaymentRow {
  id: string;
  number: string;
  client_id: string;
  stylist_id: string | null;
  status: OrderState;
  currency: string;
  total_minor: number | string;
  due_now_minor: number | string;
  paid_minor: number | string;
  items_minor: number | string;
  delivery_minor: number | string;
  duties_minor: number | string;
  vat_minor: number | string;
  requires_approval: boolean;
  high_value: boolean;
  approved_at: Date | string | null;
  payment_due_at: Date | string | null;
  items: Array<{
    id: string;
    productId: string;
    variantId: string;
    brandId: string;
    brandIsPartner: boolean;
    name: string;
    /** The variant's colour and size as ordered (a snapshot, like the name). */
    color: string | null;
    size: string | null;
    quantity: number;
    unitPriceMinor: number;
    totalMinor: number;
    depositMinor: number | null;
  }> | null;
}

const dateOrNull = (v: Date | string | null) => (v === null ? null : v instanceof Date ? v : new Date(v));

/** The order and its lines, as a statement prepared by name: a checkout reads it three times (pay, re-check, lock). */
const orderForPaymentStatement = (forUpdate: boolean) =>
  preparedRows<OrderForPaymentRow>(
    forUpdate ? 'orders_for_payment_locked' : 'orders_for_payment',
    sql`select o.id, o.number, o.client_id, o.stylist_id, o.status, o.currency, o.total_minor, o.due_now_minor, o.paid_minor,
               o.items_minor, o.delivery_minor, o.duties_minor, o.vat_minor, o.requires_approval, o.high_value, o.approved_at,
               o.payment_due_at,
               (select json_agg(json_build_object('id', i.id, 'productId', i.product_id, 'variantId', i.variant_id, 'brandId', i.brand_id,
                         'brandIsPartner', i.brand_is_partner, 'name', i.name, 'color', i.color, 'size', i.size, 'quantity', i.quantity, 'unitPriceMinor', i.unit_price_minor,
                         'totalMinor', i.total_minor, 'depositMinor', i.deposit_minor) order by i.position)
                  from order_items i where i.order_id = o.id) as items
          from orders o where o.id = ${sql.placeholder('orderId')}::uuid ${forUpdate ? sql`for update of o` : sql``}`,
  );
const readOrderForPayment = orderForPaymentStatement(false);
const lockOrderForPayment = orderForPaymentStatement(true);

/** The order and its lines in one round trip; `forUpdate` locks the order's row in the caller's transaction. */
export async function loadOrderForPayment(db: Db | Tx, orderId: string, forUpdate = false): Promise<OrderForPayment | undefined> {
  const [row] = await (forUpdate ? lockOrderForPayment : readOrderForPayment)(db, { orderId });
  if (!row) return undefined;
  return {
    id: row.id,
    number: row.number,
    clientId: row.client_id,
    stylistId: row.stylist_id,
    state: row.status,
    currency: row.currency,
    totalMinor: Number(row.total_minor),
    dueNowMinor: Number(row.due_now_minor),
    paidMinor: Number(row.paid_minor),
    itemsMinor: Number(row.items_minor),
    deliveryMinor: Number(row.delivery_minor),
    dutiesMinor: Number(row.duties_minor),
    vatMinor: Number(row.vat_minor),
    requiresApproval: row.requires_approval,
    highValue: row.high_value,
    approvedAt: dateOrNull(row.approved_at),
    paymentDueAt: dateOrNull(row.payment_due_at),
    items: (row.items ?? []).map((i) => ({ ...i, depositMinor: i.depositMinor ?? null })),
  };
}

export interface TransitionOptions {
  actor: OrderActor;
  /** Why, in a person's words or the platform's; stored sealed (security/free-text.ts) with `keys`. */
  reason?: string;
  keys: Keys;
  /** Only move when the order is in one of these states now (a sweep that must not cancel an order paid meanwhile). */
  onlyFrom?: readonly OrderState[];
  /** What has been captured for the order so far (absolute), written with the move (payments settling an order). */
  paidMinor?: number;
  /** The order as the caller read it with `forUpdate` in this transaction (its row lock held): not read again. */
  locked?: OrderForPayment;
}

/**
 * Appends a timeline row; `note` marks an event that is not a state change (approval, tracking, address). The reason
 * is free text (a client's or an admin's words) and is stored sealed.
 */
export async function recordEvent(
  tx: Tx,
  keys: Keys,
  orderId: string,
  e: { from: OrderState | null; to: OrderState; actor: OrderActor; reason?: string | null; note?: string },
): Promise<typeof orderEvents.$inferSelect> {
  const [row] = await tx
    .insert(orderEvents)
    .values(eventRow(keys, orderId, e))
    .returning();
  return row!;
}

/** A timeline row to insert (its time is the database's, at insert). */
export function eventRow(
  keys: Keys,
  orderId: string,
  e: { from: OrderState | null; to: OrderState; actor: OrderActor; reason?: string | null; note?: string },
): Omit<typeof orderEvents.$inferSelect, 'at'> {
  return {
    id: uuidv7(),
    orderId,
    fromStatus: e.from,
    toStatus: e.to,
    note: e.note ?? null,
    actorKind: e.actor.kind,
    actorId: e.actor.userId ?? null,
    reason: sealText(keys, e.reason),
  };
}

/**
 * Moves the order to `to` under its row lock, or throws 409 naming both states. Moving to the state it is already in
 * does nothing (a provider event delivered twice). Returns the order as it is now and, for a cancellation, the refund
 * a hook started.
 */
export async function applyTransition(
  tx: Tx,
  orderId: string,
  to: OrderState,
  options: TransitionOptions,
): Promise<{ order: OrderForPayment; refundId?: string; changed: boolean }> {
  const current = options.locked?.id === orderId ? options.locked : await loadOrderForPayment(tx, orderId, true);
  if (!current) throw new ApiError('ResourceNotFoundException', 'No such order');
  if (current.state === to) return { order: current, changed: false };
  if (options.onlyFrom && !options.onlyFrom.includes(current.state)) return { order: current, changed: false };
  if (!canTransition(current.state, to)) {
    throw new ApiError('ConflictException', `Order ${current.number} is ${current.state} and cannot become ${to}`);
  }
  if (to === 'PAID' && current.requiresApproval && !current.approvedAt) {
    throw new ApiError(
      'ConflictException',
      current.state === 'PENDING_PAYMENT'
        ? `Order ${current.number} needs the house office's approval: hold the funds (AWAITING_APPROVAL) first`
        : `Order ${current.number} waits for the house office's approval`,
    );
  }
  const funds = options.paidMinor ?? current.paidMinor;
  if (!Number.isSafeInteger(funds) || funds < 0) throw new Error('paidMinor must be a whole number of minor units ≥ 0');
  const paid = to === 'PAID' ? Math.max(funds, current.dueNowMinor) : funds;
  const notice = NOTICE_ON[to];
  // The move, its timeline row and the email it calls for (outbox) in one statement. Only an order waiting for its
  // first payment can expire.
  await tx.execute(
    sql`with moved as (
          update orders set status = ${to}, paid_minor = ${paid}, updated_at = now()
                 ${current.state === 'PENDING_PAYMENT' ? sql`, payment_due_at = null` : sql``}
           where id = ${orderId}::uuid returning id),
        notified as (${notice ? enqueueStatement(tx, ORDER_NOTIFY_JOB, { orderId, notice }) : sql`select 1`})
        insert into order_events (id, order_id, from_status, to_status, note, actor_kind, actor_id, reason)
        select ${uuidv7()}::uuid, moved.id, ${current.state}, ${to}, null, ${options.actor.kind}, ${options.actor.userId ?? null}::uuid, ${sealText(options.keys, options.reason)}
          from moved`,
  );
  const order: OrderForPayment = {
    ...current,
    state: to,
    paidMinor: paid,
    paymentDueAt: current.state === 'PENDING_PAYMENT' ? null : current.paymentDueAt,
  };
  let refundId: string | undefined;
  if (to === 'CANCELLED') {
    // Pieces go back on sale in the same transaction that cancels.
    await releaseStock(
      tx,
      current.items.map((i) => ({ productId: i.productId, variantId: i.variantId, quantity: i.quantity })),
    );
    ({ refundId } = await fireHooks(tx, {
      type: 'cancelled',
      order,
      previousState: current.state,
      actor: options.actor,
      reason: options.reason ?? '',
      keys: options.keys,
    }));
  }
  return { order, changed: true, ...(refundId ? { refundId } : {}) };
}

/** Records an admin's approval of a high-value order and lets payments capture the held funds. */
export async function approveInTx(tx: Tx, keys: Keys, orderId: string, actor: OrderActor): Promise<OrderForPayment> {
  const current = await loadOrderForPayment(tx, orderId, true);
  if (!current) throw new ApiError('ResourceNotFoundException', 'No such order');
  if (!current.requiresApproval) throw new ApiError('ConflictException', `Order ${current.number} does not need approval`);
  if (current.approvedAt) return current;
  if (current.state !== 'AWAITING_APPROVAL' && current.state !== 'PENDING_PAYMENT') {
    throw new ApiError('ConflictException', `Order ${current.number} is ${current.state}: there is nothing to approve`);
  }
  const now = new Date();
  await tx
    .update(orders)
    .set({ approvedAt: now, approvedBy: actor.userId ?? null, updatedAt: now })
    .where(eq(orders.id, orderId));
  await recordEvent(tx, keys, orderId, { from: current.state, to: current.state, actor, note: 'APPROVED' });
  const order = { ...current, approvedAt: now };
  await fireHooks(tx, { type: 'approved', order, actor, keys });
  return order;
}

/** Payments reports the total captured so far (a deposit order's balance arriving, say). */
export async function recordOrderFunds(tx: Tx, orderId: string, paidMinor: number): Promise<void> {
  if (!Number.isSafeInteger(paidMinor) || paidMinor < 0) throw new Error('paidMinor must be a whole number of minor units ≥ 0');
  await tx.update(orders).set({ paidMinor, updatedAt: new Date() }).where(eq(orders.id, orderId));
}

/** The payment that settles the order, shown as `Order.paymentId`. */
export async function setOrderPaymentId(tx: Tx, orderId: string, paymentId: string): Promise<void> {
  await tx.update(orders).set({ paymentId, updatedAt: new Date() }).where(eq(orders.id, orderId));
}

/** `setOrderPaymentId` as a statement to run inside the caller's (a data-modifying CTE), only where `when` holds. */
export function setOrderPaymentIdStatement(orderId: string | Placeholder, paymentId: string | Placeholder, when: SQL): SQL {
  return sql`update orders set payment_id = ${paymentId}::uuid, updated_at = now() where id = ${orderId}::uuid and ${when}`;
}

/** Ids of orders still waiting for payment after their window: the release sweep cancels them. */
export async function overdueOrderIds(db: Db, limit: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from orders where status = 'PENDING_PAYMENT' and payment_due_at < now() order by payment_due_at limit ${limit}`,
  );
  return rows.map((r) => r.id);
}
