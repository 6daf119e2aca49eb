import { defineModule } from '../module.ts';
import { orderJobs } from './jobs.ts';
import { policies } from './policy.ts';
import { orderRoutes } from './routes.ts';

/** The shop: the client's bag, checkout, orders and their life, saved addresses, and the house office's order desk. */
export const ordersModule = defineModule({
  name: 'orders',
  routes: orderRoutes,
  policies,
  jobs: orderJobs,
  listeners: [],
  seeders: [],
});
