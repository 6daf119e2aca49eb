import { defineScenario } from '../scenario.ts';
import { assertBenchCatalog } from '../lib/catalog-bench.ts';

// As-you-type suggestions over the 100,000-piece catalog: the prefixes a shopper types, letter by letter.
const PREFIXES = [
  'au',
  'aur',
  'aure',
  'aurelle',
  'aurelle fl',
  've',
  'ven',
  'vendrel co',
  'ves',
  'vesco',
  'mo',
  'mon',
  'montf',
  'wat',
  'watch',
  'bag',
  'cav',
  'cavaliere',
  'vil',
  'jet',
];

export default defineScenario({
  name: 'suggest',
  description: 'GET /api/v1/products/suggest?q= — products, brands and categories as you type',
  async setup({ databaseUrl }) {
    await assertBenchCatalog(databaseUrl);
  },
  requests: PREFIXES.map((q) => ({ path: `/api/v1/products/suggest?q=${encodeURIComponent(q)}` })),
  expectStatus: 200,
  thresholds: [{ p95Ms: 10, at: 4 }],
});
