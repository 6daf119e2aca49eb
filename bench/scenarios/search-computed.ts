import { defineScenario } from '../scenario.ts';
import { assertCatalogSize, searchRequests } from '../lib/search-requests.ts';

// SearchProducts with all five facets, every answer computed (no answer-cache hits: 4,000 distinct questions walked
// by all connections together), answered by the in-memory search index on the 100,000-piece catalog. Issue #16's
// target: p95 < 10 ms and p99 < 20 ms at 4 connections. Seed the catalog in its own database (see bench/README.md).
export default defineScenario({
  name: 'search-computed',
  description: 'GET /api/v1/products/search — every answer computed by the search index, 100,000 products',
  env: { SEARCH_INDEX: 'wait' },
  async setup({ databaseUrl }) {
    return { requests: searchRequests(await assertCatalogSize(databaseUrl, 80_000, 100_000)) };
  },
  requests: [],
  spreadRequests: true,
  expectStatus: 200,
  thresholds: [{ p95Ms: 10, p99Ms: 20, at: 4 }],
});
