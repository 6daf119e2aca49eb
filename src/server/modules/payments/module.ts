import { defineModule } from '../module.ts';
import { paymentJobs } from './jobs.ts';
import { policies } from './policy.ts';
import { paymentRoutes } from './routes.ts';

/** Card payments (sandbox or Stripe), bank transfers, refunds, the reconciler and authorization expiry. */
export const paymentsModule = defineModule({ name: 'payments', routes: paymentRoutes, policies, jobs: paymentJobs, listeners: [], seeders: [] });
