/**
 * Turns a checked document (body.ts) into HTML. Only this file writes markup, from a fixed set of elements and
 * attributes: every text and attribute value is escaped, every link target passes `safeHref` again, every image is a
 * media path again, and no element can carry an event handler, a style, a script or a frame. The embeds that make
 * editorial shoppable are resolved by the caller (live products and stylists) and rendered both as HTML (for the
 * full `bodyHtml`, RSS and any other client) and as structured blocks the web app draws with its own components.
 */
import type { BlockNode, ContentDoc, ImageAttrs, InlineNode, Mark } from './body.ts';
import { safeHref } from './body.ts';

/** A piece of the catalogue as an article shows it: live, or saying plainly that it is sold out or gone. */
export interface EmbeddedProduct {
  productId: string;
  state: 'AVAILABLE' | 'SOLD_OUT' | 'UNAVAILABLE';
  slug?: string;
  name?: string;
  brandName?: string;
  price?: { amount: number; currency: string };
  priceOnRequest?: boolean;
  purchaseMode?: string;
  sizes?: string[];
  colors?: string[];
  image?: { url: string; alt: string };
}

export interface EmbeddedStylist {
  stylistId: string;
  available: boolean;
  name?: string;
  headline?: string;
  city?: string;
  portrait?: string;
}

export type RenderedBlock =
  | { kind: 'html'; html: string }
  | { kind: 'products'; layout: 'card' | 'row'; title: string; products: EmbeddedProduct[] }
  | { kind: 'look'; image: ImageAttrs; hotspots: Array<{ x: number; y: number; product: EmbeddedProduct }> }
  | { kind: 'stylist'; layout: 'card' | 'book'; label: string; stylist: EmbeddedStylist };

export interface Embeds {
  products: ReadonlyMap<string, EmbeddedProduct>;
  stylists: ReadonlyMap<string, EmbeddedStylist>;
  isMediaPath(url: string): boolean;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

const productOr = (embeds: Embeds, id: string): EmbeddedProduct => embeds.products.get(id) ?? { productId: id, state: 'UNAVAILABLE' };
const stylistOr = (embeds: Embeds, id: string): EmbeddedStylist => embeds.stylists.get(id) ?? { stylistId: id, available: false };

function markOpen(mark: Mark): string {
  switch (mark.type) {
    case 'bold':
      return '<strong>';
    case 'italic':
      return '<em>';
    case 'underline':
      return '<u>';
    case 'strike':
      return '<s>';
    case 'code':
      return '<code>';
    case 'link': {
      const href = safeHref(mark.attrs?.href);
      if (!href) return '<span>';
      const external = !href.startsWith('/') && !href.startsWith('#');
      return `<a href="${escapeHtml(href)}"${external ? ' rel="noopener noreferrer nofollow" target="_blank"' : ''}>`;
    }
  }
}
const MARK_CLOSE: Record<Mark['type'], string> = {
  bold: '</strong>',
  italic: '</em>',
  underline: '</u>',
  strike: '</s>',
  code: '</code>',
  link: '</a>',
};

function inlineHtml(nodes: readonly InlineNode[] | undefined): string {
  if (!nodes) return '';
  return nodes
    .map((n) => {
      if (n.type === 'hardBreak') return '<br>';
      const marks = n.marks ?? [];
      // A link whose target failed the check renders as a span; its close tag must match.
      const closes = marks.map((m) => (m.type === 'link' && !safeHref(m.attrs?.href) ? '</span>' : MARK_CLOSE[m.type]));
      return marks.map(markOpen).join('') + escapeHtml(n.text) + closes.reverse().join('');
    })
    .join('');
}

function figure(image: ImageAttrs, embeds: Embeds, className = 'editorial-figure'): string {
  if (!embeds.isMediaPath(image.src)) return '';
  const caption = image.caption ? `<figcaption>${escapeHtml(image.caption)}</figcaption>` : '';
  return `<figure class="${className}"><img src="${escapeHtml(image.src)}" alt="${escapeHtml(image.alt)}" loading="lazy" decoding="async">${caption}</figure>`;
}

function money(price: { amount: number; currency: string }): string {
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency: price.currency, maximumFractionDigits: 0 }).format(price.amount);
  } catch {
    return `${price.amount} ${price.currency}`;
  }
}

function productHtml(p: EmbeddedProduct): string {
  if (p.state === 'UNAVAILABLE' || !p.slug)
    return '<div class="editorial-product is-unavailable"><p>This piece is no longer available.</p></div>';
  const img = p.image ? `<img src="${escapeHtml(p.image.url)}" alt="${escapeHtml(p.image.alt)}" loading="lazy" decoding="async">` : '';
  const price = p.priceOnRequest || !p.price ? 'Price on request' : money(p.price);
  const sold = p.state === 'SOLD_OUT' ? '<span class="editorial-product-state">Sold out</span>' : '';
  return `<a class="editorial-product${p.state === 'SOLD_OUT' ? ' is-sold-out' : ''}" href="/products/${encodeURIComponent(p.slug)}">${img}<span class="editorial-product-brand">${escapeHtml(p.brandName ?? '')}</span><span class="editorial-product-name">${escapeHtml(p.name ?? '')}</span><span class="editorial-product-price">${escapeHtml(price)}</span>${sold}</a>`;
}

function stylistHtml(s: EmbeddedStylist, book: boolean, label: string): string {
  if (!s.available || !s.name)
    return '<div class="editorial-stylist is-unavailable"><p>This stylist is not taking clients at the moment.</p></div>';
  const href = `/stylists/${encodeURIComponent(s.stylistId)}`;
  if (book) return `<p class="editorial-book"><a href="${href}">${escapeHtml(label || `Book ${s.name}`)}</a></p>`;
  const img = s.portrait ? `<img src="${escapeHtml(s.portrait)}" alt="${escapeHtml(s.name)}" loading="lazy" decoding="async">` : '';
  return `<a class="editorial-stylist" href="${href}">${img}<span class="editorial-stylist-name">${escapeHtml(s.name)}</span><span class="editorial-stylist-meta">${escapeHtml([s.headline, s.city].filter(Boolean).join(' · '))}</span></a>`;
}

function blockHtml(node: BlockNode, embeds: Embeds): string {
  switch (node.type) {
    case 'paragraph':
      return `<p>${inlineHtml(node.content)}</p>`;
    case 'heading':
      return `<h${node.attrs.level}>${inlineHtml(node.content)}</h${node.attrs.level}>`;
    case 'blockquote':
      return `<blockquote>${node.content.map((b) => blockHtml(b, embeds)).join('')}</blockquote>`;
    case 'bulletList':
      return `<ul>${node.content.map((i) => `<li>${i.content.map((b) => blockHtml(b, embeds)).join('')}</li>`).join('')}</ul>`;
    case 'orderedList': {
      const start = node.attrs?.start;
      return `<ol${start && Number.isInteger(start) ? ` start="${start}"` : ''}>${node.content.map((i) => `<li>${i.content.map((b) => blockHtml(b, embeds)).join('')}</li>`).join('')}</ol>`;
    }
    case 'horizontalRule':
      return '<hr>';
    case 'codeBlock':
      return `<pre><code>${escapeHtml((node.content ?? []).map((t) => t.text).join(''))}</code></pre>`;
    case 'image':
      return figure(node.attrs, embeds);
    case 'gallery':
      return `<div class="editorial-gallery">${node.attrs.images.map((i) => figure(i, embeds)).join('')}</div>`;
    case 'productCard':
      return `<div class="editorial-products is-card">${productHtml(productOr(embeds, node.attrs.productId))}</div>`;
    case 'productRow': {
      const title = node.attrs.title ? `<p class="editorial-products-title">${escapeHtml(node.attrs.title)}</p>` : '';
      return `<div class="editorial-products is-row">${title}${node.attrs.productIds.map((id) => productHtml(productOr(embeds, id))).join('')}</div>`;
    }
    case 'stylistCard':
      return stylistHtml(stylistOr(embeds, node.attrs.stylistId), false, '');
    case 'bookStylist':
      return stylistHtml(stylistOr(embeds, node.attrs.stylistId), true, node.attrs.label);
    case 'look': {
      const spots = node.attrs.hotspots
        .map((h, i) => {
          const p = productOr(embeds, h.productId);
          const style = `left:${Number(h.x)}%;top:${Number(h.y)}%`;
          const label = p.name ? `${i + 1}. ${p.name}` : `${i + 1}. No longer available`;
          return p.slug && p.state !== 'UNAVAILABLE'
            ? `<a class="editorial-hotspot" style="${style}" href="/products/${encodeURIComponent(p.slug)}" aria-label="${escapeHtml(label)}">${i + 1}</a>`
            : `<span class="editorial-hotspot is-unavailable" style="${style}" aria-label="${escapeHtml(label)}">${i + 1}</span>`;
        })
        .join('');
      const pieces = node.attrs.hotspots.map((h) => productHtml(productOr(embeds, h.productId))).join('');
      return `<div class="editorial-look"><div class="editorial-look-image">${figure(node.attrs, embeds)}${spots}</div><div class="editorial-products is-row">${pieces}</div></div>`;
    }
  }
}

/** The whole body as HTML. */
export function renderHtml(doc: ContentDoc, embeds: Embeds): string {
  return doc.content.map((b) => blockHtml(b, embeds)).join('');
}

/** The body as blocks: runs of plain HTML, and the shoppable embeds the web app draws itself. */
export function renderBlocks(doc: ContentDoc, embeds: Embeds): RenderedBlock[] {
  const out: RenderedBlock[] = [];
  let html = '';
  const flush = () => {
    if (html) out.push({ kind: 'html', html });
    html = '';
  };
  for (const node of doc.content) {
    switch (node.type) {
      case 'productCard':
        flush();
        out.push({ kind: 'products', layout: 'card', title: '', products: [productOr(embeds, node.attrs.productId)] });
        break;
      case 'productRow':
        flush();
        out.push({
          kind: 'products',
          layout: 'row',
          title: node.attrs.title,
          products: node.attrs.productIds.map((id) => productOr(embeds, id)),
        });
        break;
      case 'look':
        flush();
        out.push({
          kind: 'look',
          image: embeds.isMediaPath(node.attrs.src) ? node.attrs : { ...node.attrs, src: '' },
          hotspots: node.attrs.hotspots.map((h) => ({ x: h.x, y: h.y, product: productOr(embeds, h.productId) })),
        });
        break;
      case 'stylistCard':
      case 'bookStylist':
        flush();
        out.push({
          kind: 'stylist',
          layout: node.type === 'bookStylist' ? 'book' : 'card',
          label: node.type === 'bookStylist' ? node.attrs.label : '',
          stylist: stylistOr(embeds, node.attrs.stylistId),
        });
        break;
      default:
        html += blockHtml(node, embeds);
    }
  }
  flush();
  return out;
}
