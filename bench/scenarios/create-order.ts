import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { defineScenario, type RequestSpec } from '../scenario.ts';

const PASSWORD = 'velvet-orchid-sunrise-47-atelier';
const PIECES = 32;

/**
 * CreateOrder, the server half of a checkout: price the pieces on the server, duties and VAT for France, reserve the
 * stock with a conditional update under CHECK (stock >= 0), number the order from its sequence, seal the address,
 * write the order, its line and its first timeline entry — one transaction. 32 pieces of its own house with ample
 * stock (inserted directly), cycled, so orders of different pieces do not queue on one row lock; 8 clients.
 */
export default defineScenario({
  name: 'create-order',
  description: 'POST /api/v1/orders — price, reserve stock and place an order (one transaction)',
  env: { DEMO_DATA: 'false', SIGNUP_RATE_LIMIT_PER_HOUR: '1000000' },
  async setup({ baseUrl, databaseUrl }) {
    const pieces = await insertPieces(databaseUrl);
    const clients: Array<{ userId: string; token: string }> = [];
    for (let i = 0; i < 8; i++) {
      const email = `bench.orders.${randomUUID()}@example.com`;
      const signUp = await fetch(`${baseUrl}/api/v1/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ acceptTerms: true, email, password: PASSWORD, firstName: 'Bench', lastName: 'Client' }),
      });
      if (signUp.status !== 201) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
      const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      const body = (await login.json()) as { accessToken: string; user: { userId: string } };
      clients.push({ userId: body.user.userId, token: body.accessToken });
    }
    const requests: RequestSpec[] = [];
    for (let i = 0; i < PIECES * clients.length; i++) {
      const client = clients[i % clients.length]!;
      const piece = pieces[i % pieces.length]!;
      requests.push({
        method: 'POST',
        path: '/api/v1/orders',
        headers: { authorization: `Bearer ${client.token}` },
        body: {
          clientId: client.userId,
          items: [{ productId: piece.productId, variantId: piece.variantId, quantity: 1 }],
          shippingAddress: { line1: '31 rue Cambon', city: 'Paris', state: '', postalCode: '75001', country: 'FR' },
          deliveryOption: 'INSURED_COURIER',
          currency: 'EUR',
        },
      });
    }
    // The first try tells a broken setup apart from a slow one.
    const probe = requests[0]!;
    const res = await fetch(`${baseUrl}${probe.path}`, {
      method: 'POST',
      headers: { ...probe.headers, 'content-type': 'application/json' },
      body: JSON.stringify(probe.body),
    });
    if (res.status !== 201) throw new Error(`create order failed: ${res.status} ${await res.text()}`);
    return { requests };
  },
  requests: [],
  spreadRequests: true,
  expectStatus: 201,
  thresholds: [{ minRps: 100, at: 8 }],
});

/** A house, a category and pieces with stock for every order the run can place (the checkout scenario uses them too). */
export async function insertPieces(databaseUrl: string, count = PIECES): Promise<Array<{ productId: string; variantId: string }>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const run = randomUUID().slice(0, 8);
    const brandId = randomUUID();
    const categoryId = randomUUID();
    await client.query(`insert into brands (id, slug, name, is_partner) values ($1, $2, $3, true)`, [
      brandId,
      `bench-house-${run}`,
      `Bench House ${run}`,
    ]);
    await client.query(`insert into categories (id, slug, name, path) values ($1, $2, 'Bench', $2)`, [categoryId, `bench-${run}`]);
    const pieces: Array<{ productId: string; variantId: string }> = [];
    for (let i = 0; i < count; i++) {
      const productId = randomUUID();
      const variantId = randomUUID();
      await client.query(
        `insert into products (id, slug, name, description, brand_id, category_id, category_ids, price_minor, currency, visibility, purchase_mode, inventory, search_document)
         values ($1, $2, $3, 'A bench piece.', $4, $5, array[$5::uuid], 125000, 'EUR', 'PUBLIC', 'BUY_NOW', 100000000, to_tsvector('simple', $3))`,
        [productId, `bench-piece-${run}-${i}`, `Bench Piece ${run} ${i}`, brandId, categoryId],
      );
      await client.query(`insert into product_variants (id, product_id, sku, stock) values ($1, $2, $3, 100000000)`, [
        variantId,
        productId,
        `BENCH-${run}-${i}`,
      ]);
      pieces.push({ productId, variantId });
    }
    return pieces;
  } finally {
    await client.end();
  }
}
