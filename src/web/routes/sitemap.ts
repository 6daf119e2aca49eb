import type { Route } from './+types/sitemap';
import { call } from '../lib/api/problem.ts';
import { listContent, contentPath } from '../features/editorial/api.ts';
import { serverApi } from '../lib/api/server.ts';

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
const STATIC = ['/', '/shop', '/stylists', '/style-quiz', '/concierge', '/journal'];
const MAX_PAGES = 50;

/** sitemap.xml: the public pages, every public Journal piece and house page, every public product and stylist. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const origin = new URL(request.url).origin;
  const api = serverApi(context);
  const urls: Array<{ loc: string; lastmod?: string }> = STATIC.map((p) => ({ loc: p }));
  let token: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await listContent(api, { view: 'summary', maxResults: 100, ...(token ? { nextToken: token } : {}) });
    urls.push(...page.content.map((c) => ({ loc: contentPath(c), lastmod: c.updatedAt ?? c.publishedAt })));
    if (!(token = page.nextToken)) break;
  }
  token = undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page: { products: Array<{ slug: string; updatedAt?: string; createdAt: string }>; nextToken?: string } = await call(
      api.GET('/api/v1/products', { params: { query: { maxResults: 100, ...(token ? { nextToken: token } : {}) } } }),
    );
    urls.push(...page.products.map((p) => ({ loc: `/products/${p.slug}`, lastmod: p.updatedAt ?? p.createdAt })));
    if (!(token = page.nextToken)) break;
  }
  token = undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page: { stylists: Array<{ stylistId: string }>; nextToken?: string } = await call(
      api.GET('/api/v1/stylists', { params: { query: { maxResults: 100, ...(token ? { nextToken: token } : {}) } } }),
    );
    urls.push(...page.stylists.map((s) => ({ loc: `/stylists/${s.stylistId}` })));
    if (!(token = page.nextToken)) break;
  }
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((u) => `<url><loc>${xml(origin + u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.slice(0, 10)}</lastmod>` : ''}</url>`).join('')}</urlset>`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } });
}
