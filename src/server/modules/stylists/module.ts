import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { defineModule } from '../module.ts';
import { stylistJobs } from './jobs.ts';
import { listenForStylistChanges } from './matching-index.ts';
import { policies } from './policy.ts';
import { stylistBookingRoutes } from './routes-booking.ts';
import { stylistRoutes } from './routes.ts';
import { stylistClientsSeeder, stylistsSeeder } from './seed.ts';

/** The stylist marketplace: profiles, vetting, availability, matching, bookings and reviews. */
export const stylistsModule = defineModule({
  name: 'stylists',
  routes: async (app: FastifyInstance, opts: { ctx: AppContext }) => {
    await app.register(stylistRoutes, { ctx: opts.ctx });
    await app.register(stylistBookingRoutes, { ctx: opts.ctx });
  },
  policies,
  jobs: stylistJobs,
  // The matching index is kept in memory while profile changes are notified to this instance.
  listeners: [{ name: 'stylists-changes', start: (app) => listenForStylistChanges(app.database, app.log) }],
  seeders: [stylistClientsSeeder, stylistsSeeder],
});
