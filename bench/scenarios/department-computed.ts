import { defineScenario } from '../scenario.ts';
import { assertCatalogSize, departmentRequests } from '../lib/search-requests.ts';

// A department's first page (browse mode: every visible product of the department, newest first, with the facet
// sidebar's counts), every answer computed (4,000 distinct questions, no answer-cache hits), on the 100,000-piece
// catalog. Issue #16's target: p95 < 10 ms and p99 < 20 ms at 4 connections.
export default defineScenario({
  name: 'department-computed',
  description: 'GET /api/v1/products/search?categories=… — a department’s first page computed by the search index, 100,000 products',
  env: { SEARCH_INDEX: 'wait' },
  async setup({ databaseUrl }) {
    return { requests: departmentRequests(await assertCatalogSize(databaseUrl, 80_000, 100_000)) };
  },
  requests: [],
  spreadRequests: true,
  expectStatus: 200,
  thresholds: [{ p95Ms: 10, p99Ms: 20, at: 4 }],
});
