import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { accountOf, type TestAccount } from '../../test/identity.ts';
import { installTestOrders, type TestOrders } from '../payments/test-orders.ts';
import { approvedStylist, type TestStylist } from '../stylists/test-helpers.ts';
import type { Db } from '../../db/client.ts';
import { saleRatesOf, splitSale } from './service.ts';

let app: TestApp;
let orders: TestOrders;
let admin: TestAccount;
let client: TestAccount;
let stylist: TestStylist;
const month = new Date().toISOString().slice(0, 7);

beforeAll(async () => {
  orders = installTestOrders();
  app = await buildTestApp({ PAYMENTS_RECONCILE_INTERVAL_SECONDS: '0' });
  admin = await accountOf(app, 'ADMIN');
  client = await accountOf(app, 'CLIENT');
  stylist = await approvedStylist(app, admin);
}, 90_000);
afterAll(async () => {
  orders.restore();
  await app.shutdown();
});

const get = (who: TestAccount, url: string) => app.inject({ method: 'GET', url, headers: who.auth });

describe('commissions, statements, payouts and the trial balance', () => {
  it('a stylist earns their rate on an attributed order, loses the refunded share, is paid out, and the books net to zero', async () => {
    const brandId = crypto.randomUUID();
    // The house pays 20 % platform commission; the stylist earns 12 % of the pieces.
    for (const [ownerKind, ownerId, rateBp] of [
      ['house', brandId, 2_000],
      ['stylist', stylist.stylistId, 1_200],
    ] as const) {
      const set = await app.inject({
        method: 'PUT',
        url: '/api/v1/admin/ledger/commission-rates',
        headers: admin.auth,
        payload: { ownerKind, ownerId, rateBp },
      });
      expect(set.statusCode, set.body).toBe(204);
    }
    const order = orders.create({
      clientId: client.userId,
      stylistId: stylist.stylistId,
      currency: 'USD',
      lines: [{ productId: crypto.randomUUID(), brandId, quantity: 1, amountMinor: 1_000_000 }],
      taxMinor: 80_000,
      deliveryMinor: 2_500,
    });
    const paid = await app.inject({
      method: 'POST',
      url: '/api/v1/payments/process',
      headers: client.auth,
      payload: { orderId: order.orderId, paymentMethodId: 'pm_card_visa' },
    });
    expect(paid.statusCode, paid.body).toBe(200);
    // A quarter of the order comes back: a quarter of every share is reversed.
    const refund = await app.inject({
      method: 'POST',
      url: '/api/v1/payments/refund',
      headers: admin.auth,
      payload: { paymentId: paid.json().paymentId, amount: { amount: 2_706.25, currency: 'USD' } },
    });
    expect(refund.json().status, refund.body).toBe('SUCCEEDED');

    const mine = await get(stylist, `/api/v1/me/statements?month=${month}`);
    expect(mine.statusCode, mine.body).toBe(200);
    const usd = mine.json().currencies.find((c: { currency: string }) => c.currency === 'USD');
    expect(usd).toMatchObject({ earned: { amount: 1_200 }, reversed: { amount: -300 }, closing: { amount: 900 } });

    const tooMuch = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/ledger/payouts',
      headers: admin.auth,
      payload: { ownerKind: 'stylist', ownerId: stylist.stylistId, amount: { amount: 900.01, currency: 'USD' }, reference: 'WIRE-1' },
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().fieldErrors).toHaveProperty(['body.amount.amount']);
    const payout = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/ledger/payouts',
      headers: admin.auth,
      payload: { ownerKind: 'stylist', ownerId: stylist.stylistId, amount: { amount: 900, currency: 'USD' }, reference: 'WIRE-1' },
    });
    expect(payout.statusCode, payout.body).toBe(201);
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/ledger/payouts',
      headers: admin.auth,
      payload: { ownerKind: 'stylist', ownerId: stylist.stylistId, amount: { amount: 900, currency: 'USD' }, reference: 'WIRE-1' },
    });
    expect(again.json()).toEqual({ recorded: false });

    const after = (await get(stylist, `/api/v1/me/statements?month=${month}`)).json();
    expect(after.currencies.find((c: { currency: string }) => c.currency === 'USD')).toMatchObject({
      paidOut: { amount: -900 },
      closing: { amount: 0 },
    });
    expect(
      (await get(admin, `/api/v1/admin/ledger/statements?ownerKind=house&ownerId=${brandId}&month=${month}`)).json().currencies[0],
    ).toMatchObject({ earned: { amount: 8_000 }, reversed: { amount: -2_000 }, closing: { amount: 6_000 } });

    const tb = await get(admin, '/api/v1/admin/ledger/trial-balance');
    expect(tb.statusCode).toBe(200);
    for (const t of tb.json().totals) expect(t.net.amount).toBe(0);
    const taxes = tb
      .json()
      .accounts.find((a: { kind: string; net: { currency: string } }) => a.kind === 'taxes_collected' && a.net.currency === 'USD');
    expect(taxes.credit.amount).toBe(800);
    expect(taxes.debit.amount).toBe(200);
    // Clients and stylists do not read the books.
    expect((await get(client, '/api/v1/admin/ledger/trial-balance')).statusCode).toBe(403);
    expect((await get(client, `/api/v1/me/statements?month=${month}`)).statusCode).toBe(403);
  });

  it('a sale uses commission rates read ahead only when they are its own houses’ and stylist’s', async () => {
    const brandId = crypto.randomUUID();
    const set = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/ledger/commission-rates',
      headers: admin.auth,
      payload: { ownerKind: 'house', ownerId: brandId, rateBp: 3_000 },
    });
    expect(set.statusCode, set.body).toBe(204);
    const sale = {
      paymentId: crypto.randomUUID(),
      orderId: crypto.randomUUID(),
      currency: 'EUR' as const,
      totalMinor: 10_000,
      taxMinor: 0,
      deliveryMinor: 0,
      lines: [{ brandId, amountMinor: 10_000 }],
      stylistId: null,
    };
    // Read ahead for this house (as a checkout's payment move reads them): used as they are, with no round trip.
    const noDatabase = new Proxy(
      {},
      {
        get: () => {
          throw new Error('the sale read the database');
        },
      },
    ) as Db;
    expect((await splitSale(noDatabase, sale, saleRatesOf([brandId], null, [['house', brandId, 1_500]]))).partners).toEqual([
      { brandId, amountMinor: 8_500 },
    ]);
    // Read ahead for another house, or with a stylist the sale does not have: the sale reads its own (30 %).
    for (const ahead of [saleRatesOf([crypto.randomUUID()], null, []), saleRatesOf([brandId], stylist.stylistId, [])]) {
      expect((await splitSale(app.db, sale, ahead)).partners).toEqual([{ brandId, amountMinor: 7_000 }]);
    }
  });

  it('bad month or currency is a 400 naming the field', async () => {
    expect((await get(stylist, '/api/v1/me/statements?month=2026-13')).json().fieldErrors).toHaveProperty(['querystring.month']);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/ledger/payouts',
      headers: admin.auth,
      payload: { ownerKind: 'stylist', ownerId: stylist.stylistId, amount: { amount: 1, currency: 'XXX' }, reference: 'W' },
    });
    expect(bad.json().fieldErrors).toHaveProperty(['body.amount.currency']);
  });
});
