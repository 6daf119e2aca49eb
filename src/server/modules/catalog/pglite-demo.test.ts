import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeeders } from '../../seed/runner.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { collectionsSeeder, productsSeeder, taxonomySeeder } from './seed.ts';

// On the embedded database (PGlite runs on the main thread), a search must never stall the process: typo searches on
// the seeded demo catalog answer quickly, uncached.
let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
  await runSeeders(app.db, { seed: 2026, seeders: [taxonomySeeder, productsSeeder, collectionsSeeder], log: () => {} });
}, 180_000);
afterAll(() => app.shutdown());

describe('search on the demo catalog', () => {
  for (const query of ['aurellle', 'vendrell', 'vescovvi', 'aurelle bag', 'bag', 'delaunay cavaliere', 'gold ring']) {
    it(`answers "${query}" in well under 2 s`, async () => {
      const started = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/v1/products/search?query=${encodeURIComponent(query)}` });
      const ms = performance.now() - started;
      expect(res.statusCode, res.body).toBe(200);
      console.log(query, Math.round(ms), 'ms', res.json().total);
      expect(ms).toBeLessThan(2000);
    });
  }
});
