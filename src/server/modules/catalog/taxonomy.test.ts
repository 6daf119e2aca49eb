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

describe('brands', () => {
  it('are created, renamed (search follows the new name) and deleted only when empty; slugs and names unique', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/brands',
      headers: f.admin.auth,
      payload: { name: 'Maison Azur', country: 'MC', foundedYear: 1998 },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ slug: 'maison-azur', name: 'Maison Azur', isPartner: false });
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/brands', headers: f.admin.auth, payload: { name: 'maison azur' } })).statusCode,
    ).toBe(409);
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/brands', headers: f.admin.auth, payload: { name: 'X', country: 'France' } }))
        .statusCode,
    ).toBe(400);
    const { brandId } = created.json();
    await addProduct(app, f.admin, { name: 'Cap Ferrat Villa', brand: 'maison-azur', category: 'bags' });
    expect((await app.inject({ method: 'GET', url: '/api/v1/brands/maison-azur' })).json().productCount).toBe(1);
    const renamed = await app.inject({
      method: 'PUT',
      url: `/api/v1/brands/${brandId}`,
      headers: f.admin.auth,
      payload: { name: 'Azur Estates' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const found = (await app.inject({ method: 'GET', url: '/api/v1/products/search?query=azur%20estates' })).json();
    expect(found.products.map((p: { brandName: string }) => p.brandName)).toEqual(['Azur Estates']);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/brands/${brandId}`, headers: f.admin.auth })).statusCode).toBe(409);
    const list = (await app.inject({ method: 'GET', url: '/api/v1/brands?withCounts=true' })).json().brands;
    expect(list.find((b: { slug: string }) => b.slug === 'chanel')).toMatchObject({ name: 'Chanel', productCount: 0 });
    expect((await app.inject({ method: 'GET', url: '/api/v1/brands' })).json().brands[0].productCount).toBeUndefined();
  });

  it('partner links: only brand-partner accounts, one brand each; /me/brand answers for the partner', async () => {
    const me = await app.inject({ method: 'GET', url: '/api/v1/me/brand', headers: f.partner.auth });
    expect(me.json().brand.slug).toBe('chanel');
    const notPartner = await app.inject({
      method: 'PUT',
      url: `/api/v1/admin/brand-partners/${f.client.userId}`,
      headers: f.admin.auth,
      payload: { brandId: f.brands.chanel },
    });
    expect(notPartner.statusCode).toBe(400);
    const move = await app.inject({
      method: 'PUT',
      url: `/api/v1/admin/brand-partners/${f.partner.userId}`,
      headers: f.admin.auth,
      payload: { brandId: f.brands.hermes },
    });
    expect(move.json().brand.slug).toBe('hermes');
    // Now the partner writes Hermès, not Chanel.
    const chanel = await app.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: f.partner.auth,
      payload: { name: 'Bag', description: 'x', price: { amount: 10, currency: 'EUR' }, brand: 'chanel', category: 'bags' },
    });
    expect(chanel.statusCode).toBe(403);
    const unlink = await app.inject({ method: 'DELETE', url: `/api/v1/admin/brand-partners/${f.partner.userId}`, headers: f.admin.auth });
    expect(unlink.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me/brand', headers: f.partner.auth })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/products', headers: f.partner.auth })).json().products).toEqual([]);
    await app.inject({
      method: 'PUT',
      url: `/api/v1/admin/brand-partners/${f.partner.userId}`,
      headers: f.admin.auth,
      payload: { brandId: f.brands.chanel },
    });
  });
});

describe('categories', () => {
  it('form a tree with breadcrumbs and counts including descendants; refuse loops, and deleting non-empty ones', async () => {
    await addProduct(app, f.admin, { name: 'Solitaire Ring', brand: 'cartier', category: 'rings' });
    const tree = (await app.inject({ method: 'GET', url: '/api/v1/categories?withCounts=true' })).json().categories;
    const jewellery = tree.find((c: { slug: string }) => c.slug === 'fine-jewellery');
    expect(jewellery).toMatchObject({ productCount: 1, children: [{ slug: 'rings', parent: 'fine-jewellery', productCount: 1 }] });
    const rings = (await app.inject({ method: 'GET', url: '/api/v1/categories/rings' })).json();
    expect(rings.breadcrumbs.map((b: { slug: string }) => b.slug)).toEqual(['fine-jewellery', 'rings']);
    expect((await app.inject({ method: 'GET', url: '/api/v1/categories/nowhere' })).statusCode).toBe(404);
    const loop = await app.inject({
      method: 'PUT',
      url: `/api/v1/categories/${jewellery.categoryId}`,
      headers: f.admin.auth,
      payload: { parent: 'rings' },
    });
    expect(loop.statusCode).toBe(400);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/v1/categories/${jewellery.categoryId}`, headers: f.admin.auth })).statusCode,
    ).toBe(409);
    const renamed = await app.inject({
      method: 'PUT',
      url: `/api/v1/categories/${jewellery.categoryId}`,
      headers: f.admin.auth,
      payload: { name: 'High Jewellery', slug: 'high-jewellery' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const after = (await app.inject({ method: 'GET', url: '/api/v1/categories/rings' })).json();
    expect(after.breadcrumbs.map((b: { slug: string }) => b.slug)).toEqual(['high-jewellery', 'rings']);
    const list = (await app.inject({ method: 'GET', url: '/api/v1/products?category=high-jewellery' })).json();
    expect(list.products.map((p: { name: string }) => p.name)).toEqual(['Solitaire Ring']);
    const child = await app.inject({
      method: 'POST',
      url: '/api/v1/categories',
      headers: f.admin.auth,
      payload: { name: 'Necklaces', parent: 'high-jewellery' },
    });
    expect(child.statusCode).toBe(201);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/v1/categories/${child.json().categoryId}`, headers: f.admin.auth })).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/categories', headers: f.admin.auth, payload: { name: 'Rings' } })).statusCode,
    ).toBe(409);
  });
});

describe('collections', () => {
  it('are curated in order; VIP-only ones are listed locked for non-VIP callers; drafts only for admins', async () => {
    const a = (await addProduct(app, f.admin, { name: 'Cannes Gown', brand: 'chanel', category: 'women' })).productId;
    const b = (await addProduct(app, f.admin, { name: 'Cannes Clutch', brand: 'chanel', category: 'bags' })).productId;
    const v = (await addProduct(app, f.admin, { name: 'Salon Necklace', brand: 'cartier', category: 'rings', visibility: 'VIP_ONLY' }))
      .productId;
    const edit = await app.inject({
      method: 'POST',
      url: '/api/v1/collections',
      headers: f.admin.auth,
      payload: {
        name: 'The Cannes Edit',
        tagline: 'For the Croisette',
        visibility: 'PUBLIC',
        hero: { url: '/media/generated/editorial/cannes-1280.jpg', alt: 'Cannes' },
      },
    });
    expect(edit.statusCode, edit.body).toBe(201);
    expect(edit.json().hero.srcset.webp).toContain('/media/generated/editorial/cannes-320.webp');
    const salon = await app.inject({
      method: 'POST',
      url: '/api/v1/collections',
      headers: f.admin.auth,
      payload: { name: 'The Private Salon', visibility: 'VIP_ONLY' },
    });
    const draft = await app.inject({ method: 'POST', url: '/api/v1/collections', headers: f.admin.auth, payload: { name: 'Next Season' } });
    await app.inject({
      method: 'PUT',
      url: `/api/v1/collections/${edit.json().collectionId}/products`,
      headers: f.admin.auth,
      payload: { productIds: [b, a, v] },
    });
    await app.inject({
      method: 'PUT',
      url: `/api/v1/collections/${salon.json().collectionId}/products`,
      headers: f.admin.auth,
      payload: { productIds: [v] },
    });
    const bad = await app.inject({
      method: 'PUT',
      url: `/api/v1/collections/${salon.json().collectionId}/products`,
      headers: f.admin.auth,
      payload: { productIds: ['0195f3a2-7c1d-7b8e-9a4f-2d3c4b5a6e7f'] },
    });
    expect(bad.statusCode).toBe(400);

    const publicList = (await app.inject({ method: 'GET', url: '/api/v1/collections' })).json().collections;
    expect(publicList.map((c: { slug: string; locked: boolean }) => [c.slug, c.locked])).toEqual([
      ['the-cannes-edit', false],
      ['the-private-salon', true],
    ]);
    const cannes = (await app.inject({ method: 'GET', url: '/api/v1/collections/the-cannes-edit' })).json();
    expect(cannes.products.map((p: { name: string }) => p.name)).toEqual(['Cannes Clutch', 'Cannes Gown']); // the VIP piece is not shown
    expect(cannes.collection.productCount).toBe(2);
    expect((await app.inject({ method: 'GET', url: '/api/v1/collections/the-private-salon' })).json()).toMatchObject({
      collection: { locked: true },
      products: [],
    });
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/collections/the-private-salon', headers: f.vip.auth })).json().products,
    ).toHaveLength(1);
    expect((await app.inject({ method: 'GET', url: '/api/v1/collections/next-season' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/collections/next-season', headers: f.admin.auth })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/products?collection=the-private-salon' })).json().products).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/products?collection=the-cannes-edit' })).json().products).toHaveLength(2);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/v1/collections/${draft.json().collectionId}`, headers: f.admin.auth })).statusCode,
    ).toBe(200);
  });
});
