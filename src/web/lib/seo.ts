import type { MetaDescriptor } from 'react-router';
import { generatedImageUrl } from '../../shared/media.ts';
import { SITE_NAME } from './site.ts';

export type PageMeta = {
  /** Page title without the house name; omit it for the home page. */
  title?: string;
  description: string;
  /** Name of the generated editorial image that represents the page when shared. */
  image: string;
};

type MetaArgsLike = {
  location: { pathname: string };
  matches: ReadonlyArray<{ id: string; loaderData?: unknown } | undefined>;
};

/**
 * Title, description and Open Graph tags for one page. React Router replaces
 * (not merges) the meta of parent routes, so every page states all of them.
 * Open Graph wants absolute URLs; the origin comes from the root loader, which
 * reads it from the request the server actually received.
 */
export function pageMeta(args: MetaArgsLike, page: PageMeta): MetaDescriptor[] {
  const title = page.title ? `${page.title} — ${SITE_NAME}` : `${SITE_NAME} — Maison of fashion & lifestyle`;
  const origin = originFrom(args.matches);
  const url = `${origin}${args.location.pathname}`;
  const image = `${origin}${generatedImageUrl('editorial', page.image, 1280, 'jpg')}`;
  return [
    { title },
    { name: 'description', content: page.description },
    { property: 'og:site_name', content: SITE_NAME },
    { property: 'og:type', content: 'website' },
    { property: 'og:title', content: page.title ?? SITE_NAME },
    { property: 'og:description', content: page.description },
    { property: 'og:url', content: url },
    { property: 'og:image', content: image },
    { name: 'twitter:card', content: 'summary_large_image' },
    { tagName: 'link', rel: 'canonical', href: url },
  ];
}

function originFrom(matches: MetaArgsLike['matches']): string {
  const root = matches.find((m) => m?.id === 'root')?.loaderData;
  if (root && typeof root === 'object' && 'origin' in root && typeof root.origin === 'string') return root.origin;
  return '';
}
