import { defineModule } from '../module.ts';
import { notificationJobs } from './jobs.ts';
import { policies } from './policy.ts';
import { notificationRoutes } from './routes.ts';

/** One notification service for every module: the in-app centre, e-mail through the outbox, Web Push; preferences. */
export const notificationsModule = defineModule({
  name: 'notifications',
  routes: notificationRoutes,
  policies,
  jobs: notificationJobs,
  listeners: [],
  seeders: [],
});
