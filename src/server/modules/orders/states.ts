/** The order state machine, pure: which state may follow which. Anything else is a 409. */
import type { ORDER_STATES } from './schema.ts';

export type OrderState = (typeof ORDER_STATES)[number];

const REFUNDS = ['REFUNDED', 'PARTIALLY_REFUNDED'] as const;

export const TRANSITIONS: Readonly<Record<OrderState, readonly OrderState[]>> = {
  PENDING_PAYMENT: ['AWAITING_APPROVAL', 'PAID', 'CANCELLED'],
  AWAITING_APPROVAL: ['PAID', 'CANCELLED'],
  PAID: ['PROCESSING', 'SHIPPED', 'CANCELLED', ...REFUNDS],
  PROCESSING: ['SHIPPED', 'CANCELLED', ...REFUNDS],
  SHIPPED: ['DELIVERED', ...REFUNDS],
  DELIVERED: [...REFUNDS],
  // A partial refund does not stop the rest of the order: it can still be refunded further.
  PARTIALLY_REFUNDED: [...REFUNDS],
  CANCELLED: [],
  REFUNDED: [],
};

export function canTransition(from: OrderState, to: OrderState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** States in which a client may still cancel: nothing has left the house. */
export const CANCELLABLE: ReadonlySet<OrderState> = new Set(['PENDING_PAYMENT', 'AWAITING_APPROVAL', 'PAID', 'PROCESSING']);
/** States in which items, addresses and delivery may still change: nothing has been paid. */
export const EDITABLE: ReadonlySet<OrderState> = new Set(['PENDING_PAYMENT']);
