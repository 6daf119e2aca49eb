import { defineScenario } from '../scenario.ts';
import { assertCatalogSize, searchRequests } from '../lib/search-requests.ts';

// Computed searches on a 1,000,000-piece catalog (seed it in its own database; it takes a long while), all five
// facets, no answer-cache hits. Issue #16's target: p95 < 50 ms. The index's memory is in bench/search-index.ts.
export default defineScenario({
  name: 'search-computed-1m',
  description: 'GET /api/v1/products/search — every answer computed by the search index, 1,000,000 products',
  env: { SEARCH_INDEX: 'wait' },
  async setup({ databaseUrl }) {
    return { requests: searchRequests(await assertCatalogSize(databaseUrl, 800_000, 1_000_000)) };
  },
  requests: [],
  spreadRequests: true,
  expectStatus: 200,
  thresholds: [{ p95Ms: 50, at: 4 }],
});
