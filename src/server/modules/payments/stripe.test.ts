/**
 * The Stripe provider against a local fake of Stripe's API (the official SDK pointed at it), and Stripe's webhooks
 * signed the way Stripe signs them: forged or stale signatures change nothing; a sequence of events delivered
 * shuffled, twice over, with retries for what arrives too early, ends in the same state every time.
 */
import { sql } from 'drizzle-orm';
import Stripe from 'stripe';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildTestApp, countRows, type TestApp } from '../../test/app.ts';
import { accountOf, type TestAccount } from '../../test/identity.ts';
import { trialBalance } from '../ledger/service.ts';
import { startStripeFake, type StripeFake } from './providers/stripe-fake.ts';
import { installTestOrders, type TestOrders } from './test-orders.ts';

const SECRET = 'whsec_testsecret123';
const signer = new Stripe('sk_test_signer').webhooks;
let fake: StripeFake;
let app: TestApp;
let orders: TestOrders;
let client: TestAccount;
let admin: TestAccount;

beforeAll(async () => {
  fake = await startStripeFake();
  orders = installTestOrders();
  app = await buildTestApp({
    PAYMENT_PROVIDER: 'stripe',
    STRIPE_SECRET_KEY: 'sk_test_fake123',
    STRIPE_PUBLISHABLE_KEY: 'pk_test_fake123',
    STRIPE_WEBHOOK_SECRET: SECRET,
    STRIPE_API_URL: fake.url,
    PAYMENTS_RECONCILE_INTERVAL_SECONDS: '0',
  });
  [client, admin] = await Promise.all([accountOf(app, 'CLIENT'), accountOf(app, 'ADMIN')]);
}, 90_000);
afterAll(async () => {
  orders?.restore();
  await app?.shutdown();
  await fake?.close();
});

const pay = (payload: object) => app.inject({ method: 'POST', url: '/api/v1/payments/process', headers: client.auth, payload });
const status = async (paymentId: string) =>
  (await app.inject({ method: 'GET', url: `/api/v1/payments/${paymentId}/status`, headers: admin.auth })).json();

function deliver(event: object, options: { secret?: string; timestamp?: number; signature?: string } = {}) {
  const payload = JSON.stringify(event);
  const signature =
    options.signature ??
    signer.generateTestHeaderString({
      payload,
      secret: options.secret ?? SECRET,
      ...(options.timestamp ? { timestamp: options.timestamp } : {}),
    });
  return app.inject({
    method: 'POST',
    url: '/api/v1/payments/webhooks/stripe',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    payload,
  });
}

describe('Stripe PaymentIntents', () => {
  it('a card pays an ordinary order in one call: captured at authorization (automatic capture), SUCCEEDED; the intent carries our ids', async () => {
    const order = orders.create({ clientId: client.userId });
    const from = fake.requests.length;
    const res = await pay({ orderId: order.orderId, paymentMethodId: 'pm_card_visa' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'SUCCEEDED', transactionId: expect.stringMatching(/^pi_/) });
    const pi = fake.intents.get(res.json().transactionId)!;
    expect(pi).toMatchObject({
      status: 'succeeded',
      capture_method: 'automatic',
      currency: 'eur',
      amount: order.totalMinor,
      metadata: { paymentId: res.json().paymentId, orderId: order.orderId },
    });
    expect(fake.requests.slice(from).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/payment_intents']);
    expect((await status(res.json().paymentId)).method).toBe('Visa •••• 4242');
    expect(orders.get(order.orderId)!.status).toBe('PAID');
  });

  it('above the step-up threshold, a deposit or an order awaiting approval: a hold (manual capture), captured when the order may be paid', async () => {
    for (const [what, input] of [
      ['high value', { usdEquivalentMinor: 10_000_01 }],
      ['deposit', { fullPayment: false }],
    ] as const) {
      const order = orders.create({ clientId: client.userId, ...input });
      const from = fake.requests.length;
      const res = await pay({ orderId: order.orderId, paymentMethodId: 'pm_card_visa' });
      expect(res.json(), what).toMatchObject({ status: 'SUCCEEDED' });
      expect(fake.intents.get(res.json().transactionId), what).toMatchObject({ status: 'succeeded', capture_method: 'manual' });
      expect(
        fake.requests.slice(from).map((r) => `${r.method} ${r.path.replace(/pi_\w+/, 'ID')}`),
        what,
      ).toEqual(['POST /v1/payment_intents', 'POST /v1/payment_intents/ID/capture']);
    }
    const held = orders.create({ clientId: client.userId, needsApproval: true });
    const res = await pay({ orderId: held.orderId, paymentMethodId: 'pm_card_visa' });
    expect(res.json()).toMatchObject({ status: 'AUTHORIZED' });
    expect(fake.intents.get(res.json().transactionId)).toMatchObject({ status: 'requires_capture', capture_method: 'manual' });
  });

  it('declines answer 402 with Stripe’s decline code', async () => {
    for (const [method, code] of [
      ['pm_card_chargeDeclined', 'generic_decline'],
      ['pm_card_visa_chargeDeclinedInsufficientFunds', 'insufficient_funds'],
    ] as const) {
      const res = await pay({ orderId: orders.create({ clientId: client.userId }).orderId, paymentMethodId: method });
      expect(res.statusCode, res.body).toBe(402);
      expect(res.json().declineCode).toBe(code);
    }
  });

  it('3-D Secure: the client secret goes to the browser; after Stripe.js, complete-action asks Stripe and captures', async () => {
    const order = orders.create({ clientId: client.userId });
    const res = await pay({ orderId: order.orderId, paymentMethodId: 'pm_card_authenticationRequired' });
    expect(res.json()).toMatchObject({
      status: 'REQUIRES_ACTION',
      nextAction: { type: 'stripe_sdk', publishableKey: 'pk_test_fake123', clientSecret: expect.stringContaining('_secret_') },
    });
    fake.authenticate(res.json().transactionId, true);
    const done = await app.inject({
      method: 'POST',
      url: `/api/v1/payments/${res.json().paymentId}/complete-action`,
      headers: client.auth,
      payload: {},
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('SUCCEEDED');
  });

  it('refunds go to Stripe once per refund id; the webhook echo of our own refund changes nothing', async () => {
    const order = orders.create({ clientId: client.userId });
    const paid = (await pay({ orderId: order.orderId, paymentMethodId: 'pm_card_visa' })).json();
    const from = fake.events.length;
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/payments/refund',
      headers: admin.auth,
      payload: { paymentId: paid.paymentId, amount: { amount: 100, currency: 'EUR' } },
    });
    expect(r.json().status, r.body).toBe('SUCCEEDED');
    const echoes = fake.events.slice(from);
    expect(echoes.map((e) => e.type)).toEqual(['refund.created', 'charge.refunded']);
    for (const e of [...echoes, ...echoes]) expect((await deliver(e)).statusCode).toBe(200);
    expect(await status(paid.paymentId)).toMatchObject({ status: 'PARTIALLY_REFUNDED', refunded: { amount: 100 } });
    expect((await status(paid.paymentId)).refunds).toHaveLength(1);
  });
});

describe('webhooks', () => {
  it('a forged signature, a stale timestamp or no signature: 400 and nothing changes', async () => {
    const order = orders.create({ clientId: client.userId });
    const paid = (await pay({ orderId: order.orderId, paymentMethodId: 'pm_card_visa' })).json();
    fake.dashboardRefund(paid.transactionId, 500);
    const refundEvent = fake.events.at(-2)!;
    const before = { refunds: await countRows(app.db, 'payment_refunds'), events: await countRows(app.db, 'inbound_events') };
    const forged = await deliver(refundEvent, { secret: 'whsec_notours' });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().fieldErrors).toHaveProperty(['headers.stripe-signature']);
    expect((await deliver(refundEvent, { timestamp: Math.floor(Date.now() / 1000) - 301 })).statusCode).toBe(400);
    expect((await deliver(refundEvent, { signature: 't=1,v1=deadbeef' })).statusCode).toBe(400);
    const tampered = JSON.stringify({ ...refundEvent, id: 'evt_other' });
    const sig = signer.generateTestHeaderString({ payload: JSON.stringify(refundEvent), secret: SECRET });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/payments/webhooks/stripe',
          headers: { 'content-type': 'application/json', 'stripe-signature': sig },
          payload: tampered,
        })
      ).statusCode,
    ).toBe(400);
    expect({ refunds: await countRows(app.db, 'payment_refunds'), events: await countRows(app.db, 'inbound_events') }).toEqual(before);
    // Signed properly, it is applied: a dashboard refund is recorded as the provider's.
    expect((await deliver(refundEvent)).statusCode).toBe(200);
    expect(await status(paid.paymentId)).toMatchObject({ refunded: { amount: 5 }, refunds: [{ origin: 'provider', status: 'SUCCEEDED' }] });
  });

  it('a sequence replayed 10 times in shuffled order (with duplicates and early arrivals retried) ends in the same state', async () => {
    const finals: string[] = [];
    let seed = 42;
    const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    for (let round = 0; round < 10; round++) {
      // As a crash would leave it: our payment recorded, everything else happened at Stripe and arrives by webhook.
      const order = orders.create({ clientId: client.userId });
      const paymentId = uuidv7();
      await app.db.execute(
        sql`insert into payments (id, order_id, client_id, provider, status, currency, amount_minor, payment_method_id) values (${paymentId}, ${order.orderId}, ${client.userId}, 'stripe', 'PENDING', 'EUR', ${order.totalMinor}, 'pm_card_visa')`,
      );
      const from = fake.events.length;
      const intent = await app.ctx.adapters.payments.authorize({
        paymentId,
        orderId: order.orderId,
        amountMinor: order.totalMinor,
        currency: 'EUR',
        paymentMethodId: 'pm_card_visa',
        description: 'x',
        returnUrl: 'http://x',
        // Half the rounds captured in the call that authorizes (decision 015): the events differ, the end state must not.
        capture: round % 2 === 0 ? 'manual' : 'automatic',
      });
      if (round % 2 === 0) await app.ctx.adapters.payments.capture(intent.ref);
      fake.dashboardRefund(intent.ref, 2_500);
      fake.dashboardRefund(intent.ref, 1_000);
      const sequence = fake.events.slice(from);
      const deliveries = [...sequence, ...sequence].sort(() => random() - 0.5);
      let attempts = 0;
      while (deliveries.length > 0 && attempts++ < 200) {
        const event = deliveries.shift()!;
        const res = await deliver(event);
        if (res.statusCode === 503) deliveries.push(event);
        else expect(res.statusCode, res.body).toBe(200);
      }
      expect(deliveries).toHaveLength(0);
      const s = await status(paymentId);
      const [ledger] = await queryRows<{ n: number; total: number }>(
        app.db,
        sql`select count(*)::int as n, coalesce(sum(abs(e.amount_minor)), 0)::bigint as total from ledger_entries e join ledger_transactions t on t.id = e.transaction_id where t.reference = ${paymentId} or t.related_reference = ${paymentId}`,
      );
      finals.push(
        JSON.stringify({
          status: s.status,
          captured: s.captured,
          refunded: s.refunded,
          refunds: s.refunds
            .map((r: { amount: unknown; origin: string; status: string }) => JSON.stringify([r.amount, r.origin, r.status]))
            .sort(),
          order: orders.get(order.orderId)!.status,
          ledger: [ledger!.n, Number(ledger!.total)],
        }),
      );
    }
    expect(new Set(finals).size, finals.join('\n')).toBe(1);
    expect(JSON.parse(finals[0]!)).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      captured: { amount: 1250 },
      refunded: { amount: 35 },
      order: 'PARTIALLY_REFUNDED',
    });
    for (const t of (await trialBalance(app.db)).totals) expect(t.netMinor).toBe(0);
  }, 120_000);
});
