/** A catalog and clients for order tests, and helpers to place orders. */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { PARIS_ADDRESS } from '../../test/addresses.ts';
import type { TestApp } from '../../test/app.ts';
import { addProduct, setupCatalog, type CatalogFixture, type ProductSpec } from '../../test/catalog.ts';
import type { TestAccount } from '../../test/identity.ts';

export const PARIS = PARIS_ADDRESS;

export interface Piece {
  productId: string;
  variantIds: string[];
}

export async function addPiece(app: TestApp, fixture: CatalogFixture, spec: Partial<ProductSpec> & { name: string }): Promise<Piece> {
  const { productId } = await addProduct(app, fixture.admin, { brand: 'chanel', category: 'bags', ...spec });
  const res = await app.inject({ method: 'GET', url: `/api/v1/products/${productId}`, headers: fixture.admin.auth });
  expect(res.statusCode, res.body).toBe(200);
  const variants = (res.json().product.variants ?? []) as Array<{ variantId: string }>;
  return { productId, variantIds: variants.map((v) => v.variantId) };
}

export function orderBody(client: TestAccount, piece: Piece, extra: Record<string, unknown> = {}, item: Record<string, unknown> = {}) {
  return {
    clientId: client.userId,
    items: [{ productId: piece.productId, variantId: piece.variantIds[0], quantity: 1, ...item }],
    shippingAddress: PARIS,
    deliveryOption: 'INSURED_COURIER',
    currency: 'EUR',
    ...extra,
  };
}

export async function placeOrder(app: TestApp, client: TestAccount, body: unknown, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/orders',
    headers: { ...client.auth, ...headers },
    payload: body as Record<string, unknown>,
  });
}

export async function stockOf(app: TestApp, variantId: string): Promise<number> {
  const [row] = await queryRows<{ stock: number }>(app.db, sql`select stock from product_variants where id = ${variantId}`);
  return row!.stock;
}

export async function setStock(app: TestApp, piece: Piece, stock: number): Promise<void> {
  await app.db.execute(sql`update product_variants set stock = ${stock} where id = ${piece.variantIds[0]!}`);
  await app.db.execute(
    sql`update products set inventory = (select sum(stock) from product_variants where product_id = ${piece.productId}) where id = ${piece.productId}`,
  );
}

export { setupCatalog };
