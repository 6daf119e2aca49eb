/** A small catalog for API tests: brands, a category tree, a partner linked to one brand, and helpers to add products. */
import { expect } from 'vitest';
import type { TestApp } from './app.ts';
import { accountOf, type TestAccount } from './identity.ts';

export interface CatalogFixture {
  admin: TestAccount;
  partner: TestAccount;
  otherPartner: TestAccount;
  client: TestAccount;
  vip: TestAccount;
  brands: Record<'chanel' | 'cartier' | 'lamborghini' | 'hermes', string>;
}

export async function setupCatalog(app: TestApp): Promise<CatalogFixture> {
  const [admin, partner, otherPartner, client, vip] = await Promise.all([
    accountOf(app, 'ADMIN'),
    accountOf(app, 'BRAND_PARTNER'),
    accountOf(app, 'BRAND_PARTNER'),
    accountOf(app, 'CLIENT'),
    accountOf(app, 'CLIENT', { vip: true }),
  ]);
  const brands = {} as CatalogFixture['brands'];
  for (const [slug, name] of [
    ['chanel', 'Chanel'],
    ['cartier', 'Cartier'],
    ['lamborghini', 'Lamborghini'],
    ['hermes', 'Hermès'],
  ] as const) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/brands', headers: admin.auth, payload: { name, slug, isPartner: true } });
    expect(res.statusCode, res.body).toBe(201);
    brands[slug] = res.json().brandId;
  }
  const cats: [string, string, string | null, boolean?][] = [
    ['bags', 'Bags', null],
    ['fine-jewellery', 'Fine Jewellery', null],
    ['rings', 'Rings', 'fine-jewellery'],
    ['watches', 'Watches', null],
    ['automobiles', 'Automobiles', null, true],
    ['ready-to-wear', 'Ready-to-Wear', null],
    ['women', 'Women', 'ready-to-wear'],
  ];
  for (const [slug, name, parent, showcase] of cats) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/categories',
      headers: admin.auth,
      payload: { name, slug, parent, ...(showcase ? { showcase } : {}) },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  for (const [account, brand] of [
    [partner, brands.chanel],
    [otherPartner, brands.cartier],
  ] as const) {
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/admin/brand-partners/${account.userId}`,
      headers: admin.auth,
      payload: { brandId: brand },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  return { admin, partner, otherPartner, client, vip, brands };
}

export interface ProductSpec {
  name: string;
  brand: string;
  category: string;
  amount?: number;
  currency?: string;
  visibility?: 'PUBLIC' | 'VIP_ONLY' | 'DRAFT';
  description?: string;
  variants?: { color?: string; size?: string; stock: number }[];
  attributes?: Record<string, unknown>;
}

export async function addProduct(app: TestApp, as: TestAccount, spec: ProductSpec): Promise<{ productId: string; slug: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/products',
    headers: as.auth,
    payload: {
      name: spec.name,
      description: spec.description ?? `${spec.name}, made in the house's ateliers.`,
      price: { amount: spec.amount ?? 1000, currency: spec.currency ?? 'EUR' },
      brand: spec.brand,
      category: spec.category,
      visibility: spec.visibility ?? 'PUBLIC',
      ...(spec.variants ? { variants: spec.variants } : { inventory: 3 }),
      ...(spec.attributes ? { attributes: spec.attributes } : {}),
      images: [{ url: `/media/generated/product/${spec.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-640.jpg`, alt: spec.name }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { productId: res.json().productId, slug: res.json().product.slug };
}
