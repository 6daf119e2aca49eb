import { defineScenario } from '../scenario.ts';
import { assertCatalogSize, searchRequests } from '../lib/search-requests.ts';

// Throughput of computed searches on a 10,000-piece catalog: all five facets, a different question on every request
// (4,000 distinct, no answer-cache hits). Issue #16's target: at least 5,000 req/s at 64 connections.
export default defineScenario({
  name: 'search-computed-10k',
  description: 'GET /api/v1/products/search — every answer computed by the search index, 10,000 products',
  env: { SEARCH_INDEX: 'wait' },
  async setup({ databaseUrl }) {
    return { requests: searchRequests(await assertCatalogSize(databaseUrl, 8_000, 10_000)) };
  },
  requests: [],
  spreadRequests: true,
  expectStatus: 200,
  thresholds: [{ minRps: 5_000, at: 64 }],
});
