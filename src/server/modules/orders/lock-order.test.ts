/**
 * An order reserving a piece while the house office changes the same piece's stock: both lock the product's row
 * before its variant's, so one waits for the other instead of deadlocking. PostgreSQL only (PGlite has a single
 * connection, so two transactions cannot interleave there).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows, type Tx } from '../../db/client.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { releaseStock, reserveStock } from '../catalog/service.ts';
import { addPiece, setupCatalog, stockOf, type Piece } from './test-helpers.ts';

const onPostgres = Boolean(process.env.DATABASE_URL);
let app: TestApp;
let piece: Piece;

beforeAll(async () => {
  if (!onPostgres) return;
  app = await buildTestApp();
  const fx = await setupCatalog(app);
  piece = await addPiece(app, fx, {
    name: 'Trinity Ring',
    brand: 'cartier',
    category: 'rings',
    amount: 2150,
    variants: [{ size: '52', stock: 5 }],
  });
}, 120_000);
afterAll(() => app?.shutdown());

/** What the house office's setVariantStock does (catalog/products.ts): the product's row lock, then the variant. */
async function lockProductAsTheHouseOfficeDoes(tx: Tx): Promise<void> {
  await queryRows(tx, sql`select id from products where id = ${piece.productId} for update`);
}
async function setStockUnderTheLock(tx: Tx, stock: number): Promise<void> {
  await tx.execute(sql`update product_variants set stock = ${stock} where id = ${piece.variantIds[0]!}`);
  await tx.execute(
    sql`update products set inventory = (select sum(stock) from product_variants where product_id = ${piece.productId}) where id = ${piece.productId}`,
  );
}

const line = () => [{ productId: piece.productId, variantId: piece.variantIds[0]!, quantity: 1 }];

for (const [what, move] of [
  ['reserving', (tx: Tx) => reserveStock(tx, line()).then((r) => expect(r.ok).toBe(true))],
  ['releasing', (tx: Tx) => releaseStock(tx, line())],
] as const) {
  it.skipIf(!onPostgres)(`${what} stock while an admin sets the same variant's stock queues behind the admin, no deadlock`, async () => {
    let releaseAdmin!: () => void;
    const adminMayWrite = new Promise<void>((resolve) => (releaseAdmin = resolve));
    let adminLocked!: () => void;
    const adminHasLock = new Promise<void>((resolve) => (adminLocked = resolve));
    const admin = app.db.transaction(async (tx) => {
      await lockProductAsTheHouseOfficeDoes(tx);
      adminLocked();
      await adminMayWrite;
      await setStockUnderTheLock(tx, 40);
    });
    await adminHasLock;
    // The order starts while the admin holds the product; with the old order (variant first) it would now hold the
    // variant and wait for the product, and the admin's variant update below would close the cycle (40P01).
    const order = app.db.transaction((tx) => move(tx));
    await new Promise((r) => setTimeout(r, 300));
    releaseAdmin();
    const [adminResult, orderResult] = await Promise.allSettled([admin, order]);
    expect(adminResult.status, String((adminResult as PromiseRejectedResult).reason)).toBe('fulfilled');
    expect(orderResult.status, String((orderResult as PromiseRejectedResult).reason)).toBe('fulfilled');
    // The order went second and moved the admin's figure by one unit; the product's inventory agrees.
    const stock = await stockOf(app, piece.variantIds[0]!);
    expect(stock).toBe(what === 'reserving' ? 39 : 41);
    const [product] = await queryRows<{ inventory: number }>(app.db, sql`select inventory from products where id = ${piece.productId}`);
    expect(Number(product!.inventory)).toBe(stock);
  });
}
