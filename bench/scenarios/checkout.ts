import { randomUUID } from 'node:crypto';
import { defineScenario, type RequestSpec } from '../scenario.ts';
import { PARIS_ADDRESS } from '../../src/server/test/addresses.ts';
import { insertPieces } from './create-order.ts';

const PASSWORD = 'velvet-orchid-sunrise-47-atelier';
/** Orders created in setup, each paid once during the run (a second payment of a paid order would be 409). */
const ORDERS = Number(process.env.BENCH_CHECKOUT_ORDERS ?? 12_000);
const CLIENTS = 8;
const PIECES = 32;
const PARIS = { ...PARIS_ADDRESS, recipientName: 'Bench Client' };

async function json(res: Response, expected: number, what: string) {
  if (res.status !== expected) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

/**
 * The whole checkout, both halves in one run: the request walk alternates CreateOrder (price on the server, duties and
 * VAT, reserve stock, number, seal the address, timeline: 201) and ProcessPayment with the sandbox card (authorize,
 * capture, ledger receipt and sale, order → PAID, emails, audit: 200). A payment needs an order made before it, so
 * the payments are of distinct orders CreateOrder made in setup; every CreateOrder of the run is one more checkout's
 * first half. Checkouts per second = req/s ÷ 2. 8 clients and 32 pieces of a house of its own, cycled, so orders of
 * different pieces do not queue on one product's row lock. Issue #13: ≥ 300 checkouts/s (600 req/s) with p95 < 40 ms
 * at 8 connections, no errors at 64.
 */
export default defineScenario({
  name: 'checkout',
  description: 'POST /api/v1/orders and POST /api/v1/payments/process alternately — whole checkouts (req/s ÷ 2)',
  env: { DEMO_DATA: 'false', SIGNUP_RATE_LIMIT_PER_HOUR: '1000000', PAYMENTS_RECONCILE_INTERVAL_SECONDS: '0' },
  async setup({ baseUrl, databaseUrl }) {
    const pieces = await insertPieces(databaseUrl, PIECES);
    const clients: Array<{ userId: string; auth: Record<string, string> }> = [];
    for (let i = 0; i < CLIENTS; i++) {
      const email = `bench.checkout.${randomUUID()}@example.com`;
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
      clients.push({ userId: (login.user as { userId: string }).userId, auth: { authorization: `Bearer ${String(login.accessToken)}` } });
    }
    const createOrder = (i: number): RequestSpec => {
      const client = clients[i % CLIENTS]!;
      const piece = pieces[i % PIECES]!;
      return {
        method: 'POST',
        path: '/api/v1/orders',
        headers: client.auth,
        body: {
          clientId: client.userId,
          items: [{ productId: piece.productId, variantId: piece.variantId, quantity: 1 }],
          shippingAddress: PARIS,
          deliveryOption: 'INSURED_COURIER',
          currency: 'EUR',
        },
      };
    };
    const unpaid: Array<{ orderId: string; client: number }> = [];
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < ORDERS) {
          const i = next++;
          const spec = createOrder(i);
          const res = await json(
            await fetch(`${baseUrl}${spec.path}`, {
              method: 'POST',
              headers: { ...spec.headers, 'content-type': 'application/json' },
              body: JSON.stringify(spec.body),
            }),
            201,
            'create order',
          );
          unpaid.push({ orderId: String(res.orderId), client: i % CLIENTS });
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write(
      `checkout setup: ${unpaid.length} orders created by CreateOrder at 16 connections in ${seconds.toFixed(1)} s (${(unpaid.length / seconds).toFixed(0)}/s)\n`,
    );
    const requests: RequestSpec[] = [];
    unpaid.forEach(({ orderId, client }, i) => {
      requests.push(createOrder(i));
      requests.push({
        method: 'POST',
        path: '/api/v1/payments/process',
        headers: clients[client]!.auth,
        body: { orderId, paymentMethodId: 'pm_card_visa' },
      });
    });
    return { requests };
  },
  requests: [],
  spreadRequests: true,
  expectStatus: [201, 200],
  thresholds: [
    { minRps: 600, p95Ms: 40, at: 8 },
    { at: 64, p99Ms: 2_000 },
  ],
});
