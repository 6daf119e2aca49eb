import { defineModule } from '../module.ts';
import { newsletterRoutes } from './routes.ts';

/** Newsletter sign-ups (public; no rules of its own). */
export const newsletterModule = defineModule({
  name: 'newsletter',
  routes: newsletterRoutes,
  policies: {},
  jobs: [],
  listeners: [],
  seeders: [],
});
