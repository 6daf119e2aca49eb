import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, MOBILE, ensureWebBuild, launchBrowser, openPage, screenshots, startServer, type RunningServer } from './helpers.ts';

/**
 * Issue 13's shop journey against the whole platform and its demo data, at desktop and at 390 × 844: a visitor puts a
 * piece in the bag, signs in (the bag follows onto the server), checks out in steps (address, delivery, a last look
 * with every figure), sees the confirmation, pays with the sandbox card, and finds the order with its timeline in their
 * order history. No page may
 * log a console error (e2e/setup.ts checks every test).
 */

const PASSWORD = 'velvet-orchid-sunrise-47';
const DEMO_CLIENT = 'layla.rahman@demo.stylebyzaga.test';

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

/** The journey is walked once per width: each screenshot at the page's own width, which the page must fit. */
const shot = (page: Page, name: string) => screenshots(page, `orders-${name}`, { only: 'current' });

/** A piece anyone may buy now, in stock, priced in euros under the high-value threshold. */
async function buyablePiece(): Promise<{ slug: string; name: string }> {
  const list = await (await fetch(`${server.url}/api/v1/products?maxResults=100`)).json();
  const pieces = list.products as Array<{
    slug: string;
    name: string;
    inventory: number;
    purchaseMode: string;
    priceOnRequest?: boolean;
    price: { amount: number; currency: string };
  }>;
  const piece = pieces.find(
    (p) =>
      p.purchaseMode === 'BUY_NOW' &&
      !p.priceOnRequest &&
      p.inventory >= 4 &&
      p.price.currency === 'EUR' &&
      p.price.amount >= 200 &&
      p.price.amount <= 4_000,
  );
  if (!piece) throw new Error('The demo catalogue has no piece under €4,000 in stock');
  return piece;
}

describe.each([
  ['desktop', DESKTOP],
  ['390 px', MOBILE],
] as const)('at %s', (_name, viewport) => {
  it('bag → sign-in → checkout in steps → confirmation → card payment → order history with its timeline', async () => {
    const { page } = await openPage(browser, { viewport });
    const piece = await buyablePiece();

    // A visitor chooses a piece: it goes into this browser's bag.
    await page.goto(`${server.url}/products/${piece.slug}`, { waitUntil: 'networkidle' });
    const main = page.getByRole('button', { name: /^(Add to bag|Choose a size)$/ });
    await main.waitFor();
    if ((await main.textContent()) === 'Choose a size') {
      await page
        .getByRole('radio', { name: /^Size (?!.*sold out)/ })
        .first()
        .check({ force: true });
    }
    await page.getByRole('button', { name: 'Add to bag' }).click();
    await page.getByText('Added to your bag').first().waitFor();
    await page.getByRole('button', { name: /^Bag/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('link', { name: 'Sign in to check out' }).click();

    // Signing in brings the visitor's bag onto the server and returns to checkout.
    await page.getByLabel('Email address').fill(DEMO_CLIENT);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${server.url}/checkout`);
    await page.getByRole('heading', { level: 1, name: 'Complete your order' }).waitFor();
    await page.getByRole('complementary', { name: 'Order summary' }).getByText(piece.name).waitFor();
    await shot(page, 'checkout-address');

    // Step 1: a delivery address (a saved one is offered first when the client has one).
    const newAddress = page.getByRole('radio', { name: 'A new address' });
    // The step shows the saved addresses (with "A new address") or the form, once it knows which.
    await newAddress
      .or(page.getByLabel('Address', { exact: true }))
      .first()
      .waitFor();
    if (await newAddress.count()) await newAddress.check();
    await page.getByLabel('Address', { exact: true }).fill('31 rue Cambon');
    await page.getByLabel('City').fill('Paris');
    await page.getByLabel('Postal code').fill('75001');
    await page.getByLabel('Country').selectOption('FR');
    await page.getByRole('button', { name: 'Continue to delivery' }).click();

    // Step 2: how it arrives.
    await page.getByRole('heading', { name: 'How would you like to receive it?' }).waitFor();
    await page.getByRole('radio', { name: /Insured courier/ }).check();
    await shot(page, 'checkout-delivery');
    await page.getByRole('button', { name: 'Review your order' }).click();

    // Step 3: every figure before the order is placed — pieces, delivery, VAT for France, the total.
    await page.getByRole('heading', { name: 'A last look' }).waitFor();
    const summary = page.getByRole('complementary', { name: 'Order summary' });
    await summary.getByText('VAT').waitFor();
    const total = await summary.locator('dd').last().textContent();
    expect(total).toMatch(/€/);
    await shot(page, 'checkout-review');
    await page.getByRole('button', { name: /^Place order/ }).click();

    // The confirmation: the order's number, what is due and until when the pieces are held.
    await page.getByRole('heading', { level: 1, name: 'Your order is placed' }).waitFor();
    const title = await page.getByRole('heading', { name: /^Order ZG-\d{4}-\d{6}$/ }).textContent();
    const orderNumber = title!.replace('Order ', '');
    await page.getByText(/Your pieces are held for you until/).waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Order placed').waitFor();
    await shot(page, 'confirmation');

    // Payments' step on the confirmation: the sandbox card that succeeds; the order becomes confirmed.
    await page.getByRole('button', { name: 'Use the test card ending 4242' }).click();
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.getByText('Payment received').waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Confirmed').waitFor();
    await shot(page, 'paid');

    // The bag is empty now, on the server too.
    await page.getByRole('button', { name: /^Bag/ }).click();
    await page.getByRole('dialog').getByText('Your bag is empty').waitFor();
    await page.keyboard.press('Escape');

    // Order history: the new order first, and its detail with the timeline.
    await page.getByRole('link', { name: 'Your orders' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your orders' }).waitFor();
    const first = page.getByRole('list', { name: 'Orders' }).getByRole('link').first();
    await expect.poll(() => first.textContent()).toContain(orderNumber);
    await shot(page, 'history');
    await first.click();
    await page.getByRole('heading', { name: `Order ${orderNumber}` }).waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Order placed').waitFor();
    await shot(page, 'detail');
  });
});
