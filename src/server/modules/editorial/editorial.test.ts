import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, countRows, type TestApp } from '../../test/app.ts';
import { expectConverted, expectSealed } from '../../test/free-text.ts';
import { accountOf, type TestAccount } from '../../test/identity.ts';
import { addProduct, setupCatalog, type CatalogFixture } from '../../test/catalog.ts';
import { listDevMail } from '../mail/service.ts';
import { approvedStylist, type TestStylist } from '../stylists/test-helpers.ts';
import { advanceEditorialClock, editorialNow, publishDue } from './service.ts';
import { XSS_PAYLOADS } from './test-xss-payloads.ts';

let app: TestApp;
let cat: CatalogFixture;
let editor: TestAccount;
let stylist: TestStylist;
let scarf: { productId: string; slug: string };
let bag: { productId: string; slug: string };
let vipRing: { productId: string; slug: string };

const IMG = '/media/generated/editorial/the-quiet-season-1280.jpg';
const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const body = (...content: unknown[]) => JSON.stringify({ type: 'doc', content });
let n = 0;
const piece = (extra: Record<string, unknown> = {}) => ({
  title: `A piece ${++n}`,
  contentType: 'ARTICLE',
  body: body(para('The quiet season begins in the ateliers.')),
  ...extra,
});
const post = (as: TestAccount | undefined, payload: unknown) =>
  app.inject({ method: 'POST', url: '/api/v1/content', headers: as?.auth ?? {}, payload: payload as object });
const put = (as: TestAccount, id: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'PUT', url: `/api/v1/content/${id}`, headers: { ...as.auth, ...headers }, payload: payload as object });
const get = (as: TestAccount | undefined, url: string) => app.inject({ method: 'GET', url, headers: as?.auth ?? {} });

beforeAll(async () => {
  app = await buildTestApp();
  cat = await setupCatalog(app);
  [editor, stylist] = await Promise.all([accountOf(app, 'STYLIST'), approvedStylist(app, cat.admin)]);
  // A house editor is a staff account holding the permission (granted by an admin), here a stylist account.
  const grant = await app.inject({ method: 'PUT', url: `/api/v1/content-editors/${editor.userId}`, headers: cat.admin.auth });
  expect(grant.statusCode, grant.body).toBe(200);
  scarf = await addProduct(app, cat.admin, { name: 'Silk twill scarf', brand: 'hermes', category: 'bags', amount: 420 });
  bag = await addProduct(app, cat.admin, { name: 'Evening minaudière', brand: 'chanel', category: 'bags', amount: 3100 });
  vipRing = await addProduct(app, cat.admin, {
    name: 'Private sapphire ring',
    brand: 'cartier',
    category: 'rings',
    amount: 48000,
    visibility: 'VIP_ONLY',
  });
}, 120_000);
afterAll(() => app?.shutdown());

describe('CreateContent, GetContent, ListContent', () => {
  it('creates a shoppable article, renders it through the allowlist with live pieces, and lists it once published', async () => {
    const res = await post(editor, {
      title: 'The quiet season',
      contentType: 'ARTICLE',
      dek: 'Cashmere, silk and the art of saying less.',
      tags: ['Knitwear', 'Paris'],
      featuredImage: IMG,
      featuredImageAlt: 'An arcade in late light',
      status: 'PUBLISHED',
      body: body(
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Less, but better' }] },
        para('A scarf that outlives the season.'),
        { type: 'productRow', attrs: { productIds: [scarf.productId, bag.productId], title: 'Shop the story' } },
        {
          type: 'look',
          attrs: { src: IMG, alt: 'Look one', caption: 'Look one', hotspots: [{ x: 30, y: 40, productId: scarf.productId }] },
        },
        { type: 'bookStylist', attrs: { stylistId: stylist.stylistId, label: 'Book a fitting' } },
      ),
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json().content;
    expect(created).toMatchObject({
      slug: 'the-quiet-season',
      status: 'PUBLISHED',
      tags: ['knitwear', 'paris'],
      version: 1,
      author: 'The House',
      readingMinutes: 1,
    });
    expect(JSON.parse(created.body).type).toBe('doc');

    const page = await get(undefined, '/api/v1/content/the-quiet-season');
    expect(page.statusCode, page.body).toBe(200);
    const { bodyHtml, blocks } = page.json();
    expect(bodyHtml).toContain('<h2>Less, but better</h2>');
    expect(bodyHtml).toContain(`href="/products/${scarf.slug}"`);
    expect(bodyHtml).toContain(`href="/stylists/${stylist.stylistId}"`);
    expect(blocks.map((b: { kind: string }) => b.kind)).toEqual(['html', 'products', 'look', 'stylist']);
    expect(blocks[1].products.map((p: { state: string; name: string }) => [p.state, p.name])).toEqual([
      ['AVAILABLE', 'Silk twill scarf'],
      ['AVAILABLE', 'Evening minaudière'],
    ]);

    const list = await get(undefined, '/api/v1/content?contentType=ARTICLE&tags=paris&view=summary');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().content.map((c: { slug: string; body: string }) => [c.slug, c.body])).toEqual([['the-quiet-season', '']]);
  });

  it('shows a sold-out piece as sold out and a withdrawn one as no longer available', async () => {
    const row = await addProduct(app, cat.admin, { name: 'Cashmere wrap', brand: 'hermes', category: 'bags', amount: 1900 });
    const withdrawn = await addProduct(app, cat.admin, { name: 'Archive clutch', brand: 'chanel', category: 'bags', amount: 900 });
    const created = await post(
      editor,
      piece({ status: 'PUBLISHED', body: body({ type: 'productRow', attrs: { productIds: [row.productId, withdrawn.productId] } }) }),
    );
    expect(created.statusCode, created.body).toBe(201);
    // Read (and kept) while both are on sale: the catalogue's notifications must drop the kept page.
    const before = (await get(undefined, `/api/v1/content/${created.json().contentId}`)).json();
    expect(before.blocks[0].products.map((p: { state: string }) => p.state)).toEqual(['AVAILABLE', 'AVAILABLE']);
    const product = (await get(cat.admin, `/api/v1/products/${row.productId}`)).json().product;
    for (const v of product.variants) {
      const stock = await app.inject({
        method: 'PUT',
        url: `/api/v1/products/${row.productId}/variants/${v.variantId}/stock`,
        headers: cat.admin.auth,
        payload: { stock: 0 },
      });
      expect(stock.statusCode, stock.body).toBe(200);
    }
    const hide = await app.inject({
      method: 'PUT',
      url: `/api/v1/products/${withdrawn.productId}/visibility`,
      headers: cat.admin.auth,
      payload: { visibility: 'DRAFT' },
    });
    expect(hide.statusCode, hide.body).toBe(200);
    // NOTIFY arrives after commit, within milliseconds.
    let page = (await get(undefined, `/api/v1/content/${created.json().contentId}`)).json();
    for (let i = 0; i < 50 && page.blocks[0].products[1].state !== 'UNAVAILABLE'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      page = (await get(undefined, `/api/v1/content/${created.json().contentId}`)).json();
    }
    expect(page.blocks[0].products.map((p: { state: string }) => p.state)).toEqual(['SOLD_OUT', 'UNAVAILABLE']);
    expect(page.bodyHtml).toContain('Sold out');
    expect(page.bodyHtml).toContain('This piece is no longer available.');
    expect(page.bodyHtml).not.toContain(withdrawn.slug);
  });

  it('keeps VIP pieces invisible to everyone but private clients and the house, in lists and by address', async () => {
    const created = await post(editor, piece({ title: 'The private salon', audience: 'VIP', status: 'PUBLISHED', tags: ['private'] }));
    expect(created.statusCode, created.body).toBe(201);
    for (const viewer of [undefined, cat.client, stylist]) {
      expect((await get(viewer, '/api/v1/content/the-private-salon')).statusCode).toBe(404);
      expect((await get(viewer, '/api/v1/content?tags=private')).json().content).toEqual([]);
    }
    for (const viewer of [cat.vip, cat.admin]) {
      expect((await get(viewer, '/api/v1/content/the-private-salon')).statusCode).toBe(200);
      expect((await get(viewer, '/api/v1/content?tags=private')).json().content).toHaveLength(1);
    }
  });

  it('shows a VIP-only piece of the catalogue only to private clients', async () => {
    const created = await post(
      editor,
      piece({ status: 'PUBLISHED', body: body({ type: 'productCard', attrs: { productId: vipRing.productId } }) }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().contentId;
    expect((await get(undefined, `/api/v1/content/${id}`)).json().blocks[0].products[0]).toEqual({
      productId: vipRing.productId,
      state: 'UNAVAILABLE',
    });
    expect((await get(cat.vip, `/api/v1/content/${id}`)).json().blocks[0].products[0]).toMatchObject({
      state: 'AVAILABLE',
      slug: vipRing.slug,
    });
  });

  it('answers readers who are not signed in from the kept list, which a publication, an unpublication or a VIP piece never leaves stale', async () => {
    const url = '/api/v1/content?tags=kept-list&view=summary';
    const titles = async (viewer?: TestAccount) => (await get(viewer, url)).json().content.map((c: { title: string }) => c.title);
    expect(await titles()).toEqual([]);
    expect(await titles()).toEqual([]);
    const first = await post(editor, piece({ title: 'Kept, first', status: 'PUBLISHED', tags: ['kept-list'] }));
    expect(first.statusCode, first.body).toBe(201);
    expect(await titles()).toEqual(['Kept, first']);
    // A private clients' piece: never in the public copy, always for a private client asking the same address.
    expect(
      (await post(editor, piece({ title: 'Kept, private', audience: 'VIP', status: 'PUBLISHED', tags: ['kept-list'] }))).statusCode,
    ).toBe(201);
    expect(await titles()).toEqual(['Kept, first']);
    expect(await titles(cat.vip)).toEqual(['Kept, private', 'Kept, first']);
    expect(await titles()).toEqual(['Kept, first']);
    const unpublished = await put(editor, first.json().contentId, { status: 'DRAFT', expectedVersion: first.json().content.version });
    expect(unpublished.statusCode, unpublished.body).toBe(200);
    expect(await titles()).toEqual([]);
  });

  it('pages through the published list newest first without repeats', async () => {
    for (let i = 0; i < 5; i++) expect((await post(editor, piece({ status: 'PUBLISHED', tags: ['paging'] }))).statusCode).toBe(201);
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const res = await get(undefined, `/api/v1/content?tags=paging&maxResults=2${token ? `&nextToken=${token}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...res.json().content.map((c: { contentId: string }) => c.contentId));
      token = res.json().nextToken;
    } while (token);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect((await get(undefined, '/api/v1/content?nextToken=bogus')).json().fieldErrors).toHaveProperty(['query.nextToken']);
  });
});

describe('bad input', () => {
  it.each([
    ['a script element', { body: body({ type: 'script', content: [] }) }, 'body.body'],
    ['an onerror attribute smuggled as an element', { body: body({ type: 'img', attrs: { src: 'x', onerror: 'alert(1)' } }) }, 'body.body'],
    [
      'a javascript: link',
      {
        body: body({
          type: 'paragraph',
          content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
        }),
      },
      'body.body',
    ],
    ['a foreign iframe', { body: body({ type: 'iframe', attrs: { src: 'https://evil.example/' } }) }, 'body.body'],
    ['a foreign featured image', { featuredImage: 'https://evil.example/x.jpg' }, 'body.featuredImage'],
    [
      'a product that does not exist',
      { body: body({ type: 'productCard', attrs: { productId: '0190a0b0-0000-7000-8000-00000000dead' } }) },
      'body.body',
    ],
    [
      'an event without capacity',
      {
        contentType: 'EVENT',
        event: { startsAt: '2027-03-12T18:30', endsAt: '2027-03-12T21:00', timeZone: 'Europe/Paris', place: 'Rue Cambon' },
      },
      'body.event.capacity',
    ],
    ['an event without details', { contentType: 'EVENT' }, 'body.event'],
    ['a schedule in the past', { status: 'SCHEDULED', publishAt: '2020-01-01T09:00', timeZone: 'Europe/Paris' }, 'body.publishAt'],
    [
      'a schedule in the hour the clocks skip',
      { status: 'SCHEDULED', publishAt: '2031-03-30T02:30', timeZone: 'Europe/Paris' },
      'body.publishAt',
    ],
    ['a bad slug', { slug: 'Not A Slug!' }, 'body.slug'],
  ])('refuses %s with 400 naming the field, writing nothing', async (_label, extra, field) => {
    const before = await countRows(app.db, 'content');
    const res = await post(editor, piece(extra));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().fieldErrors).toHaveProperty([field]);
    expect(await countRows(app.db, 'content')).toBe(before);
  });

  it('refuses a slug another piece has', async () => {
    expect((await post(editor, piece({ slug: 'taken-address' }))).statusCode).toBe(201);
    const res = await post(editor, piece({ slug: 'taken-address' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fieldErrors['body.slug']).toEqual(['This address is already used by another piece']);
  });

  it('refuses a 5 MB body before reading it', async () => {
    const res = await post(editor, piece({ body: 'x'.repeat(5 * 1024 * 1024) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PayloadTooLargeException');
  });

  it('refuses writers who are not the house or a stylist, and non-articles from stylists', async () => {
    expect((await post(undefined, piece())).statusCode).toBe(401);
    expect((await post(cat.client, piece())).statusCode).toBe(403);
    expect((await post(cat.partner, piece())).statusCode).toBe(403);
    expect((await post(stylist, piece({ contentType: 'PAGE' }))).statusCode).toBe(403);
    expect((await post(stylist, piece({ status: 'PUBLISHED' }))).statusCode).toBe(403);
    expect(
      (await app.inject({ method: 'PUT', url: `/api/v1/content-editors/${cat.client.userId}`, headers: cat.admin.auth })).statusCode,
    ).toBe(400);
    expect((await app.inject({ method: 'PUT', url: `/api/v1/content-editors/${stylist.userId}`, headers: editor.auth })).statusCode).toBe(
      403,
    );
  });

  it('stores every classic payload in every text field as text: the rendered body carries none of it as markup', async () => {
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      const res = await post(editor, {
        title: payload.slice(0, 200),
        contentType: 'ARTICLE',
        slug: `payload-${i}`,
        dek: payload,
        tags: [payload.slice(0, 40)],
        seoTitle: payload.slice(0, 70),
        seoDescription: payload.slice(0, 170),
        author: payload.slice(0, 120),
        featuredImageAlt: payload,
        status: 'PUBLISHED',
        body: body(
          para(payload),
          { type: 'image', attrs: { src: IMG, alt: payload, caption: payload } },
          { type: 'productRow', attrs: { productIds: [scarf.productId], title: payload.slice(0, 160) } },
        ),
      });
      expect(res.statusCode, `${payload}: ${res.body}`).toBe(201);
      const { bodyHtml } = (await get(undefined, `/api/v1/content/payload-${i}`)).json();
      for (const [, name, attrs] of (bodyHtml as string).matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
        expect(['p', 'figure', 'img', 'figcaption', 'div', 'a', 'span']).toContain(name);
        expect(attrs!.replace(/\s(href|src|alt|class|loading|decoding)="[^"<>]*"/g, '').trim()).toBe('');
      }
    }
  }, 120_000);
});

describe('the workflow', () => {
  it('keeps every save as a version, refuses a stale save with the newer version, diffs and restores', async () => {
    const created = (await post(editor, piece({ title: 'Versions', body: body(para('First line.'), para('Second line.')) }))).json()
      .content;
    const id = created.contentId;
    const first = await put(editor, id, {
      title: 'Versions, revised',
      body: body(para('First line.'), para('A better second line.')),
      expectedVersion: 1,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().content.version).toBe(2);
    // A second editor saving from version 1 is refused, and told what version 2 says.
    const stale = await put(cat.admin, id, { title: 'Overwrite' }, { 'if-match': '"1"' });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'ConflictException', current: { version: 2, title: 'Versions, revised' } });
    expect((await get(editor, `/api/v1/content/${id}`)).json().content.title).toBe('Versions, revised');

    const versions = (await get(editor, `/api/v1/content/${id}/versions`)).json().versions;
    expect(versions.map((v: { version: number; savedBy: string }) => [v.version, v.savedBy])).toEqual([
      [2, editor.userId],
      [1, editor.userId],
    ]);
    // Who saved is the person, though a house piece is signed "The House".
    expect(versions[0].savedByName).not.toBe('The House');
    expect(versions[0].savedByName).toMatch(/\S+ \S+/);
    const diff = (await get(editor, `/api/v1/content/${id}/diff?from=1&to=2`)).json();
    expect(diff.fields).toContainEqual({ field: 'Title', before: 'Versions', after: 'Versions, revised' });
    expect(diff.body).toEqual([
      { op: 'same', text: 'First line.' },
      { op: 'removed', text: 'Second line.' },
      { op: 'added', text: 'A better second line.' },
    ]);
    const restored = await app.inject({
      method: 'POST',
      url: `/api/v1/content/${id}/versions/1/restore`,
      headers: editor.auth,
      payload: { expectedVersion: 2 },
    });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().content).toMatchObject({ title: 'Versions', version: 3 });
    expect((await get(editor, `/api/v1/content/${id}/versions`)).json().versions[0].note).toBe('Restored version 1');
  });

  it('keeps one working draft per editor until that editor saves', async () => {
    const id = (await post(editor, piece())).json().contentId;
    const save = (as: TestAccount, title: string) =>
      app.inject({
        method: 'PUT',
        url: `/api/v1/content/${id}/autosave`,
        headers: as.auth,
        payload: { baseVersion: 1, draft: { title, body: body(para(title)) } },
      });
    expect((await save(editor, 'Draft one')).statusCode).toBe(200);
    expect((await save(editor, 'Draft two')).statusCode).toBe(200);
    expect((await save(cat.admin, 'Admin draft')).statusCode).toBe(200);
    expect(await countRows(app.db, 'content_autosaves')).toBeGreaterThanOrEqual(2);
    const mine = (await get(editor, `/api/v1/content/${id}/autosave`)).json();
    expect(mine.draft.title).toBe('Draft two');
    expect(JSON.parse(mine.draft.body).type).toBe('doc');
    expect((await get(cat.admin, `/api/v1/content/${id}/autosave`)).json().draft.title).toBe('Admin draft');
    expect((await put(editor, id, { title: 'Saved', expectedVersion: 1 })).statusCode).toBe(200);
    expect((await get(editor, `/api/v1/content/${id}/autosave`)).statusCode).toBe(404);
    expect((await get(cat.admin, `/api/v1/content/${id}/autosave`)).statusCode).toBe(200);
    // A working draft is checked like a save.
    const bad = await app.inject({
      method: 'PUT',
      url: `/api/v1/content/${id}/autosave`,
      headers: editor.auth,
      payload: { baseVersion: 2, draft: { body: body({ type: 'script' }) } },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('publishes a scheduled piece at its minute in the editor’s zone, exactly once, however many runs', async () => {
    // 09:00 in Paris, two days ahead: stored as the instant, shown to readers only from that minute.
    const local = new Date(editorialNow(app.db) + 2 * 86_400_000).toISOString().slice(0, 10) + 'T09:00';
    const res = await post(
      editor,
      piece({ title: 'At nine in Paris', tags: ['scheduled'], status: 'SCHEDULED', publishAt: local, timeZone: 'Europe/Paris' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { contentId, publishAt } = res.json().content;
    const offsetMinutes = new Date(publishAt).getTime() - Date.parse(`${local}:00Z`);
    expect([-60, -120].map((m) => m * 60_000)).toContain(offsetMinutes);
    expect(await countRows(app.db, 'jobs')).toBeGreaterThan(0);
    expect((await get(undefined, `/api/v1/content/${contentId}`)).statusCode).toBe(404);
    expect((await get(undefined, '/api/v1/content?tags=scheduled')).json().content).toEqual([]);
    expect(await publishDue(app.db, editorialNow(app.db))).not.toContain(contentId);

    // The minute comes: readers see it at once, before any job has run.
    advanceEditorialClock(app.db, new Date(publishAt).getTime() - editorialNow(app.db));
    expect((await get(undefined, '/api/v1/content?tags=scheduled')).json().content.map((c: { contentId: string }) => c.contentId)).toEqual([
      contentId,
    ]);
    // The job (or any number of instances running it together) publishes it once.
    const runs = await Promise.all([
      publishDue(app.db, editorialNow(app.db), contentId),
      publishDue(app.db, editorialNow(app.db), contentId),
      publishDue(app.db, editorialNow(app.db)),
    ]);
    expect(runs.flat().filter((id) => id === contentId)).toHaveLength(1);
    const page = (await get(undefined, `/api/v1/content/${contentId}`)).json().content;
    expect(page).toMatchObject({ status: 'PUBLISHED', publishedAt: publishAt });
  });

  it('unpublishes and archives; stylists submit for review and the house publishes', async () => {
    const draft = await post(stylist, piece({ title: 'How to wear grey' }));
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().contentId;
    expect(draft.json().content).toMatchObject({ authorStylistId: stylist.stylistId, status: 'DRAFT' });
    const submitted = await put(stylist, id, { submitForReview: true, expectedVersion: 1 });
    expect(submitted.json().content.reviewRequested).toBe(true);
    expect((await get(editor, '/api/v1/content?status=DRAFT')).json().content.some((c: { contentId: string }) => c.contentId === id)).toBe(
      true,
    );
    expect((await put(stylist, id, { status: 'PUBLISHED' })).statusCode).toBe(403);
    const published = await put(editor, id, { status: 'PUBLISHED', expectedVersion: 2 });
    expect(published.json().content).toMatchObject({ status: 'PUBLISHED', reviewRequested: false });
    // Once published, the stylist can no longer change it; the house can.
    expect((await put(stylist, id, { title: 'Changed' })).statusCode).toBe(403);
    expect((await put(editor, id, { status: 'DRAFT' })).json().content.status).toBe('DRAFT');
    expect((await get(undefined, `/api/v1/content/${id}`)).statusCode).toBe(404);
    expect((await put(editor, id, { status: 'ARCHIVED' })).json().content.status).toBe('ARCHIVED');
    expect((await get(undefined, `/api/v1/content/${id}`)).statusCode).toBe(404);
    // Another stylist does not even see it.
    const other = await approvedStylist(app, cat.admin);
    expect((await get(other, `/api/v1/content/${id}`)).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/content/${id}`, headers: other.auth })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/content/${id}`, headers: editor.auth })).statusCode).toBe(200);
    expect((await get(editor, `/api/v1/content/${id}`)).statusCode).toBe(404);
  });

  it('tells each account its editorial role, lists a writer’s own pieces, names the editors and offers the picture library', async () => {
    const role = async (who: TestAccount | undefined) => (await get(who, '/api/v1/content-editors/me')).json().role;
    expect([await role(cat.admin), await role(editor), await role(stylist), await role(cat.client), await role(cat.partner)]).toEqual([
      'ADMIN',
      'EDITOR',
      'STYLIST',
      null,
      null,
    ]);
    expect((await get(undefined, '/api/v1/content-editors/me')).statusCode).toBe(401);

    const mineId = (await post(stylist, piece({ title: 'My own notes on linen' }))).json().contentId;
    const mine = (await get(stylist, '/api/v1/content?mine=true&view=summary')).json().content as Array<{ contentId: string }>;
    expect(mine.map((c) => c.contentId)).toContain(mineId);
    const editorsOwn = (await get(editor, '/api/v1/content?mine=true&view=summary')).json().content as Array<{ contentId: string }>;
    expect(editorsOwn.map((c) => c.contentId)).not.toContain(mineId);
    expect((await get(cat.client, '/api/v1/content?mine=true')).statusCode).toBe(400);

    const editors = (await get(cat.admin, '/api/v1/content-editors')).json().editors;
    expect(editors).toContainEqual(expect.objectContaining({ userId: editor.userId, userType: 'STYLIST', active: true }));
    expect(editors.find((e: { userId: string }) => e.userId === editor.userId).name).not.toBe('');

    const library = (await get(stylist, '/api/v1/content-media')).json().pictures as Array<{ src: string; source: string }>;
    expect(library.some((p) => p.source === 'HOUSE' && p.src === '/media/generated/editorial/journal-quiet-season-1280.jpg')).toBe(true);
    expect((await get(cat.partner, '/api/v1/content-media')).statusCode).toBe(403);
  });

  it('shows a draft through a signed preview link, and nothing through a forged one', async () => {
    const id = (await post(editor, piece({ title: 'Before the launch' }))).json().contentId;
    const link = await app.inject({ method: 'POST', url: `/api/v1/content/${id}/preview-links`, headers: editor.auth });
    expect(link.statusCode, link.body).toBe(201);
    const { token } = link.json();
    const preview = await get(undefined, `/api/v1/content/previews/${token}`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().content).toMatchObject({ title: 'Before the launch', status: 'DRAFT' });
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect((await get(undefined, `/api/v1/content/previews/${forged}`)).statusCode).toBe(404);
    const [cid, , sig] = token.split('.');
    expect((await get(undefined, `/api/v1/content/previews/${cid}.99999999999.${sig}`)).statusCode).toBe(404);
  });
});

describe('events and RSVPs', () => {
  const event = (capacity: number, attendance = 'EVERYONE', extra: Record<string, unknown> = {}) =>
    piece({
      contentType: 'EVENT',
      status: 'PUBLISHED',
      event: {
        startsAt: '2031-03-12T18:30',
        endsAt: '2031-03-12T21:00',
        timeZone: 'Europe/Paris',
        place: '31 rue Cambon, Paris',
        attendance,
        capacity,
      },
      ...extra,
    });

  it('keeps the place’s wall clock and gives the last seat to exactly one of 50 clients replying at once', async () => {
    const created = await post(editor, event(1));
    expect(created.statusCode, created.body).toBe(201);
    const { contentId, event: details } = created.json().content;
    expect(details).toMatchObject({ startsAt: '2031-03-12T17:30:00.000Z', localStartsAt: '2031-03-12T18:30', seatsLeft: 1 });
    const clients = await Promise.all(Array.from({ length: 50 }, () => accountOf(app, 'CLIENT')));
    const replies = await Promise.all(
      clients.map((c) => app.inject({ method: 'POST', url: `/api/v1/content/${contentId}/rsvp`, headers: c.auth })),
    );
    expect(replies.map((r) => r.statusCode).every((s) => s === 200)).toBe(true);
    const statuses = replies.map((r) => r.json().status);
    expect(statuses.filter((s) => s === 'CONFIRMED')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(49);
    expect((await get(undefined, `/api/v1/content/${contentId}`)).json().content.event.seatsLeft).toBe(0);

    // The confirmed client withdraws: the first on the waiting list gets the seat.
    const winner = clients[statuses.indexOf('CONFIRMED')]!;
    // Positions as they stand once every reply has committed: 1 to 49, each once.
    const positions = await Promise.all(
      clients.map(async (c, i) =>
        statuses[i] === 'WAITLISTED' ? (await get(c, `/api/v1/content/${contentId}/rsvp`)).json().rsvp.waitlistPosition : 0,
      ),
    );
    expect(positions.filter((p) => p > 0).sort((a, b) => a - b)).toEqual(Array.from({ length: 49 }, (_, i) => i + 1));
    const first = clients[positions.indexOf(1)]!;
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/content/${contentId}/rsvp`, headers: winner.auth })).json().status).toBe(
      'CANCELLED',
    );
    expect((await get(first, `/api/v1/content/${contentId}/rsvp`)).json().rsvp.status).toBe('CONFIRMED');
    // …and is told so by mail, sent with the seat (the others on the list are not).
    const seatMail = (await listDevMail(app.db, app.ctx.keys, 200)).filter((m) => m.subject.startsWith('A seat is yours'));
    expect(seatMail.map((m) => m.to)).toEqual([first.email]);
    expect(seatMail[0]!.text).toContain('When: Wednesday 12 March 2031 at 18:30, Paris time');
    expect(seatMail[0]!.text).not.toMatch(/Europe\/|UTC/);
    // The seat is in the client's calendar feed, at the place's time.
    const feed = (await get(first, '/api/v1/me/calendar-feed')).json().url as string;
    const ics = await get(first, new URL(feed).pathname);
    expect(ics.statusCode).toBe(200);
    expect(ics.body).toContain(`UID:rsvp-${contentId}@stylebyzaga`);
    expect(ics.body).toContain('DTSTART:20310312T173000Z');
    // Replying twice is the same reply.
    expect((await app.inject({ method: 'POST', url: `/api/v1/content/${contentId}/rsvp`, headers: first.auth })).json().status).toBe(
      'CONFIRMED',
    );
  }, 180_000);

  it('refuses RSVPs from those the event is not for', async () => {
    const vipOnly = (await post(editor, event(10, 'VIP'))).json().contentId;
    expect((await app.inject({ method: 'POST', url: `/api/v1/content/${vipOnly}/rsvp`, headers: cat.client.auth })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `/api/v1/content/${vipOnly}/rsvp`, headers: cat.vip.auth })).json().status).toBe(
      'CONFIRMED',
    );
    const privatePiece = (await post(editor, event(10, 'VIP', { audience: 'VIP' }))).json().contentId;
    expect((await app.inject({ method: 'POST', url: `/api/v1/content/${privatePiece}/rsvp`, headers: cat.client.auth })).statusCode).toBe(
      404,
    );
    const clientsOnly = (await post(editor, event(10, 'CLIENTS'))).json().contentId;
    expect((await app.inject({ method: 'POST', url: `/api/v1/content/${clientsOnly}/rsvp`, headers: stylist.auth })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `/api/v1/content/${clientsOnly}/rsvp` })).statusCode).toBe(401);
    const draft = (await post(editor, event(10, 'EVERYONE', { status: 'DRAFT' }))).json().contentId;
    expect((await app.inject({ method: 'POST', url: `/api/v1/content/${draft}/rsvp`, headers: cat.client.auth })).statusCode).toBe(404);
  });
});

describe('the home page and the contact page', () => {
  it('fills the home slots with the chosen pieces the viewer may read', async () => {
    const chosen = (await post(editor, piece({ title: 'Chosen for the home page', status: 'PUBLISHED' }))).json().contentId;
    const set = await app.inject({
      method: 'PUT',
      url: '/api/v1/content/home-slots/home-feature',
      headers: editor.auth,
      payload: { contentId: chosen },
    });
    expect(set.statusCode, set.body).toBe(200);
    const slots = (await get(undefined, '/api/v1/content/home-slots')).json().slots;
    expect(slots[0]).toMatchObject({ slot: 'home-feature', content: { contentId: chosen } });
    expect(slots.length).toBeGreaterThan(1);
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: '/api/v1/content/home-slots/home-feature',
          headers: cat.client.auth,
          payload: { contentId: chosen },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('takes a message for the house office and mails it there', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/contact-messages',
      payload: { name: 'Clara', email: 'clara@example.com', topic: 'Delivery and returns', message: 'When will my scarf arrive in Lyon?' },
    });
    expect(res.statusCode, res.body).toBe(202);
    const mail = (await listDevMail(app.db, app.ctx.keys)).filter((m) => m.subject === 'Contact page: Delivery and returns');
    expect(mail).toHaveLength(1);
    const inbox = (await get(editor, '/api/v1/contact-messages')).json().messages;
    expect(inbox[0]).toMatchObject({ name: 'Clara', email: 'clara@example.com' });
    expect((await get(cat.client, '/api/v1/contact-messages')).statusCode).toBe(403);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/contact-messages',
      payload: { name: '', email: 'nope', topic: 'General', message: 'x' },
    });
    expect(Object.keys(bad.json().fieldErrors).sort()).toEqual(['body.email', 'body.message', 'body.name']);
  });

  it('keeps the name and the message of a contact-page message encrypted, and shows them in clear to the house office (#11.11)', async () => {
    const name = 'Philippa Ashcombe-Hart';
    const message = 'Please deliver to my mother, Lady Ashcombe, at 4 Cheyne Walk; she is unwell and cannot sign.';
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/contact-messages',
      payload: { name, email: 'philippa@example.com', topic: 'An order', message },
    });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().messageId as string;
    await expectSealed(app, { table: 'contact_messages', column: 'name' }, id, 'Ashcombe');
    await expectSealed(app, { table: 'contact_messages', column: 'message' }, id, 'Cheyne');
    const read = async () =>
      (await get(editor, '/api/v1/contact-messages')).json().messages.find((m: { messageId: string }) => m.messageId === id);
    expect(await read()).toMatchObject({ name, message, email: 'philippa@example.com', topic: 'An order' });
    await expectConverted(app, { table: 'contact_messages', column: 'name' }, id, name);
    await expectConverted(app, { table: 'contact_messages', column: 'message' }, id, message);
    expect(await read()).toMatchObject({ name, message });
  });
});
