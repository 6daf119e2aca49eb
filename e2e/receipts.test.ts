import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../src/server/test/identity.ts';
import { ensureWebBuild, launchBrowser, openPage, screenshots, startServer, type RunningServer } from './helpers.ts';
import { DEMO, DEMO_PASSWORD, PARIS_ADDRESS, signInEnrolling, signInPage } from './demo.ts';

/**
 * Issue 13's receipts in a browser: on the client's order page, the payment and each refund carry a PDF receipt that
 * downloads with a click (a link signed for 15 minutes: the page holds no cookie session to send); the house office
 * downloads the same bytes from the payment's page.
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

async function api(path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  expect(res.status, `${path}: ${text}`).toBeLessThan(300);
  return text ? JSON.parse(text) : undefined;
}

/** The house office's API session, with a TOTP step its browser has not used. */
async function officeToken(secret: string): Promise<string> {
  for (const ahead of [1, 2]) {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO.admin, password: DEMO_PASSWORD, mfaCode: await totp(secret, ahead) }),
    });
    if (login.ok) return ((await login.json()) as { accessToken: string }).accessToken;
  }
  throw new Error('could not open a house-office API session');
}

async function downloadFrom(page: Page, name: string): Promise<{ filename: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name, exact: true }).click()]);
  return { filename: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

describe('receipts on the order page', () => {
  it('the payment and a partial refund each download their PDF receipt', async () => {
    const login = await api('/auth/login', { method: 'POST', body: { email: DEMO.client, password: DEMO_PASSWORD } });
    const list = await api('/products?maxResults=100');
    const piece = (
      list.products as Array<{
        productId: string;
        purchaseMode: string;
        inventory: number;
        priceOnRequest?: boolean;
        price: { amount: number; currency: string };
      }>
    ).find(
      (p) =>
        p.purchaseMode === 'BUY_NOW' &&
        !p.priceOnRequest &&
        p.inventory >= 2 &&
        p.price.currency === 'EUR' &&
        p.price.amount >= 200 &&
        p.price.amount <= 4_000,
    )!;
    const variant = ((await api(`/products/${piece.productId}`)).product.variants as Array<{ variantId: string; stock: number }>).find(
      (v) => v.stock > 0,
    )!;
    const placed = await api('/orders', {
      method: 'POST',
      token: login.accessToken,
      body: {
        clientId: login.user.userId,
        items: [{ productId: piece.productId, variantId: variant.variantId, quantity: 1 }],
        shippingAddress: PARIS_ADDRESS,
        deliveryOption: 'INSURED_COURIER',
        currency: 'EUR',
      },
    });
    const { orderId } = placed;
    const { orderNumber } = placed.order;
    const { paymentId } = await api('/payments/process', {
      method: 'POST',
      token: login.accessToken,
      body: { orderId, paymentMethodId: 'pm_card_visa' },
    });
    const office = await openPage(browser);
    const secret = await signInEnrolling(office.page, server.url, DEMO.admin, '/admin/payments');
    await api('/payments/refund', {
      method: 'POST',
      token: await officeToken(secret),
      headers: { 'idempotency-key': crypto.randomUUID() },
      body: { paymentId, amount: { amount: 40, currency: 'EUR' }, reason: 'A clasp we replaced with a simpler one' },
    });

    const { page } = await openPage(browser);
    await signInPage(page, server.url, DEMO.client, `/account/orders/${orderId}`);
    await page.waitForURL(`${server.url}/account/orders/${orderId}`);
    const receipt = page.getByRole('region', { name: 'Receipt' });
    await receipt.getByText('−€40.00').waitFor();
    await screenshots(page, 'receipts-order-page');

    const paid = await downloadFrom(page, 'Receipt (PDF)');
    expect(paid.filename).toBe(`StyleByZaga-${orderNumber}-receipt.pdf`);
    expect(paid.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const refund = await downloadFrom(page, 'Refund receipt (PDF)');
    expect(refund.filename).toBe(`StyleByZaga-${orderNumber}-refund-1.pdf`);
    expect(refund.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(refund.bytes.toString('latin1')).toContain('/FontFile2');

    // The house office finds the same receipts on the payment it refunded.
    await office.page.goto(`${server.url}/admin/payments?payment=${paymentId}`, { waitUntil: 'networkidle' });
    const detail = office.page.getByRole('article', { name: 'Payment' });
    await detail.getByText(/€40\.00 refund · succeeded/).waitFor();
    const officeCopy = await downloadFrom(office.page, 'Refund receipt, €40.00 (PDF)');
    expect(officeCopy.filename).toBe(`StyleByZaga-${orderNumber}-refund-1.pdf`);
    expect(officeCopy.bytes.equals(refund.bytes)).toBe(true);
    expect((await downloadFrom(office.page, 'Payment receipt (PDF)')).bytes.equals(paid.bytes)).toBe(true);
  }, 300_000);
});
