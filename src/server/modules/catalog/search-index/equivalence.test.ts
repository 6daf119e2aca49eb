/**
 * The index answers exactly as the SQL path: 500 generated searches (words, stems, typos, stop words, numbers, every
 * filter and facet, both audiences, every sort, second pages) over a generated catalog with drafts and VIP pieces,
 * compared hit for hit (ids and order), page key for page key, count for count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { accountOf, type TestAccount } from '../../../test/identity.ts';
import type { Audience } from '../access.ts';
import { encodeCursor } from '../../../http/pagination.ts';
import { SearchProductsInput } from '../models.ts';
import { PRICE_BANDS } from '../search-facets.ts';
import { computeSearch, searchJson } from '../search.ts';
import { productsByIds } from '../browse.ts';
import { readySearchIndex, searchIndexFeed } from './feed.ts';

/** A small deterministic PRNG (mulberry32), so a failure names a reproducible query. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = `leather leathers silk silky gold golden watch watches running classic classics evening gown gowns ring rings bag bags
  tote cashmere coat coats velvet diamond diamonds steel strap straps crystal emerald sapphire linen wool woollen tailored
  tailoring sculpted stitched stitching limited edition heritage atelier monogram quilted vintage modern elegance elegant
  pearl pearls brushed polished travel weekend trunk scarf scarves loafer loafers boot boots 18k 2024 no5 x1`.split(/\s+/);
const STOP = ['the', 'with', 'and', 'of', 'for', 'about', 'which'];
const BRANDS = [
  ['Maison Alder', 'maison-alder'],
  ['Corvo', 'corvo'],
  ['Valen & Rue', 'valen-rue'],
  ['Ostra', 'ostra'],
  ['Helix Atelier', 'helix-atelier'],
  ['Brume', 'brume'],
] as const;
const CATEGORIES: [string, string, string | null][] = [
  ['apparel', 'Apparel', null],
  ['outerwear', 'Outerwear', 'apparel'],
  ['dresses', 'Dresses', 'apparel'],
  ['accessories', 'Accessories', null],
  ['eq-bags', 'Bags', 'accessories'],
  ['eq-scarves', 'Scarves', 'accessories'],
  ['jewellery', 'Jewellery', null],
  ['eq-rings', 'Rings', 'jewellery'],
  ['timepieces', 'Timepieces', null],
];
const COLORS = ['Black', 'Ivory', 'Navy', 'Gold', 'Rose', 'Emerald', 'Silver', 'Tan'];
const SIZES = ['XS', 'S', 'M', 'L', '36', '38', '40', 'One Size'];
const PRICES = [90, 450, 500, 999, 1000, 2400, 2500, 4800, 9500, 12000, 30000, 99000, 250000, 1500000];

let app: TestApp;
let admin: TestAccount;

const rnd = prng(16);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const some = <T>(xs: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(rnd() * max) }, () => pick(xs)))];
const typo = (w: string): string => {
  const i = Math.floor(rnd() * w.length);
  const r = rnd();
  if (r < 0.33) return w.slice(0, i) + w.slice(i + 1);
  if (r < 0.66) return w.slice(0, i) + pick('abcdefghijklmnopqrstuvwxyz'.split('')) + w.slice(i);
  return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
};

beforeAll(async () => {
  app = await buildTestApp();
  admin = await accountOf(app, 'ADMIN');
  for (const [name, slug] of BRANDS) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/brands', headers: admin.auth, payload: { name, slug, isPartner: true } });
    expect(res.statusCode, res.body).toBe(201);
  }
  for (const [slug, name, parent] of CATEGORIES) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/categories', headers: admin.auth, payload: { name, slug, parent } });
    expect(res.statusCode, res.body).toBe(201);
  }
  const leaves = CATEGORIES.filter(([slug]) => !CATEGORIES.some(([, , parent]) => parent === slug)).map(([slug]) => slug);
  for (let i = 0; i < 240; i++) {
    const name = some(WORDS, 3).join(' ') + (i % 7 === 0 ? ` ${i}` : '');
    const visibility = rnd() < 0.7 ? 'PUBLIC' : rnd() < 0.5 ? 'VIP_ONLY' : 'DRAFT';
    const currency = rnd() < 0.8 ? 'EUR' : rnd() < 0.5 ? 'USD' : 'JPY';
    const variants = rnd() < 0.7 ? some(COLORS, 3).map((color) => ({ color, size: pick(SIZES), stock: 1 })) : undefined;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: admin.auth,
      payload: {
        name: name.charAt(0).toUpperCase() + name.slice(1),
        description: Array.from({ length: 6 + Math.floor(rnd() * 14) }, () => (rnd() < 0.2 ? pick(STOP) : pick(WORDS))).join(' ') + '.',
        price: { amount: pick(PRICES), currency },
        brand: pick(BRANDS)[1],
        category: pick(leaves),
        visibility,
        ...(variants ? { variants } : { inventory: 2 }),
        images: [{ url: `/media/generated/product/eq-${i}-640.jpg`, alt: name }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  await searchIndexFeed(app.db)!.whenBuilt();
}, 600_000);
afterAll(() => app?.shutdown());

function generateQuery(): { audience: Audience; input: SearchProductsInput } {
  const raw: Record<string, unknown> = {};
  if (rnd() < 0.8) {
    raw.query = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => {
      const r = rnd();
      if (r < 0.55) return pick(WORDS);
      if (r < 0.75) return typo(pick(WORDS.filter((w) => w.length >= 4)));
      if (r < 0.82) return pick(STOP);
      if (r < 0.92) return pick(BRANDS)[0];
      return pick(['zzqx', 'Leather', 'GOLDEN', 'héritage', '38', 'qu']);
    }).join(' ');
  }
  if (rnd() < 0.3)
    raw.categories = [
      ...some(
        CATEGORIES.map(([s]) => s),
        2,
      ),
      ...(rnd() < 0.1 ? ['no-such-category'] : []),
    ];
  if (rnd() < 0.3)
    raw.brands = some(
      BRANDS.map(([, s]) => s),
      2,
    );
  if (rnd() < 0.2) raw.colors = some(COLORS, 2).map((c) => (rnd() < 0.5 ? c.toLowerCase() : c));
  if (rnd() < 0.15) raw.sizes = some(SIZES, 2);
  if (rnd() < 0.25) {
    const i = Math.floor(rnd() * PRICE_BANDS.length);
    raw.priceRange = rnd() < 0.8 ? `${PRICE_BANDS[i]}-${PRICE_BANDS[i + 1] ?? ''}` : '100-2500.50';
  }
  if (rnd() < 0.15) raw.currency = pick(['EUR', 'USD', 'JPY']);
  raw.sort = pick(['relevance', 'relevance', 'newest', 'price_asc', 'price_desc']);
  raw.maxResults = 1 + Math.floor(rnd() * 30);
  return { audience: rnd() < 0.5 ? 'PUBLIC' : 'VIP', input: SearchProductsInput.parse(raw) };
}

/** Facet lists with ties (equal count) put in one order, since SQL leaves equal (count, name) rows unordered. */
function normalised(facets: { categories: { value: string; count: number }[]; brands: { value: string; count: number }[] }) {
  const order = (xs: { value: string; count: number }[]) => [...xs].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return { ...facets, categories: order(facets.categories), brands: order(facets.brands) };
}

const keyOf = (sort: string, k: string) => (sort === 'relevance' ? Math.fround(Number(k)) : k);

describe('the search index answers as the SQL path does', () => {
  it('500 generated searches: same hits in the same order, same totals, facets and corrections', async () => {
    const index = (await readySearchIndex(app.db))!;
    expect(index, 'the index is live').toBeDefined();
    expect(index.stats().products).toBe(240);
    let nonEmpty = 0;
    let corrected = 0;
    let secondPages = 0;
    for (let n = 0; n < 500; n++) {
      const { audience, input } = generateQuery();
      const label = JSON.stringify({ n, audience, input });
      const sql = await computeSearch(app.db, audience, input);
      const mem = index.search(audience, input);
      expect(mem.total, label).toBe(sql.total);
      expect(
        mem.page.map((p) => p.id),
        label,
      ).toEqual(sql.page.map((p) => p.id));
      expect(
        mem.page.map((p) => keyOf(input.sort, p.k)),
        label,
      ).toEqual(sql.page.map((p) => keyOf(input.sort, p.k)));
      expect(normalised(mem.facets), label).toEqual(normalised(sql.facets));
      expect(mem.correctedQuery, label).toBe(sql.correctedQuery);
      if (sql.total > 0) nonEmpty++;
      if (sql.correctedQuery) corrected++;
      // The next page, from the token either path would hand out.
      if (sql.page.length > input.maxResults) {
        const last = sql.page[input.maxResults - 1]!;
        const next = { ...input, nextToken: encodeCursor({ sort: `search:${input.sort}`, key: last.k, id: last.id }) };
        const [sql2, mem2] = [await computeSearch(app.db, audience, next), index.search(audience, next)];
        expect(
          mem2.page.map((p) => p.id),
          `${label} page 2`,
        ).toEqual(sql2.page.map((p) => p.id));
        secondPages++;
      }
    }
    // The generator must exercise what it claims to: many matches, corrections and second pages.
    expect(nonEmpty).toBeGreaterThan(250);
    expect(corrected).toBeGreaterThan(20);
    expect(secondPages).toBeGreaterThan(50);
  }, 600_000);

  it('department pages (browse with only categories), each department and audience, before and after writes', async () => {
    const check = async () => {
      const index = (await readySearchIndex(app.db))!;
      for (const [slug] of [...CATEGORIES, ['no-such-category']]) {
        for (const audience of ['PUBLIC', 'VIP'] as const) {
          for (const [sort, currency] of [
            ['relevance', 'EUR'],
            ['newest', 'USD'],
            ['price_desc', 'EUR'],
            ['relevance', 'JPY'],
          ] as const) {
            // Kept per store version and audience: the currency (price bands) and page size vary per request.
            const input = SearchProductsInput.parse({ categories: [slug], sort, currency, maxResults: 7 });
            const label = JSON.stringify({ audience, input });
            const [sql, mem] = [await computeSearch(app.db, audience, input), index.search(audience, input)];
            expect(mem.total, label).toBe(sql.total);
            expect(mem.page, label).toEqual(sql.page);
            expect(normalised(mem.facets), label).toEqual(normalised(sql.facets));
          }
        }
      }
    };
    await check();
    // The category counts of the whole catalogue are kept per store version: a write must show in them.
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: admin.auth,
      payload: {
        name: 'Late Arrival Tote',
        description: 'A tote.',
        price: { amount: 700, currency: 'EUR' },
        brand: 'corvo',
        category: 'eq-bags',
        visibility: 'PUBLIC',
        inventory: 1,
        images: [],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    await check();
  }, 120_000);

  it('pages taken from kept cards are the products PostgreSQL holds, and a write or a visibility change shows at once', async () => {
    type Body = { total: number; products: { productId: string; price: { amount: number }; visibility: string }[] };
    // A different page size each time: a new question for the answer cache, the same products for the card cache.
    let size = 10;
    const search = async (query: string, headers = {}): Promise<Body> => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/products/search?query=${query}&maxResults=${++size}`, headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const index = (await readySearchIndex(app.db))!;
    const first = await search('leather');
    expect(first.products.length).toBeGreaterThan(3);
    expect(index.cards.size).toBeGreaterThan(3);
    const again = await search('leather');
    const ids = again.products.map((p) => p.productId);
    // The same cards PostgreSQL gives, every field, in the index's order.
    expect(JSON.parse(JSON.stringify(again.products))).toEqual(JSON.parse(JSON.stringify(await productsByIds(app.db, 'PUBLIC', ids))));

    const target = ids[0]!;
    const repriced = await app.inject({
      method: 'PUT',
      url: `/api/v1/products/${target}`,
      headers: admin.auth,
      payload: { price: { amount: 777_777, currency: 'EUR' } },
    });
    expect(repriced.statusCode, repriced.body).toBe(200);
    const afterPrice = await search('leather');
    expect(afterPrice.products.find((p) => p.productId === target)?.price.amount).toBe(777_777);

    const hidden = await app.inject({
      method: 'PUT',
      url: `/api/v1/products/${target}/visibility`,
      headers: admin.auth,
      payload: { visibility: 'VIP_ONLY' },
    });
    expect(hidden.statusCode, hidden.body).toBe(200);
    const publicAfter = await search('leather');
    expect(publicAfter.products.map((p) => p.productId)).not.toContain(target);
    expect(publicAfter.total).toBe(first.total - 1);
    const vip = await accountOf(app, 'CLIENT', { vip: true });
    const vipAfter = await search('leather', vip.auth);
    expect(vipAfter.products.find((p) => p.productId === target)?.visibility).toBe('VIP_ONLY');
    // A VIP's card is kept, but never handed to the public: the public page still leaves it out.
    expect((await search('leather')).products.map((p) => p.productId)).not.toContain(target);

    // In production the answer's text is assembled from each card's kept JSON: the same bytes as serialising it.
    for (const query of ['leather', 'lether', 'zzqx', 'gold%20watch']) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/products/search?query=${query}&maxResults=3` });
      const output = res.json();
      expect(searchJson(output).join().toString('utf8'), query).toBe(JSON.stringify(output));
    }
  }, 120_000);
});
