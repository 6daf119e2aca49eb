/**
 * What payments needs from the orders module (the seam in /work/SEAM-ORDERS-PAYMENTS.md): read an order as something
 * to pay, and move it along its states in our transaction. Payments never reads orders' tables; orders never
 * imports payments (it enqueues `payments.order-cancelled` / `payments.order-approved` jobs instead).
 */
import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import type { Keys } from '../../security/keys.ts';
import type { Currency } from '../../../shared/money.ts';

export type OrderStatus =
  | 'PENDING_PAYMENT'
  | 'AWAITING_APPROVAL'
  | 'PAID'
  | 'PROCESSING'
  | 'SHIPPED'
  | 'DELIVERED'
  | 'CANCELLED'
  | 'REFUNDED'
  | 'PARTIALLY_REFUNDED';

/** Who moved an order, for its timeline. */
export type ActorKind = 'CLIENT' | 'ADMIN' | 'SYSTEM' | 'PROVIDER';

export interface PayableOrder {
  orderId: string;
  orderNumber: string;
  clientId: string;
  stylistId: string | null;
  status: OrderStatus;
  currency: Currency;
  totalMinor: number;
  taxMinor: number;
  deliveryMinor: number;
  lines: Array<{ productId: string; brandId: string; name?: string; color?: string; size?: string; quantity: number; amountMinor: number }>;
  /** The total in US cents at the order's locked FX rate: CARD_LIMIT and approval thresholds are in USD. */
  usdEquivalentMinor: number;
  /** Above APPROVAL_THRESHOLD: the payment is held and the order waits for an admin. */
  needsApproval: boolean;
  /**
   * What is charged now is the whole order (false for a deposit: the deposit is held in client funds and the sale is
   * settled in the ledger with the balance).
   */
  fullPayment: boolean;
  /** The whole order (deposits and balance), and what has been captured for it so far. */
  orderTotalMinor: number;
  paidMinor: number;
}

export interface OrderPort {
  /** `forUpdate` locks the order's row in the caller's transaction; pass the answer back to `transitionOrder` as `locked`. */
  getOrderForPayment(db: Db, orderId: string, options?: { forUpdate?: boolean }): Promise<PayableOrder | undefined>;
  /**
   * In the caller's transaction; throws ConflictException for a transition the order's state does not allow.
   * `funds.paidMinor` (what has been captured so far, absolute) is written with the move, saving a `recordFunds`.
   */
  transitionOrder(
    tx: Tx,
    orderId: string,
    to: OrderStatus,
    by: { actorId: string | null; reason: string; kind?: ActorKind; keys: Keys },
    funds?: { paidMinor: number },
    /** The order as read with `forUpdate` in this transaction: not read again. */
    locked?: PayableOrder,
  ): Promise<void>;
  /** Tells orders what has been captured for the order so far (absolute). */
  recordFunds(tx: Tx, orderId: string, paidMinor: number): Promise<void>;
  /** The order shows this payment (the spec's Order.paymentId). */
  setPaymentId(tx: Tx, orderId: string, paymentId: string): Promise<void>;
  /**
   * `setPaymentId` as a statement for the caller to run inside its own (a data-modifying CTE), only where `when` holds.
   * The ids may be placeholders of a statement prepared by name.
   */
  setPaymentIdStatement(orderId: string | Placeholder, paymentId: string | Placeholder, when: SQL): SQL;
  /** A bank transfer takes days: the unpaid order is kept (and its pieces reserved) until then. */
  extendPaymentWindow(tx: Tx, orderId: string, until: Date): Promise<void>;
}

const missing: OrderPort = {
  getOrderForPayment: async () => undefined,
  transitionOrder: async () => {
    throw new Error('No orders module is wired to payments');
  },
  recordFunds: async () => undefined,
  setPaymentId: async () => undefined,
  setPaymentIdStatement: () => sql`select 1`,
  extendPaymentWindow: async () => undefined,
};

let port: OrderPort = missing;

/** Wires the orders module in (module start-up), or a test double. */
export function useOrderPort(next: OrderPort): void {
  port = next;
}

export function orders(): OrderPort {
  return port;
}
