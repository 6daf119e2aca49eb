/**
 * A checkout moves stock, and the storefront must show it at once, without emptying the whole catalogue cache on every
 * order: the ordered piece's answers are dropped (here by the order itself, on other instances by the NOTIFY naming
 * the product), every other piece's answers stay; any other catalogue change still drops everything.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { catalogCache } from '../catalog/catalog-cache.ts';
import type { CatalogFixture } from '../../test/catalog.ts';
import { addPiece, orderBody, placeOrder, setupCatalog, type Piece } from './test-helpers.ts';

let app: TestApp;
let fx: CatalogFixture;
let bag: Piece;
let ring: Piece;

beforeAll(async () => {
  app = await buildTestApp();
  fx = await setupCatalog(app);
  bag = await addPiece(app, fx, { name: 'Quilted Flap Bag', amount: 3200, variants: [{ color: 'black', stock: 7 }] });
  ring = await addPiece(app, fx, {
    name: 'Trinity Ring',
    brand: 'cartier',
    category: 'rings',
    amount: 2150,
    variants: [{ size: '52', stock: 3 }],
  });
}, 120_000);
afterAll(() => app?.shutdown());

const productPage = async (piece: Piece) => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/products/${piece.productId}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().product as { inventory: number; variants: Array<{ stock: number }> };
};
const cache = () => catalogCache(app.db);

async function until(ok: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

it('an order drops the answers showing its piece and keeps the others; the page shows the new stock', async () => {
  await until(() => cache().live);
  expect(cache().live).toBe(true);
  cache().clear();
  expect((await productPage(bag)).inventory).toBe(7);
  expect((await productPage(ring)).inventory).toBe(3);
  const list = await app.inject({ method: 'GET', url: '/api/v1/products?maxResults=50' });
  expect(list.statusCode).toBe(200);
  expect(cache().size).toBe(3);

  const res = await placeOrder(app, fx.client, orderBody(fx.client, bag, {}, { quantity: 2 }));
  expect(res.statusCode, res.body).toBe(201);
  // The bag's page and the listing that shows it are gone; the ring's page stays, also once the order's NOTIFY (which
  // names the bag alone) has arrived.
  expect(cache().size).toBe(1);
  await new Promise((r) => setTimeout(r, 500));
  expect(cache().size).toBe(1);
  const page = await productPage(bag);
  expect(page.inventory).toBe(5);
  expect(page.variants[0]!.stock).toBe(5);
});

it('a stock change made elsewhere (another instance, a script) reaches the cache by its NOTIFY, naming only its product', async () => {
  await productPage(bag);
  await productPage(ring);
  const before = cache().size;
  await app.db.execute(sql`update product_variants set stock = stock + 1 where id = ${ring.variantIds[0]!}`);
  await app.db.execute(sql`update products set inventory = inventory + 1 where id = ${ring.productId}`);
  await until(() => cache().size === before - 1);
  expect(cache().size).toBe(before - 1);
  expect((await productPage(ring)).inventory).toBe(4);
});

it('any other change to a product still drops every answer', async () => {
  await productPage(bag);
  await productPage(ring);
  expect(cache().size).toBeGreaterThan(1);
  await app.db.execute(sql`update products set name = 'Trinity Ring, three golds' where id = ${ring.productId}`);
  await until(() => cache().size === 0);
  expect(cache().size).toBe(0);
});
