import type { MetaDescriptor } from 'react-router';
import { pageMeta } from '../../lib/seo.ts';
import { SITE_NAME } from '../../lib/site.ts';
import { contentPath, type Content } from './api.ts';

type MetaArgsLike = Parameters<typeof pageMeta>[0];

function originOf(args: MetaArgsLike): string {
  const root = args.matches.find((m) => m?.id === 'root')?.loaderData;
  return root && typeof root === 'object' && 'origin' in root && typeof root.origin === 'string' ? root.origin : '';
}

/**
 * Title, description, canonical URL, Open Graph (article, its own picture) and schema.org JSON-LD: an Article (or
 * an Event with its place, time and availability) for a Journal piece, a WebPage for the house's pages.
 */
export function contentMeta(args: MetaArgsLike, content: Omit<Content, 'body'>): MetaDescriptor[] {
  const origin = originOf(args);
  const url = `${origin}${contentPath(content)}`;
  const title = content.seoTitle || content.title;
  const description = content.seoDescription || content.dek || `${content.title}, from the ${SITE_NAME} Journal.`;
  const image = content.featuredImage ? `${origin}${content.featuredImage}` : undefined;
  const base = pageMeta(args, { title, description, image: 'journal-hero' }).map((m): MetaDescriptor => {
    if ('property' in m && m.property === 'og:type')
      return { property: 'og:type', content: content.contentType === 'PAGE' ? 'website' : 'article' };
    if ('property' in m && m.property === 'og:image' && image) return { property: 'og:image', content: image };
    if ('property' in m && m.property === 'og:url') return { property: 'og:url', content: url };
    if ('tagName' in m && m.tagName === 'link' && m.rel === 'canonical') return { tagName: 'link', rel: 'canonical', href: url };
    return m;
  });
  const publisher = { '@type': 'Organization', name: SITE_NAME, url: origin || undefined };
  let jsonLd: Record<string, unknown>;
  if (content.event) {
    jsonLd = {
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: content.title,
      description,
      url,
      ...(image ? { image: [image] } : {}),
      startDate: content.event.startsAt,
      endDate: content.event.endsAt,
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      eventStatus: 'https://schema.org/EventScheduled',
      location: { '@type': 'Place', name: content.event.place, ...(content.event.address ? { address: content.event.address } : {}) },
      organizer: publisher,
      offers: {
        '@type': 'Offer',
        url,
        price: 0,
        priceCurrency: 'EUR',
        availability: content.event.seatsLeft > 0 ? 'https://schema.org/InStock' : 'https://schema.org/SoldOut',
      },
    };
  } else if (content.contentType === 'PAGE') {
    jsonLd = { '@context': 'https://schema.org', '@type': 'WebPage', name: content.title, description, url, publisher };
  } else {
    jsonLd = {
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: content.title,
      description,
      url,
      mainEntityOfPage: url,
      ...(image ? { image: [image] } : {}),
      ...(content.publishedAt ? { datePublished: content.publishedAt } : {}),
      ...(content.updatedAt ? { dateModified: content.updatedAt } : {}),
      author: content.authorStylistId
        ? { '@type': 'Person', name: content.author, url: `${origin}/stylists/${content.authorStylistId}` }
        : { '@type': 'Organization', name: content.author === 'The House' ? SITE_NAME : content.author },
      publisher,
      keywords: content.tags.join(', '),
    };
  }
  return [
    ...base,
    ...(content.publishedAt ? [{ property: 'article:published_time', content: content.publishedAt }] : []),
    { 'script:ld+json': jsonLd },
  ];
}
