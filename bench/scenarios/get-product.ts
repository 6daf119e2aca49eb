import { defineScenario, type RequestSpec } from '../scenario.ts';
import { assertBenchCatalog } from '../lib/catalog-bench.ts';

// GetProduct on the 100,000-piece catalog: one statement (product, brand, category breadcrumbs, variants), the
// visibility check, and the full Product with image srcsets. 200 different products, cycled.
export default defineScenario({
  name: 'get-product',
  description: 'GET /api/v1/products/{id} — one product of 100,000 with variants, breadcrumbs and srcsets',
  async setup({ baseUrl, databaseUrl }) {
    await assertBenchCatalog(databaseUrl);
    const requests: RequestSpec[] = [];
    for (const sort of ['newest', 'price_asc']) {
      const res = await fetch(`${baseUrl}/api/v1/products?maxResults=100&sort=${sort}`);
      const body = (await res.json()) as { products: { productId: string }[] };
      for (const p of body.products) requests.push({ path: `/api/v1/products/${p.productId}` });
    }
    if (requests.length < 100) throw new Error(`expected products to read, got ${requests.length}`);
    return { requests };
  },
  requests: [],
  expectStatus: 200,
  thresholds: [{ minRatio: 0.5 }],
});
