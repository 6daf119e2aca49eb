import { defineScenario } from '../scenario.ts';
import { assertBenchCatalog } from '../lib/catalog-bench.ts';

// ListProducts first pages on the 100,000-piece catalog: newest first, by price, by category (with descendants), by
// brand, with a price range. Each walks a partial index whose predicate is the visibility filter.
const PAGES = [
  '',
  'sort=price_asc',
  'sort=price_desc',
  'category=bags',
  'category=ready-to-wear',
  'category=yachts',
  'brand=maison-aurelle',
  'brand=maison-vendrel&sort=price_desc',
  'minPrice=1000&maxPrice=5000',
  'category=watches&minPrice=10000&sort=price_asc',
];

export default defineScenario({
  name: 'list-products',
  description: 'GET /api/v1/products — first page (20) of 100,000 with filters and sorts',
  async setup({ databaseUrl }) {
    await assertBenchCatalog(databaseUrl);
  },
  requests: PAGES.map((q) => ({ path: `/api/v1/products${q ? `?${q}` : ''}` })),
  expectStatus: 200,
  thresholds: [{ p99Ms: 10, at: 4 }],
});
