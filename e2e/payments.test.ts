import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../src/server/test/identity.ts';
import {
  ensureWebBuild,
  launchBrowser,
  openPage,
  runAxeUnderCsp,
  screenshots as screenshotsAt,
  startServer,
  type RunningServer,
  type ScreenshotOptions,
} from './helpers.ts';
import { DEMO, DEMO_PASSWORD, PARIS_ADDRESS } from './demo.ts';

/**
 * Payments in a browser, on the whole platform and its demo data: a client pays an order with the sandbox card that
 * asks for 3-D Secure (the authentication page, then back), and the house office refunds part of it and reads the
 * ledger's trial balance. Screenshots at 1440 and 390 px; no page may log a console error.
 */

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuild();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Screenshots at 1440 and 390 px, the page fitting the phone's width. */
const screenshots = (page: Page, name: string, options?: ScreenshotOptions) => screenshotsAt(page, `payments-${name}`, options);

/** An order of the demo client, placed through the API as the checkout would. */
async function placeOrder(): Promise<{ orderId: string; orderNumber: string }> {
  const login = await (
    await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO.client, password: DEMO_PASSWORD }),
    })
  ).json();
  const auth = { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' };
  const list = await (await fetch(`${server.url}/api/v1/products?maxResults=100`)).json();
  const piece = (
    list.products as Array<{ productId: string; purchaseMode: string; inventory: number; price: { amount: number; currency: string } }>
  ).find(
    (p) =>
      p.purchaseMode === 'BUY_NOW' && p.inventory >= 2 && p.price.currency === 'EUR' && p.price.amount >= 200 && p.price.amount <= 4_000,
  )!;
  const product = (await (await fetch(`${server.url}/api/v1/products/${piece.productId}`)).json()).product;
  const variant = (product.variants as Array<{ variantId: string; stock?: number }>).find((v) => (v.stock ?? 1) > 0)!;
  const res = await fetch(`${server.url}/api/v1/orders`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      clientId: login.user.userId,
      items: [{ productId: piece.productId, variantId: variant.variantId, quantity: 1 }],
      shippingAddress: PARIS_ADDRESS,
      deliveryOption: 'INSURED_COURIER',
      currency: 'EUR',
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const body = await res.json();
  return { orderId: body.orderId, orderNumber: body.order.orderNumber };
}

describe('payments in the browser', () => {
  it('a client pays with the card that asks for 3-D Secure; the house office refunds part and the books balance', async () => {
    const { orderId, orderNumber } = await placeOrder();
    const { page, problems } = await openPage(browser);

    await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(`/checkout/placed/${orderId}`)}`, { waitUntil: 'networkidle' });
    await page.getByLabel('Email address').fill(DEMO.client);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${server.url}/checkout/placed/${orderId}`);
    await page.getByRole('heading', { name: 'Sandbox — test cards' }).waitFor();
    await screenshots(page, 'step');

    // The card that asks for authentication: the bank's page, then the payment is confirmed.
    await page.getByRole('button', { name: 'Use the test card ending 3184' }).click();
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.waitForURL(/\/checkout\/authenticate\//);
    await page.getByRole('heading', { name: 'Confirm this payment' }).waitFor();
    expect(await runAxeUnderCsp(page)).toEqual([]);
    await screenshots(page, '3ds');
    await page.getByRole('button', { name: 'Confirm payment' }).click();
    await page.getByText('Thank you — your payment is confirmed').waitFor();
    await screenshots(page, '3ds-done');
    const paymentId = page.url().match(/authenticate\/([0-9a-f-]{36})/)![1]!;

    // The house office: an administrator enrols a second factor at first sign-in, then refunds part of the payment.
    const office = await openPage(browser);
    const admin = office.page;
    await admin.goto(`${server.url}/sign-in?next=%2Fadmin%2Fpayments`, { waitUntil: 'networkidle' });
    await admin.getByLabel('Email address').fill(DEMO.admin);
    await admin.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await admin.getByRole('button', { name: 'Sign in', exact: true }).click();
    await admin.waitForURL(/\/secure-account/);
    await admin.getByRole('button', { name: 'Begin' }).click();
    const secret = ((await admin.getByTestId('mfa-secret').textContent()) ?? '').replace(/\s+/g, '');
    await admin.getByLabel(/six-digit code/).fill(await totp(secret));
    await admin.getByRole('button', { name: 'Confirm and turn on' }).click();
    await admin.getByTestId('recovery-codes').getByRole('listitem').first().waitFor();
    await admin.getByLabel('I have kept these codes somewhere safe.').check();
    await admin.getByRole('button', { name: 'Done' }).click();
    await admin.waitForURL(/\/admin/);

    await admin.goto(`${server.url}/admin/payments?payment=${paymentId}`, { waitUntil: 'networkidle' });
    await admin.getByRole('heading', { level: 1, name: 'Payments' }).waitFor();
    const detail = admin.getByRole('article', { name: 'Payment' });
    await detail.getByText('Visa •••• 3184').waitFor();
    await detail.getByLabel('Amount (EUR)').fill('25');
    await detail.getByLabel('Reason').fill('A small alteration we could not make');
    await detail.getByRole('button', { name: 'Refund', exact: true }).click();
    await detail.getByText('Refunded.').waitFor();
    await detail.getByText(/€25\.00 refund · succeeded/).waitFor();
    await screenshots(admin, 'admin');

    await admin.goto(`${server.url}/admin/ledger`, { waitUntil: 'networkidle' });
    await admin.getByRole('heading', { level: 1, name: 'Ledger' }).waitFor();
    await admin.getByText('Balanced').first().waitFor();
    await admin.getByRole('cell', { name: 'Refunds paid' }).first().waitFor();
    await screenshots(admin, 'ledger', { checkWidth: false });

    // The client's order shows the partial refund.
    await page.goto(`${server.url}/account/orders/${orderId}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: `Order ${orderNumber}` }).waitFor();
    expect(problems.list, JSON.stringify(problems.list)).toEqual([]);
    expect(office.problems.list, JSON.stringify(office.problems.list)).toEqual([]);
  }, 240_000);
});
