import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  DESKTOP,
  ensureWebBuild,
  launchBrowser,
  openPage,
  screenshots,
  scrollThrough,
  startServer,
  type RunningServer,
} from './helpers.ts';

/**
 * The pages a creative director judges first, photographed at 1440 and 390 px (each must fit the phone's width and
 * log no console error): home, a product in two colours (the picture follows the picker), a department, a stylist's
 * profile and the client's sessions. The pictures land in e2e/screenshots as look-*.png, to be looked at.
 */

vi.setConfig({ testTimeout: 240_000 });

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

async function visit(path: string): Promise<Page> {
  const { page } = await openPage(browser, { viewport: DESKTOP, timezoneId: 'America/New_York' });
  await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await scrollThrough(page);
  return page;
}

type Listed = { slug: string; name: string; category: string };
type Variant = { color?: string; stock: number };
type Image = { url: string; color?: string };

/** A piece sold in at least two colours, each with its own picture when the demo has one (else any two-colour piece). */
async function pieceInTwoColours(): Promise<{ slug: string; colours: string[]; pictured: boolean }> {
  let fallback: { slug: string; colours: string[]; pictured: boolean } | undefined;
  const list = (await (await fetch(`${server.url}/api/v1/products?maxResults=100`)).json()) as { products: Listed[] };
  for (const p of list.products) {
    const { product: piece } = (await (await fetch(`${server.url}/api/v1/products/by-slug/${p.slug}`)).json()) as {
      product: { variants?: Variant[]; images?: Image[] };
    };
    const colours = [...new Set((piece.variants ?? []).flatMap((v) => (v.color ? [v.color] : [])))];
    const pictured = colours.filter((c) => (piece.images ?? []).some((i) => i.color === c));
    if (pictured.length >= 2) return { slug: p.slug, colours: pictured, pictured: true };
    fallback ??= colours.length >= 2 ? { slug: p.slug, colours, pictured: false } : undefined;
  }
  if (fallback) return fallback;
  throw new Error('No piece in two colours in the demo');
}

describe('the first pages, at 1440 and 390 px', () => {
  it('home', async () => {
    const page = await visit('/');
    await screenshots(page, 'look-home');
  });

  it('a product in two colours: the picture follows the picker', async () => {
    const { slug, colours, pictured } = await pieceInTwoColours();
    const page = await visit(`/products/${slug}`);
    const picture = page.getByRole('main').locator('img').first();
    const first = await picture.getAttribute('src');
    await screenshots(page, 'look-product-colour-1');
    await page.getByRole('radio', { name: new RegExp(`^${colours[1]}$`, 'i') }).check({ force: true });
    if (pictured) await expect.poll(() => picture.getAttribute('src')).not.toBe(first);
    await screenshots(page, 'look-product-colour-2');
  });

  it('a department', async () => {
    const departments = (await (await fetch(`${server.url}/api/v1/categories`)).json()) as {
      categories: { slug: string; parent?: string }[];
    };
    const top = departments.categories.find((c) => !c.parent) ?? departments.categories[0]!;
    const page = await visit(`/shop/${top.slug}`);
    await screenshots(page, 'look-department');
  });

  it('a stylist’s profile', async () => {
    const { stylists } = (await (await fetch(`${server.url}/api/v1/stylists?maxResults=5`)).json()) as {
      stylists: { stylistId: string }[];
    };
    const page = await visit(`/stylists/${stylists[0]!.stylistId}`);
    await screenshots(page, 'look-stylist');
  });

  it('the client’s sessions', async () => {
    const { page } = await openPage(browser, { viewport: DESKTOP, timezoneId: 'America/New_York' });
    await page.goto(`${server.url}/sign-in?next=${encodeURIComponent('/account/bookings')}`, { waitUntil: 'networkidle' });
    await page.getByLabel('Email address').fill(DEMO_CLIENT);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${server.url}/account/bookings`);
    await page.getByRole('region', { name: 'Upcoming' }).getByRole('article').first().waitFor();
    await scrollThrough(page);
    await screenshots(page, 'look-sessions');
  });
});
