import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../lib/api/authed-client.ts';
import { call } from '../../lib/api/problem.ts';
import type { paths } from '../../lib/api/schema.d.ts';

type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer R } } };
}
  ? R
  : never;
type Query<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;

export type ContentPage = Ok<'/api/v1/content/{contentId}', 'get'>;
/** What a reader's page draws: the piece without its editor JSON, the blocks, the related pieces (not `bodyHtml`, the same text again). */
export type ReaderPage = { content: Omit<ContentPage['content'], 'body'>; blocks: ContentPage['blocks']; related: ContentPage['related'] };
export type Content = ContentPage['content'];
export type ContentBlock = ContentPage['blocks'][number];
export type ContentProduct = Extract<ContentBlock, { kind: 'products' }>['products'][number];
export type ContentStylist = Extract<ContentBlock, { kind: 'stylist' }>['stylist'];
export type ListContentQuery = Query<'/api/v1/content', 'get'>;
export type ListContentOutput = Ok<'/api/v1/content', 'get'>;
export type HomeSlots = Ok<'/api/v1/content/home-slots', 'get'>['slots'];
export type Rsvp = Ok<'/api/v1/content/{contentId}/rsvp', 'post'>;

export const TYPE_LABEL: Record<Content['contentType'], string> = {
  ARTICLE: 'Article',
  LOOKBOOK: 'Lookbook',
  BRAND_STORY: 'The houses',
  EVENT: 'Event',
  PAGE: 'The house',
};
export const SECTION_OF: Record<string, Content['contentType']> = {
  articles: 'ARTICLE',
  lookbooks: 'LOOKBOOK',
  houses: 'BRAND_STORY',
  events: 'EVENT',
};

export function listContent(api: ApiClient, query: ListContentQuery): Promise<ListContentOutput> {
  return call(api.GET('/api/v1/content', { params: { query } }));
}

export function getContent(api: ApiClient, idOrSlug: string): Promise<ContentPage> {
  return call(api.GET('/api/v1/content/{contentId}', { params: { path: { contentId: idOrSlug } } }));
}

export function getPreview(api: ApiClient, token: string): Promise<ContentPage> {
  return call(api.GET('/api/v1/content/previews/{token}', { params: { path: { token } } }));
}

export async function homeSlots(api: ApiClient): Promise<HomeSlots> {
  return (await call(api.GET('/api/v1/content/home-slots'))).slots;
}

/** The part of a page a reader's document carries: each of the body's three forms would otherwise travel in it. */
export function readerPage(page: ContentPage): ReaderPage {
  const { body: _body, ...content } = page.content;
  return { content, blocks: page.blocks, related: page.related };
}

/** The address a piece is read at: the house's pages at the root, everything else in the Journal. */
export function contentPath(c: Pick<Content, 'slug' | 'contentType'>): string {
  return c.contentType === 'PAGE' ? `/${c.slug}` : `/journal/${c.slug}`;
}

/** A piece as the signed-in visitor sees it (VIP pieces the server, rendering as the public, could not). */
export function contentForViewerQueryOptions(api: ApiClient, slug: string) {
  return queryOptions({ queryKey: ['content', 'viewer', slug], queryFn: () => getContent(api, slug), retry: false });
}

export function useContentForViewer(api: ApiClient, slug: string, enabled: boolean) {
  return useQuery({ ...contentForViewerQueryOptions(api, slug), enabled });
}

/** "12 March 2026, 18:30" as the place's wall clock (the API gives it as `localStartsAt`). */
export function formatLocal(local: string): string {
  const [date, time] = local.split('T');
  const [y, m, d] = date!.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}, ${time}`;
}

/**
 * The day of a moment as the Journal prints it, "12 March 2026" (its UTC date, the same on the server and in every
 * reader's browser). Written out rather than through Intl.DateTimeFormat: the first date formatter a page makes loads
 * the browser's calendar data, 25–40 ms of a page's main thread here (four times that on the phone Lighthouse
 * simulates), for twelve month names.
 */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  return `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
