/**
 * A test double of the orders seam (order-port.ts): orders kept in memory with the spec's state machine, so payments
 * can be tested on its own. The real orders module replaces it in the app.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { ApiError } from '../../http/errors.ts';
import type { Currency } from '../../../shared/money.ts';
import { orders as currentOrderPort, useOrderPort, type OrderPort, type OrderStatus, type PayableOrder } from './order-port.ts';

const ALLOWED: Record<OrderStatus, OrderStatus[]> = {
  PENDING_PAYMENT: ['AWAITING_APPROVAL', 'PAID', 'CANCELLED'],
  AWAITING_APPROVAL: ['PAID', 'CANCELLED'],
  PAID: ['PROCESSING', 'CANCELLED', 'REFUNDED', 'PARTIALLY_REFUNDED'],
  PROCESSING: ['SHIPPED', 'CANCELLED', 'REFUNDED', 'PARTIALLY_REFUNDED'],
  SHIPPED: ['DELIVERED', 'REFUNDED', 'PARTIALLY_REFUNDED'],
  DELIVERED: ['REFUNDED', 'PARTIALLY_REFUNDED'],
  PARTIALLY_REFUNDED: ['PARTIALLY_REFUNDED', 'REFUNDED', 'PROCESSING', 'SHIPPED', 'DELIVERED'],
  CANCELLED: [],
  REFUNDED: [],
};

export interface TestOrders extends OrderPort {
  create(input: Partial<PayableOrder> & { clientId: string }): PayableOrder;
  get(orderId: string): PayableOrder | undefined;
  setStatus(orderId: string, status: OrderStatus): void;
  timeline: Array<{ orderId: string; to: OrderStatus; actorId: string | null; reason: string }>;
  /** Puts back the port that was wired before (the real orders module): call it in the file's afterAll. */
  restore(): void;
}

let sequence = 0;

/** Installs in-memory orders as the payments module's order port and returns them. */
export function installTestOrders(): TestOrders {
  const orders = new Map<string, PayableOrder>();
  const timeline: TestOrders['timeline'] = [];
  const previous = currentOrderPort();
  const port: TestOrders = {
    timeline,
    restore: () => useOrderPort(previous),
    create(input) {
      const brandId = input.lines?.[0]?.brandId ?? randomUUID();
      const lines = input.lines ?? [{ productId: randomUUID(), brandId, quantity: 1, amountMinor: 100_000 }];
      const taxMinor = input.taxMinor ?? 20_000;
      const deliveryMinor = input.deliveryMinor ?? 5_000;
      const totalMinor = input.totalMinor ?? lines.reduce((a, l) => a + l.amountMinor, 0) + taxMinor + deliveryMinor;
      const order: PayableOrder = {
        orderId: randomUUID(),
        orderNumber: `ZG-2026-${String(++sequence).padStart(6, '0')}`,
        stylistId: null,
        status: 'PENDING_PAYMENT',
        currency: 'EUR' as Currency,
        usdEquivalentMinor: totalMinor,
        needsApproval: false,
        fullPayment: true,
        paidMinor: 0,
        ...input,
        lines,
        taxMinor,
        deliveryMinor,
        totalMinor,
        orderTotalMinor: input.orderTotalMinor ?? totalMinor,
      };
      orders.set(order.orderId, order);
      return order;
    },
    get: (orderId) => orders.get(orderId),
    setStatus(orderId, status) {
      orders.get(orderId)!.status = status;
    },
    async getOrderForPayment(_db, orderId) {
      const o = orders.get(orderId);
      return o ? { ...o, lines: [...o.lines] } : undefined;
    },
    async recordFunds(_tx, orderId, paidMinor) {
      const o = orders.get(orderId);
      if (o) o.paidMinor = paidMinor;
    },
    setPaymentId: async () => undefined,
    setPaymentIdStatement: () => sql`select 1`,
    extendPaymentWindow: async () => undefined,
    async transitionOrder(_tx, orderId, to, by, funds) {
      const o = orders.get(orderId);
      if (!o) throw new ApiError('ResourceNotFoundException', 'No such order');
      if (!ALLOWED[o.status].includes(to)) throw new ApiError('ConflictException', `An order that is ${o.status} cannot become ${to}`);
      o.status = to;
      if (funds) o.paidMinor = funds.paidMinor;
      else if (to === 'PAID') o.paidMinor = Math.max(o.paidMinor, o.totalMinor);
      timeline.push({ orderId, to, ...by });
    },
  };
  useOrderPort(port);
  return port;
}
