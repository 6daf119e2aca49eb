/**
 * What payments needs from the orders module (the seam in /work/SEAM-ORDERS-PAYMENTS.md): read an order as something
 * to pay, and move it along its states in our transaction. Payments never reads orders' tables; orders never
 * imports payments (it enqueues `payments.order-cancelled` / `payments.order-approved` jobs instead).
 */
import type { Db } from '../../db/client.ts';
import type { Currency } from '../../../shared/money.ts';

export type OrderStatus = 'PENDING_PAYMENT' | 'AWAITING_APPROVAL' | 'PAID' | 'PROCESSING' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | 'REFUNDED' | 'PARTIALLY_REFUNDED';

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
  lines: Array<{ productId: string; brandId: string; name?: string; quantity: number; amountMinor: number }>;
  /** The total in US cents at the order's locked FX rate: CARD_LIMIT and approval thresholds are in USD. */
  usdEquivalentMinor: number;
  /** Above APPROVAL_THRESHOLD: the payment is held and the order waits for an admin. */
  needsApproval: boolean;
}

export interface OrderPort {
  getOrderForPayment(db: Db, orderId: string): Promise<PayableOrder | undefined>;
  /** In the caller's transaction; throws ConflictException for a transition the order's state does not allow. */
  transitionOrder(tx: Db, orderId: string, to: OrderStatus, by: { actorId: string | null; reason: string }): Promise<void>;
}

const missing: OrderPort = {
  getOrderForPayment: async () => undefined,
  transitionOrder: async () => {
    throw new Error('No orders module is wired to payments');
  },
};

let port: OrderPort = missing;

/** Wires the orders module in (module start-up), or a test double. */
export function useOrderPort(next: OrderPort): void {
  port = next;
}

export function orders(): OrderPort {
  return port;
}
