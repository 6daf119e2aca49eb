import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { addProduct, setupCatalog, type CatalogFixture } from '../../test/catalog.ts';

let app: TestApp;
let f: CatalogFixture;
beforeAll(async () => {
  app = await buildTestApp();
  f = await setupCatalog(app);
}, 120_000);
afterAll(() => app.shutdown());

describe('CreateProduct / GetProduct', () => {
  it('creates a product with variants; inventory is their sum, money is exact, slug unique', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: f.admin.auth,
      payload: {
        name: 'Classic Flap Bag',
        description: 'Quilted lambskin with the interlocking clasp.',
        price: { amount: 10150.5, currency: 'EUR' },
        brand: 'chanel',
        category: 'bags',
        visibility: 'PUBLIC',
        attributes: { color: 'Black', material: 'Lambskin' },
        variants: [
          { color: 'Black', size: 'Medium', stock: 2 },
          { color: 'Beige', size: 'Small', stock: 5 },
        ],
        images: [{ url: '/media/generated/product/classic-flap-bag-640.jpg', alt: 'The bag' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { product, productId } = res.json();
    expect(product).toMatchObject({
      productId,
      slug: 'chanel-classic-flap-bag',
      price: { amount: 10150.5, currency: 'EUR' },
      brand: 'chanel',
      brandName: 'Chanel',
      category: 'bags',
      inventory: 7,
      colors: ['black', 'beige'],
      visibility: 'PUBLIC',
    });
    expect(product.variants).toHaveLength(2);
    expect(product.images[0].srcset.avif).toContain('/media/generated/product/classic-flap-bag-320.avif 320w');
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: f.admin.auth,
      payload: { name: 'Classic Flap Bag', description: 'x', price: { amount: 1, currency: 'EUR' }, brand: 'chanel', category: 'bags' },
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().product.slug).toBe('chanel-classic-flap-bag-2');
    const bySlug = await app.inject({ method: 'GET', url: '/api/v1/products/by-slug/chanel-classic-flap-bag' });
    expect(bySlug.statusCode).toBe(200);
    expect(bySlug.json().product.productId).toBe(productId);
    const byId = await app.inject({ method: 'GET', url: `/api/v1/products/${productId}` });
    expect(byId.json().product.inventory).toBe(7);
  });

  it('lets a partner write only their own brand', async () => {
    const own = await app.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: f.partner.auth,
      payload: {
        name: 'Coco Necklace',
        description: 'Pearls.',
        price: { amount: 4200, currency: 'EUR' },
        brand: 'chanel',
        category: 'fine-jewellery',
      },
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().product.visibility).toBe('DRAFT');
    const foreign = await app.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: f.partner.auth,
      payload: { name: 'Love Ring', description: 'Gold.', price: { amount: 4200, currency: 'EUR' }, brand: 'cartier', category: 'rings' },
    });
    expect(foreign.statusCode).toBe(403);
    const id = own.json().productId;
    // The other brand's partner can neither see the draft nor change it.
    expect((await app.inject({ method: 'GET', url: `/api/v1/products/${id}`, headers: f.otherPartner.auth })).statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'PUT', url: `/api/v1/products/${id}`, headers: f.otherPartner.auth, payload: { name: 'Mine now' } }))
        .statusCode,
    ).toBe(404);
    // Moving a product to another brand needs that brand too.
    expect(
      (await app.inject({ method: 'PUT', url: `/api/v1/products/${id}`, headers: f.partner.auth, payload: { brand: 'cartier' } }))
        .statusCode,
    ).toBe(403);
    const upd = await app.inject({
      method: 'PUT',
      url: `/api/v1/products/${id}`,
      headers: f.partner.auth,
      payload: { name: 'Coco Pearl Necklace', visibility: 'PUBLIC', inventory: 4 },
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json().product).toMatchObject({ name: 'Coco Pearl Necklace', visibility: 'PUBLIC', inventory: 4 });
    const variantId = upd.json().product.variants[0].variantId;
    const stock = await app.inject({
      method: 'PUT',
      url: `/api/v1/products/${id}/variants/${variantId}/stock`,
      headers: f.partner.auth,
      payload: { stock: 9 },
    });
    expect(stock.statusCode, stock.body).toBe(200);
    expect(stock.json().product.inventory).toBe(9);
    const other = await app.inject({ method: 'DELETE', url: `/api/v1/products/${id}`, headers: f.otherPartner.auth });
    expect(other.statusCode).toBe(403);
    const del = await app.inject({ method: 'DELETE', url: `/api/v1/products/${id}`, headers: f.partner.auth });
    expect(del.json()).toEqual({ success: true });
    expect((await app.inject({ method: 'GET', url: `/api/v1/products/${id}` })).statusCode).toBe(404);
  });

  it('keeps inventory the sum of the variants under concurrent stock changes', async () => {
    const { productId } = await addProduct(app, f.admin, {
      name: 'Ballerina Flats',
      brand: 'chanel',
      category: 'bags',
      variants: [
        { size: '37', stock: 1 },
        { size: '38', stock: 1 },
        { size: '39', stock: 1 },
      ],
    });
    const product = (await app.inject({ method: 'GET', url: `/api/v1/products/${productId}` })).json().product;
    await Promise.all(
      product.variants.flatMap((v: { variantId: string }, i: number) =>
        [5, 10 + i].map((stock) =>
          app.inject({
            method: 'PUT',
            url: `/api/v1/products/${productId}/variants/${v.variantId}/stock`,
            headers: f.admin.auth,
            payload: { stock },
          }),
        ),
      ),
    );
    const after = (await app.inject({ method: 'GET', url: `/api/v1/products/${productId}` })).json().product;
    expect(after.inventory).toBe(after.variants.reduce((n: number, v: { stock: number }) => n + v.stock, 0));
  });
});

describe('bad input answers 400 with fieldErrors, never 500', () => {
  const base = { name: 'Test Piece', description: 'A piece.', brand: 'chanel', category: 'bags' };
  const cases: [string, Record<string, unknown>, string][] = [
    ['negative price', { ...base, price: { amount: -5, currency: 'EUR' } }, 'body.price.amount'],
    ['absurd price', { ...base, price: { amount: 1e20, currency: 'EUR' } }, 'body.price.amount'],
    ['fractional cents', { ...base, price: { amount: 10.005, currency: 'EUR' } }, 'body.price.amount'],
    ['yen with decimals', { ...base, price: { amount: 10.5, currency: 'JPY' } }, 'body.price.amount'],
    ['unknown currency', { ...base, price: { amount: 10, currency: 'XXX' } }, 'body.price.currency'],
    ['NaN-ish amount', { ...base, price: { amount: 'ten', currency: 'EUR' } }, 'body.price.amount'],
    ['negative stock', { ...base, price: { amount: 10, currency: 'EUR' }, inventory: -1 }, 'body.inventory'],
    [
      'image from the internet',
      { ...base, price: { amount: 10, currency: 'EUR' }, images: [{ url: 'http://169.254.169.254/latest/meta-data' }] },
      'body.images.0',
    ],
    ['unknown brand', { ...base, brand: 'nobody', price: { amount: 10, currency: 'EUR' } }, 'body.brand'],
    ['unknown category', { ...base, category: 'nowhere', price: { amount: 10, currency: 'EUR' } }, 'body.category'],
    [
      'variants disagree with inventory',
      { ...base, price: { amount: 10, currency: 'EUR' }, inventory: 3, variants: [{ stock: 1 }] },
      'body.inventory',
    ],
  ];
  for (const [label, payload, field] of cases) {
    it(label, async () => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/products', headers: f.admin.auth, payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('ValidationException');
      expect(Object.keys(res.json().fieldErrors ?? {})).toContain(field);
    });
  }

  it('refuses a slug already taken', async () => {
    await addProduct(app, f.admin, { name: 'Slug Holder', brand: 'chanel', category: 'bags' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: f.admin.auth,
      payload: { ...base, slug: 'chanel-slug-holder', price: { amount: 10, currency: 'EUR' } },
    });
    expect(res.statusCode).toBe(409);
  });

  const queries: [string, string][] = [
    ['maxResults 10^9', '/api/v1/products?maxResults=1000000000'],
    ['maxResults 0', '/api/v1/products?maxResults=0'],
    ['maxResults text', '/api/v1/products?maxResults=lots'],
    ['malformed nextToken', '/api/v1/products?nextToken=%27%3B%20drop%20table%20products'],
    [
      'nextToken of base64 garbage',
      `/api/v1/products?nextToken=${Buffer.from('{"s":"newest","k":"2026-02-31T00:00:00.000000Z","i":"0195f3a2-7c1d-7b8e-9a4f-2d3c4b5a6e7f"}').toString('base64url')}`,
    ],
    [
      'nextToken of another sort',
      `/api/v1/products?sort=price_asc&nextToken=${Buffer.from('{"s":"newest","k":"2026-01-31T00:00:00.000000Z","i":"0195f3a2-7c1d-7b8e-9a4f-2d3c4b5a6e7f"}').toString('base64url')}`,
    ],
    ['negative minPrice', '/api/v1/products?minPrice=-10'],
    ['minPrice above maxPrice', '/api/v1/products?minPrice=100&maxPrice=10'],
    ['unknown currency filter', '/api/v1/products?minPrice=10&currency=ABC'],
    ['search SQL injection', `/api/v1/products/search?query=${encodeURIComponent("'; drop table products; --")}`],
    ['search regex meta', `/api/v1/products/search?query=${encodeURIComponent('.*(bag|shoe)+$')}`],
    ['search LIKE wildcards', `/api/v1/products/search?query=${encodeURIComponent('%_%')}`],
    ['search tsquery operators', `/api/v1/products/search?query=${encodeURIComponent('bag & !shoe | <-> :*')}`],
    ['search empty', '/api/v1/products/search?query=%20%20'],
    ['search only punctuation', `/api/v1/products/search?query=${encodeURIComponent("'&-")}`],
    ['search maxResults huge', '/api/v1/products/search?query=bag&maxResults=1000000000'],
    ['search bad priceRange', '/api/v1/products/search?query=bag&priceRange=5000-100'],
    ['search priceRange injection', `/api/v1/products/search?query=bag&priceRange=${encodeURIComponent('1-2;select')}`],
    ['search brand injection', `/api/v1/products/search?query=bag&brands=${encodeURIComponent("chanel') or 1=1 --")}`],
    ['search nextToken garbage', '/api/v1/products/search?query=bag&nextToken=abc'],
    ['suggest injection', `/api/v1/products/suggest?q=${encodeURIComponent("x' or '1'='1")}`.replace("'", '%27')],
  ];
  for (const [label, url] of queries) {
    it(label, async () => {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('ValidationException');
      expect(res.json().fieldErrors, res.body).toBeDefined();
    });
  }
});
