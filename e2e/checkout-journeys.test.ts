import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../src/server/test/identity.ts';
import { ensureWebBuild, launchBrowser, openPage, screenshots, startServer, type RunningServer } from './helpers.ts';

/**
 * Issue 13's money journeys in a browser, on the whole platform and its demo data: a client pays with the sandbox card
 * that asks for 3-D Secure; a client pays by bank transfer and the house office records it in two parts; the house
 * office refunds part of an order attributed to a stylist, and the refund shows on the client's receipt and on the
 * stylist's statement. Key pages at 1440 and 390 px (each must fit the phone's width); no page may log a console
 * error (e2e/setup.ts checks every test).
 */

const PASSWORD = 'velvet-orchid-sunrise-47';
const DEMO_CLIENT = 'layla.rahman@demo.stylebyzaga.test';
const DEMO_ADMIN = 'helene.marchal@demo.stylebyzaga.test';
const DEMO_STYLIST = 'camille.laurent@demo.stylebyzaga.test';
const PARIS = {
  recipientName: 'Layla Rahman',
  line1: '31 rue Cambon',
  city: 'Paris',
  state: '',
  postalCode: '75001',
  country: 'FR',
  phoneNumber: '+33 1 44 50 66 00',
};

let server: RunningServer;
let browser: Browser;
let client: { userId: string; auth: Record<string, string> };
/** The house office, signed in once (its second factor enrolled at first sign-in), shared by the journeys. */
let office: Page | undefined;

beforeAll(async () => {
  ensureWebBuild();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const login = await (
    await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_CLIENT, password: PASSWORD }),
    })
  ).json();
  client = { userId: login.user.userId, auth: { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' } };
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A piece anyone may buy now, in stock, in euros, under the high-value threshold: the `index`-th such piece. */
async function buyablePiece(index: number): Promise<{ productId: string; variantId: string }> {
  const list = await (await fetch(`${server.url}/api/v1/products?maxResults=100`)).json();
  const pieces = (
    list.products as Array<{
      productId: string;
      purchaseMode: string;
      inventory: number;
      priceOnRequest?: boolean;
      price: { amount: number; currency: string };
    }>
  ).filter(
    (p) =>
      p.purchaseMode === 'BUY_NOW' &&
      !p.priceOnRequest &&
      p.inventory >= 2 &&
      p.price.currency === 'EUR' &&
      p.price.amount >= 200 &&
      p.price.amount <= 4_000,
  );
  const piece = pieces[index % pieces.length]!;
  const product = (await (await fetch(`${server.url}/api/v1/products/${piece.productId}`)).json()).product;
  const variant = (product.variants as Array<{ variantId: string; stock: number }>).find((v) => v.stock > 0)!;
  return { productId: piece.productId, variantId: variant.variantId };
}

/** An order of the demo client placed through the API, as the checkout's last step does. */
async function placeOrder(index: number, extra: Record<string, unknown> = {}): Promise<{ orderId: string; orderNumber: string }> {
  const piece = await buyablePiece(index);
  const res = await fetch(`${server.url}/api/v1/orders`, {
    method: 'POST',
    headers: client.auth,
    body: JSON.stringify({
      clientId: client.userId,
      items: [{ ...piece, quantity: 1 }],
      shippingAddress: PARIS,
      deliveryOption: 'INSURED_COURIER',
      currency: 'EUR',
      ...extra,
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const body = await res.json();
  return { orderId: body.orderId, orderNumber: body.order.orderNumber };
}

async function signIn(page: Page, email: string, next: string): Promise<void> {
  await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(next)}`, { waitUntil: 'networkidle' });
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Staff and stylists enrol a second factor at their first sign-in, then land where they were going. */
async function signInEnrolling(page: Page, email: string, next: string): Promise<void> {
  await signIn(page, email, next);
  await page.waitForURL(/\/secure-account/);
  await page.getByRole('button', { name: 'Begin' }).click();
  const secret = ((await page.getByTestId('mfa-secret').textContent()) ?? '').replace(/\s+/g, '');
  await page.getByLabel(/six-digit code/).fill(await totp(secret));
  await page.getByRole('button', { name: 'Confirm and turn on' }).click();
  await page.getByTestId('recovery-codes').getByRole('listitem').first().waitFor();
  await page.getByLabel('I have kept these codes somewhere safe.').check();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/secure-account'));
}

async function houseOffice(): Promise<Page> {
  if (!office) {
    office = (await openPage(browser)).page;
    await signInEnrolling(office, DEMO_ADMIN, '/admin/payments');
  }
  return office;
}

/** The house office's payments page opened on one payment. */
async function openPayment(admin: Page, paymentId: string) {
  await admin.goto(`${server.url}/admin/payments?payment=${paymentId}`, { waitUntil: 'networkidle' });
  await admin.getByRole('heading', { level: 1, name: 'Payments' }).waitFor();
  return admin.getByRole('article', { name: 'Payment' });
}

async function paymentIdOf(orderId: string): Promise<string> {
  const order = (await (await fetch(`${server.url}/api/v1/orders/${orderId}`, { headers: client.auth })).json()).order;
  expect(order.paymentId).toBeTruthy();
  return order.paymentId as string;
}

describe('checkout journeys', () => {
  it('a client buys a piece with the card that asks for 3-D Secure: the bank’s page, then the order is paid', async () => {
    const { orderId, orderNumber } = await placeOrder(0);
    const { page } = await openPage(browser);
    await signIn(page, DEMO_CLIENT, `/checkout/placed/${orderId}`);
    await page.waitForURL(`${server.url}/checkout/placed/${orderId}`);
    await page.getByRole('heading', { name: 'Sandbox — test cards' }).waitFor();
    await page.getByRole('button', { name: 'Use the test card ending 3184' }).click();
    await page.getByRole('button', { name: /^Pay / }).click();

    await page.waitForURL(/\/checkout\/authenticate\//);
    await page.getByRole('heading', { name: 'Confirm this payment' }).waitFor();
    await screenshots(page, 'checkout-journeys-3ds');
    await page.getByRole('button', { name: 'Confirm payment' }).click();
    await page.getByText('Thank you — your payment is confirmed').waitFor();
    await screenshots(page, 'checkout-journeys-3ds-done');

    await page.goto(`${server.url}/account/orders/${orderId}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: `Order ${orderNumber}` }).waitFor();
    const receipt = page.getByRole('region', { name: 'Receipt' });
    await receipt.getByText(/Paid · Visa •••• 3184/).waitFor();
  }, 300_000);

  it('a bank transfer arrives in two parts: the house office records each, and the order is paid when they add up', async () => {
    const { orderId, orderNumber } = await placeOrder(1);
    const { page } = await openPage(browser);
    await signIn(page, DEMO_CLIENT, `/checkout/placed/${orderId}`);
    await page.waitForURL(`${server.url}/checkout/placed/${orderId}`);
    await page.getByRole('radio', { name: /Bank transfer/ }).check();
    await page.getByRole('button', { name: 'Show the transfer details' }).click();
    await page.getByText('Your transfer details').waitFor();
    const amountText = (await page.locator('dt', { hasText: 'Amount' }).locator('xpath=following-sibling::dd[1]').textContent()) ?? '';
    await screenshots(page, 'checkout-journeys-bank-details');
    const due = Number(amountText.replace(/[^\d.]/g, ''));
    expect(due).toBeGreaterThan(100);
    const first = Math.round(due * 40) / 100; // 40 % arrives first
    const second = Math.round((due - first) * 100) / 100;

    const admin = await houseOffice();
    const paymentId = await paymentIdOf(orderId);
    let detail = await openPayment(admin, paymentId);
    await detail.getByRole('heading', { name: 'Record a bank transfer' }).waitFor();
    await detail.getByLabel('Amount arrived (EUR)').fill(first.toFixed(2));
    await detail.getByLabel("Bank's note").fill('First wire, from the client’s private bank');
    await detail.getByRole('button', { name: 'Record receipt' }).click();
    await detail.getByText(/received so far/).waitFor();
    await screenshots(admin, 'checkout-journeys-bank-first-part');
    // Not yet paid: the order waits for the rest.
    const waiting = (await (await fetch(`${server.url}/api/v1/orders/${orderId}`, { headers: client.auth })).json()).order;
    expect(waiting.status).toBe('PENDING_PAYMENT');

    detail = await openPayment(admin, paymentId);
    await detail.getByLabel('Amount arrived (EUR)').fill(second.toFixed(2));
    await detail.getByLabel("Bank's note").fill('Second wire');
    await detail.getByRole('button', { name: 'Record receipt' }).click();
    await detail.getByRole('heading', { name: 'Record a bank transfer' }).waitFor({ state: 'detached' });

    await page.goto(`${server.url}/account/orders/${orderId}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: `Order ${orderNumber}` }).waitFor();
    await page
      .getByRole('region', { name: 'Receipt' })
      .getByText(/Paid · Bank transfer/)
      .waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Confirmed').waitFor();
    await screenshots(page, 'checkout-journeys-bank-paid');
  }, 300_000);

  it('a partial refund shows on the client’s receipt and on the stylist’s statement', async () => {
    const stylists = (await (await fetch(`${server.url}/api/v1/stylists?maxResults=50`)).json()).stylists as Array<{
      stylistId: string;
      firstName: string;
    }>;
    const camille = stylists.find((s) => s.firstName === 'Camille')!;
    const { orderId, orderNumber } = await placeOrder(2, { stylistId: camille.stylistId });
    const paid = await fetch(`${server.url}/api/v1/payments/process`, {
      method: 'POST',
      headers: client.auth,
      body: JSON.stringify({ orderId, paymentMethodId: 'pm_card_visa' }),
    });
    expect(paid.status, await paid.clone().text()).toBe(200);
    const { paymentId } = await paid.json();

    const admin = await houseOffice();
    const detail = await openPayment(admin, paymentId);
    await detail.getByLabel('Amount (EUR)').fill('40');
    await detail.getByLabel('Reason').fill('A clasp we replaced with a simpler one');
    await detail.getByRole('button', { name: 'Refund', exact: true }).click();
    await detail.getByText(/€40\.00 refund · succeeded/).waitFor();

    const { page } = await openPage(browser);
    await signIn(page, DEMO_CLIENT, `/account/orders/${orderId}`);
    await page.waitForURL(`${server.url}/account/orders/${orderId}`);
    await page.getByRole('heading', { name: `Order ${orderNumber}` }).waitFor();
    const receipt = page.getByRole('region', { name: 'Receipt' });
    await receipt.getByText('−€40.00').waitFor();
    await receipt.getByText('A clasp we replaced with a simpler one').waitFor();
    await receipt.getByText('Paid after refunds').waitFor();
    await screenshots(page, 'checkout-journeys-receipt');

    const studio = (await openPage(browser)).page;
    await signInEnrolling(studio, DEMO_STYLIST, '/studio/earnings');
    if (!studio.url().endsWith('/studio/earnings')) await studio.goto(`${server.url}/studio/earnings`, { waitUntil: 'networkidle' });
    await studio.getByRole('cell', { name: 'Earned' }).first().waitFor();
    await studio.getByRole('cell', { name: 'Reversed (refund)' }).first().waitFor();
    await screenshots(studio, 'checkout-journeys-statement', { checkWidth: false });
  }, 300_000);
});
