import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  DESKTOP,
  MOBILE,
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
 * log no console error): home, a product in two colours (the picture follows the picker, keeping its size and place), a
 * department, a stylist's profile and the client's sessions. The pictures land in e2e/screenshots as look-*.png.
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
type TwoColourPiece = { slug: string; colours: string[]; pictures: Map<string, string> | undefined };

/**
 * A piece sold in at least two colours, with the picture the API gives each colour (else any two-colour piece, and no
 * pictures). The first colour has a second view and the others none of their own: the server draws theirs.
 */
async function pieceInTwoColours(): Promise<TwoColourPiece> {
  let fallback: TwoColourPiece | undefined;
  const list = (await (await fetch(`${server.url}/api/v1/products?maxResults=100`)).json()) as { products: Listed[] };
  for (const p of list.products) {
    const { product: piece } = (await (await fetch(`${server.url}/api/v1/products/by-slug/${p.slug}`)).json()) as {
      product: { variants?: Variant[]; images?: Image[] };
    };
    const colours = [...new Set((piece.variants ?? []).flatMap((v) => (v.color ? [v.color] : [])))];
    const pictures = new Map(
      colours.flatMap((c) =>
        (piece.images ?? [])
          .filter((i) => i.color === c)
          .slice(0, 1)
          .map((i) => [c, i.url] as const),
      ),
    );
    if (colours.length >= 2 && pictures.size === colours.length) return { slug: p.slug, colours, pictures };
    fallback ??= colours.length >= 2 ? { slug: p.slug, colours, pictures: undefined } : undefined;
  }
  if (fallback) return fallback;
  throw new Error('No piece in two colours in the demo');
}

/** The product page's large picture (the one that opens full screen), not a thumbnail. */
const mainPicture = (page: Page) => page.getByRole('button', { name: /^Enlarge picture/ }).locator('img');

/** The large picture's box once its file has loaded (a demo picture is drawn on its first request: seconds on a busy machine). */
async function loadedBox(page: Page) {
  const picture = mainPicture(page);
  await expect
    .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), {
      timeout: 30_000,
      message: 'the picture loads',
    })
    .toBe(true);
  return (await picture.boundingBox())!;
}

describe('the first pages, at 1440 and 390 px', () => {
  it('home', async () => {
    const page = await visit('/');
    await screenshots(page, 'look-home');
  });

  it('a product in two colours: the picture follows the picker, at full size, in every colour', async () => {
    const { slug, colours, pictures } = await pieceInTwoColours();
    const page = await visit(`/products/${slug}`);
    await screenshots(page, 'look-product-colour-1');
    for (const viewport of [DESKTOP, MOBILE]) {
      await page.setViewportSize(viewport);
      // Every other colour, then back to the first: each keeps the large picture where and as large as it was.
      for (const colour of [...colours.slice(1), colours[0]!]) {
        const before = await loadedBox(page);
        const src = await mainPicture(page).getAttribute('src');
        await page.getByRole('radio', { name: new RegExp(`^${colour}$`, 'i') }).check({ force: true });
        if (pictures) {
          await expect
            .poll(() => mainPicture(page).getAttribute('src'), { timeout: 5_000, message: `${colour} at ${viewport.width} px` })
            .toBe(pictures.get(colour));
          expect(pictures.get(colour)).not.toBe(src);
        }
        const after = await loadedBox(page);
        expect(after.width, `${colour}: the picture's width at ${viewport.width} px`).toBeGreaterThanOrEqual(before.width * 0.9);
        expect(after.height, `${colour}: the picture's height at ${viewport.width} px`).toBeGreaterThanOrEqual(before.height * 0.9);
        expect(Math.abs(after.x - before.x), `${colour}: the picture stays in place at ${viewport.width} px`).toBeLessThan(2);
      }
    }
    await page.getByRole('radio', { name: new RegExp(`^${colours[1]}$`, 'i') }).check({ force: true });
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
