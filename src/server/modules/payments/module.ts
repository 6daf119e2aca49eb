import { defineModule } from '../module.ts';
import { paymentJobs } from './jobs.ts';
import { useOrderPort } from './order-port.ts';
import { ordersPort, registerPaymentHooks } from './orders-adapter.ts';
import { policies } from './policy.ts';
import { paymentRoutes } from './routes.ts';
import { onOrderEvent } from './service.ts';

// Payments reads and moves orders through the orders module's service, and hears of cancellations and approvals.
useOrderPort(ordersPort);
registerPaymentHooks(async (tx, event) =>
  onOrderEvent(tx, {
    type: event.type,
    orderId: event.order.id,
    actorId: event.actor.userId ?? null,
    reason: event.type === 'cancelled' ? event.reason : 'Approved',
    keys: event.keys,
  }),
);

/** Card payments (sandbox or Stripe), bank transfers, refunds, the reconciler and authorization expiry. */
export const paymentsModule = defineModule({
  name: 'payments',
  routes: paymentRoutes,
  policies,
  jobs: paymentJobs,
  listeners: [],
  seeders: [],
});
