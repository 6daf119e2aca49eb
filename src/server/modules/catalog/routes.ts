import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { CATALOG_CHANNEL, listenForCatalogChanges } from './catalog-cache.ts';
import { searchIndexFeed, startSearchIndex } from './search-index/feed.ts';
import { useEmbeddedTrigrams } from './search.ts';
import { engagementRoutes } from './routes-engagement.ts';
import { productRoutes } from './routes-products.ts';
import { taxonomyRoutes } from './routes-taxonomy.ts';

/** Every catalog route; register with the API prefix. */
export async function catalogRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  // Storefront answers are cached in memory while change notifications can reach this instance.
  const stopListening = await listenForCatalogChanges(app.database);
  // PGlite's pg_trgm can crash the embedded engine: typo correction runs in TypeScript there (search.ts).
  if (app.database.kind === 'pglite') useEmbeddedTrigrams(app.db);
  // Searches are answered from an in-memory index once it is built (in the background) and while it is fed.
  const stopIndex = opts.ctx.config.SEARCH_INDEX === 'off' ? async () => {} : await startSearchIndex(app.database, CATALOG_CHANNEL, app.log);
  if (opts.ctx.config.SEARCH_INDEX === 'wait') await searchIndexFeed(app.db)?.whenBuilt();
  app.addHook('onClose', async () => {
    await stopIndex();
    await stopListening();
  });
  await app.register(productRoutes, { ctx: opts.ctx });
  await app.register(taxonomyRoutes, { ctx: opts.ctx });
  await app.register(engagementRoutes, { ctx: opts.ctx });
}
