import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { catalogAuditAction } from './admin-audit.ts';
import { setupCatalog, type CatalogFixture } from '../../test/catalog.ts';

let app: TestApp;
let f: CatalogFixture;
beforeAll(async () => {
  app = await buildTestApp();
  f = await setupCatalog(app);
}, 120_000);
afterAll(() => app.shutdown());

describe('catalog administration is audited', () => {
  it('names actions after the route', () => {
    expect(catalogAuditAction('POST', '/api/v1/brands')).toBe('catalog.brand.created');
    expect(catalogAuditAction('PUT', '/api/v1/collections/:collectionId/products')).toBe('catalog.collection.products.updated');
    expect(catalogAuditAction('DELETE', '/api/v1/admin/brand-partners/:userId')).toBe('catalog.partner.deleted');
  });

  it('records who created, renamed and deleted a brand, and nothing for a refused write', async () => {
    const before = new Date(Date.now() - 1).toISOString();
    const created = await app.inject({ method: 'POST', url: '/api/v1/brands', headers: f.admin.auth, payload: { name: 'Maison Audit' } });
    expect(created.statusCode, created.body).toBe(201);
    const { brandId } = created.json();
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/brands', headers: f.admin.auth, payload: { name: 'maison audit' } })).statusCode,
    ).toBe(409);
    expect(
      (await app.inject({ method: 'PUT', url: `/api/v1/brands/${brandId}`, headers: f.admin.auth, payload: { name: 'Maison Audite' } }))
        .statusCode,
    ).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/brands/${brandId}`, headers: f.admin.auth })).statusCode).toBe(200);

    const log = await app.inject({ method: 'GET', url: '/api/v1/admin/audit-log?action=catalog.brand.*', headers: f.admin.auth });
    expect(log.statusCode, log.body).toBe(200);
    // The fixture created its own brands earlier; these are the entries about this one.
    const entries = (
      log.json().entries as { action: string; actorId: string; at: string; details: { params: { brandId?: string } } }[]
    ).filter((e) => e.details.params.brandId === brandId || (e.action === 'catalog.brand.created' && e.at >= before));
    expect(entries.map((e) => e.action).sort()).toEqual(['catalog.brand.created', 'catalog.brand.deleted', 'catalog.brand.updated']);
    expect(new Set(entries.map((e) => e.actorId))).toEqual(new Set([f.admin.userId]));
    expect(entries.find((e) => e.action === 'catalog.brand.deleted')?.details.params.brandId).toBe(brandId);
  });
});
