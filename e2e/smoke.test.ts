import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  capture,
  DESKTOP,
  ensureWebBuild,
  launchBrowser,
  MOBILE,
  runAxe,
  type RunningServer,
  SCREENSHOT_DIR,
  scrollThrough,
  startServer,
  watchProblems,
} from './helpers.ts';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ensureWebBuild();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await server?.stop();
});

/** `bypassCSP` only where axe-core must be injected: the real CSP rightly refuses inline scripts without a nonce. */
async function openPage(viewport: { width: number; height: number }, options: { bypassCSP?: boolean } = {}) {
  const context = await browser.newContext({ viewport, bypassCSP: options.bypassCSP ?? false });
  contexts.push(context);
  const page = await context.newPage();
  return { page, problems: watchProblems(page) };
}

describe('home', () => {
  it('renders the hero on desktop with no console errors or failed requests', async () => {
    const { page, problems } = await openPage(DESKTOP);
    const response = await page.goto(server.url, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toMatch(/StyleByZaga/);
    const headline = page.getByRole('heading', { level: 1 });
    expect(await headline.isVisible()).toBe(true);
    expect(await headline.textContent()).toContain('considered wardrobe');
    await scrollThrough(page);
    await capture(page, join(SCREENSHOT_DIR, 'home-desktop.png'), { fullPage: true });
    expect(problems.list).toEqual([]);
  });

  it('renders on mobile and opens the menu', async () => {
    const { page, problems } = await openPage(MOBILE);
    await page.goto(server.url, { waitUntil: 'networkidle' });
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    await scrollThrough(page);
    await capture(page, join(SCREENSHOT_DIR, 'home-mobile.png'), { fullPage: true });

    await page.getByRole('button', { name: 'Menu' }).click();
    const dialog = page.getByRole('dialog');
    // The phone menu loads when first opened: wait for it rather than look once.
    await dialog.getByRole('link', { name: 'Stylists' }).waitFor({ state: 'visible' });
    expect(await dialog.getByRole('link', { name: 'Stylists' }).isVisible()).toBe(true);
    await capture(page, join(SCREENSHOT_DIR, 'menu-mobile.png'));
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
    expect(problems.list).toEqual([]);
  });

  it('has no axe-core violations', async () => {
    const { page } = await openPage(DESKTOP, { bypassCSP: true });
    await page.goto(server.url, { waitUntil: 'networkidle' });
    expect(await runAxe(page)).toEqual([]);
  });

  it('puts the skip link first in the tab order, visible when focused', async () => {
    const { page } = await openPage(DESKTOP);
    await page.goto(server.url, { waitUntil: 'networkidle' });
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Skip to content');
    expect(await focused.isVisible()).toBe(true);
    const box = await focused.boundingBox();
    expect(box && box.width > 40 && box.height > 10 && box.y >= 0).toBe(true);

    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
  });
});

describe('landing pages', () => {
  const pages = ['/shop', '/stylists', '/concierge', '/journal'];

  it.each(pages)('%s renders with its own title and description', async (path) => {
    const { page, problems } = await openPage(DESKTOP);
    const response = await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    const title = await page.title();
    expect(title).toMatch(/ — StyleByZaga$/);
    expect(title).not.toMatch(/^StyleByZaga/);
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toBeTruthy();
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBeTruthy();
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    await scrollThrough(page);
    await capture(page, join(SCREENSHOT_DIR, `${path.slice(1)}-desktop.png`), { fullPage: true });
    expect(problems.list).toEqual([]);
  });
});

describe('not found', () => {
  it('answers 404 with the house 404 page and no axe-core violations', async () => {
    const { page, problems } = await openPage(DESKTOP, { bypassCSP: true });
    const url = `${server.url}/no-such-page`;
    problems.ignoreStatusOf(url);
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('stepped out');
    expect(await page.title()).toBe('Page not found — StyleByZaga');
    expect(await runAxe(page)).toEqual([]);
    await capture(page, join(SCREENSHOT_DIR, 'not-found-desktop.png'), { fullPage: true });
    await page.setViewportSize(MOBILE);
    await capture(page, join(SCREENSHOT_DIR, 'not-found-mobile.png'), { fullPage: true });
    expect(problems.list).toEqual([]);
  });
});
