import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import type { TestAccount } from '../../test/identity.ts';
import { setupCatalog, type CatalogFixture } from '../../test/catalog.ts';
import { approvedStylist, type TestStylist } from '../stylists/test-helpers.ts';

// Issue #11.8: one strict media-path rule for every image URL, and an upload only on its owner's pages.

let app: TestApp;
let f: CatalogFixture;
let stylist: TestStylist;
let otherStylist: TestStylist;

beforeAll(async () => {
  app = await buildTestApp({ BOOKING_SWEEP_INTERVAL_SECONDS: '0' });
  f = await setupCatalog(app);
  stylist = await approvedStylist(app, f.admin);
  otherStylist = await approvedStylist(app, f.admin);
}, 120_000);
afterAll(() => app.shutdown());

/** An uploaded asset owned by `owner`, as POST /api/v1/media leaves it (the renditions are not needed here). */
async function uploadOf(owner: TestAccount): Promise<string> {
  const id = uuidv7();
  await app.db
    .execute(sql`insert into media_assets (id, owner_id, purpose, original_type, original_bytes, width, height, widths, placeholder)
    values (${id}, ${owner.userId}, 'PORTFOLIO', 'image/jpeg', 1000, 1280, 1600, ${'{320,640,1280}'}::int[], 'data:image/webp;base64,AA==')`);
  return id;
}

const addPortfolio = (who: TestStylist, item: Record<string, unknown>) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/stylists/${who.stylistId}/portfolio`,
    headers: who.auth,
    payload: { title: 'Opera season', ...item },
  });

describe('portfolio image URLs', () => {
  it.each([
    '/media/../api/v1/auth/logout',
    '/media/x.png" onerror="alert(1)',
    '/media/generated/editorial/look-640.webp?x=1',
    '/api/v1/media/anything',
    '/media/uploads/not-an-id/640.jpg',
  ])('refuses %s with a 400 naming the field', async (imageUrl) => {
    const res = await addPortfolio(stylist, { imageUrl });
    expect(res.statusCode, res.body).toBe(400);
    expect(Object.keys(res.json().fieldErrors).join(' ')).toMatch(/imageUrl/);
  });

  it('accepts our own generated imagery and the stylist’s own upload, by id or by URL', async () => {
    expect((await addPortfolio(stylist, { imageUrl: '/media/generated/editorial/portfolio-look-1280.webp' })).statusCode).toBe(201);
    const own = await uploadOf(stylist);
    expect((await addPortfolio(stylist, { mediaId: own })).statusCode).toBe(201);
    expect((await addPortfolio(stylist, { imageUrl: `/media/uploads/${own}/640.jpg` })).statusCode).toBe(201);
  });

  it('refuses another account’s upload, by id and by URL', async () => {
    const theirs = await uploadOf(otherStylist);
    expect((await addPortfolio(stylist, { mediaId: theirs })).statusCode).toBe(400);
    expect((await addPortfolio(stylist, { imageUrl: `/media/uploads/${theirs}/640.jpg` })).statusCode).toBe(400);
  });
});

describe('product images attached by a partner', () => {
  const product = (images: object[]) => ({
    name: `Pearl Necklace ${uuidv7()}`,
    description: 'Pearls.',
    price: { amount: 4200, currency: 'EUR' },
    brand: 'chanel',
    category: 'fine-jewellery',
    images,
  });

  it('refuses a stylist’s upload, and takes the partner’s own', async () => {
    const stylists = await uploadOf(stylist);
    const borrowed = await app.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: f.partner.auth,
      payload: product([{ mediaId: stylists }]),
    });
    expect(borrowed.statusCode, borrowed.body).toBe(400);
    expect(Object.keys(borrowed.json().fieldErrors)).toEqual(['body.images.0']);
    const byUrl = await app.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: f.partner.auth,
      payload: product([{ url: `/media/uploads/${stylists}/640.jpg` }]),
    });
    expect(byUrl.statusCode).toBe(400);
    const own = await uploadOf(f.partner);
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/products', headers: f.partner.auth, payload: product([{ mediaId: own }]) }))
        .statusCode,
    ).toBe(201);
    // The house office may place any upload.
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/products', headers: f.admin.auth, payload: product([{ mediaId: stylists }]) }))
        .statusCode,
    ).toBe(201);
  });
});
