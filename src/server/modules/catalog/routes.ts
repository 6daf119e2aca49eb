import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { auditCatalogAdministration } from './admin-audit.ts';
import { engagementRoutes } from './routes-engagement.ts';
import { productRoutes } from './routes-products.ts';
import { taxonomyRoutes } from './routes-taxonomy.ts';

/** Every catalog route; register with the API prefix. Its cache listener and search set-up are in module.ts. */
export async function catalogRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  auditCatalogAdministration(app);
  await app.register(productRoutes, { ctx: opts.ctx });
  await app.register(taxonomyRoutes, { ctx: opts.ctx });
  await app.register(engagementRoutes, { ctx: opts.ctx });
}
