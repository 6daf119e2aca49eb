import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildTestApp, countRows, type TestApp } from '../../test/app.ts';
import { expectConverted, expectSealed } from '../../test/free-text.ts';
import { accountOf, type TestAccount } from '../../test/identity.ts';
import { trialBalance } from '../ledger/service.ts';
import { listDevMail } from '../mail/service.ts';
import type { SandboxProvider } from './providers/sandbox.ts';
import { reconcile } from './service.ts';
import { installTestOrders, type TestOrders } from './test-orders.ts';

let app: TestApp;
let orders: TestOrders;
let admin: TestAccount;
let admin2: TestAccount;
let client: TestAccount;
let other: TestAccount;

beforeAll(async () => {
  orders = installTestOrders();
  app = await buildTestApp({ PAYMENTS_RECONCILE_INTERVAL_SECONDS: '0', CARD_LIMIT: '100000', REFUND_APPROVAL_THRESHOLD: '10000' });
  [admin, admin2, client, other] = await Promise.all([
    accountOf(app, 'ADMIN'),
    accountOf(app, 'ADMIN'),
    accountOf(app, 'CLIENT'),
    accountOf(app, 'CLIENT'),
  ]);
}, 90_000);
afterAll(async () => {
  orders.restore();
  await app.shutdown();
});

const pay = (who: TestAccount, payload: object, key?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/payments/process',
    headers: { ...who.auth, ...(key ? { 'idempotency-key': key } : {}) },
    payload,
  });
const status = (who: TestAccount, paymentId: string) =>
  app.inject({ method: 'GET', url: `/api/v1/payments/${paymentId}/status`, headers: who.auth });
const refund = (who: TestAccount, payload: object, key?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/payments/refund',
    headers: { ...who.auth, ...(key ? { 'idempotency-key': key } : {}) },
    payload,
  });

async function ledgerBalanced(): Promise<void> {
  const tb = await trialBalance(app.db);
  for (const t of tb.totals) expect(t.netMinor, `ledger net in ${t.currency}`).toBe(0);
}

const TABLES = ['payments', 'payment_refunds', 'ledger_entries', 'sandbox_charges', 'bank_transfer_receipts'] as const;
async function writes(): Promise<Record<(typeof TABLES)[number], number>> {
  return Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await countRows(app.db, t)] as const))) as Record<
    (typeof TABLES)[number],
    number
  >;
}

describe('ProcessPayment with the sandbox', () => {
  it('a 4242 card pays the order: SUCCEEDED, order PAID, ledger settled and balanced; the email is the order’s to send', async () => {
    const order = orders.create({ clientId: client.userId });
    const res = await pay(client, { orderId: order.orderId, paymentMethodId: 'pm_card_visa', amount: { amount: 1250, currency: 'EUR' } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.status).toBe('SUCCEEDED');
    expect(body.transactionId).toMatch(/^pi_sandbox_/);
    expect(orders.get(order.orderId)!.status).toBe('PAID');
    const got = await status(client, body.paymentId);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({
      status: 'SUCCEEDED',
      amount: { amount: 1250, currency: 'EUR' },
      captured: { amount: 1250, currency: 'EUR' },
      method: 'Visa •••• 4242',
    });
    // Houses get their pieces less 25 %; taxes and the platform's part are separate accounts.
    const tb = await trialBalance(app.db);
    const partner = tb.rows.find((r) => r.kind === 'partner_payables' && r.ownerId === order.lines[0]!.brandId);
    expect(partner?.creditMinor).toBe(75_000);
    await ledgerBalanced();
    // The order's move to PAID sends its confirmation (orders' email): payments adds none of its own.
    expect((await listDevMail(app.db, app.ctx.keys)).some((m) => m.subject.includes(order.orderNumber))).toBe(false);
  });

  it.each([
    ['pm_card_chargeDeclined', 'card_declined'],
    ['pm_card_visa_chargeDeclinedInsufficientFunds', 'insufficient_funds'],
  ])('%s answers 402 with declineCode %s and leaves the order unpaid', async (method, code) => {
    const order = orders.create({ clientId: client.userId });
    const res = await pay(client, { orderId: order.orderId, paymentMethodId: method });
    expect(res.statusCode, res.body).toBe(402);
    expect(res.json()).toMatchObject({ code: 'PaymentException', declineCode: code });
    expect(orders.get(order.orderId)!.status).toBe('PENDING_PAYMENT');
    // The client may then pay with another card.
    const again = await pay(client, { orderId: order.orderId, paymentMethodId: 'pm_card_visa' });
    expect(again.json().status).toBe('SUCCEEDED');
  });

  it('a card needing 3-D Secure waits for the client, then pays when they pass (and fails when they do not)', async () => {
    const order = orders.create({ clientId: client.userId });
    const token = await app.inject({
      method: 'POST',
      url: '/api/v1/payments/sandbox/payment-methods',
      headers: client.auth,
      payload: { number: '4000 0027 6000 3184', expMonth: 12, expYear: 2034, cvc: '123' },
    });
    expect(token.statusCode, token.body).toBe(201);
    const res = await pay(client, { orderId: order.orderId, paymentMethodId: token.json().paymentMethodId });
    expect(res.json()).toMatchObject({ status: 'REQUIRES_ACTION', nextAction: { type: 'redirect' } });
    const url = new URL(res.json().nextAction.url, 'http://x');
    const challenge = url.searchParams.get('challenge')!;
    const paymentId = res.json().paymentId;
    // Someone else cannot complete it.
    const stranger = await app.inject({
      method: 'POST',
      url: `/api/v1/payments/${paymentId}/complete-action`,
      headers: other.auth,
      payload: { challenge, approve: true },
    });
    expect(stranger.statusCode).toBe(404);
    const done = await app.inject({
      method: 'POST',
      url: `/api/v1/payments/${paymentId}/complete-action`,
      headers: client.auth,
      payload: { challenge, approve: true },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('SUCCEEDED');
    expect(orders.get(order.orderId)!.status).toBe('PAID');

    const order2 = orders.create({ clientId: client.userId });
    const res2 = await pay(client, { orderId: order2.orderId, paymentMethodId: 'pm_card_authenticationRequired' });
    const c2 = new URL(res2.json().nextAction.url, 'http://x').searchParams.get('challenge')!;
    const failed = await app.inject({
      method: 'POST',
      url: `/api/v1/payments/${res2.json().paymentId}/complete-action`,
      headers: client.auth,
      payload: { challenge: c2, approve: false },
    });
    expect(failed.statusCode).toBe(402);
    expect(failed.json().declineCode).toBe('authentication_failed');
    expect(orders.get(order2.orderId)!.status).toBe('PENDING_PAYMENT');
  });

  it('JPY and KWD are charged to the exact minor unit, and the ledger splits them without losing one', async () => {
    for (const [currency, lineMinor, tax, delivery, decimal] of [
      ['JPY', 1_234_567, 123_457, 0, 1_358_024],
      ['KWD', 1_001, 333, 7, 1.341],
    ] as const) {
      const order = orders.create({
        clientId: client.userId,
        currency,
        lines: [{ productId: crypto.randomUUID(), brandId: crypto.randomUUID(), quantity: 1, amountMinor: lineMinor }],
        taxMinor: tax,
        deliveryMinor: delivery,
      });
      const res = await pay(client, { orderId: order.orderId, paymentMethodId: 'pm_card_visa', amount: { amount: decimal, currency } });
      expect(res.statusCode, res.body).toBe(200);
      expect((await status(client, res.json().paymentId)).json().amount).toEqual({ amount: decimal, currency });
      const [charge] = await queryRows<{ amount_minor: number }>(
        app.db,
        sql`select amount_minor from sandbox_charges where id = ${res.json().transactionId}`,
      );
      expect(Number(charge!.amount_minor)).toBe(order.totalMinor);
    }
    await ledgerBalanced();
  });

  it('the same Idempotency-Key 20 times in parallel: one payment, one charge, 20 identical answers', async () => {
    const order = orders.create({ clientId: client.userId });
    const key = `pay-${crypto.randomUUID()}`;
    const before = await writes();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => pay(client, { orderId: order.orderId, paymentMethodId: 'pm_card_visa' }, key)),
    );
    expect(new Set(answers.map((a) => a.statusCode))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    const after = await writes();
    expect(after.payments - before.payments).toBe(1);
    expect(after.sandbox_charges - before.sandbox_charges).toBe(1);
  });

  it('parallel attempts without a key still make one charge', async () => {
    const order = orders.create({ clientId: client.userId });
    const before = await writes();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => pay(client, { orderId: order.orderId, paymentMethodId: 'pm_card_visa' })),
    );
    expect(answers.filter((a) => a.statusCode === 200).length).toBeGreaterThanOrEqual(1);
    for (const a of answers) expect([200, 409]).toContain(a.statusCode);
    const after = await writes();
    expect(after.payments - before.payments).toBe(1);
    expect(after.sandbox_charges - before.sandbox_charges).toBe(1);
    await ledgerBalanced();
  });
});

describe('bad input: a clear 4xx naming the field, nothing written', () => {
  it.each([
    [
      'someone else’s order',
      () => ({ orderId: orders.create({ clientId: other.userId }).orderId, paymentMethodId: 'pm_card_visa' }),
      404,
      'orderId',
    ],
    ['an order that does not exist', () => ({ orderId: crypto.randomUUID(), paymentMethodId: 'pm_card_visa' }), 404, 'orderId'],
    [
      'an unknown currency',
      () => ({
        orderId: orders.create({ clientId: client.userId }).orderId,
        paymentMethodId: 'pm_card_visa',
        amount: { amount: 10, currency: 'XYZ' },
      }),
      400,
      'body.amount.currency',
    ],
    [
      'another currency than the order’s',
      () => ({ orderId: orders.create({ clientId: client.userId }).orderId, paymentMethodId: 'pm_card_visa', currency: 'USD' }),
      400,
      'body.currency',
    ],
    [
      'an amount that is not the total',
      () => ({
        orderId: orders.create({ clientId: client.userId }).orderId,
        paymentMethodId: 'pm_card_visa',
        amount: { amount: 1, currency: 'EUR' },
      }),
      400,
      'body.amount.amount',
    ],
    [
      'three decimals in EUR',
      () => ({
        orderId: orders.create({ clientId: client.userId }).orderId,
        paymentMethodId: 'pm_card_visa',
        amount: { amount: 1250.001, currency: 'EUR' },
      }),
      400,
      'body.amount.amount',
    ],
    [
      'a card token the sandbox does not know',
      () => ({ orderId: orders.create({ clientId: client.userId }).orderId, paymentMethodId: 'pm_made_up' }),
      400,
      'body.paymentMethodId',
    ],
    [
      'a card above CARD_LIMIT',
      () => ({
        orderId: orders.create({ clientId: client.userId, usdEquivalentMinor: 20_000_000 }).orderId,
        paymentMethodId: 'pm_card_visa',
      }),
      400,
      'body.paymentMethodId',
    ],
    ['not a uuid', () => ({ orderId: 'ZG-1', paymentMethodId: 'pm_card_visa' }), 400, 'body.orderId'],
  ])('%s', async (_label, payload, code, field) => {
    const before = await writes();
    const res = await pay(client, payload());
    expect(res.statusCode, res.body).toBe(code);
    expect(`${res.json().message} ${JSON.stringify(res.json().fieldErrors ?? {})}`).toContain(field.replace(/^body\./, ''));
    expect(await writes()).toEqual(before);
  });

  it('a sandbox card that is not a test card, or has expired, is refused naming the field', async () => {
    const t = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/v1/payments/sandbox/payment-methods', headers: client.auth, payload });
    expect((await t({ number: '4242424242424241', expMonth: 1, expYear: 2034, cvc: '123' })).json().fieldErrors).toHaveProperty(
      'body.number',
    );
    expect((await t({ number: '4242424242424242', expMonth: 1, expYear: 2020, cvc: '123' })).json().fieldErrors).toHaveProperty(
      'body.expYear',
    );
    expect((await t({ number: '4242424242424242', expMonth: 1, expYear: 2034, cvc: '12' })).json().fieldErrors).toHaveProperty('body.cvc');
  });

  it('GetPaymentStatus of someone else’s payment is 404', async () => {
    const order = orders.create({ clientId: client.userId });
    const res = await pay(client, { orderId: order.orderId, paymentMethodId: 'pm_card_visa' });
    expect((await status(other, res.json().paymentId)).statusCode).toBe(404);
    expect((await status(admin, res.json().paymentId)).statusCode).toBe(200);
  });
});

describe('RefundPayment', () => {
  it('partial then full refunds by an admin reverse the sale exactly; the order follows', async () => {
    const stylistId = crypto.randomUUID();
    const order = orders.create({
      clientId: client.userId,
      stylistId,
      lines: [
        { productId: crypto.randomUUID(), brandId: crypto.randomUUID(), quantity: 1, amountMinor: 33_333 },
        { productId: crypto.randomUUID(), brandId: crypto.randomUUID(), quantity: 2, amountMinor: 66_667 },
      ],
      taxMinor: 20_001,
      deliveryMinor: 999,
    });
    const paid = await pay(client, { orderId: order.orderId, paymentMethodId: 'pm_card_visa' });
    const paymentId = paid.json().paymentId;
    const first = await refund(admin, { paymentId, amount: { amount: 333.33, currency: 'EUR' }, reason: 'One piece returned' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().status).toBe('SUCCEEDED');
    expect(orders.get(order.orderId)!.status).toBe('PARTIALLY_REFUNDED');
    const second = await refund(admin, { paymentId, amount: { amount: 0.01, currency: 'EUR' } });
    expect(second.json().status).toBe('SUCCEEDED');
    const rest = order.totalMinor - 33_333 - 1;
    const third = await refund(admin, { paymentId, amount: { amount: rest / 100, currency: 'EUR' } });
    expect(third.json().status, third.body).toBe('SUCCEEDED');
    expect(orders.get(order.orderId)!.status).toBe('REFUNDED');
    expect((await status(client, paymentId)).json()).toMatchObject({ status: 'REFUNDED', refunded: { amount: order.totalMinor / 100 } });
    // Every account the sale credited is back to exactly zero for this order's houses and stylist.
    const tb = await trialBalance(app.db);
    for (const owner of [stylistId, ...order.lines.map((l) => l.brandId)]) {
      const row = tb.rows.find((r) => r.ownerId === owner)!;
      expect(row.netMinor, `owner ${owner}`).toBe(0);
    }
    await ledgerBalanced();
  });

  it('refuses a refund above what was paid, another currency, a non-admin, naming the field, writing nothing', async () => {
    const order = orders.create({ clientId: client.userId });
    const paymentId = (await pay(client, { orderId: order.orderId, paymentMethodId: 'pm_card_visa' })).json().paymentId;
    const before = await writes();
    const above = await refund(admin, { paymentId, amount: { amount: 1250.01, currency: 'EUR' } });
    expect(above.statusCode).toBe(400);
    expect(above.json().fieldErrors).toHaveProperty(['body.amount.amount']);
    const currency = await refund(admin, { paymentId, amount: { amount: 10, currency: 'USD' } });
    expect(currency.json().fieldErrors).toHaveProperty(['body.amount.currency']);
    const unknown = await refund(admin, { paymentId, amount: { amount: 10, currency: 'ABC' } });
    expect(unknown.json().fieldErrors).toHaveProperty(['body.amount.currency']);
    expect((await refund(client, { paymentId, amount: { amount: 10, currency: 'EUR' } })).statusCode).toBe(403);
    expect(await writes()).toEqual(before);
  });

  it('two admins refunding the last euro at once: one refund, never more than was paid', async () => {
    const order = orders.create({ clientId: client.userId });
    const paymentId = (await pay(client, { orderId: order.orderId, paymentMethodId: 'pm_card_visa' })).json().paymentId;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => refund(i % 2 ? admin : admin2, { paymentId, amount: { amount: 1250, currency: 'EUR' } })),
    );
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
    const [row] = await queryRows<{ refunded: number }>(
      app.db,
      sql`select refunded_minor as refunded from payments where id = ${paymentId}`,
    );
    expect(Number(row!.refunded)).toBe(125_000);
    await ledgerBalanced();
  });

  it('above the threshold a second admin approves; the one who asked cannot', async () => {
    const order = orders.create({
      clientId: client.userId,
      lines: [{ productId: crypto.randomUUID(), brandId: crypto.randomUUID(), quantity: 1, amountMinor: 5_000_000 }],
      taxMinor: 0,
      deliveryMinor: 0,
      usdEquivalentMinor: 5_400_000,
    });
    const paymentId = (await pay(client, { orderId: order.orderId, paymentMethodId: 'pm_card_visa' })).json().paymentId;
    const asked = await refund(admin, { paymentId, amount: { amount: 20_000, currency: 'EUR' } });
    expect(asked.json()).toMatchObject({ status: 'PENDING', approvalRequired: true });
    const refundId = asked.json().refundId;
    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/payments/refunds/${refundId}/approve`, headers: admin.auth })).statusCode,
    ).toBe(403);
    expect((await status(client, paymentId)).json().refunded.amount).toBe(0);
    const ok = await app.inject({ method: 'POST', url: `/api/v1/payments/refunds/${refundId}/approve`, headers: admin2.auth });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'SUCCEEDED', approvedBy: admin2.userId });
    expect((await status(client, paymentId)).json().refunded.amount).toBe(20_000);
  });

  it('the same Idempotency-Key on RefundPayment refunds once', async () => {
    const order = orders.create({ clientId: client.userId });
    const paymentId = (await pay(client, { orderId: order.orderId, paymentMethodId: 'pm_card_visa' })).json().paymentId;
    const key = crypto.randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => refund(admin, { paymentId, amount: { amount: 100, currency: 'EUR' } }, key)),
    );
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect((await status(client, paymentId)).json().refunded.amount).toBe(100);
  });
});

describe('bank transfer', () => {
  it('instructions with a unique reference; receipts in two parts add up; the order is paid when the sum arrives', async () => {
    const order = orders.create({ clientId: client.userId, usdEquivalentMinor: 50_000_000 });
    const res = await pay(client, { orderId: order.orderId, paymentMethodId: 'bank_transfer' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'PENDING',
      nextAction: { type: 'bank_transfer', amount: { amount: 1250, currency: 'EUR' } },
    });
    const reference = res.json().nextAction.reference as string;
    expect(reference).toMatch(/^ZG[0-9A-F]{10}$/);
    const paymentId = res.json().paymentId;
    const receipt = (amount: number, who = admin) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/admin/payments/${paymentId}/bank-receipts`,
        headers: who.auth,
        payload: { amount: { amount, currency: 'EUR' }, note: 'SWIFT MT103' },
      });
    expect((await receipt(100, client)).statusCode).toBe(403);
    const part = await receipt(1000);
    expect(part.statusCode, part.body).toBe(200);
    expect(part.json()).toMatchObject({ status: 'PENDING', received: { amount: 1000 } });
    expect(orders.get(order.orderId)!.status).toBe('PENDING_PAYMENT');
    const rest = await receipt(250);
    expect(rest.json()).toMatchObject({ status: 'SUCCEEDED', received: { amount: 1250 } });
    expect(orders.get(order.orderId)!.status).toBe('PAID');
    await ledgerBalanced();
    const mails = await listDevMail(app.db, app.ctx.keys);
    expect(mails.some((m) => m.text.includes(reference))).toBe(true);
  });
});

describe('free text at rest (#11.11)', () => {
  const auditOf = async (action: string, key: string, id: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/admin/audit-log?action=${action}&maxResults=200`, headers: admin.auth });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().entries as Array<{ entryId: string; details: Record<string, unknown> }>).find((e) => e.details[key] === id)!;
  };

  it('a refund’s reason and a bank receipt’s note are stored encrypted, in their rows and in the audit log, and read in clear', async () => {
    const reason = 'Mrs Okonkwo returned the coat: her late husband’s estate asked for it back.';
    const order = orders.create({ clientId: client.userId });
    const paymentId = (await pay(client, { orderId: order.orderId, paymentMethodId: 'pm_card_visa' })).json().paymentId as string;
    const done = await refund(admin, { paymentId, amount: { amount: 100, currency: 'EUR' }, reason });
    expect(done.statusCode, done.body).toBe(200);
    const refundId = done.json().refundId as string;
    await expectSealed(app, { table: 'payment_refunds', column: 'reason' }, refundId, 'Okonkwo');
    const shown = async () =>
      (await status(admin, paymentId)).json().refunds.find((r: { refundId: string }) => r.refundId === refundId).reason as string;
    expect(await shown()).toBe(reason);
    const requested = await auditOf('payment.refund.requested', 'refundId', refundId);
    expect(requested.details.reason).toBe(reason);
    await expectSealed(app, { table: 'audit_log', column: 'details', key: 'reason' }, requested.entryId, 'Okonkwo');

    const note = 'Wired by Mr J. Okonkwo from Barclays, account ending 4471, on behalf of his mother.';
    const wire = orders.create({ clientId: client.userId });
    const wired = (await pay(client, { orderId: wire.orderId, paymentMethodId: 'bank_transfer' })).json().paymentId as string;
    const receipt = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/payments/${wired}/bank-receipts`,
      headers: admin.auth,
      payload: { amount: { amount: 10, currency: 'EUR' }, note },
    });
    expect(receipt.statusCode, receipt.body).toBe(200);
    const [row] = await queryRows<{ id: string }>(
      app.db,
      sql`select id::text as id from bank_transfer_receipts where payment_id = ${wired}`,
    );
    await expectSealed(app, { table: 'bank_transfer_receipts', column: 'note' }, row!.id, 'Okonkwo');
    const received = await auditOf('payment.bankTransfer.received', 'paymentId', wired);
    expect(received.details.note).toBe(note);
    await expectSealed(app, { table: 'audit_log', column: 'details', key: 'note' }, received.entryId, 'Okonkwo');

    // Rows written in clear before are converted at start-up, and read the same.
    await expectConverted(app, { table: 'payment_refunds', column: 'reason' }, refundId, reason);
    await expectConverted(app, { table: 'audit_log', column: 'details', key: 'reason' }, requested.entryId, reason);
    await expectConverted(app, { table: 'bank_transfer_receipts', column: 'note' }, row!.id, note);
    expect(await shown()).toBe(reason);
    expect((await auditOf('payment.refund.requested', 'refundId', refundId)).details.reason).toBe(reason);
  });
});

describe('high value and cancellation', () => {
  it('an order needing approval holds the funds; approval captures and pays it', async () => {
    const order = orders.create({ clientId: client.userId, needsApproval: true });
    const res = await pay(client, { orderId: order.orderId, paymentMethodId: 'pm_card_visa' });
    expect(res.json().status).toBe('AUTHORIZED');
    expect(orders.get(order.orderId)!.status).toBe('AWAITING_APPROVAL');
    const { onOrderApproved } = await import('./service.ts');
    await onOrderApproved(app.ctx, order.orderId, admin.userId);
    expect((await status(client, res.json().paymentId)).json().status).toBe('SUCCEEDED');
    expect(orders.get(order.orderId)!.status).toBe('PAID');
    await ledgerBalanced();
  });

  it('cancelling an order releases a hold, and refunds a captured payment', async () => {
    const { onOrderCancelled } = await import('./service.ts');
    const held = orders.create({ clientId: client.userId, needsApproval: true });
    const h = await pay(client, { orderId: held.orderId, paymentMethodId: 'pm_card_visa' });
    orders.setStatus(held.orderId, 'CANCELLED');
    await onOrderCancelled(app.ctx, held.orderId, client.userId, 'Changed my mind');
    expect((await status(client, h.json().paymentId)).json().status).toBe('CANCELLED');
    const [charge] = await queryRows<{ status: string }>(
      app.db,
      sql`select status from sandbox_charges where id = ${h.json().transactionId}`,
    );
    expect(charge!.status).toBe('canceled');

    const paid = orders.create({ clientId: client.userId });
    const p = await pay(client, { orderId: paid.orderId, paymentMethodId: 'pm_card_visa' });
    orders.setStatus(paid.orderId, 'CANCELLED');
    await onOrderCancelled(app.ctx, paid.orderId, client.userId, 'Cancelled before shipping');
    expect((await status(client, p.json().paymentId)).json()).toMatchObject({ status: 'REFUNDED', refunded: { amount: 1250 } });
    await ledgerBalanced();
  });

  it('an order cancelled while the provider authorized and captured it in one call: the charge is refunded once, never kept', async () => {
    const { onOrderCancelled } = await import('./service.ts');
    const { setFaultHook } = await import('./faults.ts');
    const refunded = async (ref: string) =>
      (
        await queryRows<{ status: string; refunded: number }>(
          app.db,
          sql`select status, amount_refunded_minor as refunded from sandbox_charges where id = ${ref}`,
        )
      )[0];
    try {
      // The request reads the order after the call, finds it cancelled, and gives the money back itself.
      const first = orders.create({ clientId: client.userId });
      setFaultHook((at) => at === 'payment.authorized-at-provider' && orders.setStatus(first.orderId, 'CANCELLED'));
      const a = (await pay(client, { orderId: first.orderId, paymentMethodId: 'pm_card_visa' })).json();
      setFaultHook(() => undefined);
      expect(a).toMatchObject({ status: 'CANCELLED', message: expect.stringMatching(/refunded/) });
      const [aCharge] = await queryRows<{ id: string }>(
        app.db,
        sql`select id from sandbox_charges where metadata ->> 'paymentId' = ${a.paymentId}`,
      );
      expect(await refunded(aCharge!.id)).toEqual({ status: 'succeeded', refunded: first.totalMinor });
      await onOrderCancelled(app.ctx, first.orderId, client.userId, 'Changed my mind');
      expect(await refunded(aCharge!.id)).toEqual({ status: 'succeeded', refunded: first.totalMinor });

      // The cancellation's job runs first, during the call: it closes the payment and refunds; the request then leaves it.
      const second = orders.create({ clientId: client.userId });
      let job: Promise<void> | undefined;
      setFaultHook((at) => {
        if (at !== 'payment.authorized-at-provider') return;
        orders.setStatus(second.orderId, 'CANCELLED');
        job = onOrderCancelled(app.ctx, second.orderId, client.userId, 'Changed my mind');
      });
      const b = (await pay(client, { orderId: second.orderId, paymentMethodId: 'pm_card_visa' })).json();
      setFaultHook(() => undefined);
      await job;
      const after = (await status(client, b.paymentId)).json();
      expect(after).toMatchObject({ status: 'CANCELLED', captured: { amount: 0 } });
      const [bCharge] = await queryRows<{ id: string }>(
        app.db,
        sql`select id from sandbox_charges where metadata ->> 'paymentId' = ${b.paymentId}`,
      );
      expect(await refunded(bCharge!.id)).toEqual({ status: 'succeeded', refunded: second.totalMinor });
      const exceptions = (await app.inject({ method: 'GET', url: '/api/v1/admin/payments/exceptions', headers: admin.auth })).json();
      for (const id of [a.paymentId, b.paymentId])
        expect(
          exceptions.exceptions.filter(
            (e: { kind: string; paymentId: string }) => e.kind === 'capture_without_order' && e.paymentId === id,
          ),
        ).toHaveLength(1);
    } finally {
      setFaultHook(() => undefined);
    }
    await ledgerBalanced();
  });

  it('an authorization about to expire is captured by the job; one already expired is reported, never lost', async () => {
    const { captureDueAuthorizations } = await import('./service.ts');
    const sandbox = app.ctx.adapters.payments as SandboxProvider;
    const soon = orders.create({ clientId: client.userId, needsApproval: true });
    const s = (await pay(client, { orderId: soon.orderId, paymentMethodId: 'pm_card_visa' })).json();
    await sandbox.setCaptureBefore(s.transactionId, new Date(Date.now() + 3_600_000));
    await app.db.execute(sql`update payments set authorization_expires_at = now() + interval '1 hour' where id = ${s.paymentId}`);
    const late = orders.create({ clientId: client.userId, needsApproval: true });
    const l = (await pay(client, { orderId: late.orderId, paymentMethodId: 'pm_card_visa' })).json();
    await sandbox.setCaptureBefore(l.transactionId, new Date(Date.now() - 1_000));
    await app.db.execute(sql`update payments set authorization_expires_at = now() - interval '1 second' where id = ${l.paymentId}`);
    await captureDueAuthorizations(app.ctx);
    expect((await status(client, s.paymentId)).json().status).toBe('SUCCEEDED');
    expect(orders.get(soon.orderId)!.status).toBe('AWAITING_APPROVAL');
    expect((await status(client, l.paymentId)).json().status).toBe('CANCELLED');
    const exceptions = await app.inject({ method: 'GET', url: '/api/v1/admin/payments/exceptions', headers: admin.auth });
    expect(
      exceptions
        .json()
        .exceptions.some((e: { kind: string; paymentId: string }) => e.kind === 'authorization_expired' && e.paymentId === l.paymentId),
    ).toBe(true);
    await ledgerBalanced();
  });
});

describe('reconciler', () => {
  it('completes a payment the provider authorized but we never recorded, and fails one the provider never saw', async () => {
    const a = orders.create({ clientId: client.userId });
    const b = orders.create({ clientId: client.userId });
    // As a crash would leave them: our PENDING rows, one of which reached the provider.
    const { uuidv7 } = await import('uuidv7');
    const [pa, pb] = [uuidv7(), uuidv7()];
    for (const [id, o] of [
      [pa, a],
      [pb, b],
    ] as const) {
      await app.db.execute(
        sql`insert into payments (id, order_id, client_id, provider, status, currency, amount_minor, payment_method_id, updated_at) values (${id}, ${o.orderId}, ${client.userId}, 'sandbox', 'PENDING', 'EUR', ${o.totalMinor}, 'pm_card_visa', now() - interval '5 minutes')`,
      );
    }
    await app.ctx.adapters.payments.authorize({
      paymentId: pa,
      orderId: a.orderId,
      amountMinor: a.totalMinor,
      currency: 'EUR',
      paymentMethodId: 'pm_card_visa',
      description: 'x',
      returnUrl: 'http://x',
      capture: 'manual',
    });
    const report = await reconcile(app.ctx, 60);
    expect(report.paymentsResolved).toBeGreaterThanOrEqual(2);
    expect((await status(client, pa)).json().status).toBe('SUCCEEDED');
    expect(orders.get(a.orderId)!.status).toBe('PAID');
    expect((await status(client, pb)).json().status).toBe('FAILED');
    expect(orders.get(b.orderId)!.status).toBe('PENDING_PAYMENT');
    await ledgerBalanced();
  });

  it('finds charges at the provider that no live payment of ours accounts for, releases them and tells the house office', async () => {
    const { uuidv7 } = await import('uuidv7');
    const provider = app.ctx.adapters.payments;
    const charge = (paymentId: string) =>
      provider.authorize({
        paymentId,
        orderId: uuidv7(),
        amountMinor: 12_345,
        currency: 'EUR',
        paymentMethodId: 'pm_card_visa',
        description: 'made outside the platform',
        returnUrl: 'http://x',
        capture: 'manual',
      });
    // A hold and a capture the provider made for payments we never recorded.
    const held = await charge(uuidv7());
    const taken = await provider.capture((await charge(uuidv7())).ref);
    expect(taken.status).toBe('succeeded');
    // A payment we gave up on (FAILED) whose charge still holds money.
    const o = orders.create({ clientId: client.userId });
    const given = uuidv7();
    await app.db.execute(
      sql`insert into payments (id, order_id, client_id, provider, status, currency, amount_minor, payment_method_id, updated_at) values (${given}, ${o.orderId}, ${client.userId}, 'sandbox', 'FAILED', 'EUR', 12345, 'pm_card_visa', now() - interval '5 minutes')`,
    );
    const givenUp = await charge(given);

    const report = await reconcile(app.ctx, 60);
    expect(report.paymentsResolved).toBeGreaterThanOrEqual(3);
    expect((await provider.retrieve(held.ref)).status).toBe('canceled');
    expect((await provider.retrieve(taken.ref)).amountRefundedMinor).toBe(12_345);
    expect((await provider.retrieve(givenUp.ref)).status).toBe('canceled');
    const reported = await queryRows<{ n: number }>(
      app.db,
      sql`select count(*)::int as n from payment_exceptions where kind = 'charge_without_payment' and resolved_at is null`,
    );
    expect(reported[0]!.n).toBeGreaterThanOrEqual(1);
    // A second run finds nothing left to release and refunds nothing twice.
    const again = await reconcile(app.ctx, 60);
    expect(again.exceptions).toBe(0);
    expect((await provider.retrieve(taken.ref)).amountRefundedMinor).toBe(12_345);
    await ledgerBalanced();
  });
});

describe('the ledger in the database', () => {
  it('refuses an unbalanced transaction at commit, and any change to an entry', async () => {
    const { post } = await import('../ledger/service.ts');
    await expect(
      app.db.transaction(async (tx) => {
        await post(tx, {
          kind: 'test',
          reference: crypto.randomUUID(),
          memo: 'balanced',
          entries: [
            { account: { kind: 'platform_revenue' }, currency: 'EUR', amountMinor: 5 },
            { account: { kind: 'refunds' }, currency: 'EUR', amountMinor: -5 },
          ],
        });
        // A raw entry that leaves the transaction off by one cent.
        const [t] = await queryRows<{ id: string }>(tx, sql`select id from ledger_transactions order by id desc limit 1`);
        await tx.execute(
          sql`insert into ledger_entries (id, transaction_id, account_id, currency, amount_minor) select gen_random_uuid(), ${t!.id}, account_id, 'EUR', 1 from ledger_entries limit 1`,
        );
      }),
    ).rejects.toThrow();
    await expect(app.db.execute(sql`update ledger_entries set amount_minor = amount_minor + 1`)).rejects.toThrow();
    await expect(app.db.execute(sql`delete from ledger_entries`)).rejects.toThrow();
    await ledgerBalanced();
  });
});
