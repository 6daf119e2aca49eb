import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildTestApp, countRows, type TestApp } from '../../test/app.ts';
import { expectConverted, expectSealed } from '../../test/free-text.ts';
import { accountOf, signUp, totp, type TestAccount } from '../../test/identity.ts';
import { advanceStepUpClock } from '../../security/step-up-clock.ts';
import type { CatalogFixture } from '../../test/catalog.ts';
import { listDevMail } from '../mail/service.ts';
import { releaseUnpaidOrders } from './jobs.ts';
import { getOrderForPayment, registerOrderHook, transitionOrder, type OrderHookEvent } from './service.ts';
import { addPiece, orderBody, PARIS, placeOrder, setStock, setupCatalog, stockOf, type Piece } from './test-helpers.ts';

let app: TestApp;
let fx: CatalogFixture;
let client: TestAccount;
let other: TestAccount;
let bag: Piece;
let ring: Piece;
let vipPiece: Piece;
const hookEvents: OrderHookEvent[] = [];

beforeAll(async () => {
  app = await buildTestApp();
  fx = await setupCatalog(app);
  client = fx.client;
  other = await signUp(app);
  bag = await addPiece(app, fx, { name: 'Quilted Flap Bag', amount: 3200, variants: [{ color: 'black', stock: 50 }] });
  ring = await addPiece(app, fx, {
    name: 'Trinity Ring',
    brand: 'cartier',
    category: 'rings',
    amount: 2150,
    variants: [
      { size: '52', stock: 3 },
      { size: '54', stock: 3 },
    ],
  });
  vipPiece = await addPiece(app, fx, { name: 'Private Salon Minaudière', amount: 4200, visibility: 'VIP_ONLY', variants: [{ stock: 2 }] });
  // Stands in for payments: records what it hears and hands back a refund id on cancellation.
  registerOrderHook('test-payments', async (_tx, event) => {
    hookEvents.push(event);
    return event.type === 'cancelled' && event.previousState === 'PAID' ? { refundId: `refund-${event.order.number}` } : undefined;
  });
}, 120_000);

afterAll(async () => {
  registerOrderHook('test-payments', async () => undefined);
  await app?.shutdown();
});

describe('CreateOrder', () => {
  it('prices on the server, reserves the piece, numbers the order and starts its timeline', async () => {
    const before = await stockOf(app, bag.variantIds[0]!);
    const res = await placeOrder(app, client, orderBody(client, bag, {}, { quantity: 2 }));
    expect(res.statusCode, res.body).toBe(201);
    const { order, orderId, paymentRequired } = res.json();
    expect(orderId).toBe(order.orderId);
    expect(paymentRequired).toBe(true);
    expect(order.orderNumber).toMatch(/^ZG-\d{4}-\d{6}$/);
    expect(order.status).toBe('PENDING_PAYMENT');
    expect(order.items[0]).toMatchObject({
      productId: bag.productId,
      variantId: bag.variantIds[0],
      quantity: 2,
      unitPrice: { amount: 3200, currency: 'EUR' },
      totalPrice: { amount: 6400, currency: 'EUR' },
    });
    // France: 20 % VAT on pieces and delivery, no duties; the courier is free from €2,000 of pieces.
    expect(order.totals).toMatchObject({
      items: { amount: 6400 },
      delivery: { amount: 0 },
      duties: { amount: 0 },
      vat: { amount: 1280 },
      total: { amount: 7680 },
      dueNow: { amount: 7680 },
    });
    expect(order.totalAmount).toEqual({ amount: 7680, currency: 'EUR' });
    expect(order.timeline).toEqual([
      expect.objectContaining({ toStatus: 'PENDING_PAYMENT', actor: { kind: 'CLIENT', userId: client.userId } }),
    ]);
    expect(order.shippingAddress).toEqual(PARIS);
    expect(new Date(order.paymentDueAt).getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(await stockOf(app, bag.variantIds[0]!)).toBe(before - 2);
    // The address is sealed at rest: no part of it is readable in the row.
    const [row] = await queryRows<Record<string, unknown>>(app.db, sql`select * from orders where id = ${orderId}`);
    expect(JSON.stringify(row)).not.toContain('rue Cambon');
    expect(JSON.stringify(row)).not.toContain('Layla');
  });

  it('converts into the settlement currency at a rate locked with the order', async () => {
    const res = await placeOrder(
      app,
      client,
      orderBody(client, ring, { currency: 'JPY', shippingAddress: { ...PARIS, country: 'JP' } }, { variantId: ring.variantIds[1] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { order } = res.json();
    expect(order.fx.currency).toBe('JPY');
    expect(order.fx.rates.EUR).toBeGreaterThan(100);
    expect(Number.isInteger(order.totals.total.amount)).toBe(true);
    expect(order.items[0].unitPrice.amount).toBe(Math.round(2150 * order.fx.rates.EUR));
    expect(order.items[0].size).toBe('54');
    // Japan: 5 % duties on pieces, 10 % VAT on pieces + delivery + duties.
    const t = order.totals;
    expect(t.duties.amount).toBe(Math.round(t.items.amount * 0.05));
    expect(t.total.amount).toBe(t.items.amount + t.delivery.amount + t.duties.amount + t.vat.amount);
  });

  it('answers 409 with the current prices when a sent price differs, and writes nothing', async () => {
    const orders = await countRows(app.db, 'orders');
    const res = await placeOrder(app, client, orderBody(client, bag, {}, { unitPrice: { amount: 3000, currency: 'EUR' } }));
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().currentPrices).toEqual([
      expect.objectContaining({ index: 0, productId: bag.productId, unitPrice: { amount: 3200, currency: 'EUR' } }),
    ]);
    expect(res.json().fieldErrors).toHaveProperty(['body.items.0.unitPrice']);
    expect(await countRows(app.db, 'orders')).toBe(orders);
    // The right price goes through.
    const ok = await placeOrder(
      app,
      client,
      orderBody(client, bag, {}, { unitPrice: { amount: 3200, currency: 'EUR' }, totalPrice: { amount: 3200, currency: 'EUR' } }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
  });

  const bad: Array<[string, (p: { client: TestAccount; other: TestAccount }) => Record<string, unknown>, number, string]> = [
    ['quantity −1', (p) => orderBody(p.client, bag, {}, { quantity: -1 }), 400, 'body.items.0.quantity'],
    ['quantity 0', (p) => orderBody(p.client, bag, {}, { quantity: 0 }), 400, 'body.items.0.quantity'],
    ['quantity 1.5', (p) => orderBody(p.client, bag, {}, { quantity: 1.5 }), 400, 'body.items.0.quantity'],
    ['quantity 10⁹', (p) => orderBody(p.client, bag, {}, { quantity: 1e9 }), 400, 'body.items.0.quantity'],
    ['quantity as text', (p) => orderBody(p.client, bag, {}, { quantity: '1' }), 400, 'body.items.0.quantity'],
    [
      'an unknown product',
      (p) => orderBody(p.client, { productId: '01890000-0000-7000-8000-000000000000', variantIds: [] }),
      404,
      'body.items.0.productId',
    ],
    ['a product id that is not an id', (p) => orderBody(p.client, { productId: 'nope', variantIds: [] }), 400, 'body.items.0.productId'],
    [
      'an unknown variant',
      (p) => orderBody(p.client, bag, {}, { variantId: '01890000-0000-7000-8000-000000000000' }),
      404,
      'body.items.0.variantId',
    ],
    ['another product’s variant', (p) => orderBody(p.client, bag, {}, { variantId: ring.variantIds[0] }), 404, 'body.items.0.variantId'],
    [
      'no variant where the piece has several sizes',
      (p) => orderBody(p.client, ring, {}, { variantId: undefined }),
      400,
      'body.items.0.variantId',
    ],
    ['a VIP piece for a client who is not VIP', (p) => orderBody(p.client, vipPiece), 404, 'body.items.0.productId'],
    ['another client’s id', (p) => orderBody(p.other, bag), 403, 'body.clientId'],
    ['an unknown currency', (p) => orderBody(p.client, bag, { currency: 'XYZ' }), 400, 'body.currency'],
    [
      'a price in a currency nobody uses',
      (p) => orderBody(p.client, bag, {}, { unitPrice: { amount: 1, currency: 'ABC' } }),
      400,
      'body.items.0.unitPrice.currency',
    ],
    [
      'a destination we do not deliver to',
      (p) => orderBody(p.client, bag, { shippingAddress: { ...PARIS, country: 'AQ' } }),
      400,
      'body.shippingAddress.country',
    ],
    ['no address for a courier delivery', (p) => orderBody(p.client, bag, { shippingAddress: undefined }), 400, 'body.shippingAddress'],
    ['an unknown delivery option', (p) => orderBody(p.client, bag, { deliveryOption: 'DRONE' }), 400, 'body.deliveryOption'],
    [
      'a stylist who does not exist',
      (p) => orderBody(p.client, bag, { stylistId: '01890000-0000-7000-8000-000000000000' }),
      404,
      'body.stylistId',
    ],
    ['no items', (p) => ({ ...orderBody(p.client, bag), items: [] }), 400, 'body.items'],
    ['an unexpected field', (p) => ({ ...orderBody(p.client, bag), totalAmount: { amount: 1, currency: 'EUR' } }), 400, 'body'],
  ];
  it.each(bad)('refuses %s with a 4xx naming the field, and writes nothing', async (_label, body, status, field) => {
    const orders = await countRows(app.db, 'orders');
    const stock = await stockOf(app, bag.variantIds[0]!);
    const res = await placeOrder(app, client, body({ client, other }));
    expect(res.statusCode, res.body).toBe(status);
    const fields = Object.keys(res.json().fieldErrors ?? {});
    expect(
      fields.some((f) => f === field || f.startsWith(`${field}.`) || (field === 'body' && f.startsWith('body'))),
      `${fields.join(', ')} should name ${field}`,
    ).toBe(true);
    expect(await countRows(app.db, 'orders')).toBe(orders);
    expect(await stockOf(app, bag.variantIds[0]!)).toBe(stock);
  });

  it('refuses another client’s saved address, naming the field', async () => {
    const saved = await app.inject({
      method: 'POST',
      url: '/api/v1/account/addresses',
      headers: other.auth,
      payload: { label: 'Home', address: PARIS },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const res = await placeOrder(
      app,
      client,
      orderBody(client, bag, { shippingAddress: undefined, shippingAddressId: saved.json().addressId }),
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().fieldErrors).toHaveProperty(['body.shippingAddressId']);
    // Its owner can use it.
    const mine = await placeOrder(
      app,
      other,
      orderBody(other, bag, { shippingAddress: undefined, shippingAddressId: saved.json().addressId }),
    );
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json().order.shippingAddress).toEqual(PARIS);
  });

  it('lets a VIP client order a VIP piece', async () => {
    const res = await placeOrder(app, fx.vip, orderBody(fx.vip, vipPiece));
    expect(res.statusCode, res.body).toBe(201);
  });

  it('needs a second factor from the last 10 minutes above the high-value threshold', async () => {
    const watch = await addPiece(app, fx, {
      name: 'Tourbillon Squelette',
      brand: 'cartier',
      category: 'watches',
      amount: 48000,
      variants: [{ stock: 2 }],
    });
    const res = await placeOrder(app, client, orderBody(client, watch));
    expect(res.statusCode).toBe(403);
    expect(res.json().reason).toBe('MFA_ENROLLMENT_REQUIRED');
    expect(await stockOf(app, watch.variantIds[0]!)).toBe(2);
    // The VIP enrolled a moment ago: the check is recent enough.
    const ok = await placeOrder(app, fx.vip, orderBody(fx.vip, watch));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().order).toMatchObject({ highValue: true, requiresApproval: false });
  });

  it('asks for the second factor again once the last proof is more than 10 minutes old, and says so in the quote first', async () => {
    const watch = await addPiece(app, fx, {
      name: 'Grande Complication',
      brand: 'cartier',
      category: 'watches',
      amount: 36000,
      variants: [{ stock: 3 }],
    });
    const quote = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/orders/quote',
        headers: fx.vip.auth,
        payload: {
          items: [{ productId: watch.productId, variantId: watch.variantIds[0], quantity: 1 }],
          shippingAddress: PARIS,
          deliveryOption: 'INSURED_COURIER',
          currency: 'EUR',
        },
      });
    expect((await quote()).json().secondFactor).toBe('CONFIRMED');
    const small = await app.inject({
      method: 'POST',
      url: '/api/v1/orders/quote',
      headers: client.auth,
      payload: {
        items: [{ productId: bag.productId, variantId: bag.variantIds[0], quantity: 1 }],
        shippingAddress: PARIS,
        deliveryOption: 'INSURED_COURIER',
        currency: 'EUR',
      },
    });
    expect(small.json().secondFactor).toBe('NOT_NEEDED');

    advanceStepUpClock(app.db, 11 * 60_000);
    expect((await quote()).json().secondFactor).toBe('STEP_UP_REQUIRED');
    const stale = await placeOrder(app, fx.vip, orderBody(fx.vip, watch));
    expect(stale.statusCode).toBe(403);
    expect(stale.json().reason).toBe('MFA_STEP_UP_REQUIRED');
    expect(await stockOf(app, watch.variantIds[0]!)).toBe(3);

    // A fresh proof (a later time step than the one used at enrolment) is recorded on the same clock: it covers the order.
    const stepUp = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/step-up',
      headers: fx.vip.auth,
      payload: { code: await totp(fx.vip.mfaSecret!, 1) },
    });
    expect(stepUp.statusCode, stepUp.body).toBe(200);
    expect((await quote()).json().secondFactor).toBe('CONFIRMED');
    const placed = await placeOrder(app, fx.vip, orderBody(fx.vip, watch));
    expect(placed.statusCode, placed.body).toBe(201);

    // Ten more minutes and one second: stale again.
    advanceStepUpClock(app.db, 10 * 60_000 + 1_000);
    expect((await placeOrder(app, fx.vip, orderBody(fx.vip, watch))).json().reason).toBe('MFA_STEP_UP_REQUIRED');
    // A recovery code proves it too (and leaves the VIP freshly proved for the tests after this one).
    const recovery = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/step-up',
      headers: fx.vip.auth,
      payload: { code: (fx.vip as TestAccount & { recoveryCodes: string[] }).recoveryCodes[0] },
    });
    expect(recovery.statusCode, recovery.body).toBe(200);
    expect((await placeOrder(app, fx.vip, orderBody(fx.vip, watch))).statusCode).toBe(201);
  });
});

describe('Idempotency-Key on CreateOrder', () => {
  it('20 parallel requests with one key make one order and 20 identical answers', async () => {
    const before = await countRows(app.db, 'orders');
    const stock = await stockOf(app, ring.variantIds[0]!);
    const body = orderBody(client, ring);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => placeOrder(app, client, body, { 'idempotency-key': 'checkout-7f3a' })),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((r) => r.body)).size).toBe(1);
    expect(await countRows(app.db, 'orders')).toBe(before + 1);
    expect(await stockOf(app, ring.variantIds[0]!)).toBe(stock - 1);
    // The same key with another body is refused.
    const other = await placeOrder(
      app,
      client,
      { ...body, items: [{ ...body.items[0], quantity: 2 }] },
      { 'idempotency-key': 'checkout-7f3a' },
    );
    expect(other.statusCode).toBe(409);
  });
});

describe('the last unit', () => {
  it('sells once to 50 concurrent checkouts; stock ends at 0 and never below', async () => {
    const piece = await addPiece(app, fx, { name: 'Birkin 25 Himalaya', brand: 'hermes', amount: 3900, variants: [{ stock: 1 }] });
    const buyers = [client, other, ...(await Promise.all(Array.from({ length: 3 }, () => signUp(app))))];
    const rounds = process.env.DATABASE_URL ? 20 : 2;
    for (let round = 0; round < rounds; round++) {
      await setStock(app, piece, 1);
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) => placeOrder(app, buyers[i % buyers.length]!, orderBody(buyers[i % buyers.length]!, piece))),
      );
      const codes = answers.map((r) => r.statusCode).sort();
      expect(
        codes.filter((c) => c === 201),
        `round ${round}: ${codes.join(',')}`,
      ).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(49);
      const refused = answers.find((r) => r.statusCode === 409)!.json();
      expect(refused.fieldErrors).toHaveProperty(['body.items.0.quantity']);
      expect(await stockOf(app, piece.variantIds[0]!)).toBe(0);
      const [held] = await queryRows<{ n: number }>(
        app.db,
        sql`select count(*)::int as n from order_items i join orders o on o.id = i.order_id where i.product_id = ${piece.productId} and o.status = 'PENDING_PAYMENT'`,
      );
      expect(held!.n).toBe(round + 1);
    }
    const [inventory] = await queryRows<{ inventory: number }>(app.db, sql`select inventory from products where id = ${piece.productId}`);
    expect(inventory!.inventory).toBe(0);
    // The database itself refuses a negative stock.
    await expect(app.db.execute(sql`update product_variants set stock = -1 where id = ${piece.variantIds[0]!}`)).rejects.toThrow();
  }, 300_000);
});

describe('reading, changing and cancelling', () => {
  let orderId: string;
  beforeAll(async () => {
    const res = await placeOrder(app, client, orderBody(client, ring, {}, { variantId: ring.variantIds[1] }));
    expect(res.statusCode, res.body).toBe(201);
    orderId = res.json().orderId;
  });

  it('shows an order to its client and the house office, and to nobody else', async () => {
    expect((await app.inject({ method: 'GET', url: `/api/v1/orders/${orderId}`, headers: client.auth })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/v1/orders/${orderId}`, headers: fx.admin.auth })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/v1/orders/${orderId}`, headers: other.auth })).statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'PUT', url: `/api/v1/orders/${orderId}`, headers: other.auth, payload: { shippingAddress: PARIS } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/orders/${orderId}/cancel`, headers: other.auth, payload: {} })).statusCode,
    ).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/v1/orders/${orderId}` })).statusCode).toBe(401);
  });

  it('lists a client’s own orders newest first, page by page, and refuses another client’s list', async () => {
    const first = await app.inject({ method: 'GET', url: '/api/v1/orders?maxResults=2', headers: client.auth });
    expect(first.statusCode, first.body).toBe(200);
    const page1 = first.json();
    expect(page1.orders).toHaveLength(2);
    expect(page1.orders.every((o: { clientId: string }) => o.clientId === client.userId)).toBe(true);
    const second = await app.inject({
      method: 'GET',
      url: `/api/v1/orders?maxResults=2&nextToken=${page1.nextToken}`,
      headers: client.auth,
    });
    expect(second.statusCode).toBe(200);
    const ids = [...page1.orders, ...second.json().orders].map((o: { orderId: string }) => o.orderId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort().reverse()).toEqual(ids);
    const theirs = await app.inject({ method: 'GET', url: `/api/v1/orders?clientId=${other.userId}`, headers: client.auth });
    expect(theirs.statusCode).toBe(403);
    const bogus = await app.inject({ method: 'GET', url: '/api/v1/orders?nextToken=abc', headers: client.auth });
    expect(bogus.statusCode).toBe(400);
    const admin = await app.inject({
      method: 'GET',
      url: `/api/v1/orders?clientId=${other.userId}&status=PENDING_PAYMENT`,
      headers: fx.admin.auth,
    });
    expect(admin.statusCode).toBe(200);
    expect(admin.json().orders.length).toBeGreaterThan(0);
    expect(admin.json().orders.every((o: { clientId: string }) => o.clientId === other.userId)).toBe(true);
  });

  it('changes the pieces of an unpaid order, moving stock and totals in one go', async () => {
    const size52 = await stockOf(app, ring.variantIds[0]!);
    const size54 = await stockOf(app, ring.variantIds[1]!);
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/orders/${orderId}`,
      headers: client.auth,
      payload: { items: [{ productId: ring.productId, variantId: ring.variantIds[0], quantity: 2 }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().order.items).toEqual([expect.objectContaining({ variantId: ring.variantIds[0], quantity: 2 })]);
    expect(res.json().order.totals.items.amount).toBe(4300);
    expect(await stockOf(app, ring.variantIds[0]!)).toBe(size52 - 2);
    expect(await stockOf(app, ring.variantIds[1]!)).toBe(size54 + 1);
    const status = await app.inject({
      method: 'PUT',
      url: `/api/v1/orders/${orderId}`,
      headers: client.auth,
      payload: { status: 'SHIPPED' },
    });
    expect(status.statusCode).toBe(403);
  });

  it('cancels: pieces go back on sale, the timeline says who and why, a second cancel changes nothing', async () => {
    const stock = await stockOf(app, ring.variantIds[0]!);
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/orders/${orderId}/cancel`,
      headers: client.auth,
      payload: { reason: 'Changed my mind' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().order.status).toBe('CANCELLED');
    expect(res.json().order.timeline.at(-1)).toMatchObject({
      fromStatus: 'PENDING_PAYMENT',
      toStatus: 'CANCELLED',
      reason: 'Changed my mind',
      actor: { kind: 'CLIENT', userId: client.userId },
    });
    expect(await stockOf(app, ring.variantIds[0]!)).toBe(stock + 2);
    expect(hookEvents.some((e) => e.type === 'cancelled' && e.order.id === orderId)).toBe(true);
    const again = await app.inject({ method: 'POST', url: `/api/v1/orders/${orderId}/cancel`, headers: client.auth, payload: {} });
    expect(again.statusCode).toBe(200);
    expect(await stockOf(app, ring.variantIds[0]!)).toBe(stock + 2);
    const edit = await app.inject({
      method: 'PUT',
      url: `/api/v1/orders/${orderId}`,
      headers: client.auth,
      payload: { items: [{ productId: ring.productId, variantId: ring.variantIds[0], quantity: 1 }] },
    });
    expect(edit.statusCode).toBe(409);
  });
});

describe('free text at rest (#11.11)', () => {
  it('keeps the reasons of the timeline encrypted and shows them in clear; converts rows written in clear before', async () => {
    const reason = 'Moving in with my partner, Dr Rosalind Achterberg, at 9 Lansdowne Crescent: new address.';
    const res = await placeOrder(app, client, orderBody(client, ring));
    expect(res.statusCode, res.body).toBe(201);
    const orderId = res.json().orderId as string;
    const changed = await app.inject({
      method: 'PUT',
      url: `/api/v1/orders/${orderId}`,
      headers: client.auth,
      payload: { shippingAddress: { ...PARIS, line1: '9 Lansdowne Crescent' }, reason },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().order.timeline.at(-1)).toMatchObject({ note: 'ADDRESS_CHANGED', reason });
    const [event] = await queryRows<{ id: string; note: string }>(
      app.db,
      sql`select id::text as id, note from order_events where order_id = ${orderId} and note = 'ADDRESS_CHANGED'`,
    );
    await expectSealed(app, { table: 'order_events', column: 'reason' }, event!.id, 'Achterberg');
    await expectConverted(app, { table: 'order_events', column: 'reason' }, event!.id, reason);
    const read = await app.inject({ method: 'GET', url: `/api/v1/orders/${orderId}`, headers: client.auth });
    expect(read.json().order.timeline.at(-1)).toMatchObject({ note: 'ADDRESS_CHANGED', reason });
  });
  it('keeps a monogram or an engraving sealed, in the bag and on the order, and reads it back in clear (#11.11)', async () => {
    const words = 'R.A. — for Rosalind, 14 June';
    await app.db.execute(
      sql`update products set customisations = ${JSON.stringify([{ key: 'engraving', label: 'Engraving', kind: 'TEXT', maxLength: 40 }])}::jsonb where id = ${ring.productId}`,
    );
    const line = { productId: ring.productId, variantId: ring.variantIds[0], quantity: 1, customizations: words };
    const put = await app.inject({ method: 'PUT', url: '/api/v1/bag', headers: client.auth, payload: { items: [line] } });
    expect(put.statusCode, put.body).toBe(200);
    // The same words again merge into the same line although each seal differs.
    const merged = await app.inject({ method: 'PUT', url: '/api/v1/bag', headers: client.auth, payload: { items: [line], mode: 'merge' } });
    expect(merged.json().items).toMatchObject([{ productId: ring.productId, customizations: words }]);
    const [stored] = await queryRows<{ items: string }>(
      app.db,
      sql`select items::text as items from bags where client_id = ${client.userId}`,
    );
    expect(stored!.items).not.toContain('Rosalind');

    const res = await placeOrder(app, client, orderBody(client, ring, {}, { customizations: words }));
    expect(res.statusCode, res.body).toBe(201);
    const orderId = res.json().orderId as string;
    const [item] = await queryRows<{ id: string }>(app.db, sql`select id::text as id from order_items where order_id = ${orderId}`);
    await expectSealed(app, { table: 'order_items', column: 'customizations' }, item!.id, 'Rosalind');
    await expectConverted(app, { table: 'order_items', column: 'customizations' }, item!.id, words);
    const read = await app.inject({ method: 'GET', url: `/api/v1/orders/${orderId}`, headers: client.auth });
    expect(read.json().order.items[0].customizations).toBe(words);
  });
});

describe('state machine, payments seam and the house office', () => {
  it('moves a paid order through shipping and delivery, mails the client and refuses invalid moves with 409', async () => {
    const placed = await placeOrder(app, client, orderBody(client, bag));
    const orderId = placed.json().orderId as string;
    const ship = () =>
      app.inject({
        method: 'POST',
        url: `/api/v1/admin/orders/${orderId}/ship`,
        headers: fx.admin.auth,
        payload: { carrier: 'Ferrari Express', trackingNumber: 'FX123456789FR' },
      });
    expect((await ship()).statusCode).toBe(409);
    await app.db.transaction((tx) =>
      transitionOrder(tx, orderId, 'PAID', { actor: { kind: 'PROVIDER' }, keys: app.ctx.keys, reason: 'Payment succeeded' }),
    );
    // A provider event delivered twice is harmless.
    await app.db.transaction((tx) => transitionOrder(tx, orderId, 'PAID', { actor: { kind: 'PROVIDER' }, keys: app.ctx.keys }));
    const paid = await getOrderForPayment(app.db, orderId);
    expect(paid).toMatchObject({ state: 'PAID', paidMinor: paid!.totalMinor, clientId: client.userId });
    expect(paid!.items[0]).toMatchObject({ productId: bag.productId, brandIsPartner: true, quantity: 1 });
    await expect(
      app.db.transaction((tx) => transitionOrder(tx, orderId, 'PENDING_PAYMENT', { actor: { kind: 'SYSTEM' }, keys: app.ctx.keys })),
    ).rejects.toMatchObject({ statusCode: 409 });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/admin/orders/${orderId}/ship`,
          headers: client.auth,
          payload: { carrier: 'x', trackingNumber: 'y' },
        })
      ).statusCode,
    ).toBe(403);
    const shipped = await ship();
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(shipped.json().order).toMatchObject({
      status: 'SHIPPED',
      tracking: { carrier: 'Ferrari Express', trackingNumber: 'FX123456789FR' },
    });
    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/orders/${orderId}/cancel`, headers: client.auth, payload: {} })).statusCode,
    ).toBe(409);
    const delivered = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/orders/${orderId}/deliver`,
      headers: fx.admin.auth,
      payload: {},
    });
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(delivered.json().order.timeline.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'PENDING_PAYMENT',
      'PAID',
      'SHIPPED',
      'DELIVERED',
    ]);
    const number = delivered.json().order.orderNumber as string;
    await expect
      .poll(
        async () =>
          (await listDevMail(app.db, app.ctx.keys, 200))
            .filter((m) => m.subject.includes(number))
            .map((m) => m.subject)
            .sort(),
        { timeout: 15_000 },
      )
      .toEqual([`Your order ${number} has been delivered`, `Your order ${number} is confirmed`, `Your order ${number} is on its way`]);
    const shippedMail = (await listDevMail(app.db, app.ctx.keys, 200)).find((m) => m.subject === `Your order ${number} is on its way`)!;
    expect(shippedMail.to).toBe(client.email);
    expect(shippedMail.text).toContain('FX123456789FR');
    const [audited] = await queryRows<{ n: number }>(
      app.db,
      sql`select count(*)::int as n from audit_log where action in ('orders.order.shipped', 'orders.order.delivered') and details->>'orderId' = ${orderId}`,
    );
    expect(audited!.n).toBe(2);
  });

  it('holds an order above the approval threshold until an admin approves, then lets payments mark it paid', async () => {
    const jet = await addPiece(app, fx, {
      name: 'Pavé Diamond Rivière',
      brand: 'cartier',
      category: 'fine-jewellery',
      amount: 320000,
      variants: [{ stock: 1 }],
    });
    const placed = await placeOrder(app, fx.vip, orderBody(fx.vip, jet));
    expect(placed.statusCode, placed.body).toBe(201);
    const orderId = placed.json().orderId as string;
    expect(placed.json().order).toMatchObject({ highValue: true, requiresApproval: true });
    await expect(
      app.db.transaction((tx) => transitionOrder(tx, orderId, 'PAID', { actor: { kind: 'PROVIDER' }, keys: app.ctx.keys })),
    ).rejects.toMatchObject({
      statusCode: 409,
    });
    await app.db.transaction((tx) =>
      transitionOrder(tx, orderId, 'AWAITING_APPROVAL', { actor: { kind: 'PROVIDER' }, keys: app.ctx.keys, reason: 'Funds held' }),
    );
    await expect(
      app.db.transaction((tx) => transitionOrder(tx, orderId, 'PAID', { actor: { kind: 'PROVIDER' }, keys: app.ctx.keys })),
    ).rejects.toMatchObject({
      statusCode: 409,
    });
    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/admin/orders/${orderId}/approve`, headers: fx.vip.auth, payload: {} })).statusCode,
    ).toBe(403);
    const approved = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/orders/${orderId}/approve`,
      headers: fx.admin.auth,
      payload: { reason: 'Known client, verified by phone' },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().order.approvedAt).toBeDefined();
    expect(approved.json().order.timeline.at(-1)).toMatchObject({ note: 'APPROVED', actor: { kind: 'ADMIN', userId: fx.admin.userId } });
    expect(hookEvents.some((e) => e.type === 'approved' && e.order.id === orderId)).toBe(true);
    await app.db.transaction((tx) =>
      transitionOrder(tx, orderId, 'PAID', { actor: { kind: 'PROVIDER' }, keys: app.ctx.keys, reason: 'Captured after approval' }),
    );
    expect((await getOrderForPayment(app.db, orderId))!.state).toBe('PAID');
    // Cancelling a paid order asks payments to refund; its refund id comes back.
    const cancelled = await app.inject({
      method: 'POST',
      url: `/api/v1/orders/${orderId}/cancel`,
      headers: fx.admin.auth,
      payload: { reason: 'Client asked by phone' },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().refundId).toBe(`refund-${cancelled.json().order.orderNumber}`);
    expect(await stockOf(app, jet.variantIds[0]!)).toBe(1);
  });

  it('cancels orders unpaid after the payment window and releases their pieces; a paid one is left alone', async () => {
    const piece = await addPiece(app, fx, {
      name: 'Coco Crush Bracelet',
      brand: 'chanel',
      category: 'fine-jewellery',
      amount: 6100,
      variants: [{ stock: 2 }],
    });
    const unpaid = (await placeOrder(app, client, orderBody(client, piece))).json().orderId as string;
    const paid = (await placeOrder(app, client, orderBody(client, piece))).json().orderId as string;
    expect(await stockOf(app, piece.variantIds[0]!)).toBe(0);
    await app.db.execute(sql`update orders set payment_due_at = now() - interval '1 minute' where id in (${unpaid}, ${paid})`);
    // Paid just before the sweep ran: PAID clears the deadline, and the sweep re-checks under the row lock.
    await app.db.transaction((tx) => transitionOrder(tx, paid, 'PAID', { actor: { kind: 'PROVIDER' }, keys: app.ctx.keys }));
    expect(await releaseUnpaidOrders(app.ctx)).toBeGreaterThanOrEqual(1);
    expect((await getOrderForPayment(app.db, unpaid))!.state).toBe('CANCELLED');
    expect((await getOrderForPayment(app.db, paid))!.state).toBe('PAID');
    expect(await stockOf(app, piece.variantIds[0]!)).toBe(1);
    const detail = await app.inject({ method: 'GET', url: `/api/v1/orders/${unpaid}`, headers: client.auth });
    expect(detail.json().order.timeline.at(-1)).toMatchObject({ toStatus: 'CANCELLED', actor: { kind: 'SYSTEM' } });
  });

  it('uses the tax table the house office edits, for new orders only', async () => {
    const before = await placeOrder(app, client, orderBody(client, bag, { shippingAddress: { ...PARIS, country: 'MC' } }));
    expect(before.json().order.totals.vat.amount).toBe(640);
    const put = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/tax-rates/mc',
      headers: fx.admin.auth,
      payload: { vatPercent: 5.5, dutyPercent: 0 },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ country: 'MC', vatPercent: 5.5 });
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: '/api/v1/admin/tax-rates/MC',
          headers: client.auth,
          payload: { vatPercent: 1, dutyPercent: 0 },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: '/api/v1/admin/tax-rates/MC',
          headers: fx.admin.auth,
          payload: { vatPercent: 120, dutyPercent: 0 },
        })
      ).statusCode,
    ).toBe(400);
    const after = await placeOrder(app, client, orderBody(client, bag, { shippingAddress: { ...PARIS, country: 'MC' } }));
    expect(after.json().order.totals.vat.amount).toBe(176);
    const again = await app.inject({ method: 'GET', url: `/api/v1/orders/${before.json().orderId}`, headers: client.auth });
    expect(again.json().order.totals.vat.amount).toBe(640);
  });

  it('orders a piece made to order against its deposit; the balance stays due', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: fx.admin.auth,
      payload: {
        name: 'Bespoke Evening Gown',
        description: 'Made to measure in the atelier.',
        price: { amount: 18000, currency: 'EUR' },
        brand: 'chanel',
        category: 'women',
        visibility: 'PUBLIC',
        purchaseMode: 'BESPOKE',
        inventory: 5,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const gown: Piece = { productId: res.json().productId, variantIds: [] };
    const refused = await placeOrder(app, fx.vip, orderBody(fx.vip, gown, {}, { variantId: undefined }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fieldErrors).toHaveProperty(['body.items.0.productId']);
    // The bag says what CreateOrder will do: on enquiry without a deposit, orderable once the house sets one.
    const bagLine = async () =>
      (
        await app.inject({
          method: 'PUT',
          url: '/api/v1/bag',
          headers: fx.vip.auth,
          payload: { items: [{ productId: gown.productId, quantity: 1 }] },
        })
      ).json().items[0];
    expect(await bagLine()).toMatchObject({ purchasable: false, note: 'Sold on enquiry' });
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: `/api/v1/admin/products/${gown.productId}/deposit`,
          headers: fx.admin.auth,
          payload: { percent: 30 },
        })
      ).statusCode,
    ).toBe(204);
    expect(await bagLine()).toMatchObject({ purchasable: true, note: 'Ordered against a 30 % deposit; the balance before delivery' });
    const placed = await placeOrder(app, fx.vip, orderBody(fx.vip, gown, {}, { variantId: undefined }));
    expect(placed.statusCode, placed.body).toBe(201);
    const o = placed.json().order;
    expect(o.items[0]).toMatchObject({ depositPercent: 30, deposit: { amount: 5400, currency: 'EUR' } });
    // Due now: the deposit plus VAT on the whole (France, courier free above €2,000).
    expect(o.totals.dueNow.amount).toBe(5400 + 3600);
    expect(o.totals.balance.amount).toBe(12600);
    await app.db.transaction((tx) => transitionOrder(tx, o.orderId, 'PAID', { actor: { kind: 'PROVIDER' }, keys: app.ctx.keys }));
    const ship = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/orders/${o.orderId}/ship`,
      headers: fx.admin.auth,
      payload: { carrier: 'Atelier', trackingNumber: 'HAND-1' },
    });
    expect(ship.statusCode).toBe(409);
    expect(ship.json().message).toContain('balance');
  });
});

describe('the bag', () => {
  it('keeps lines on the server with fresh prices and merges a visitor’s bag at sign-in', async () => {
    const shopper = await signUp(app);
    const put = await app.inject({
      method: 'PUT',
      url: '/api/v1/bag',
      headers: shopper.auth,
      payload: { items: [{ productId: bag.productId, variantId: bag.variantIds[0], quantity: 1 }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().items[0]).toMatchObject({
      productId: bag.productId,
      quantity: 1,
      unitPrice: { amount: 3200, currency: 'EUR' },
      purchasable: true,
    });
    const merged = await app.inject({
      method: 'PUT',
      url: '/api/v1/bag',
      headers: shopper.auth,
      payload: {
        mode: 'merge',
        items: [
          { productId: bag.productId, variantId: bag.variantIds[0], quantity: 2 },
          { productId: ring.productId, variantId: ring.variantIds[1], quantity: 1 },
        ],
      },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().items.map((i: { productId: string; quantity: number }) => [i.productId, i.quantity])).toEqual([
      [bag.productId, 2],
      [ring.productId, 1],
    ]);
    const got = await app.inject({ method: 'GET', url: '/api/v1/bag', headers: shopper.auth });
    expect(got.json().items).toHaveLength(2);
    const vip = await app.inject({
      method: 'PUT',
      url: '/api/v1/bag',
      headers: shopper.auth,
      payload: { items: [{ productId: vipPiece.productId, quantity: 1 }] },
    });
    expect(vip.statusCode).toBe(404);
    expect(vip.json().fieldErrors).toHaveProperty(['body.items.0.productId']);
    const tooMany = await app.inject({
      method: 'PUT',
      url: '/api/v1/bag',
      headers: shopper.auth,
      payload: { items: [{ productId: bag.productId, quantity: 100 }] },
    });
    expect(tooMany.statusCode).toBe(400);
    const admin = await accountOf(app, 'ADMIN');
    expect((await app.inject({ method: 'GET', url: '/api/v1/bag', headers: admin.auth })).statusCode).toBe(403);
  });
});
