import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { catalogCache } from './catalog-cache.ts';
import { addProduct, setupCatalog, type CatalogFixture } from '../../test/catalog.ts';

let app: TestApp;
let f: CatalogFixture;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await buildTestApp();
  f = await setupCatalog(app);
  const specs = [
    {
      key: 'flap',
      name: 'Classic Flap Bag',
      brand: 'chanel',
      category: 'bags',
      amount: 9800,
      variants: [
        { color: 'Black', size: 'Medium', stock: 2 },
        { color: 'Beige', size: 'Small', stock: 1 },
      ],
    },
    {
      key: 'boy',
      name: 'Boy Bag in Calfskin',
      brand: 'chanel',
      category: 'bags',
      amount: 5900,
      variants: [{ color: 'Red', size: 'Medium', stock: 1 }],
    },
    {
      key: 'kelly',
      name: 'Kelly 28 Bag',
      brand: 'hermes',
      category: 'bags',
      amount: 12500,
      variants: [{ color: 'Black', size: 'Small', stock: 1 }],
    },
    {
      key: 'love',
      name: 'Love Ring',
      brand: 'cartier',
      category: 'rings',
      amount: 2300,
      variants: [{ color: 'Gold', size: '52', stock: 4 }],
    },
    {
      key: 'santos',
      name: 'Santos Watch',
      brand: 'cartier',
      category: 'watches',
      amount: 7900,
      description: 'A steel watch with a square case and a leather strap.',
    },
    { key: 'revuelto', name: 'Revuelto Coupé', brand: 'lamborghini', category: 'automobiles', amount: 520000 },
    {
      key: 'vipbag',
      name: 'Secret Salon Bag',
      brand: 'chanel',
      category: 'bags',
      amount: 45000,
      visibility: 'VIP_ONLY' as const,
      variants: [{ color: 'Black', size: 'Medium', stock: 1 }],
    },
    {
      key: 'draftbag',
      name: 'Unreleased Atelier Bag',
      brand: 'chanel',
      category: 'bags',
      amount: 30000,
      visibility: 'DRAFT' as const,
      variants: [{ color: 'Black', size: 'Medium', stock: 1 }],
    },
    {
      key: 'gown',
      name: 'Tweed Evening Gown',
      brand: 'chanel',
      category: 'women',
      amount: 15000,
      variants: [{ color: 'Ivory', size: '38', stock: 1 }],
    },
  ];
  for (const s of specs) ids[s.key] = (await addProduct(app, f.admin, s)).productId;
}, 120_000);
afterAll(() => app.shutdown());

const search = async (qs: string, headers: Record<string, string> = {}) => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/products/search?${qs}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const names = (body: { products: { name: string }[] }) => body.products.map((p) => p.name).sort();

describe('full-text search', () => {
  it('ranks and stems: "bags" finds bags, name matches first', async () => {
    const body = await search('query=bags');
    expect(names(body)).toEqual(['Boy Bag in Calfskin', 'Classic Flap Bag', 'Kelly 28 Bag']);
    expect(body.total).toBe(3);
  });

  it('is accent-insensitive: "hermes" finds Hermès', async () => {
    expect(names(await search('query=hermes'))).toEqual(['Kelly 28 Bag']);
    expect(names(await search(`query=${encodeURIComponent('HERMÈS kelly')}`))).toEqual(['Kelly 28 Bag']);
  });

  it('tolerates typos from the catalog vocabulary: chanell, cartierr, lamborgini', async () => {
    const chanel = await search('query=chanell');
    expect(chanel.correctedQuery).toBe('chanel');
    expect(names(chanel)).toContain('Classic Flap Bag');
    expect(names(await search('query=cartierr'))).toEqual(['Love Ring', 'Santos Watch']);
    const lambo = await search('query=lamborgini');
    expect(names(lambo)).toEqual(['Revuelto Coupé']);
    expect(lambo.correctedQuery).toBe('lamborghini');
    expect((await search('query=chanel')).correctedQuery).toBeUndefined();
  });

  it('weights the name above the description', async () => {
    await addProduct(app, f.admin, { name: 'Leather Strap Watch', brand: 'hermes', category: 'watches', amount: 3000 });
    const body = await search('query=strap');
    expect(body.products[0].name).toBe('Leather Strap Watch');
    expect(names(body)).toContain('Santos Watch');
  });
});

describe('cached answers', () => {
  it('are dropped as soon as the catalog changes: a new, re-priced or hidden product shows at once', async () => {
    const before = await search('query=minaudiere');
    expect(before.total).toBe(0);
    const { productId } = await addProduct(app, f.admin, { name: 'Crystal Minaudiere', brand: 'hermes', category: 'bags', amount: 4000 });
    const after = await search('query=minaudiere');
    expect(after.total).toBe(1);
    expect(after.facets.priceRanges.map((p: { value: string }) => p.value)).toEqual(['2500-5000']);
    await app.inject({
      method: 'PUT',
      url: `/api/v1/products/${productId}`,
      headers: f.admin.auth,
      payload: { price: { amount: 6000, currency: 'EUR' } },
    });
    expect((await search('query=minaudiere')).facets.priceRanges.map((p: { value: string }) => p.value)).toEqual(['5000-10000']);
    await app.inject({
      method: 'PUT',
      url: `/api/v1/products/${productId}/visibility`,
      headers: f.admin.auth,
      payload: { visibility: 'VIP_ONLY' },
    });
    const hidden = await search('query=minaudiere');
    expect(hidden.total).toBe(0);
    expect(hidden.products).toEqual([]);
    expect((await search('query=minaudiere', f.vip.auth)).total).toBe(1);
  });

  it('are dropped when anyone else changes the catalog (NOTIFY from a trigger, here a direct SQL write)', async () => {
    expect(catalogCache(app.db).live).toBe(true);
    const first = (await app.inject({ method: 'GET', url: `/api/v1/products/${ids.love}` })).json().product;
    expect(first.name).toBe('Love Ring');
    expect(catalogCache(app.db).size).toBeGreaterThan(0);
    await app.db.execute(sql`update products set name = 'Love Ring, Pavé' where id = ${ids.love}`);
    let name = first.name;
    for (let i = 0; i < 50 && name === 'Love Ring'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      name = (await app.inject({ method: 'GET', url: `/api/v1/products/${ids.love}` })).json().product.name;
    }
    expect(name).toBe('Love Ring, Pavé');
    await app.db.execute(sql`update products set name = 'Love Ring' where id = ${ids.love}`);
  });
});

describe('disjunctive facets', () => {
  it('counts each facet with every filter except its own', async () => {
    const all = await search('query=bag');
    const brand = (b: { facets: { brands: { value: string; count: number }[] } }, v: string) =>
      b.facets.brands.find((x) => x.value === v)?.count;
    expect(brand(all, 'chanel')).toBe(2);
    expect(brand(all, 'hermes')).toBe(1);
    // Filter by Chanel: results narrow, but the brand facet still shows Hermès (its own filter is not applied to it).
    const chanel = await search('query=bag&brands=chanel');
    expect(chanel.total).toBe(2);
    expect(brand(chanel, 'hermes')).toBe(1);
    expect(chanel.facets.brands.find((b: { value: string }) => b.value === 'chanel').selected).toBe(true);
    // …while colours are counted within Chanel only.
    const colors = Object.fromEntries(chanel.facets.colors.map((c: { value: string; count: number }) => [c.value, c.count]));
    expect(colors).toEqual({ black: 1, beige: 1, red: 1 });
    // Colour filter: brand counts shrink to black bags, the colour facet keeps every colour.
    const black = await search('query=bag&colors=black');
    expect(brand(black, 'chanel')).toBe(1);
    expect(brand(black, 'hermes')).toBe(1);
    expect(black.facets.colors.map((c: { value: string }) => c.value).sort()).toEqual(['beige', 'black', 'red']);
    // Both filters at once, repeated-parameter form.
    const both = await search('query=bag&brands=chanel&brands=hermes&colors=black,red&sizes=medium');
    expect(names(both)).toEqual(['Boy Bag in Calfskin', 'Classic Flap Bag']);
  });

  it('buckets prices and filters by a price range; categories include descendants', async () => {
    const all = await search('query=cartier');
    expect(all.facets.priceRanges.map((p: { value: string; count: number }) => [p.value, p.count])).toEqual([
      ['1000-2500', 1],
      ['5000-10000', 1],
    ]);
    expect(all.facets.priceRanges[0].label).toBe('€1,000 – €2,500');
    const ring = await search('query=cartier&priceRange=1000-2500');
    expect(names(ring)).toEqual(['Love Ring']);
    expect(ring.facets.priceRanges).toHaveLength(2);
    const jewellery = await search('query=cartier&categories=fine-jewellery');
    expect(names(jewellery)).toEqual(['Love Ring']);
    const cats = Object.fromEntries(all.facets.categories.map((c: { value: string; count: number }) => [c.value, c.count]));
    expect(cats).toEqual({ 'fine-jewellery': 1, rings: 1, watches: 1 });
  });

  it('browses without a query: a department page with facets, newest first, hidden pieces excluded', async () => {
    const body = await search('categories=bags');
    expect(body.products.length).toBeGreaterThanOrEqual(3);
    expect(body.products.every((p: { category: string }) => p.category === 'bags')).toBe(true);
    expect(names(body)).not.toContain('Secret Salon Bag');
    const dates = body.products.map((p: { createdAt: string }) => p.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(body.facets.brands.find((b: { value: string }) => b.value === 'hermes').count).toBeGreaterThan(0);
    // The category facet still counts other departments (disjunctive).
    expect(body.facets.categories.map((c: { value: string }) => c.value)).toContain('watches');
    const page1 = await search('categories=bags&maxResults=2');
    const page2 = await search(`categories=bags&maxResults=2&nextToken=${page1.nextToken}`);
    expect(page2.products.length).toBeGreaterThan(0);
    expect(page2.products[0].productId).not.toBe(page1.products[1].productId);
  });

  it('paginates with a cursor and no overlap', async () => {
    const first = await search('query=bag&maxResults=2');
    expect(first.products).toHaveLength(2);
    expect(first.nextToken).toBeTruthy();
    const second = await search(`query=bag&maxResults=2&nextToken=${first.nextToken}`);
    expect(second.products).toHaveLength(1);
    expect(second.nextToken).toBeUndefined();
    const seen = [...first.products, ...second.products].map((p: { productId: string }) => p.productId);
    expect(new Set(seen).size).toBe(3);
  });
});

describe('visibility is security', () => {
  const hidden = () => [ids.vipbag!, ids.draftbag!];
  const crafted = [
    'query=bag',
    'query=secret%20salon',
    'query=unreleased%20atelier',
    'query=bag&maxResults=100',
    'query=bag&sort=price_desc',
    'query=bag&brands=chanel&colors=black&sizes=medium',
    'query=bag&priceRange=25000-100000',
    "query=bag'%20or%20visibility%3D'VIP_ONLY",
    'query=bag&visibility=VIP_ONLY',
    'query=bag&categories=bags,rings&brands=chanel',
  ];

  it('never returns or counts VIP-only or draft products for anonymous callers, standard clients, stylists, other partners', async () => {
    for (const headers of [{}, f.client.auth, f.otherPartner.auth]) {
      for (const qs of crafted) {
        const res = await app.inject({ method: 'GET', url: `/api/v1/products/search?${qs}`, headers });
        if (res.statusCode === 400) continue; // unknown parameters are refused outright
        expect(res.statusCode, `${qs}: ${res.body}`).toBe(200);
        const body = res.json();
        for (const id of hidden()) expect(body.products.map((p: { productId: string }) => p.productId)).not.toContain(id);
        expect(JSON.stringify(body.facets)).not.toMatch(/25000-100000/);
        expect(body.facets.colors.find((c: { value: string }) => c.value === 'black')?.count ?? 0).toBeLessThanOrEqual(2);
      }
      for (const url of [
        '/api/v1/products?maxResults=100',
        '/api/v1/products?brand=chanel&sort=price_desc',
        '/api/v1/products?category=bags&minPrice=20000',
        '/api/v1/products/suggest?q=secret',
        '/api/v1/products/suggest?q=unrel',
      ]) {
        const res = await app.inject({ method: 'GET', url, headers });
        expect(res.statusCode, res.body).toBe(200);
        for (const id of hidden()) expect(res.body).not.toContain(id);
      }
      for (const id of hidden()) {
        expect((await app.inject({ method: 'GET', url: `/api/v1/products/${id}`, headers })).statusCode).toBe(404);
      }
      expect((await app.inject({ method: 'GET', url: '/api/v1/products/by-slug/chanel-secret-salon-bag', headers })).statusCode).toBe(404);
    }
    const visibilityParam = await app.inject({ method: 'GET', url: '/api/v1/products?visibility=VIP_ONLY' });
    expect(visibilityParam.statusCode).toBe(400);
  });

  it('shows VIP-only products to VIP clients, never drafts; drafts only to the brand and admins', async () => {
    const vip = await search('query=bag', f.vip.auth);
    expect(names(vip)).toContain('Secret Salon Bag');
    expect(names(vip)).not.toContain('Unreleased Atelier Bag');
    expect((await app.inject({ method: 'GET', url: `/api/v1/products/${ids.vipbag}`, headers: f.vip.auth })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/v1/products/${ids.draftbag}`, headers: f.vip.auth })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/v1/products/${ids.draftbag}`, headers: f.partner.auth })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/v1/products/${ids.draftbag}`, headers: f.admin.auth })).statusCode).toBe(200);
    const admin = await app.inject({ method: 'GET', url: '/api/v1/admin/products?visibility=DRAFT', headers: f.partner.auth });
    expect(admin.json().products.map((p: { productId: string }) => p.productId)).toContain(ids.draftbag);
    const other = await app.inject({ method: 'GET', url: '/api/v1/admin/products', headers: f.otherPartner.auth });
    expect(other.json().products.every((p: { brand: string }) => p.brand === 'cartier')).toBe(true);
  });
});

describe('suggest', () => {
  it('suggests brands (typo-tolerant), categories and products by prefix', async () => {
    const body = (await app.inject({ method: 'GET', url: '/api/v1/products/suggest?q=chan' })).json();
    expect(body.brands.map((b: { slug: string }) => b.slug)).toEqual(['chanel']);
    expect(body.products.length).toBeGreaterThan(0);
    const typo = (await app.inject({ method: 'GET', url: '/api/v1/products/suggest?q=cartierr' })).json();
    expect(typo.brands.map((b: { slug: string }) => b.slug)).toEqual(['cartier']);
    const cat = (await app.inject({ method: 'GET', url: '/api/v1/products/suggest?q=watc' })).json();
    expect(cat.categories.map((c: { slug: string }) => c.slug)).toEqual(['watches']);
    expect(cat.products.map((p: { name: string }) => p.name)).toContain('Santos Watch');
  });
});

describe('ListProducts', () => {
  it('pages newest first, stable under inserts, and filters category with descendants and price', async () => {
    const first = (await app.inject({ method: 'GET', url: '/api/v1/products?maxResults=3' })).json();
    expect(first.products).toHaveLength(3);
    await addProduct(app, f.admin, { name: 'Brand New Arrival Bag', brand: 'hermes', category: 'bags' });
    const seen = new Set(first.products.map((p: { productId: string }) => p.productId));
    let token = first.nextToken;
    while (token) {
      const page = (await app.inject({ method: 'GET', url: `/api/v1/products?maxResults=3&nextToken=${token}` })).json();
      for (const p of page.products) {
        expect(seen.has(p.productId)).toBe(false);
        seen.add(p.productId);
      }
      token = page.nextToken;
    }
    const visible = (await app.inject({ method: 'GET', url: '/api/v1/products?maxResults=100' })).json().products.length;
    expect(seen.size).toBe(visible - 1); // every product once, except the one inserted in front of the cursor
    const jewellery = (await app.inject({ method: 'GET', url: '/api/v1/products?category=fine-jewellery' })).json();
    expect(jewellery.products.map((p: { name: string }) => p.name)).toEqual(['Love Ring']);
    const cheap = (await app.inject({ method: 'GET', url: '/api/v1/products?maxPrice=3000&sort=price_asc' })).json();
    expect(cheap.products.map((p: { price: { amount: number } }) => p.price.amount)).toEqual(
      [...cheap.products.map((p: { price: { amount: number } }) => p.price.amount)].sort((a, b) => a - b),
    );
    expect(cheap.products.every((p: { price: { amount: number } }) => p.price.amount <= 3000)).toBe(true);
    const pricey = (await app.inject({ method: 'GET', url: '/api/v1/products?sort=price_desc&maxResults=1' })).json();
    expect(pricey.products[0].name).toBe('Revuelto Coupé');
    const next = (
      await app.inject({ method: 'GET', url: `/api/v1/products?sort=price_desc&maxResults=1&nextToken=${pricey.nextToken}` })
    ).json();
    expect(next.products[0].price.amount).toBeLessThan(520000);
  });
});
