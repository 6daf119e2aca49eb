/**
 * The body of a piece: the editor's Tiptap JSON, checked against an allowlist on every save. What passes is rebuilt
 * node by node from known types and known attributes only (anything else is refused with the field named, or, for
 * attributes the editor adds that we never render, left out), so what is stored can only ever render as our own markup.
 * Pure code: no I/O. The renderer (render.ts) escapes every text and attribute again on the way out.
 */

export interface Mark {
  type: 'bold' | 'italic' | 'underline' | 'strike' | 'code' | 'link';
  attrs?: { href: string };
}

export interface TextNode {
  type: 'text';
  text: string;
  marks?: Mark[];
}

export interface ImageAttrs {
  src: string;
  alt: string;
  caption: string;
}

export interface Hotspot {
  x: number;
  y: number;
  productId: string;
}

export type BlockNode =
  | { type: 'paragraph'; content?: InlineNode[] }
  | { type: 'heading'; attrs: { level: 2 | 3 | 4 }; content?: InlineNode[] }
  | { type: 'blockquote'; content: BlockNode[] }
  | { type: 'bulletList'; content: ListItem[] }
  | { type: 'orderedList'; attrs?: { start: number }; content: ListItem[] }
  | { type: 'horizontalRule' }
  | { type: 'codeBlock'; content?: TextNode[] }
  | { type: 'image'; attrs: ImageAttrs }
  | { type: 'gallery'; attrs: { images: ImageAttrs[] } }
  | { type: 'productCard'; attrs: { productId: string } }
  | { type: 'productRow'; attrs: { productIds: string[]; title: string } }
  | { type: 'stylistCard'; attrs: { stylistId: string } }
  | { type: 'bookStylist'; attrs: { stylistId: string; label: string } }
  | { type: 'look'; attrs: ImageAttrs & { hotspots: Hotspot[] } };

export type InlineNode = TextNode | { type: 'hardBreak' };
export interface ListItem {
  type: 'listItem';
  content: BlockNode[];
}

export interface ContentDoc {
  type: 'doc';
  content: BlockNode[];
}

/** The limits of one body: generous for a long feature, small enough that no save can hurt the server. */
export const BODY_LIMITS = {
  maxChars: 400_000,
  maxNodes: 6_000,
  maxDepth: 12,
  maxTextLength: 20_000,
  maxRowProducts: 12,
  maxGallery: 24,
  maxHotspots: 12,
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MARKS = new Set(['bold', 'italic', 'underline', 'strike', 'code', 'link']);

/** Thrown with every problem found, each naming where in the body it is. */
export class BodyError extends Error {
  constructor(readonly problems: string[]) {
    super(problems[0]);
  }
}

/**
 * A link target a reader can follow safely: https/http, mailto, or a path on this site. Everything else
 * (`javascript:`, `data:`, `vbscript:`, protocol-relative `//host`, control characters hidden inside) is refused.
 */
export function safeHref(href: unknown): string | undefined {
  if (typeof href !== 'string' || href.length === 0 || href.length > 2000) return undefined;
  // Browsers ignore tabs and newlines inside a URL and strip leading spaces and controls: refuse them outright.
  if (UNSAFE_URL_CHARS.test(href)) return undefined;
  if (href.startsWith('/')) return href.startsWith('//') ? undefined : href;
  if (href.startsWith('#')) return /^#[A-Za-z0-9_-]{1,80}$/.test(href) ? href : undefined;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'mailto:') return undefined;
  return url.href;
}

// Controls, spaces, backslashes, angle brackets and quotes never belong in a link a reader follows.
// eslint-disable-next-line no-control-regex -- the point of this pattern is to find control characters
const UNSAFE_URL_CHARS = /[\u0000-\u0020\u007f-\u009f\\<>"'`]/;

export interface BodyChecks {
  /** Whether an image URL is one of ours (the media pipeline's rule). */
  isMediaPath(url: string): boolean;
}

/** A plain-text body (a client that sends prose, not the editor's JSON): one paragraph per blank-line block. */
export function docFromText(text: string): ContentDoc {
  const paragraphs = text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    type: 'doc',
    content: paragraphs.map((p) => ({
      type: 'paragraph' as const,
      content: p
        .split(/\r?\n/)
        .flatMap((line, i): InlineNode[] =>
          i === 0 ? [{ type: 'text', text: line }] : [{ type: 'hardBreak' }, { type: 'text', text: line }],
        ),
    })),
  };
}

/**
 * Reads the API's `body` string: the editor's JSON document when it is one, otherwise prose. Throws BodyError for a
 * document with anything outside the allowlist or over the limits.
 */
export function parseBody(body: string, checks: BodyChecks): ContentDoc {
  if (body.length > BODY_LIMITS.maxChars)
    throw new BodyError([`The body is too long: at most ${BODY_LIMITS.maxChars.toLocaleString('en')} characters`]);
  const trimmed = body.trimStart();
  if (!trimmed.startsWith('{')) return docFromText(body);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new BodyError(['The body is neither prose nor a valid editor document (JSON that does not parse)']);
  }
  return checkDoc(json, checks);
}

/** Rebuilds a document from known parts only; throws BodyError listing what is not allowed. */
export function checkDoc(input: unknown, checks: BodyChecks): ContentDoc {
  const problems: string[] = [];
  let nodes = 0;
  const obj = (v: unknown): Record<string, unknown> | undefined =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  const str = (v: unknown, max: number, where: string, fallback = ''): string => {
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'string') {
      problems.push(`${where} must be text`);
      return fallback;
    }
    if (v.length > max) problems.push(`${where} is too long (at most ${max} characters)`);
    return v;
  };
  const id = (v: unknown, where: string): string => {
    if (typeof v === 'string' && UUID.test(v)) return v.toLowerCase();
    problems.push(`${where} must be an id`);
    return '00000000-0000-0000-0000-000000000000';
  };
  const image = (a: Record<string, unknown> | undefined, where: string): ImageAttrs => {
    const src = str(a?.src, 300, `${where}.src`);
    if (!src || !checks.isMediaPath(src)) problems.push(`${where}.src must be an image from the media library`);
    return { src, alt: str(a?.alt, 300, `${where}.alt`), caption: str(a?.caption, 600, `${where}.caption`) };
  };
  const children = (v: unknown, where: string): unknown[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      problems.push(`${where}.content must be a list`);
      return [];
    }
    return v;
  };

  const inline = (raw: unknown, where: string): InlineNode | undefined => {
    const n = obj(raw);
    nodes++;
    if (n?.type === 'hardBreak') return { type: 'hardBreak' };
    if (n?.type !== 'text') {
      problems.push(`${where}: "${String(n?.type ?? typeof raw).slice(0, 40)}" is not allowed inside text`);
      return undefined;
    }
    const text = str(n.text, BODY_LIMITS.maxTextLength, where);
    const marks: Mark[] = [];
    for (const [i, rawMark] of (Array.isArray(n.marks) ? n.marks : []).entries()) {
      const m = obj(rawMark);
      const type = m?.type;
      if (typeof type !== 'string' || !MARKS.has(type)) {
        problems.push(`${where}.marks[${i}]: "${String(type).slice(0, 40)}" is not an allowed style`);
        continue;
      }
      if (type === 'link') {
        const href = safeHref(obj(m!.attrs)?.href);
        if (!href) problems.push(`${where}.marks[${i}]: a link must go to an https, http or mailto address or a page of this site`);
        else marks.push({ type: 'link', attrs: { href } });
      } else if (!marks.some((x) => x.type === type)) marks.push({ type: type as Mark['type'] });
    }
    if (!text) return undefined;
    return marks.length ? { type: 'text', text, marks } : { type: 'text', text };
  };
  const inlines = (v: unknown, where: string): InlineNode[] | undefined => {
    const out = children(v, where).flatMap((c, i) => inline(c, `${where}.content[${i}]`) ?? []);
    return out.length ? out : undefined;
  };

  const block = (raw: unknown, where: string, depth: number): BlockNode | undefined => {
    nodes++;
    if (nodes > BODY_LIMITS.maxNodes) {
      if (nodes === BODY_LIMITS.maxNodes + 1) problems.push(`The body has too many elements (at most ${BODY_LIMITS.maxNodes})`);
      return undefined;
    }
    if (depth > BODY_LIMITS.maxDepth) {
      problems.push(`${where} is nested too deeply`);
      return undefined;
    }
    const n = obj(raw);
    const a = obj(n?.attrs);
    const blocks = (v: unknown) => children(v, where).flatMap((c, i) => block(c, `${where}.content[${i}]`, depth + 1) ?? []);
    switch (n?.type) {
      case 'paragraph': {
        const content = inlines(n.content, where);
        return content ? { type: 'paragraph', content } : { type: 'paragraph' };
      }
      case 'heading': {
        const raw = Number(a?.level ?? 2);
        const level = (raw <= 2 ? 2 : raw >= 4 ? 4 : 3) as 2 | 3 | 4;
        const content = inlines(n.content, where);
        return content ? { type: 'heading', attrs: { level }, content } : { type: 'heading', attrs: { level } };
      }
      case 'blockquote':
        return { type: 'blockquote', content: blocks(n.content) };
      case 'bulletList':
      case 'orderedList': {
        const items = children(n.content, where).flatMap((c, i): ListItem[] => {
          const item = obj(c);
          nodes++;
          if (item?.type !== 'listItem') {
            problems.push(`${where}.content[${i}]: a list holds list items only`);
            return [];
          }
          return [
            {
              type: 'listItem',
              content: children(item.content, `${where}.content[${i}]`).flatMap(
                (cc, j) => block(cc, `${where}.content[${i}].content[${j}]`, depth + 2) ?? [],
              ),
            },
          ];
        });
        if (n.type === 'bulletList') return { type: 'bulletList', content: items };
        const start = Number(a?.start ?? 1);
        return Number.isInteger(start) && start > 1 && start < 10_000
          ? { type: 'orderedList', attrs: { start }, content: items }
          : { type: 'orderedList', content: items };
      }
      case 'horizontalRule':
        return { type: 'horizontalRule' };
      case 'codeBlock': {
        const content = (inlines(n.content, where) ?? [])
          .filter((c): c is TextNode => c.type === 'text')
          .map((c) => ({ type: 'text' as const, text: c.text }));
        return content.length ? { type: 'codeBlock', content } : { type: 'codeBlock' };
      }
      case 'image':
        return { type: 'image', attrs: image(a, `${where}.attrs`) };
      case 'gallery': {
        const list = Array.isArray(a?.images) ? a.images : [];
        if (list.length === 0 || list.length > BODY_LIMITS.maxGallery)
          problems.push(`${where}: a gallery holds 1 to ${BODY_LIMITS.maxGallery} images`);
        return {
          type: 'gallery',
          attrs: { images: list.slice(0, BODY_LIMITS.maxGallery).map((im, i) => image(obj(im), `${where}.attrs.images[${i}]`)) },
        };
      }
      case 'productCard':
        return { type: 'productCard', attrs: { productId: id(a?.productId, `${where}.attrs.productId`) } };
      case 'productRow': {
        const ids = Array.isArray(a?.productIds) ? a.productIds : [];
        if (ids.length === 0 || ids.length > BODY_LIMITS.maxRowProducts)
          problems.push(`${where}: a row of products holds 1 to ${BODY_LIMITS.maxRowProducts} pieces`);
        return {
          type: 'productRow',
          attrs: {
            productIds: [...new Set(ids.slice(0, BODY_LIMITS.maxRowProducts).map((p, i) => id(p, `${where}.attrs.productIds[${i}]`)))],
            title: str(a?.title, 160, `${where}.attrs.title`),
          },
        };
      }
      case 'stylistCard':
        return { type: 'stylistCard', attrs: { stylistId: id(a?.stylistId, `${where}.attrs.stylistId`) } };
      case 'bookStylist':
        return {
          type: 'bookStylist',
          attrs: { stylistId: id(a?.stylistId, `${where}.attrs.stylistId`), label: str(a?.label, 80, `${where}.attrs.label`) },
        };
      case 'look': {
        const spots = Array.isArray(a?.hotspots) ? a.hotspots : [];
        if (spots.length > BODY_LIMITS.maxHotspots) problems.push(`${where}: a look has at most ${BODY_LIMITS.maxHotspots} hotspots`);
        const hotspots = spots.slice(0, BODY_LIMITS.maxHotspots).map((s, i): Hotspot => {
          const h = obj(s);
          const coord = (v: unknown, axis: string) => {
            const num = Number(v);
            if (!Number.isFinite(num) || num < 0 || num > 100)
              problems.push(`${where}.attrs.hotspots[${i}].${axis} must be a percentage from 0 to 100`);
            return Number.isFinite(num) ? Math.round(Math.min(100, Math.max(0, num)) * 10) / 10 : 50;
          };
          return { x: coord(h?.x, 'x'), y: coord(h?.y, 'y'), productId: id(h?.productId, `${where}.attrs.hotspots[${i}].productId`) };
        });
        return { type: 'look', attrs: { ...image(a, `${where}.attrs`), hotspots } };
      }
      default:
        problems.push(`${where}: "${String(n?.type ?? typeof raw).slice(0, 40)}" is not an allowed element`);
        return undefined;
    }
  };

  const root = obj(input);
  if (root?.type !== 'doc') throw new BodyError(['The body must be an editor document ({"type":"doc","content":[…]})']);
  const content = children(root.content, 'body').flatMap((c, i) => block(c, `body.content[${i}]`, 1) ?? []);
  if (problems.length) throw new BodyError(problems.slice(0, 20));
  return { type: 'doc', content };
}

/** Walks every block of a document (lists and quotes included). */
export function* blocksOf(doc: ContentDoc): Generator<BlockNode> {
  const stack: BlockNode[] = [...doc.content].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    yield node;
    if (node.type === 'blockquote') stack.push(...[...node.content].reverse());
    if (node.type === 'bulletList' || node.type === 'orderedList')
      for (const item of [...node.content].reverse()) stack.push(...[...item.content].reverse());
  }
}

/** The products and stylists a document embeds, in order of first appearance. */
export function embedsOf(doc: ContentDoc): { productIds: string[]; stylistIds: string[] } {
  const productIds = new Set<string>();
  const stylistIds = new Set<string>();
  for (const node of blocksOf(doc)) {
    if (node.type === 'productCard') productIds.add(node.attrs.productId);
    if (node.type === 'productRow') node.attrs.productIds.forEach((p) => productIds.add(p));
    if (node.type === 'look') node.attrs.hotspots.forEach((h) => productIds.add(h.productId));
    if (node.type === 'stylistCard' || node.type === 'bookStylist') stylistIds.add(node.attrs.stylistId);
  }
  return { productIds: [...productIds], stylistIds: [...stylistIds] };
}

/** The words of a document, for search and reading time. */
export function plainText(doc: ContentDoc): string {
  const out: string[] = [];
  const inline = (nodes: readonly InlineNode[] | undefined) => nodes?.map((n) => (n.type === 'text' ? n.text : ' ')).join('') ?? '';
  for (const node of blocksOf(doc)) {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock') out.push(inline(node.content));
    if (node.type === 'image' || node.type === 'look') out.push(node.attrs.caption);
    if (node.type === 'gallery') out.push(...node.attrs.images.map((i) => i.caption));
  }
  return out.filter(Boolean).join('\n');
}

/** Minutes to read at 220 words a minute, at least one. */
export function readingMinutes(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / 220));
}
