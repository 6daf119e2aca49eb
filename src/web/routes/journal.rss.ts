import type { Route } from './+types/journal.rss';
import { listContent, contentPath } from '../features/editorial/api.ts';
import { serverApi } from '../lib/api/server.ts';
import { SITE_NAME } from '../lib/site.ts';

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** RSS 2.0 for the Journal: the latest thirty public pieces (the house's pages excluded). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const origin = new URL(request.url).origin;
  const { content } = await listContent(serverApi(context), { view: 'summary', maxResults: 40 });
  const items = content
    .filter((c) => c.contentType !== 'PAGE')
    .slice(0, 30)
    .map((c) => {
      const link = `${origin}${contentPath(c)}`;
      return `<item><title>${xml(c.title)}</title><link>${xml(link)}</link><guid isPermaLink="false">${c.contentId}</guid><pubDate>${new Date(c.publishedAt ?? c.createdAt).toUTCString()}</pubDate><description>${xml(c.dek)}</description>${c.tags.map((t) => `<category>${xml(t)}</category>`).join('')}${c.author ? `<dc:creator>${xml(c.author)}</dc:creator>` : ''}</item>`;
    })
    .join('');
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${xml(`${SITE_NAME} — The Journal`)}</title><link>${origin}/journal</link><atom:link href="${origin}/journal/rss.xml" rel="self" type="application/rss+xml"/><description>Visits to the ateliers, notes from our stylists, lookbooks and the evenings we host.</description><language>en</language>${items}</channel></rss>`;
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' } });
}
