/** Receipts through the API: the order's client and admins download them, anyone else learns nothing; signed links expire. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { accountOf, type TestAccount } from '../../test/identity.ts';
import type { CatalogFixture } from '../../test/catalog.ts';
import { formatMoney, fromDecimal } from '../../../shared/money.ts';
import { addPiece, orderBody, placeOrder, setupCatalog, type Piece } from '../orders/test-helpers.ts';
import { RECEIPT_LINK_TTL_SECONDS, signedReceiptLink } from './receipts.ts';
import { pdfText } from './test/pdf-text.ts';

let app: TestApp;
let fx: CatalogFixture;
let client: TestAccount;
let other: TestAccount;
let stylist: TestAccount;
let bag: Piece;
let paid: { orderId: string; orderNumber: string; paymentId: string; total: { amount: number; currency: string } };

beforeAll(async () => {
  app = await buildTestApp({ PAYMENTS_RECONCILE_INTERVAL_SECONDS: '0' });
  fx = await setupCatalog(app);
  client = fx.client;
  [other, stylist] = await Promise.all([accountOf(app, 'CLIENT'), accountOf(app, 'STYLIST')]);
  bag = await addPiece(app, fx, { name: 'Quilted Flap Bag', amount: 3200, variants: [{ color: 'black', stock: 50 }] });
  paid = await buyAndPay('EUR');
}, 120_000);
afterAll(() => app?.shutdown());

async function buyAndPay(currency: string) {
  const placed = await placeOrder(app, client, orderBody(client, bag, { currency }));
  expect(placed.statusCode, placed.body).toBe(201);
  const orderId = placed.json().orderId as string;
  const pay = await app.inject({
    method: 'POST',
    url: '/api/v1/payments/process',
    headers: client.auth,
    payload: { orderId, paymentMethodId: 'pm_card_visa' },
  });
  expect(pay.statusCode, pay.body).toBe(200);
  expect(pay.json().status).toBe('SUCCEEDED');
  return {
    orderId,
    orderNumber: placed.json().order.orderNumber as string,
    paymentId: pay.json().paymentId as string,
    total: placed.json().order.totalAmount as { amount: number; currency: string },
  };
}

const get = (url: string, who?: TestAccount) => app.inject({ method: 'GET', url, headers: who ? who.auth : {} });
const paymentReceipt = (orderId: string, paymentId: string) => `/api/v1/orders/${orderId}/payments/${paymentId}/receipt`;

function expectPdf(res: Awaited<ReturnType<typeof get>>, filename: string): string {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['content-disposition']).toBe(`attachment; filename="${filename}"`);
  expect(res.headers['cache-control']).toBe('private, no-store');
  expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const raw = res.rawPayload.toString('latin1');
  expect(raw).toContain('/FontFile2');
  expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
  return pdfText(res.rawPayload);
}

describe('payment receipts', () => {
  it('the order’s client downloads the receipt: house, order number, name, pieces, amount and card', async () => {
    const res = await get(paymentReceipt(paid.orderId, paid.paymentId), client);
    const text = expectPdf(res, `StyleByZaga-${paid.orderNumber}-receipt.pdf`);
    expect(text).toContain('STYLEBYZAGA');
    expect(text).toContain(paid.orderNumber);
    expect(text).toContain('Ava Laurent');
    // The piece as ordered: its colour beside its name.
    expect(text).toMatch(/Quilted Flap Bag · black/i);
    expect(text).toContain(formatMoney(paid.total));
    expect(text).toMatch(/Visa •••• 4242/);
    // No clock is known for this client: the date reads in the house's time, in words.
    expect(text).toMatch(/\w+day \d{1,2} \w+ 20\d\d at \d\d:\d\d, Paris time/);
  });

  it('an admin downloads it too; another client gets 404, a stylist 403, nobody signed in 401', async () => {
    const url = paymentReceipt(paid.orderId, paid.paymentId);
    expect((await get(url, fx.admin)).statusCode).toBe(200);
    const foreign = await get(url, other);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('ResourceNotFoundException');
    expect((await get(url, stylist)).statusCode).toBe(403);
    expect((await get(url)).statusCode).toBe(401);
    // The payment of one order under another order's id, an unknown id, a malformed one.
    const mine = await buyAndPay('EUR');
    expect((await get(paymentReceipt(mine.orderId, paid.paymentId), client)).statusCode).toBe(404);
    expect((await get(paymentReceipt(paid.orderId, crypto.randomUUID()), client)).statusCode).toBe(404);
    expect((await get(paymentReceipt(paid.orderId, 'nope'), client)).statusCode).toBe(400);
  });

  it('lists an order’s receipts with links signed for 15 minutes that download without a session', async () => {
    const list = await get(`/api/v1/orders/${paid.orderId}/receipts`, client);
    expect(list.statusCode, list.body).toBe(200);
    const [receipt] = list.json().receipts;
    expect(list.json().receipts).toHaveLength(1);
    expect(receipt).toMatchObject({
      kind: 'payment',
      receiptId: paid.paymentId,
      paymentId: paid.paymentId,
      amount: paid.total,
      description: 'Payment in full · Visa •••• 4242',
      downloadPath: paymentReceipt(paid.orderId, paid.paymentId),
    });
    const ttl = new Date(receipt.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan((RECEIPT_LINK_TTL_SECONDS - 60) * 1000);
    expect(ttl).toBeLessThanOrEqual(RECEIPT_LINK_TTL_SECONDS * 1000);
    expectPdf(await get(receipt.url), `StyleByZaga-${paid.orderNumber}-receipt.pdf`);
    // GetPaymentStatus carries the same kind of link.
    const status = await get(`/api/v1/payments/${paid.paymentId}/status`, client);
    expect(status.json().receipts).toEqual([
      { kind: 'payment', id: paid.paymentId, url: expect.stringMatching(/^\/api\/v1\/receipts\/payment\//) },
    ]);
    expect((await get(`/api/v1/orders/${paid.orderId}/receipts`, other)).statusCode).toBe(404);
    expect((await get(`/api/v1/orders/${paid.orderId}/receipts`)).statusCode).toBe(401);
  });

  it('refuses a tampered or expired link with 403 and words that say which', async () => {
    const { url } = signedReceiptLink(app.ctx.keys, 'payment', paid.paymentId);
    const u = new URL(url, 'http://x');
    const sig = u.searchParams.get('signature')!;
    const expires = Number(u.searchParams.get('expires'));
    const tampered = [
      `/api/v1/receipts/payment/${paid.paymentId}?expires=${expires}&signature=${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`,
      `/api/v1/receipts/payment/${paid.paymentId}?expires=${expires + 3600}&signature=${sig}`,
      `/api/v1/receipts/refund/${paid.paymentId}?expires=${expires}&signature=${sig}`,
      `/api/v1/receipts/payment/${crypto.randomUUID()}?expires=${expires}&signature=${sig}`,
    ];
    for (const link of tampered) {
      const res = await get(link);
      expect(res.statusCode, link).toBe(403);
      expect(res.json()).toMatchObject({ code: 'AccessDeniedException', reason: 'LINK_INVALID' });
    }
    const old = signedReceiptLink(app.ctx.keys, 'payment', paid.paymentId, Date.now() - (RECEIPT_LINK_TTL_SECONDS + 1) * 1000);
    const expired = await get(old.url);
    expect(expired.statusCode).toBe(403);
    expect(expired.json()).toMatchObject({ code: 'AccessDeniedException', reason: 'LINK_EXPIRED' });
    expect(expired.json().message).toMatch(/expired/);
    expect((await get(`/api/v1/receipts/payment/${paid.paymentId}`)).statusCode).toBe(400);
    // A signed link to something with no receipt (no such payment) is a plain 404.
    const none = signedReceiptLink(app.ctx.keys, 'refund', crypto.randomUUID());
    expect((await get(none.url)).statusCode).toBe(404);
  });

  it('prints a yen receipt without decimals and a dinar receipt with three, dated on the client’s own clock', async () => {
    const tz = await app.inject({
      method: 'PUT',
      url: '/api/v1/me/notification-settings',
      headers: client.auth,
      payload: { timeZone: 'Asia/Tokyo' },
    });
    expect(tz.statusCode, tz.body).toBe(200);
    for (const currency of ['JPY', 'KWD']) {
      const order = await buyAndPay(currency);
      const text = pdfText((await get(paymentReceipt(order.orderId, order.paymentId), client)).rawPayload);
      expect(text).toContain(formatMoney(order.total));
      expect(formatMoney(order.total)).toMatch(currency === 'JPY' ? /^JP¥[\d,]+$/ : /^KWD\s[\d,]+\.\d{3}$/);
      expect(text).toMatch(/\w+day \d{1,2} \w+ 20\d\d at \d\d:\d\d, Tokyo time/);
    }
  });
});

describe('bank transfer receipts', () => {
  it('names the transfer’s reference as the method, once the wire has arrived', async () => {
    const placed = await placeOrder(app, client, orderBody(client, bag));
    const { orderId, order } = placed.json();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/payments/process',
      headers: client.auth,
      payload: { orderId, paymentMethodId: 'bank_transfer' },
    });
    const { paymentId, nextAction } = res.json();
    // Nothing has arrived yet: no receipt.
    expect((await get(paymentReceipt(orderId, paymentId), client)).statusCode).toBe(404);
    expect((await get(`/api/v1/orders/${orderId}/receipts`, client)).json().receipts).toEqual([]);
    const wire = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/payments/${paymentId}/bank-receipts`,
      headers: fx.admin.auth,
      payload: { amount: order.totalAmount },
    });
    expect(wire.statusCode, wire.body).toBe(200);
    const text = expectPdf(await get(paymentReceipt(orderId, paymentId), client), `StyleByZaga-${order.orderNumber}-receipt.pdf`);
    expect(text).toContain(`Bank transfer, reference ${nextAction.reference}`);
    expect(text).toContain(formatMoney(order.totalAmount));
  });
});

describe('refund receipts', () => {
  it('shows what was refunded, what had been refunded by then and what remains paid; each refund its own receipt', async () => {
    const order = await buyAndPay('EUR');
    const refund = async (amount: number, reason?: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/payments/refund',
        headers: { ...fx.admin.auth, 'idempotency-key': crypto.randomUUID() },
        payload: { paymentId: order.paymentId, amount: { amount, currency: 'EUR' }, ...(reason ? { reason } : {}) },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe('SUCCEEDED');
      return res.json().refundId as string;
    };
    const first = await refund(400, 'A scratch on the clasp');
    const second = await refund(250);
    const eur = (amount: number) => formatMoney(fromDecimal(amount.toFixed(2), 'EUR'));

    const list = (await get(`/api/v1/orders/${order.orderId}/receipts`, client)).json().receipts;
    expect(list.map((r: { kind: string; receiptId: string }) => [r.kind, r.receiptId])).toEqual([
      ['payment', order.paymentId],
      ['refund', first],
      ['refund', second],
    ]);
    expect(list[1]).toMatchObject({ amount: { amount: 400, currency: 'EUR' }, description: 'Refund · Visa •••• 4242' });

    const url = (refundId: string) => `/api/v1/orders/${order.orderId}/refunds/${refundId}/receipt`;
    const one = expectPdf(await get(url(first), client), `StyleByZaga-${order.orderNumber}-refund-1.pdf`);
    expect(one).toContain('Refund receipt');
    expect(one).toContain(`Refunded\n${eur(400)}`);
    expect(one).toContain(`Refunded to date\n${eur(400)}`);
    expect(one).toContain(`Remains paid\n${eur(order.total.amount - 400)}`);
    expect(one).toContain('Reason: A scratch on the clasp');
    const two = expectPdf(await get(url(second), client), `StyleByZaga-${order.orderNumber}-refund-2.pdf`);
    expect(two).toContain(`Refunded\n${eur(250)}`);
    expect(two).toContain(`Refunded to date\n${eur(650)}`);
    expect(two).toContain(`Remains paid\n${eur(order.total.amount - 650)}`);
    // The first receipt is unchanged by the second refund, byte for byte.
    expect((await get(url(first), client)).rawPayload.equals((await get(url(first), client)).rawPayload)).toBe(true);
    expectPdf(await get(list[2].url), `StyleByZaga-${order.orderNumber}-refund-2.pdf`);

    expect((await get(url(first), other)).statusCode).toBe(404);
    expect((await get(url(first))).statusCode).toBe(401);
    expect((await get(`/api/v1/orders/${paid.orderId}/refunds/${first}/receipt`, client)).statusCode).toBe(404);
    // A payment id is not a refund id.
    expect((await get(url(order.paymentId), client)).statusCode).toBe(404);
  });
});
