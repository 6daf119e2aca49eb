/**
 * Two instances on one PostgreSQL, each with its own search index: a write on the first (a new product, a price
 * change, a visibility change) is searchable on the second within 100 ms, through the second's index.
 * PostgreSQL only: an embedded PGlite database belongs to a single process.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../app.ts';
import { loadConfig } from '../../../config.ts';
import { openDatabase, type Database } from '../../../db/client.ts';
import { accountOf, type TestAccount } from '../../../test/identity.ts';
import { adminUrl, databaseUrlFor } from '../../../test/postgres.ts';
import { readySearchIndex, searchIndexFeed } from './feed.ts';

const url = process.env.DATABASE_URL;

describe.runIf(url)('search index on two instances', () => {
  const name = `sbz_test_${randomBytes(6).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'sbz-search-two-'));
  const databases: Database[] = [];
  let a: FastifyInstance;
  let b: FastifyInstance;
  let admin: TestAccount;
  let pgAdmin: { query: (sql: string) => Promise<unknown>; end: () => Promise<void> };

  async function instance(): Promise<FastifyInstance> {
    const database = await openDatabase({ kind: 'postgres', url: databaseUrlFor(url!, name), poolMax: 3 });
    databases.push(database);
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      DATA_DIR: dataDir,
      RATE_LIMIT_MAX: '100000',
      SIGNUP_RATE_LIMIT_PER_HOUR: '1000',
    });
    const app = await buildApp({ config, database, webBuildDir: false });
    await app.ready();
    await searchIndexFeed(database.db)!.whenBuilt();
    return app;
  }

  beforeAll(async () => {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: adminUrl(url!) });
    await client.connect();
    await client.query(`create database ${name} template ${inject('postgresTemplate')}`);
    pgAdmin = client;
    [a, b] = [await instance(), await instance()];
    admin = await accountOf(a, 'ADMIN');
    for (const [path, payload] of [
      ['/api/v1/brands', { name: 'Orrery House', slug: 'orrery-house', isPartner: true }],
      ['/api/v1/categories', { name: 'Orreries', slug: 'orreries', parent: null }],
    ] as const) {
      const res = await a.inject({ method: 'POST', url: path, headers: admin.auth, payload });
      expect(res.statusCode, res.body).toBe(201);
    }
  }, 120_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await Promise.all(databases.map((d) => d.close()));
    await pgAdmin?.query(`drop database if exists ${name} with (force)`);
    await pgAdmin?.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Milliseconds until `b` answers the search so that `seen(body)` holds (gives up after 2 s). */
  async function msUntil(
    qs: string,
    seen: (body: { total: number; products: { productId: string; price: { amount: string }; inventory: number }[] }) => boolean,
    headers = {},
  ): Promise<number> {
    const started = performance.now();
    while (performance.now() - started < 2_000) {
      const res = await b.inject({ method: 'GET', url: `/api/v1/products/search?${qs}`, headers });
      expect(res.statusCode, res.body).toBe(200);
      if (seen(res.json())) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 2));
    }
    return Infinity;
  }

  it('a new product, a price change and a visibility change reach the other instance’s index within 100 ms', async () => {
    // Both indexes are built and answering before the writes.
    expect(await readySearchIndex(b.db)).toBeDefined();
    expect((await b.inject({ method: 'GET', url: '/api/v1/products/search?query=astrolabe' })).json().total).toBe(0);

    const created = await a.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: admin.auth,
      payload: {
        name: 'Astrolabe Pendant',
        description: 'A brass astrolabe.',
        price: { amount: 1200, currency: 'EUR' },
        brand: 'orrery-house',
        category: 'orreries',
        visibility: 'PUBLIC',
        inventory: 1,
        images: [],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().productId as string;
    const newProduct = await msUntil('query=astrolabe', (body) => body.products.some((p) => p.productId === id));

    const repriced = await a.inject({
      method: 'PUT',
      url: `/api/v1/products/${id}`,
      headers: admin.auth,
      payload: { price: { amount: 54000, currency: 'EUR' } },
    });
    expect(repriced.statusCode, repriced.body).toBe(200);
    const priceChange = await msUntil(
      'query=astrolabe&priceRange=25000-100000',
      // The card too: the page shows the new price, not one kept from before the change.
      (body) => body.total === 1 && body.products[0]?.productId === id && Number(body.products[0].price.amount) === 54000,
    );

    const hidden = await a.inject({
      method: 'PUT',
      url: `/api/v1/products/${id}/visibility`,
      headers: admin.auth,
      payload: { visibility: 'VIP_ONLY' },
    });
    expect(hidden.statusCode, hidden.body).toBe(200);
    const visibilityChange = await msUntil('query=astrolabe', (body) => body.total === 0);

    expect({ newProduct, priceChange, visibilityChange }).toEqual({
      newProduct: expect.any(Number),
      priceChange: expect.any(Number),
      visibilityChange: expect.any(Number),
    });
    expect(Math.max(newProduct, priceChange, visibilityChange), JSON.stringify({ newProduct, priceChange, visibilityChange })).toBeLessThan(
      100,
    );

    // It was the second instance's index that answered: live, holding the product with its new state.
    const index = await readySearchIndex(b.db);
    expect(searchIndexFeed(b.db)!.state).toBe('live');
    expect(index!.search('VIP', { query: 'astrolabe', sort: 'relevance', maxResults: 20 }).page.map((p) => p.id)).toEqual([id]);
    expect(index!.search('PUBLIC', { query: 'astrolabe', sort: 'relevance', maxResults: 20 }).total).toBe(0);
  }, 60_000);

  it('a stock change reaches the other instance’s cards without a catch-up of its index', async () => {
    const created = await a.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: admin.auth,
      payload: {
        name: 'Armillary Brooch',
        description: 'A gilt armillary sphere.',
        price: { amount: 900, currency: 'EUR' },
        brand: 'orrery-house',
        category: 'orreries',
        visibility: 'PUBLIC',
        variants: [{ size: 'One size', stock: 3 }],
        images: [],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { product } = created.json() as { product: { productId: string; variants: { variantId: string }[] } };
    // On the second instance's page, its card kept: the index has caught up with the new product.
    expect(await msUntil('query=armillary', (body) => body.products[0]?.inventory === 3)).toBeLessThan(2_000);
    expect(searchIndexFeed(b.db)!.index.cards.get(product.productId, 'PUBLIC')?.inventory).toBe(3);

    const feed = searchIndexFeed(b.db)!;
    const catchUp = vi.spyOn(feed, 'catchUp');
    try {
      const restocked = await a.inject({
        method: 'PUT',
        url: `/api/v1/products/${product.productId}/variants/${product.variants[0]!.variantId}/stock`,
        headers: admin.auth,
        payload: { stock: 7 },
      });
      expect(restocked.statusCode, restocked.body).toBe(200);
      // The card showing 3 is dropped by the notification; the page then shows 7, from the index with no catch-up.
      expect(await msUntil('query=armillary', (body) => body.products[0]?.inventory === 7)).toBeLessThan(100);
      expect(catchUp).not.toHaveBeenCalled();
    } finally {
      catchUp.mockRestore();
    }
  }, 60_000);
});
