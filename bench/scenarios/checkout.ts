import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { defineScenario, type RequestSpec } from '../scenario.ts';

const PASSWORD = 'velvet-orchid-sunrise-47-atelier';
const ORDERS = Number(process.env.BENCH_CHECKOUT_ORDERS ?? 12_000);
const PARIS = {
  recipientName: 'Bench Client',
  line1: '31 rue Cambon',
  city: 'Paris',
  state: '',
  postalCode: '75001',
  country: 'FR',
  phoneNumber: '+33 1 44 50 66 00',
};

async function json(res: Response, expected: number, what: string) {
  if (res.status !== expected) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

/**
 * The checkout's payment half under load: ProcessPayment with the sandbox card (authorize, capture, ledger, order to
 * PAID, outbox email) on distinct orders created in setup through CreateOrder (each order is paid once; a repeat
 * would be 409). Setup also times CreateOrder at 16 connections, printed beside the run. Issue #13's target for the
 * whole checkout: ≥ 300/s with p95 < 40 ms at 8 connections, and no errors at 64.
 */
export default defineScenario({
  name: 'checkout',
  description: 'POST /api/v1/payments/process — sandbox card payments of distinct, freshly created orders',
  env: { DEMO_DATA: 'true', SIGNUP_RATE_LIMIT_PER_HOUR: '1000000', PAYMENTS_RECONCILE_INTERVAL_SECONDS: '0' },
  async setup({ baseUrl, databaseUrl }) {
    const email = `bench.${randomUUID()}@example.com`;
    await json(
      await fetch(`${baseUrl}/api/v1/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD, firstName: 'Bench', lastName: 'Client', acceptTerms: true }),
      }),
      201,
      'sign-up',
    );
    const login = await json(
      await fetch(`${baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      }),
      200,
      'login',
    );
    const auth = { authorization: `Bearer ${String(login.accessToken)}` };
    const clientId = (login.user as { userId: string }).userId;
    // A piece anyone can buy, under the high-value threshold, with stock for every order.
    const list = await json(await fetch(`${baseUrl}/api/v1/products?maxResults=100`), 200, 'products');
    const candidates = (
      list.products as Array<{ productId: string; purchaseMode: string; price: { amount: number; currency: string } }>
    ).filter((p) => p.purchaseMode === 'BUY_NOW' && p.price.currency === 'EUR' && p.price.amount < 3_000);
    if (candidates.length === 0) throw new Error('No BUY_NOW piece under 3,000 EUR in the demo catalogue');
    const product = (await json(await fetch(`${baseUrl}/api/v1/products/${candidates[0]!.productId}`), 200, 'product')).product as {
      productId: string;
      variants: Array<{ variantId: string }>;
    };
    const variantId = product.variants[0]!.variantId;
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query('update product_variants set stock = 10000000 where id = $1', [variantId]);
    await db.end();
    const body = JSON.stringify({
      clientId,
      items: [{ productId: product.productId, variantId, quantity: 1 }],
      shippingAddress: PARIS,
      deliveryOption: 'INSURED_COURIER',
      currency: 'EUR',
    });
    const orderIds: string[] = [];
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < ORDERS) {
          next++;
          const res = await json(
            await fetch(`${baseUrl}/api/v1/orders`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body }),
            201,
            'create order',
          );
          orderIds.push(String(res.orderId));
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write(
      `checkout setup: ${orderIds.length} orders created by CreateOrder at 16 connections in ${seconds.toFixed(1)} s (${(orderIds.length / seconds).toFixed(0)}/s)\n`,
    );
    const requests: RequestSpec[] = orderIds.map((orderId) => ({
      method: 'POST',
      path: '/api/v1/payments/process',
      body: { orderId, paymentMethodId: 'pm_card_visa' },
    }));
    return { headers: auth, requests };
  },
  requests: [],
  spreadRequests: true,
  expectStatus: 200,
  thresholds: [
    { minRps: 300, p95Ms: 40, at: 8 },
    { at: 64, p99Ms: 2_000 },
  ],
});
