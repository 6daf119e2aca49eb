/** What other modules may import from orders (payments: read an order, move it, hear about cancellations and approvals). */
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { orders } from './schema.ts';
import { applyTransition, loadOrderForPayment, type OrderForPayment, type OrderState, type TransitionOptions } from './state-machine.ts';

export {
  registerOrderHook,
  recordOrderFunds,
  setOrderPaymentId,
  setOrderPaymentIdStatement,
  SYSTEM_ACTOR,
  type OrderActor,
  type OrderForPayment,
  type OrderHook,
  type OrderHookEvent,
  type OrderState,
} from './state-machine.ts';
export { canTransition, TRANSITIONS } from './states.ts';
export { usdEquivalentMinor } from './quote.ts';

/** The order as payments needs it; `forUpdate` locks its row in the caller's transaction. */
export async function getOrderForPayment(
  db: Db | Tx,
  orderId: string,
  options: { forUpdate?: boolean } = {},
): Promise<OrderForPayment | undefined> {
  return loadOrderForPayment(db, orderId, options.forUpdate === true);
}

/**
 * Moves an order through the state machine in the caller's transaction: 409 for a move it does not allow, nothing for
 * a move to the state it is in. Writes the timeline, enqueues the order's emails and fires the hooks.
 */
export async function transitionOrder(
  tx: Tx,
  orderId: string,
  to: OrderState,
  by: Pick<TransitionOptions, 'actor' | 'reason' | 'paidMinor' | 'keys' | 'locked'>,
): Promise<OrderForPayment> {
  return (await applyTransition(tx, orderId, to, by)).order;
}

/**
 * Moves an unpaid order's payment deadline (a bank transfer takes days): the release sweep leaves it alone until
 * `until`, and its pieces stay reserved meanwhile. Only an order still PENDING_PAYMENT has a deadline.
 */
export async function extendPaymentWindow(tx: Tx, orderId: string, until: Date): Promise<void> {
  await tx
    .update(orders)
    .set({ paymentDueAt: until, updatedAt: new Date() })
    .where(and(eq(orders.id, orderId), eq(orders.status, 'PENDING_PAYMENT')));
}
