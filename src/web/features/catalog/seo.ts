import type { MetaDescriptor } from 'react-router';
import { pageMeta } from '../../lib/seo.ts';
import type { Product } from './present.ts';

type MetaArgsLike = Parameters<typeof pageMeta>[0];

function originOf(args: MetaArgsLike): string {
  const root = args.matches.find((m) => m?.id === 'root')?.loaderData;
  return root && typeof root === 'object' && 'origin' in root && typeof root.origin === 'string' ? root.origin : '';
}

/** A description fit for a search result: the first sentences, at most about 160 characters. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 80 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/** Replaces the editorial share image of `pageMeta` with another absolute image URL. */
export function withImage(meta: MetaDescriptor[], url: string | undefined): MetaDescriptor[] {
  if (!url) return meta;
  return meta.map((m) => ('property' in m && m.property === 'og:image' ? { property: 'og:image', content: url } : m));
}

/**
 * Title, description, Open Graph (type product, the product's own picture) and schema.org Product JSON-LD. Only
 * ever called with a product the public may see: the server renders as an anonymous visitor.
 */
export function productMeta(args: MetaArgsLike, product: Product): MetaDescriptor[] {
  const origin = originOf(args);
  const description = excerpt(product.description);
  const image = product.images[0] ? `${origin}${product.images[0].url}` : undefined;
  const url = `${origin}${args.location.pathname}`;
  const base = withImage(pageMeta(args, { title: `${product.name} by ${product.brandName}`, description, image: 'shop-hero' }), image).map(
    (m) => ('property' in m && m.property === 'og:type' ? { property: 'og:type', content: 'product' } : m),
  );
  const inStock = product.inventory > 0;
  const jsonLd: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
    description,
    url,
    image: product.images.map((i) => `${origin}${i.url}`),
    brand: { '@type': 'Brand', name: product.brandName },
    category: product.categoryName,
    ...(product.attributes?.color ? { color: product.attributes.color } : {}),
    ...(product.attributes?.material ? { material: product.attributes.material } : {}),
    ...(product.variants?.[0]?.sku ? { sku: product.variants[0].sku } : {}),
  };
  if (!product.priceOnRequest) {
    jsonLd.offers = {
      '@type': 'Offer',
      url,
      price: product.price.amount.toFixed(product.price.amount % 1 === 0 ? 0 : 2),
      priceCurrency: product.price.currency,
      availability:
        product.purchaseMode === 'BESPOKE'
          ? 'https://schema.org/PreOrder'
          : inStock
            ? 'https://schema.org/InStock'
            : 'https://schema.org/OutOfStock',
    };
  }
  return [...base, { property: 'product:brand', content: product.brandName }, { 'script:ld+json': jsonLd }];
}

/** Meta of a page whose subject the public may not see: a plain "not found", never indexed. */
export function notFoundMeta(): MetaDescriptor[] {
  return [
    { title: 'Page not found — StyleByZaga' },
    { name: 'description', content: 'The page you were looking for is not here. Return to StyleByZaga.' },
    { property: 'og:title', content: 'Page not found' },
    { property: 'og:site_name', content: 'StyleByZaga' },
    { name: 'robots', content: 'noindex' },
  ];
}
