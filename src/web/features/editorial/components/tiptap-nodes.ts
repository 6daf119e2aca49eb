import { mergeAttributes, Node } from '@tiptap/core';

/**
 * The shoppable blocks in the editor: atoms holding only ids (the server resolves them live, and checks every
 * attribute against its allowlist on save). In the editor they show as labelled boxes.
 */
export const ProductRowNode = Node.create({
  name: 'productRow',
  group: 'block',
  atom: true,
  addAttributes() {
    return { productIds: { default: [] }, title: { default: '' }, names: { default: [], rendered: false } };
  },
  parseHTML() {
    return [{ tag: 'div[data-product-row]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const names = (node.attrs.names as string[]).join(', ');
    return [
      'div',
      mergeAttributes(HTMLAttributes, { 'data-product-row': 'true', class: 'editor-embed' }),
      `Row of pieces${node.attrs.title ? ` — ${node.attrs.title}` : ''}: ${names || `${(node.attrs.productIds as string[]).length} piece(s)`}`,
    ];
  },
});

export const LookNode = Node.create({
  name: 'look',
  group: 'block',
  atom: true,
  addAttributes() {
    return {
      src: { default: '' },
      alt: { default: '' },
      caption: { default: '' },
      hotspots: { default: [] },
      names: { default: [], rendered: false },
    };
  },
  parseHTML() {
    return [{ tag: 'div[data-look]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const names = (node.attrs.names as string[]).join(', ');
    return [
      'div',
      mergeAttributes(HTMLAttributes, { 'data-look': 'true', class: 'editor-embed' }),
      `A look${node.attrs.caption ? ` — ${node.attrs.caption}` : ''} with ${names || `${(node.attrs.hotspots as unknown[]).length} piece(s)`}`,
    ];
  },
});

/** Strips editor-only attributes (names shown in the boxes) before the document is sent. */
export function forSaving(doc: unknown): unknown {
  if (Array.isArray(doc)) return doc.map(forSaving);
  if (doc && typeof doc === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(doc)) if (k !== 'names') out[k] = forSaving(v);
    return out;
  }
  return doc;
}

/** Embeds the editor keeps as they are (added elsewhere or by the demo), shown as a labelled box. */
function keptAtom(name: string, label: string, attrs: Record<string, unknown>) {
  return Node.create({
    name,
    group: 'block',
    atom: true,
    addAttributes() {
      return Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, { default: v }]));
    },
    parseHTML() {
      return [{ tag: `div[data-${name}]` }];
    },
    renderHTML({ HTMLAttributes }) {
      return ['div', mergeAttributes(HTMLAttributes, { [`data-${name}`]: 'true', class: 'editor-embed' }), label];
    },
  });
}

export const KEPT_NODES = [
  keptAtom('productCard', 'A piece from the boutique', { productId: '' }),
  keptAtom('stylistCard', 'A stylist’s card', { stylistId: '' }),
  keptAtom('bookStylist', '“Book this stylist”', { stylistId: '', label: '' }),
  keptAtom('gallery', 'A gallery', { images: [] }),
];
