import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { runSeeders } from '../../seed/runner.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { accountOf } from '../../test/identity.ts';
import { collectionsSeeder, DEMO_PRODUCTS, productsSeeder, taxonomySeeder } from './seed.ts';
import { CATEGORIES } from './seed-data.ts';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
  await runSeeders(app.db, { seed: 2026, seeders: [taxonomySeeder, productsSeeder, collectionsSeeder], log: () => {} });
}, 180_000);
afterAll(() => app.shutdown());

// On the embedded database (PGlite runs on the main thread), a search must never stall the process: typo searches on
// the seeded demo catalog answer quickly, uncached. First in this file, so nothing before them warmed anything.
// (Was pglite-demo.test.ts, which seeded the same catalogue a second time.)
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

describe('demo catalog', () => {
  it('has 30 brands, the category tree, every house’s offers in every category, some VIP-only, drafts and showcase pieces', async () => {
    const [counts] = await queryRows<Record<string, number>>(
      app.db,
      sql`select (select count(*)::int from brands) as brands, (select count(*)::int from categories) as categories, (select count(*)::int from products) as products,
        (select count(*)::int from products where visibility = 'VIP_ONLY') as vip, (select count(*)::int from products where visibility = 'DRAFT') as drafts,
        (select count(*)::int from products where purchase_mode = 'INQUIRE' and jsonb_array_length(specifications) > 0) as showcase,
        (select count(*)::int from collections) as collections,
        (select count(*)::int from products p where inventory <> (select coalesce(sum(stock), 0) from product_variants v where v.product_id = p.id)) as bad_inventory`,
    );
    expect(counts).toMatchObject({ brands: 30, categories: CATEGORIES.length, products: DEMO_PRODUCTS, collections: 6, bad_inventory: 0 });
    expect(counts!.vip).toBeGreaterThan(20);
    expect(counts!.drafts).toBeGreaterThan(5);
    expect(counts!.showcase).toBeGreaterThan(20);
    const empty = await queryRows<{ slug: string }>(
      app.db,
      sql`select c.slug from categories c where not exists (select 1 from products p where p.category_ids @> array[c.id])`,
    );
    expect(empty).toEqual([]);
  });

  it('is searchable with typos right after seeding, and VIP collections are locked for non-VIP', async () => {
    for (const [q, brand] of [
      ['aurellle', 'maison-aurelle'],
      ['vendrell', 'maison-vendrel'],
      ['vescovvi', 'vescovi'],
    ]) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/products/search?query=${q}` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().products.length, q).toBeGreaterThan(0);
      expect(res.json().products.every((p: { brand: string }) => p.brand === brand)).toBe(true);
    }
    const list = (await app.inject({ method: 'GET', url: '/api/v1/collections' })).json().collections;
    expect(list).toHaveLength(6);
    expect(list.find((c: { slug: string }) => c.slug === 'the-private-salon')).toMatchObject({ locked: true, productCount: 0 });
    const locked = (await app.inject({ method: 'GET', url: '/api/v1/collections/the-private-salon' })).json();
    expect(locked.products).toEqual([]);
    const vip = await accountOf(app, 'CLIENT', { vip: true });
    const open = (await app.inject({ method: 'GET', url: '/api/v1/collections/the-private-salon', headers: vip.auth })).json();
    expect(open.collection.locked).toBe(false);
    expect(open.products.length).toBeGreaterThan(0);
    const cannes = (await app.inject({ method: 'GET', url: '/api/v1/collections/the-cannes-edit?maxResults=5' })).json();
    expect(cannes.products).toHaveLength(5);
    const more = (
      await app.inject({ method: 'GET', url: `/api/v1/collections/the-cannes-edit?maxResults=5&nextToken=${cannes.nextToken}` })
    ).json();
    expect(more.products[0].productId).not.toBe(cannes.products[0].productId);
  });

  it('derives each piece from (seed, index) alone, so a re-run chunk writes the same rows', async () => {
    const { productSeed } = await import('./seed-data.ts');
    expect(productSeed(2026, 7)).toEqual(productSeed(2026, 7));
    expect(productSeed(2027, 7)).not.toEqual(productSeed(2026, 7));
    const [dupes] = await queryRows<{ n: number }>(
      app.db,
      sql`select count(*)::int as n from (select slug from products group by slug having count(*) > 1) d`,
    );
    expect(dupes!.n).toBe(0);
    const [names] = await queryRows<{ n: number }>(
      app.db,
      sql`select count(*)::int as n from (select name from products group by name having count(*) > 1) d`,
    );
    expect(names!.n).toBe(0);
    // No piece (a yacht, say) twice in one collection, not even under two listings.
    const [twice] = await queryRows<{ n: number }>(
      app.db,
      sql`select count(*)::int as n from (select cp.collection_id, p.name from collection_products cp join products p on p.id = cp.product_id group by 1, 2 having count(*) > 1) d`,
    );
    expect(twice!.n).toBe(0);
  });
});
