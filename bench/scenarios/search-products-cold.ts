import { defineScenario, type RequestSpec } from '../scenario.ts';
import { assertBenchCatalog } from '../lib/catalog-bench.ts';

// What the catalog's answer cache hides in search-products: the same kinds of searches, each asked once per cycle.
// 4,000 distinct questions (words × price floor) against a cache of 2,000 answers, walked by all connections together
// so no two ask the same at once: every request computes its answer: full-text + typo match, ranking and the five disjunctive facets over the 100,000-piece catalog. No
// threshold: the targets are for search-products; this one is here so the cold cost is measured, not guessed.
const WORDS = [
  'bag',
  'aurellle',
  'vendrel%20constellation%20ring',
  'vescovvi',
  'silk%20gown',
  'watch',
  'gold',
  'villa',
  'cashmere%20coat',
  'dress',
];

export default defineScenario({
  name: 'search-products-cold',
  description: 'GET /api/v1/products/search — every answer computed (no cache hits), 100,000 products',
  async setup({ databaseUrl }) {
    await assertBenchCatalog(databaseUrl);
    const requests: RequestSpec[] = [];
    for (let floor = 1; requests.length < 4_000; floor++) {
      for (const word of WORDS) requests.push({ path: `/api/v1/products/search?query=${word}&priceRange=${floor}-` });
    }
    return { requests };
  },
  requests: [],
  spreadRequests: true,
  expectStatus: 200,
  thresholds: [],
});
