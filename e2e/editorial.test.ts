/**
 * The Journal in a browser (#15). An editor writes a shoppable article with a row of pieces and a look in the house
 * office, schedules it five minutes ahead, and it appears on the Journal at that minute — the editorial clock is
 * moved forward through the test-only clock (EDITORIAL_TEST_CLOCK), never waited for. A reader then adds a piece to
 * the bag from the article. Then every payload of a classic stored-XSS list, in every field of a piece, renders inert.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../src/server/test/identity.ts';
import { XSS_PAYLOADS } from '../src/server/modules/editorial/test-xss-payloads.ts';
import {
  capture,
  DESKTOP,
  ensureWebBuild,
  launchBrowser,
  MOBILE,
  type RunningServer,
  SCREENSHOT_DIR,
  scrollThrough,
  startServer,
  watchProblems,
} from './helpers.ts';

const ADMIN_EMAIL = 'editor.desk@stylebyzaga.test';
const ADMIN_PASSWORD = 'ink-lantern-saffron-71';
let server: RunningServer;
let browser: Browser;
let page: Page;
let mfaSecret = '';
let token = '';

beforeAll(async () => {
  ensureWebBuild();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  [server, browser] = await Promise.all([
    startServer({
      BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      EDITORIAL_TEST_CLOCK: 'true',
      NODE_ENV: 'test',
    }),
    launchBrowser(),
  ]);
  const context = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' });
  page = await context.newPage();
  watchProblems(page);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function screenshots(p: Page, name: string): Promise<void> {
  await p.waitForLoadState('networkidle');
  await scrollThrough(p);
  await capture(p, join(SCREENSHOT_DIR, `${name}-desktop.png`), { fullPage: true });
  await p.setViewportSize(MOBILE);
  await scrollThrough(p);
  await capture(p, join(SCREENSHOT_DIR, `${name}-mobile.png`), { fullPage: true });
  await p.setViewportSize(DESKTOP);
}

async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: (await res.json().catch(() => ({}))) as T };
}

/** A signed-in admin session for the API calls of the test (the clock), with a TOTP step the browser has not used. */
async function apiSession(): Promise<void> {
  for (const ahead of [1, 2]) {
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD, mfaCode: await totp(mfaSecret, ahead) }),
    });
    if (res.ok) {
      token = ((await res.json()) as { accessToken: string }).accessToken;
      return;
    }
  }
  throw new Error('could not open an API session');
}

/** A piece of the demo boutique a reader can add straight to the bag: in stock, bought as is, no size to choose. */
async function simplePiece(): Promise<{ name: string; productId: string }> {
  const res = await fetch(`${server.url}/api/v1/products?category=fine-jewellery&maxResults=60`);
  const { products } = (await res.json()) as {
    products: Array<{
      productId: string;
      name: string;
      inventory: number;
      purchaseMode: string;
      sizes: string[];
      colors: string[];
      priceOnRequest: boolean;
    }>;
  };
  const piece = products.find(
    (p) => p.inventory > 0 && p.purchaseMode === 'BUY_NOW' && p.sizes.length <= 1 && p.colors.length <= 1 && !p.priceOnRequest,
  );
  if (!piece) throw new Error('no simple piece in the demo catalogue');
  return piece;
}

describe('the Journal', () => {
  it('an editor schedules a shoppable article; it appears at its minute; a reader adds a piece to the bag', async () => {
    await page.goto(`${server.url}/sign-in?next=%2Fadmin%2Fjournal%2Fnew`, { waitUntil: 'networkidle' });
    await page.getByLabel('Email address').fill(ADMIN_EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/secure-account/);
    await page.getByRole('button', { name: 'Begin' }).click();
    mfaSecret = ((await page.getByTestId('mfa-secret').textContent()) ?? '').replace(/\s+/g, '');
    await page.getByLabel(/six-digit code/).fill(await totp(mfaSecret));
    await page.getByRole('button', { name: 'Confirm and turn on' }).click();
    await page.getByTestId('recovery-codes').getByRole('listitem').first().waitFor();
    await page.getByLabel('I have kept these codes somewhere safe.').check();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.waitForURL(/\/admin/);
    await page.goto(`${server.url}/admin/journal/new`, { waitUntil: 'networkidle' });

    const piece = await simplePiece();
    const title = 'A study in oxblood';
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Standfirst').fill('One colour, worn three ways, from the morning to the last dinner.');
    await page.getByLabel('Tags').fill('colour, jewellery');
    const body = page.getByRole('textbox', { name: 'Body' });
    await body.click();
    await page.keyboard.type('Oxblood is the colour our stylists reach for when black feels too certain.');
    await page.getByLabel('Search the boutique').fill(piece.name);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page
      .getByRole('button', { name: `Pick ${piece.name}` })
      .first()
      .click();
    await page.getByRole('button', { name: 'Insert a row of pieces' }).click();
    await page
      .getByRole('button', { name: `Pick ${piece.name}` })
      .first()
      .click();
    await page.getByRole('button', { name: 'Insert a look' }).click();
    expect(await page.locator('[data-product-row]').count()).toBe(1);
    expect(await page.locator('[data-look]').count()).toBe(1);

    // Five minutes ahead, as the editor's own wall clock (the browser's zone): the first whole minute at least five
    // minutes away, so that "four minutes later" stays before it however long the steps below take (up to a minute;
    // rounding down used to leave as little as a few seconds when the test began late in a minute).
    const { at, dueAt } = await page.evaluate(() => {
      const d = new Date(Date.now() + 5 * 60_000);
      if (d.getSeconds() !== 0 || d.getMilliseconds() !== 0) d.setMinutes(d.getMinutes() + 1, 0, 0);
      return { at: new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16), dueAt: d.getTime() };
    });
    await page.getByLabel('Publish at').fill(at);
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.waitForURL(/\/admin\/journal\/[0-9a-f-]{36}$/);
    await page
      .getByText(/scheduled/)
      .first()
      .waitFor();
    await screenshots(page, 'editorial-editor');

    await apiSession();
    const journal = async () => {
      const res = await fetch(`${server.url}/journal`);
      return res.text();
    };
    expect(await journal()).not.toContain(title);
    // Four minutes later: still not there.
    const later = await api<{ now: string }>('POST', '/api/v1/content/test-clock', { advanceSeconds: 240 });
    expect(later.status).toBe(200);
    expect(Date.parse(later.json.now)).toBeLessThan(dueAt);
    expect(await journal()).not.toContain(title);
    // Its minute: on the Journal, published by the job's own function exactly once.
    const toDue = Math.ceil((dueAt - Date.parse(later.json.now)) / 1000);
    const moved = await api<{ published: string[] }>('POST', '/api/v1/content/test-clock', { advanceSeconds: toDue });
    expect(moved.json.published).toHaveLength(1);
    expect(await journal()).toContain(title);

    // A reader, in a browser of their own.
    const reader = await (await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' })).newPage();
    watchProblems(reader);
    await reader.goto(`${server.url}/journal`, { waitUntil: 'networkidle' });
    await screenshots(reader, 'editorial-journal');
    await reader.getByRole('link', { name: title }).first().click();
    await reader.getByRole('heading', { level: 1, name: title }).waitFor();
    await reader.waitForLoadState('networkidle');
    await screenshots(reader, 'editorial-article');
    await reader
      .getByRole('button', { name: `Add ${piece.name} to bag` })
      .first()
      .click();
    await reader.getByText('Added to your bag').first().waitFor();
    const bag = await reader.evaluate(() => JSON.parse(localStorage.getItem('sbz_bag') ?? '[]') as Array<{ productId: string }>);
    expect(bag.map((b) => b.productId)).toContain(piece.productId);
  }, 300_000);

  it('renders every classic payload, in every field of a piece, inert in Chromium', async () => {
    expect(token).not.toBe('');
    const reader = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    const dialogs: string[] = [];
    reader.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const product = await simplePiece();
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      const created = await api<{ content: { slug: string } }>('POST', '/api/v1/content', {
        title: `Payload ${i} ${payload}`.slice(0, 200),
        contentType: 'ARTICLE',
        slug: `xss-${i}`,
        status: 'PUBLISHED',
        dek: payload,
        author: payload.slice(0, 120),
        tags: [payload.slice(0, 40)],
        seoTitle: payload.slice(0, 70),
        seoDescription: payload.slice(0, 170),
        featuredImageAlt: payload,
        body: JSON.stringify({
          type: 'doc',
          content: [
            { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: payload }] },
            { type: 'paragraph', content: [{ type: 'text', text: payload, marks: [{ type: 'bold' }] }] },
            { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: payload }] }] },
            { type: 'image', attrs: { src: '/media/generated/editorial/journal-colour-1280.jpg', alt: payload, caption: payload } },
            { type: 'productRow', attrs: { productIds: [product.productId], title: payload.slice(0, 160) } },
          ],
        }),
      });
      expect(created.status, payload).toBe(201);
      // networkidle, not load: the page hydrates after its load event (decision 016), and a payload must stay inert then too.
      await reader.goto(`${server.url}/journal/xss-${i}`, { waitUntil: 'networkidle' });
      const ran = await reader.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
      expect(ran, payload).toBeUndefined();
    }
    // Hostile bodies are refused outright.
    for (const hostile of [
      { type: 'script', content: [] },
      { type: 'iframe', attrs: { src: 'https://evil.example/' } },
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:window.__xss=1' } }] }],
      },
    ]) {
      const res = await api('POST', '/api/v1/content', {
        title: 'Hostile',
        contentType: 'ARTICLE',
        body: JSON.stringify({ type: 'doc', content: [hostile] }),
      });
      expect(res.status).toBe(400);
    }
    await reader.goto(`${server.url}/journal`, { waitUntil: 'networkidle' });
    expect(await reader.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  }, 300_000);
});
