import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { expectConverted, expectSealed } from '../../test/free-text.ts';
import { accountOf, type TestAccount } from '../../test/identity.ts';
import { listDevMail } from '../mail/service.ts';
import { addProduct, setupCatalog, type CatalogFixture } from '../../test/catalog.ts';

let app: TestApp;
let f: CatalogFixture;
let other: TestAccount;
const ids: Record<string, string> = {};
beforeAll(async () => {
  app = await buildTestApp();
  f = await setupCatalog(app);
  other = await accountOf(app, 'CLIENT');
  ids.car = (
    await addProduct(app, f.admin, { name: 'Revuelto Coupé', brand: 'lamborghini', category: 'automobiles', amount: 520000 })
  ).productId;
  ids.bag = (await addProduct(app, f.admin, { name: 'Classic Flap Bag', brand: 'chanel', category: 'bags' })).productId;
  ids.vip = (
    await addProduct(app, f.admin, { name: 'Salon Flap Bag', brand: 'chanel', category: 'bags', visibility: 'VIP_ONLY' })
  ).productId;
  ids.draft = (
    await addProduct(app, f.admin, { name: 'Atelier Draft Bag', brand: 'chanel', category: 'bags', visibility: 'DRAFT' })
  ).productId;
}, 120_000);
afterAll(() => app.shutdown());

const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

describe('inquiries', () => {
  it('a client requests a private viewing; the brand partner sees it in the inbox and answers; others never see it', async () => {
    const created = await app.inject({
      method: 'POST',
      url: `/api/v1/products/${ids.bag}/inquiries`,
      headers: f.client.auth,
      payload: { message: 'May I see it in black on Friday?', preferredContact: 'PHONE', preferredDate: tomorrow },
    });
    expect(created.statusCode, created.body).toBe(201);
    const inquiry = created.json();
    expect(inquiry).toMatchObject({
      productId: ids.bag,
      brand: 'chanel',
      status: 'OPEN',
      preferredContact: 'PHONE',
      preferredDate: tomorrow,
      clientName: 'Ava L.',
    });

    const inbox = (await app.inject({ method: 'GET', url: '/api/v1/inquiries', headers: f.partner.auth })).json();
    expect(inbox.inquiries.map((i: { inquiryId: string }) => i.inquiryId)).toContain(inquiry.inquiryId);
    const cartierInbox = (await app.inject({ method: 'GET', url: '/api/v1/inquiries', headers: f.otherPartner.auth })).json();
    expect(cartierInbox.inquiries).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/inquiries', headers: other.auth })).json().inquiries).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/inquiries', headers: f.client.auth })).json().inquiries).toHaveLength(1);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/inquiries?status=OPEN', headers: f.admin.auth })).json().inquiries.length,
    ).toBeGreaterThan(0);

    const foreign = await app.inject({
      method: 'POST',
      url: `/api/v1/inquiries/${inquiry.inquiryId}/answer`,
      headers: f.otherPartner.auth,
      payload: { answer: 'Hello' },
    });
    expect(foreign.statusCode).toBe(404);
    const answer = await app.inject({
      method: 'POST',
      url: `/api/v1/inquiries/${inquiry.inquiryId}/answer`,
      headers: f.partner.auth,
      payload: { answer: 'Of course: our salon on rue Cambon, 3 pm.', close: true },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ status: 'CLOSED', answer: 'Of course: our salon on rue Cambon, 3 pm.' });
    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/inquiries/${inquiry.inquiryId}/answer`,
      headers: f.admin.auth,
      payload: { answer: 'More' },
    });
    expect(again.statusCode).toBe(409);
    const mine = (await app.inject({ method: 'GET', url: '/api/v1/inquiries', headers: f.client.auth })).json().inquiries[0];
    expect(mine.answer).toBe('Of course: our salon on rue Cambon, 3 pm.');
  });

  it('the client is sent a confirmation at once: a letter with the enquiry, and a notice linking its conversation', async () => {
    const client = await accountOf(app, 'CLIENT');
    const created = await app.inject({
      method: 'POST',
      url: `/api/v1/products/${ids.car}/inquiries`,
      headers: client.auth,
      payload: { message: 'Could the coupé be delivered to Gstaad?', preferredContact: 'EMAIL', preferredDate: tomorrow },
    });
    expect(created.statusCode, created.body).toBe(201);
    // Written in the enquiry's own transaction: the letter exists as soon as the answer does, no job to wait for.
    const letters = (await listDevMail(app.db, app.ctx.keys, 500)).filter((m) => m.to === client.email && /enquiry/.test(m.subject));
    expect(letters.map((m) => m.subject)).toEqual([`Your enquiry to ${created.json().brandName} has arrived`]);
    const text = letters[0]!.text;
    expect(text).toContain('Thank you for your enquiry about Revuelto Coupé');
    expect(text).toContain('You will hear from us by email');
    expect(text).toContain('“Could the coupé be delivered to Gstaad?”');
    expect(text).toMatch(/\/account\/messages\/[0-9a-f-]{36}/);
    const notices = (await app.inject({ method: 'GET', url: '/api/v1/me/notifications', headers: client.auth })).json();
    expect(notices.notifications.map((n: { kind: string }) => n.kind)).toContain('enquiry.received');
    // No letter to anyone else about it: the house hears through its inbox and the conversation.
    expect((await listDevMail(app.db, app.ctx.keys, 500)).filter((m) => m.text.includes('delivered to Gstaad'))).toHaveLength(1);
  });

  it('stores the message and the answer encrypted and shows them in clear; converts rows written in clear before (#11.11)', async () => {
    const message = 'I am Celeste Moreau; call my assistant on +44 20 7946 0321 before Friday.';
    const reply = 'Madame Moreau, our salon on rue Cambon is yours on Friday at 3 pm.';
    const created = await app.inject({
      method: 'POST',
      url: `/api/v1/products/${ids.bag}/inquiries`,
      headers: f.client.auth,
      payload: { message, preferredContact: 'PHONE' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const inquiryId = created.json().inquiryId as string;
    expect(created.json().message).toBe(message);
    const answered = await app.inject({
      method: 'POST',
      url: `/api/v1/inquiries/${inquiryId}/answer`,
      headers: f.partner.auth,
      payload: { answer: reply },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    await expectSealed(app, { table: 'product_inquiries', column: 'message' }, inquiryId, 'Moreau');
    await expectSealed(app, { table: 'product_inquiries', column: 'answer' }, inquiryId, 'Moreau');
    const read = async () =>
      (await app.inject({ method: 'GET', url: '/api/v1/inquiries', headers: f.partner.auth }))
        .json()
        .inquiries.find((i: { inquiryId: string }) => i.inquiryId === inquiryId);
    expect(await read()).toMatchObject({ message, answer: reply, preferredContact: 'PHONE' });

    await expectConverted(app, { table: 'product_inquiries', column: 'message' }, inquiryId, message);
    await expectConverted(app, { table: 'product_inquiries', column: 'answer' }, inquiryId, reply);
    expect(await read()).toMatchObject({ message, answer: reply });
  });

  it('only about products the client can see, with a sensible date', async () => {
    for (const id of [ids.vip, ids.draft, '0195f3a2-7c1d-7b8e-9a4f-2d3c4b5a6e7f']) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/products/${id}/inquiries`,
        headers: f.client.auth,
        payload: { message: 'Hello', preferredContact: 'EMAIL' },
      });
      expect(res.statusCode).toBe(404);
    }
    const vip = await app.inject({
      method: 'POST',
      url: `/api/v1/products/${ids.vip}/inquiries`,
      headers: f.vip.auth,
      payload: { message: 'For the salon', preferredContact: 'MESSAGE' },
    });
    expect(vip.statusCode).toBe(201);
    const past = await app.inject({
      method: 'POST',
      url: `/api/v1/products/${ids.car}/inquiries`,
      headers: f.client.auth,
      payload: { message: 'Test drive?', preferredContact: 'EMAIL', preferredDate: '2020-01-01' },
    });
    expect(past.statusCode).toBe(400);
    const badDate = await app.inject({
      method: 'POST',
      url: `/api/v1/products/${ids.car}/inquiries`,
      headers: f.client.auth,
      payload: { message: 'Test drive?', preferredContact: 'EMAIL', preferredDate: '2026-13-45' },
    });
    expect(badDate.statusCode).toBe(400);
    const noMessage = await app.inject({
      method: 'POST',
      url: `/api/v1/products/${ids.car}/inquiries`,
      headers: f.client.auth,
      payload: { message: '   ', preferredContact: 'EMAIL' },
    });
    expect(noMessage.statusCode).toBe(400);
    const page = (await app.inject({ method: 'GET', url: '/api/v1/inquiries?maxResults=1', headers: f.admin.auth })).json();
    expect(page.inquiries).toHaveLength(1);
    const next = (
      await app.inject({ method: 'GET', url: `/api/v1/inquiries?maxResults=1&nextToken=${page.nextToken}`, headers: f.admin.auth })
    ).json();
    expect(next.inquiries[0].inquiryId).not.toBe(page.inquiries[0].inquiryId);
    expect((await app.inject({ method: 'GET', url: '/api/v1/inquiries?nextToken=bogus', headers: f.admin.auth })).statusCode).toBe(400);
  });
});

describe('wishlist', () => {
  it('saves, lists newest first, removes; idempotent; hidden products cannot be saved and drop out when hidden later', async () => {
    const put = (id: string, who = f.client) => app.inject({ method: 'PUT', url: `/api/v1/me/wishlist/${id}`, headers: who.auth });
    expect((await put(ids.car!)).json()).toEqual({ productId: ids.car, saved: true });
    expect((await put(ids.bag!)).statusCode).toBe(200);
    expect((await put(ids.bag!)).statusCode).toBe(200);
    expect((await put(ids.vip!)).statusCode).toBe(404);
    expect((await put(ids.draft!)).statusCode).toBe(404);
    let list = (await app.inject({ method: 'GET', url: '/api/v1/me/wishlist', headers: f.client.auth })).json();
    expect(list.items.map((i: { product: { productId: string } }) => i.product.productId)).toEqual([ids.bag, ids.car]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me/wishlist', headers: other.auth })).json().items).toEqual([]);
    // A saved piece withdrawn to VIP-only disappears from a standard client's wishlist.
    await app.inject({
      method: 'PUT',
      url: `/api/v1/products/${ids.car}/visibility`,
      headers: f.admin.auth,
      payload: { visibility: 'VIP_ONLY' },
    });
    list = (await app.inject({ method: 'GET', url: '/api/v1/me/wishlist', headers: f.client.auth })).json();
    expect(list.items.map((i: { product: { productId: string } }) => i.product.productId)).toEqual([ids.bag]);
    await app.inject({
      method: 'PUT',
      url: `/api/v1/products/${ids.car}/visibility`,
      headers: f.admin.auth,
      payload: { visibility: 'PUBLIC' },
    });
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/me/wishlist/${ids.bag}`, headers: f.client.auth })).json()).toEqual({
      productId: ids.bag,
      saved: false,
    });
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/me/wishlist/${ids.bag}`, headers: f.client.auth })).statusCode).toBe(200);
    list = (await app.inject({ method: 'GET', url: '/api/v1/me/wishlist', headers: f.client.auth })).json();
    expect(list.items.map((i: { product: { productId: string } }) => i.product.productId)).toEqual([ids.car]);
    expect((await app.inject({ method: 'PUT', url: '/api/v1/me/wishlist/not-a-uuid', headers: f.client.auth })).statusCode).toBe(400);
  });
});
