/**
 * The orders module seen through payments' order port (order-port.ts), and payments' answers to orders' hooks. The
 * hooks run inside orders' transaction, so they only write there (a refund row, a job); provider calls happen in jobs.
 */
import { isCurrency } from '../../../shared/money.ts';
import {
  extendPaymentWindow,
  getOrderForPayment,
  recordOrderFunds,
  registerOrderHook,
  setOrderPaymentId,
  setOrderPaymentIdStatement,
  SYSTEM_ACTOR,
  transitionOrder,
  usdEquivalentMinor,
  type OrderForPayment,
} from '../orders/service.ts';
import type { OrderPort, PayableOrder } from './order-port.ts';

function toPayable(o: OrderForPayment): PayableOrder {
  if (!isCurrency(o.currency)) throw new Error(`Order ${o.number} has an unknown currency ${o.currency}`);
  return {
    orderId: o.id,
    orderNumber: o.number,
    clientId: o.clientId,
    stylistId: o.stylistId,
    status: o.state,
    currency: o.currency,
    totalMinor: o.dueNowMinor,
    taxMinor: o.dutiesMinor + o.vatMinor,
    deliveryMinor: o.deliveryMinor,
    lines: o.items.map((i) => ({
      productId: i.productId,
      brandId: i.brandId,
      name: i.name,
      ...(i.color ? { color: i.color } : {}),
      ...(i.size ? { size: i.size } : {}),
      quantity: i.quantity,
      amountMinor: i.totalMinor,
    })),
    usdEquivalentMinor: usdEquivalentMinor(o.dueNowMinor, o.currency),
    needsApproval: o.requiresApproval,
    fullPayment: o.dueNowMinor === o.totalMinor,
    orderTotalMinor: o.totalMinor,
    paidMinor: o.paidMinor,
  };
}

/** Orders read under their row lock, by what payments got back: a transition of one needs no second read. */
const lockedReads = new WeakMap<PayableOrder, OrderForPayment>();

export const ordersPort: OrderPort = {
  async getOrderForPayment(db, orderId, options) {
    const o = await getOrderForPayment(db, orderId, options);
    if (!o) return undefined;
    const payable = toPayable(o);
    if (options?.forUpdate) lockedReads.set(payable, o);
    return payable;
  },
  async transitionOrder(tx, orderId, to, by, funds, locked) {
    const current = locked && lockedReads.get(locked);
    await transitionOrder(tx, orderId, to, {
      ...(current && current.id === orderId ? { locked: current } : {}),
      actor: by.actorId ? { kind: by.kind ?? 'CLIENT', userId: by.actorId } : by.kind ? { kind: by.kind } : SYSTEM_ACTOR,
      reason: by.reason,
      keys: by.keys,
      ...(funds ? { paidMinor: funds.paidMinor } : {}),
    });
  },
  recordFunds: recordOrderFunds,
  setPaymentId: setOrderPaymentId,
  setPaymentIdStatement: setOrderPaymentIdStatement,
  extendPaymentWindow,
};

/** Payments' hook: a cancelled order's money goes back, an approved order's hold is captured (both by jobs). */
export function registerPaymentHooks(onCancelled: Parameters<typeof registerOrderHook>[1]): void {
  registerOrderHook('payments', onCancelled);
}
