import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { defineModule } from '../module.ts';
import { startActorCacheInvalidation } from './actor-cache.ts';
import { auditRoutes } from './audit-routes.ts';
import { passkeyRoutes } from './passkeys-routes.ts';
import { policies } from './policy.ts';
import { identityRoutes } from './routes.ts';
import { vipRoutes } from './vip-routes.ts';

/** Accounts, sessions, second factors, passkeys, VIP status, privacy and the audit log. */
export const identityModule = defineModule({
  name: 'identity',
  routes: async (app: FastifyInstance, opts: { ctx: AppContext }) => {
    await app.register(identityRoutes, { ctx: opts.ctx });
    await app.register(passkeyRoutes, { ctx: opts.ctx });
    await app.register(vipRoutes, { ctx: opts.ctx });
    await app.register(auditRoutes, { ctx: opts.ctx });
  },
  policies,
  jobs: [],
  // Signed-in callers are cached in memory while this instance hears every change to accounts and sessions.
  listeners: [{ name: 'identity-changes', start: (app) => startActorCacheInvalidation(app.database, app.log) }],
  seeders: [],
});
