/** Payments with the real orders module: place an order, pay it, cancel it, pay by wire — the seam end to end. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { expectConverted, expectSealed } from '../../test/free-text.ts';
import type { TestAccount } from '../../test/identity.ts';
import type { CatalogFixture } from '../../test/catalog.ts';
import { trialBalance } from '../ledger/service.ts';
import { enqueue } from '../../jobs/queue.ts';
import { listDevMail } from '../mail/service.ts';
import { sendOrderNotice } from '../orders/jobs.ts';
import { addPiece, orderBody, placeOrder, setupCatalog, stockOf, type Piece } from '../orders/test-helpers.ts';

let app: TestApp;
let fx: CatalogFixture;
let client: TestAccount;
let bag: Piece;

beforeAll(async () => {
  // Approval above 20,000 USD here (250,000 by default), so a piece a card can hold needs it.
  app = await buildTestApp({ PAYMENTS_RECONCILE_INTERVAL_SECONDS: '0', APPROVAL_THRESHOLD: '20000' });
  fx = await setupCatalog(app);
  client = fx.client;
  bag = await addPiece(app, fx, { name: 'Quilted Flap Bag', amount: 3200, variants: [{ color: 'black', stock: 50 }] });
}, 120_000);
afterAll(() => app?.shutdown());

const getOrder = async (orderId: string) =>
  (await app.inject({ method: 'GET', url: `/api/v1/orders/${orderId}`, headers: client.auth })).json().order;
const pay = (payload: object, key?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/payments/process',
    headers: { ...client.auth, ...(key ? { 'idempotency-key': key } : {}) },
    payload,
  });

async function newOrder(): Promise<{ orderId: string; total: { amount: number; currency: string } }> {
  const res = await placeOrder(app, client, orderBody(client, bag));
  expect(res.statusCode, res.body).toBe(201);
  return { orderId: res.json().orderId, total: res.json().order.totalAmount };
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function balanced(): Promise<void> {
  for (const t of (await trialBalance(app.db)).totals) expect(t.netMinor).toBe(0);
}

describe('checkout with the orders module', () => {
  it('a sandbox card pays a real order: PAID, the order names its payment, the amount is the server’s total', async () => {
    const { orderId, total } = await newOrder();
    const wrong = await pay({ orderId, paymentMethodId: 'pm_card_visa', amount: { amount: total.amount + 1, currency: total.currency } });
    expect(wrong.statusCode).toBe(400);
    const res = await pay({ orderId, paymentMethodId: 'pm_card_visa', amount: total });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('SUCCEEDED');
    const order = await getOrder(orderId);
    expect(order.status).toBe('PAID');
    expect(order.paymentId).toBe(res.json().paymentId);
    await balanced();
  });

  it('20 parallel ProcessPayment with one Idempotency-Key: one payment, 20 identical answers', async () => {
    const { orderId } = await newOrder();
    const key = crypto.randomUUID();
    const answers = await Promise.all(Array.from({ length: 20 }, () => pay({ orderId, paymentMethodId: 'pm_card_visa' }, key)));
    expect(new Set(answers.map((a) => `${a.statusCode} ${a.body}`)).size).toBe(1);
    expect(answers[0]!.statusCode).toBe(200);
    const status = await app.inject({
      method: 'GET',
      url: `/api/v1/payments/${answers[0]!.json().paymentId}/status`,
      headers: client.auth,
    });
    expect(status.json().status).toBe('SUCCEEDED');
  });

  it('cancelling a paid order refunds it in full (CancelOrder names the refund); stock comes back', async () => {
    const before = await stockOf(app, bag.variantIds[0]!);
    const { orderId } = await newOrder();
    const paid = await pay({ orderId, paymentMethodId: 'pm_card_visa' });
    const cancel = await app.inject({
      method: 'POST',
      url: `/api/v1/orders/${orderId}/cancel`,
      headers: client.auth,
      payload: { reason: 'Changed my mind' },
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json().refundId).toBeTruthy();
    const status = await until(
      async () =>
        (await app.inject({ method: 'GET', url: `/api/v1/payments/${paid.json().paymentId}/status`, headers: client.auth })).json(),
      (s) => s.status === 'REFUNDED',
    );
    expect(status).toMatchObject({ status: 'REFUNDED', refunds: [{ refundId: cancel.json().refundId, status: 'SUCCEEDED' }] });
    expect(await stockOf(app, bag.variantIds[0]!)).toBe(before);
    await balanced();
  });

  it('a client’s cancellation reason is stored encrypted in the timeline and the refund, and reads in clear (#11.11)', async () => {
    const reason = 'My daughter Amelia Fairbairn is in hospital at St Thomas’; the wedding is off.';
    const { orderId } = await newOrder();
    const paid = await pay({ orderId, paymentMethodId: 'pm_card_visa' });
    const cancel = await app.inject({ method: 'POST', url: `/api/v1/orders/${orderId}/cancel`, headers: client.auth, payload: { reason } });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const refundId = cancel.json().refundId as string;
    expect(cancel.json().order.timeline.at(-1)).toMatchObject({ toStatus: 'CANCELLED', reason });
    const [event] = await queryRows<{ id: string }>(
      app.db,
      sql`select id::text as id from order_events where order_id = ${orderId} and to_status = 'CANCELLED'`,
    );
    await expectSealed(app, { table: 'order_events', column: 'reason' }, event!.id, 'Fairbairn');
    await expectSealed(app, { table: 'payment_refunds', column: 'reason' }, refundId, 'Fairbairn');
    const status = await until(
      async () =>
        (await app.inject({ method: 'GET', url: `/api/v1/payments/${paid.json().paymentId}/status`, headers: client.auth })).json(),
      (s) => s.status === 'REFUNDED',
    );
    expect(status.refunds[0]).toMatchObject({ refundId, reason });
    await expectConverted(app, { table: 'order_events', column: 'reason' }, event!.id, reason);
    expect((await getOrder(orderId)).timeline.at(-1)).toMatchObject({ toStatus: 'CANCELLED', reason });
  });

  it('a bank transfer leaves the order waiting for its wire; two receipts complete it', async () => {
    const { orderId, total } = await newOrder();
    const res = await pay({ orderId, paymentMethodId: 'bank_transfer' });
    expect(res.json()).toMatchObject({ status: 'PENDING', nextAction: { type: 'bank_transfer' } });
    const order = await getOrder(orderId);
    expect(order.status).toBe('PENDING_PAYMENT');
    const half = Math.floor(total.amount / 2);
    for (const amount of [half, Math.round((total.amount - half) * 100) / 100]) {
      const r = await app.inject({
        method: 'POST',
        url: `/api/v1/admin/payments/${res.json().paymentId}/bank-receipts`,
        headers: fx.admin.auth,
        payload: { amount: { amount, currency: total.currency } },
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    expect((await getOrder(orderId)).status).toBe('PAID');
    await balanced();
  });

  it('a piece made to order against a deposit: the deposit pays the order, shipping waits for the balance, the balance settles the sale', async () => {
    const made = await app.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: fx.admin.auth,
      payload: {
        name: 'Atelier Silk Cape',
        description: 'Cut to the client’s measurements.',
        price: { amount: 6000, currency: 'EUR' },
        brand: 'chanel',
        category: 'women',
        visibility: 'PUBLIC',
        purchaseMode: 'BESPOKE',
        inventory: 5,
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const cape = made.json().productId as string;
    const rule = await app.inject({
      method: 'PUT',
      url: `/api/v1/admin/products/${cape}/deposit`,
      headers: fx.admin.auth,
      payload: { percent: 30 },
    });
    expect(rule.statusCode, rule.body).toBe(204);
    const placed = await placeOrder(app, client, orderBody(client, { productId: cape, variantIds: [] }, {}, { variantId: undefined }));
    expect(placed.statusCode, placed.body).toBe(201);
    const orderId = placed.json().orderId as string;
    // Due now: a 30 % deposit of the piece and the VAT on the whole (France); the balance is the rest of the piece.
    expect(placed.json().order.totals).toMatchObject({
      dueNow: { amount: 1800 + 1200 },
      balance: { amount: 4200 },
      total: { amount: 7200 },
    });

    const heldFunds = async () =>
      (await trialBalance(app.db)).rows.filter((a) => a.kind === 'client_funds_held').reduce((n, a) => n + a.netMinor, 0);
    const heldBefore = await heldFunds();
    const deposit = await pay({ orderId, paymentMethodId: 'pm_card_visa' });
    expect(deposit.json()).toMatchObject({ status: 'SUCCEEDED' });
    let order = await getOrder(orderId);
    expect(await heldFunds()).not.toBe(heldBefore);
    expect(order).toMatchObject({
      status: 'PAID',
      paymentId: deposit.json().paymentId,
      totals: { paid: { amount: 3000 }, balance: { amount: 4200 } },
    });
    await balanced();

    const ship = () =>
      app.inject({
        method: 'POST',
        url: `/api/v1/admin/orders/${orderId}/ship`,
        headers: fx.admin.auth,
        payload: { carrier: 'Ferrari Logistics', trackingNumber: 'FL-2026-0042' },
      });
    const early = await ship();
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toMatch(/balance/);
    const deliverEarly = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/orders/${orderId}/deliver`,
      headers: fx.admin.auth,
      payload: {},
    });
    expect(deliverEarly.statusCode).toBe(409);

    // The balance: the same ProcessPayment, for what remains; a stated amount must be the balance, not the total.
    const wrong = await pay({ orderId, paymentMethodId: 'pm_card_visa', amount: { amount: 7200, currency: 'EUR' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toMatch(/balance is 4200/);
    const balance = await pay({ orderId, paymentMethodId: 'pm_card_visa', amount: { amount: 4200, currency: 'EUR' } });
    expect(balance.statusCode, balance.body).toBe(200);
    expect(balance.json().status).toBe('SUCCEEDED');
    expect(balance.json().paymentId).not.toBe(deposit.json().paymentId);
    order = await getOrder(orderId);
    expect(order).toMatchObject({
      status: 'PAID',
      paymentId: deposit.json().paymentId,
      totals: { paid: { amount: 7200 }, balance: { amount: 0 } },
    });
    // Paying again takes nothing more: the order's payment is reported as it is.
    const again = await pay({ orderId, paymentMethodId: 'pm_card_visa' });
    expect(again.json()).toMatchObject({ paymentId: deposit.json().paymentId, status: 'SUCCEEDED' });
    await balanced();
    // Client funds held are back where they were: the whole sale went to the house, the platform and taxes.
    expect(await heldFunds()).toBe(heldBefore);

    expect((await ship()).statusCode).toBe(200);
    const delivered = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/orders/${orderId}/deliver`,
      headers: fx.admin.auth,
      payload: {},
    });
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(delivered.json().order.status).toBe('DELIVERED');
  });

  it('one email per event of a checkout: paid → one confirmation; held → one “being reviewed”, approved → one confirmation', async () => {
    const mailsOf = async (who: TestAccount, orderNumber: string) =>
      (await listDevMail(app.db, app.ctx.keys, 500))
        .filter((m) => m.to === who.email && m.subject.includes(orderNumber))
        .map((m) => m.subject);
    const { orderId } = await newOrder();
    const number = (await getOrder(orderId)).orderNumber as string;
    expect((await pay({ orderId, paymentMethodId: 'pm_card_visa' })).json().status).toBe('SUCCEEDED');
    expect(
      await until(
        () => mailsOf(client, number),
        (m) => m.length > 0,
      ),
    ).toEqual([`Your order ${number} is confirmed`]);

    const watch = await addPiece(app, fx, {
      name: 'Perpetual Calendar',
      brand: 'cartier',
      category: 'watches',
      amount: 25000,
      variants: [{ stock: 2 }],
    });
    const placed = await placeOrder(app, fx.vip, orderBody(fx.vip, watch));
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json().order.requiresApproval).toBe(true);
    const held = placed.json().order.orderNumber as string;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/payments/process',
      headers: fx.vip.auth,
      payload: { orderId: placed.json().orderId, paymentMethodId: 'pm_card_visa' },
    });
    expect(res.json().status, res.body).toBe('AUTHORIZED');
    expect(
      await until(
        () => mailsOf(fx.vip, held),
        (m) => m.length > 0,
      ),
    ).toEqual([`Your order ${held} is being reviewed`]);
    const approved = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/orders/${placed.json().orderId}/approve`,
      headers: fx.admin.auth,
      payload: {},
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(
      (
        await until(
          () => mailsOf(fx.vip, held),
          (m) => m.length > 1,
        )
      ).sort(),
    ).toEqual([`Your order ${held} is being reviewed`, `Your order ${held} is confirmed`]);
    // A little later there is still nothing more.
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsOf(fx.vip, held)).toHaveLength(2);
  });

  it('an order email job run twice at once (a lapsed lease) sends the email once', async () => {
    const { orderId } = await newOrder();
    const number = (await getOrder(orderId)).orderNumber as string;
    // A job nobody claims yet (due tomorrow), run by hand by two "workers" at the same moment.
    const jobId = (await enqueue(app.db, 'orders.notify', { orderId, notice: 'cancelled' }, { runAt: new Date(Date.now() + 86_400_000) }))!;
    await Promise.all([sendOrderNotice(app.ctx, orderId, 'cancelled', jobId), sendOrderNotice(app.ctx, orderId, 'cancelled', jobId)]);
    await sendOrderNotice(app.ctx, orderId, 'cancelled', jobId);
    const mails = (await listDevMail(app.db, app.ctx.keys, 500)).filter((m) => m.subject === `Your order ${number} is cancelled`);
    expect(mails).toHaveLength(1);
  });

  it('another client cannot pay (or read the payment of) my order', async () => {
    const { orderId } = await newOrder();
    const other = fx.partner;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/payments/process',
      headers: other.auth,
      payload: { orderId, paymentMethodId: 'pm_card_visa' },
    });
    expect([403, 404]).toContain(res.statusCode);
  });
});
