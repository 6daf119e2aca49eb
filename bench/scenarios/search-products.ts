import { defineScenario } from '../scenario.ts';
import { assertBenchCatalog } from '../lib/catalog-bench.ts';

// SearchProducts with all five facets on the 100,000-piece catalog: shoppers' queries from broad ("bag", 13k
// matches) to exact ("vendrel constellation ring"), typos ("aurellle", "vescovvi") and facet filters. Each answer is one
// statement over the narrow product_search table (text match + visibility, ranking, disjunctive facets); answers are
// cached per process under the catalog version (exact invalidation), products are always read fresh.
const QUERIES = [
  'query=bag',
  'query=aurellle',
  'query=vendrel%20constellation%20ring',
  'query=vescovvi',
  'query=silk%20gown',
  'query=watch&brands=verdier-geneve,aubertin-fils',
  'query=bag&brands=maison-aurelle&colors=black&sizes=medium',
  'query=gold&categories=fine-jewellery&priceRange=5000-10000',
  'query=villa&sort=price_desc',
  'query=delaunay%20cavaliere',
  'query=cashmere%20coat&sizes=fr%2038,fr%2040',
  'query=tourbillon',
  'query=eau%20de%20parfum&brands=maison-ambrette',
  'query=motor%20yacht',
  'query=loafers&colors=cognac',
  'query=dress&categories=women&priceRange=2500-5000',
];

export default defineScenario({
  name: 'search-products',
  description: 'GET /api/v1/products/search — full-text + typo correction + 5 disjunctive facets over 100,000 products',
  async setup({ databaseUrl }) {
    await assertBenchCatalog(databaseUrl);
  },
  requests: QUERIES.map((q) => ({ path: `/api/v1/products/search?${q}` })),
  expectStatus: 200,
  thresholds: [{ p95Ms: 30, p99Ms: 60, at: 4 }],
});
