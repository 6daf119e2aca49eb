import { defineModule } from '../module.ts';
import { CATALOG_CHANNEL, listenForCatalogChanges } from './catalog-cache.ts';
import { searchIndexFeed, startSearchIndex } from './search-index/feed.ts';
import { policies } from './policy.ts';
import { catalogRoutes } from './routes.ts';
import { useEmbeddedTrigrams } from './search.ts';
import { collectionsSeeder, productsSeeder, taxonomySeeder } from './seed.ts';
import { demoStaffSeeder } from './seed-staff.ts';

/** Products, brands, categories, collections, search, inquiries and wishlists. */
export const catalogModule = defineModule({
  name: 'catalog',
  routes: catalogRoutes,
  policies,
  jobs: [],
  listeners: [
    // Storefront answers are cached in memory while change notifications can reach this instance.
    { name: 'catalog-changes', start: (app) => listenForCatalogChanges(app.database) },
    {
      // PGlite's pg_trgm can crash the embedded engine: typo correction runs in TypeScript there (search.ts).
      name: 'embedded-trigrams',
      start: async (app) => {
        if (app.database.kind === 'pglite') useEmbeddedTrigrams(app.db);
        return async () => undefined;
      },
    },
    {
      // Searches are answered from an in-memory index once it is built (in the background) and while it is fed.
      name: 'search-index',
      start: async (app, ctx) => {
        if (ctx.config.SEARCH_INDEX === 'off') return async () => undefined;
        const stop = await startSearchIndex(app.database, CATALOG_CHANNEL, app.log);
        if (ctx.config.SEARCH_INDEX === 'wait') await searchIndexFeed(app.db)?.whenBuilt();
        return stop;
      },
    },
  ],
  seeders: [taxonomySeeder, productsSeeder, collectionsSeeder, demoStaffSeeder],
});
