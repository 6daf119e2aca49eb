import { existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import type { TestAccount } from '../../test/identity.ts';
import { addProduct, setupCatalog, type CatalogFixture } from '../../test/catalog.ts';
import type { KeptDocument } from '../../web/document-cache.ts';
import { journalDocuments } from './service.ts';

const buildDir = resolve('build');

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const body = (...content: unknown[]) => JSON.stringify({ type: 'doc', content });
const nonceOf = (csp: unknown) => /'nonce-([a-f0-9]{32})'/.exec(String(csp))?.[1];

// The Journal's pages kept whole by the web server (web/document-cache.ts): the same document for every visitor but
// for its nonce, dropped when the piece or a piece of the catalogue it shows changes. Needs `npm run build` first.
describe('Journal documents kept whole', () => {
  let app: TestApp;
  let cat: CatalogFixture;
  let editor: TestAccount;
  let wrap: { productId: string; slug: string };
  let contentId: string;
  const page = () => app.inject({ method: 'GET', url: '/journal/kept-whole' });
  const kept = () => journalDocuments<KeptDocument>(app.db).get('http://localhost:80/journal/kept-whole');

  beforeAll(async () => {
    if (!existsSync(join(buildDir, 'server', 'index.js'))) throw new Error(`No web build in ${buildDir}: run \`npm run build\` first`);
    app = await buildTestApp({}, { webBuildDir: buildDir });
    await app.listen({ port: 0, host: '127.0.0.1' });
    cat = await setupCatalog(app);
    editor = cat.admin;
    wrap = await addProduct(app, cat.admin, { name: 'Cashmere wrap', brand: 'hermes', category: 'bags', amount: 1900 });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/content',
      headers: editor.auth,
      payload: {
        title: 'Kept whole',
        slug: 'kept-whole',
        contentType: 'ARTICLE',
        status: 'PUBLISHED',
        dek: 'A piece read many times over.',
        body: body(para('The first paragraph.'), { type: 'productRow', attrs: { productIds: [wrap.productId], title: 'Shop the story' } }),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    contentId = res.json().contentId;
  }, 120_000);
  afterAll(() => app?.shutdown());

  it('answers a kept page with its own nonce in the header and in every inline script', async () => {
    // A render during which a change notice arrives is not kept (on PostgreSQL the set-up's own catalogue notices can
    // still be arriving): the first render that saw no change is.
    let first = await page();
    for (let tries = 1; !kept() && tries < 5; tries++) first = await page();
    expect(first.statusCode).toBe(200);
    expect(kept(), 'kept after a render that saw no change').toBeDefined();
    const second = await page();
    expect(second.statusCode).toBe(200);
    expect(second.headers['content-type']).toContain('text/html');
    const [n1, n2] = [nonceOf(first.headers['content-security-policy']), nonceOf(second.headers['content-security-policy'])];
    expect(n1).toBeTruthy();
    expect(n2).toBeTruthy();
    expect(n2).not.toBe(n1);
    expect(second.body).not.toContain(n1);
    // Inline scripts that run (JSON-LD is data, not run).
    const inline = [...second.body.matchAll(/<script(?![^>]*\b(?:src=|type="application\/ld\+json"))([^>]*)>/g)].map((m) => m[1]);
    expect(inline.length).toBeGreaterThan(0);
    for (const attributes of inline) expect(attributes).toContain(`nonce="${n2}"`);
    expect(second.body.replaceAll(n2!, 'N')).toBe(first.body.replaceAll(n1!, 'N'));
    // The reader's document carries the blocks, not the editor's JSON nor the same body a second time as bodyHtml.
    expect(second.body).not.toContain('bodyHtml');
    expect(second.body).toContain('The first paragraph.');
  });

  it('answers a kept page gzip-encoded, its fresh nonce inside, when the browser accepts gzip', async () => {
    await page();
    for (const acceptEncoding of ['gzip, deflate, br, zstd', 'br;q=1, gzip;q=0.5', '*']) {
      const res = await app.inject({ method: 'GET', url: '/journal/kept-whole', headers: { 'accept-encoding': acceptEncoding } });
      expect(res.headers['content-encoding'], acceptEncoding).toBe('gzip');
      expect(res.headers['vary']).toContain('accept-encoding');
      const nonce = nonceOf(res.headers['content-security-policy'])!;
      const html = gunzipSync(res.rawPayload).toString('utf8');
      expect(html).toContain(`nonce="${nonce}"`);
      expect(html.replaceAll(nonce, 'N')).toBe(kept()!.html.replaceAll(kept()!.nonce, 'N'));
    }
    // Refused gzip: the usual compression (or none) decides.
    const br = await app.inject({ method: 'GET', url: '/journal/kept-whole', headers: { 'accept-encoding': 'br, gzip;q=0' } });
    expect(br.headers['content-encoding']).toBe('br');
    const plain = await app.inject({ method: 'GET', url: '/journal/kept-whole', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('The first paragraph.');
  });

  it('keeps no page with a query, for a HEAD, or that is not found', async () => {
    await app.inject({ method: 'GET', url: '/journal/kept-whole?utm_source=letter' });
    expect(journalDocuments<KeptDocument>(app.db).get('http://localhost:80/journal/kept-whole?utm_source=letter')).toBeUndefined();
    expect((await app.inject({ method: 'GET', url: '/journal/no-such-piece' })).statusCode).toBe(404);
    expect(journalDocuments<KeptDocument>(app.db).get('http://localhost:80/journal/no-such-piece')).toBeUndefined();
    expect(journalDocuments<KeptDocument>(app.db).covers('/journal/preview/abc')).toBe(false);
    expect(journalDocuments<KeptDocument>(app.db).covers('/journal/rss.xml')).toBe(false);
    expect(journalDocuments<KeptDocument>(app.db).covers('/journal')).toBe(true);
  });

  it('drops the page when the piece changes and when a piece it shows sells out', async () => {
    await page();
    expect(kept()).toBeDefined();
    const edit = await app.inject({
      method: 'PUT',
      url: `/api/v1/content/${contentId}`,
      headers: editor.auth,
      payload: { title: 'Kept whole, revised' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(kept()).toBeUndefined();
    expect((await page()).body).toContain('Kept whole, revised');

    expect((await page()).body).not.toContain('Sold out');
    const product = (await app.inject({ method: 'GET', url: `/api/v1/products/${wrap.productId}`, headers: cat.admin.auth })).json()
      .product;
    for (const v of product.variants) {
      const stock = await app.inject({
        method: 'PUT',
        url: `/api/v1/products/${wrap.productId}/variants/${v.variantId}/stock`,
        headers: cat.admin.auth,
        payload: { stock: 0 },
      });
      expect(stock.statusCode, stock.body).toBe(200);
    }
    // Other writers' changes arrive as a notification (on commit, within milliseconds), as on any other instance.
    let html = '';
    for (let i = 0; i < 40 && !html.includes('Sold out'); i++) {
      html = (await page()).body;
      if (!html.includes('Sold out')) await new Promise((r) => setTimeout(r, 50));
    }
    expect(html).toContain('Sold out');
  });
});
