import { describe, expect, it } from 'vitest';
import { BodyError, checkDoc, docFromText, embedsOf, parseBody, plainText, readingMinutes, safeHref, type ContentDoc } from './body.ts';
import { renderBlocks, renderHtml, type Embeds } from './render.ts';
import { HOSTILE_HREFS, XSS_PAYLOADS } from './test-xss-payloads.ts';
import { instantOfLocal, localOfInstant } from './zone-time.ts';

const checks = { isMediaPath: (u: string) => /^\/media\/generated\/editorial\/[a-z0-9-]+-\d+\.(jpg|webp|avif)$/.test(u) };
const IMG = '/media/generated/editorial/quiet-season-1280.jpg';
const P1 = '0190a0b0-0000-7000-8000-000000000001';
const P2 = '0190a0b0-0000-7000-8000-000000000002';
const S1 = '0190a0b0-0000-7000-8000-0000000000a1';
const embeds: Embeds = {
  products: new Map([
    [
      P1,
      {
        productId: P1,
        state: 'AVAILABLE',
        slug: 'silk-scarf',
        name: 'Silk scarf',
        brandName: 'Maison Aurelle',
        price: { amount: 420, currency: 'EUR' },
      },
    ],
    [
      P2,
      {
        productId: P2,
        state: 'SOLD_OUT',
        slug: 'evening-bag',
        name: 'Evening bag',
        brandName: 'Maison Aurelle',
        price: { amount: 2100, currency: 'EUR' },
      },
    ],
  ]),
  stylists: new Map([[S1, { stylistId: S1, available: true, name: 'Camille Laurent', headline: 'Red carpets', city: 'Paris' }]]),
  isMediaPath: checks.isMediaPath,
};
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const para = (text: string, marks?: unknown[]) => ({ type: 'paragraph', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] });
const problemsOf = (input: unknown): string[] => {
  try {
    checkDoc(input, checks);
    return [];
  } catch (err) {
    if (err instanceof BodyError) return err.problems;
    throw err;
  }
};

describe('the body allowlist', () => {
  it('keeps headings, quotes, lists, links, images, galleries and the shoppable embeds', () => {
    const input = doc(
      { type: 'heading', attrs: { level: 2, textAlign: 'left' }, content: [{ type: 'text', text: 'The quiet season' }] },
      para('Read ', [{ type: 'bold' }]),
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'the edit',
            marks: [{ type: 'link', attrs: { href: '/journal/the-edit', target: '_blank', onclick: 'x()' } }],
          },
        ],
      },
      { type: 'blockquote', content: [para('Less, but better.')] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [para('Cashmere')] }] },
      { type: 'image', attrs: { src: IMG, alt: 'Arcade', caption: 'Late light', onerror: 'x()' } },
      { type: 'gallery', attrs: { images: [{ src: IMG, alt: 'a', caption: '' }] } },
      { type: 'productRow', attrs: { productIds: [P1, P2], title: 'Shop the story' } },
      { type: 'look', attrs: { src: IMG, alt: 'Look 1', caption: '', hotspots: [{ x: 40, y: 30, productId: P1 }] } },
      { type: 'stylistCard', attrs: { stylistId: S1 } },
      { type: 'bookStylist', attrs: { stylistId: S1, label: 'Book Camille' } },
    );
    const checked = checkDoc(input, checks);
    expect(checked.content).toHaveLength(11);
    // Attributes the editor adds that are never rendered (alignment, handlers) are not kept.
    expect(JSON.stringify(checked)).not.toMatch(/onerror|onclick|textAlign|target/);
    expect(embedsOf(checked)).toEqual({ productIds: [P1, P2], stylistIds: [S1] });
  });

  it.each([
    ['a script element', doc({ type: 'script', content: [{ type: 'text', text: 'x()' }] }), /"script" is not an allowed element/],
    ['an iframe', doc({ type: 'iframe', attrs: { src: 'https://evil.example' } }), /"iframe" is not an allowed element/],
    ['a raw HTML node', doc({ type: 'html', attrs: { html: '<b>x</b>' } }), /"html" is not an allowed element/],
    ['a javascript: link', doc(para('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])), /a link must go to/],
    ['an unknown mark', doc(para('x', [{ type: 'textStyle', attrs: { style: 'x' } }])), /not an allowed style/],
    ['an image from elsewhere', doc({ type: 'image', attrs: { src: 'https://evil.example/x.png' } }), /media library/],
    ['an image with a javascript: source', doc({ type: 'image', attrs: { src: 'javascript:alert(1)' } }), /media library/],
    ['a product that is not an id', doc({ type: 'productCard', attrs: { productId: '1 or 1=1' } }), /must be an id/],
    ['a hotspot off the picture', doc({ type: 'look', attrs: { src: IMG, hotspots: [{ x: 140, y: 10, productId: P1 }] } }), /percentage/],
    ['an empty row of products', doc({ type: 'productRow', attrs: { productIds: [] } }), /1 to 12 pieces/],
  ])('refuses %s, naming where', (_label, input, message) => {
    const problems = problemsOf(input);
    expect(problems.join('\n')).toMatch(message);
    expect(problems[0]).toMatch(/^body/);
  });

  it('refuses what is not a document, and bodies past the limits', () => {
    expect(problemsOf({ type: 'paragraph' })[0]).toMatch(/editor document/);
    expect(() => parseBody('{"type":"doc",', checks)).toThrow(/JSON that does not parse/);
    expect(() => parseBody('x'.repeat(400_001), checks)).toThrow(/too long/);
    const deep = (n: number): unknown => (n === 0 ? para('deep') : { type: 'blockquote', content: [deep(n - 1)] });
    expect(problemsOf(doc(deep(30))).join()).toMatch(/nested too deeply/);
    expect(problemsOf(doc(...Array.from({ length: 7000 }, () => ({ type: 'horizontalRule' })))).join()).toMatch(/too many elements/);
  });

  it('reads prose as paragraphs, and counts reading time from the words', () => {
    const prose = docFromText('First paragraph.\nSecond line.\n\nSecond paragraph.');
    expect(prose.content).toHaveLength(2);
    expect(plainText(prose)).toBe('First paragraph. Second line.\nSecond paragraph.');
    expect(readingMinutes('word '.repeat(1100))).toBe(5);
    expect(readingMinutes('')).toBe(1);
  });
});

describe('safe links', () => {
  it.each(HOSTILE_HREFS)('refuses %j', (href) => expect(safeHref(href)).toBeUndefined());
  it.each([
    ['/journal/the-edit', '/journal/the-edit'],
    ['https://stylebyzaga.com/a?b=1', 'https://stylebyzaga.com/a?b=1'],
    ['mailto:concierge@stylebyzaga.com', 'mailto:concierge@stylebyzaga.com'],
    ['#section-2', '#section-2'],
  ])('keeps %j', (href, kept) => expect(safeHref(href)).toBe(kept));
});

const ALLOWED_TAGS = [
  'h2',
  'h3',
  'h4',
  'p',
  'em',
  'strong',
  'u',
  's',
  'code',
  'pre',
  'a',
  'span',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'blockquote',
  'figure',
  'figcaption',
  'img',
  'div',
];
const ALLOWED_ATTRS = ['href', 'rel', 'target', 'class', 'src', 'alt', 'loading', 'decoding', 'start', 'style', 'aria-label'];

describe('the renderer', () => {
  it('renders every payload in every text position as text, never as markup', () => {
    for (const payload of XSS_PAYLOADS) {
      const input = doc(
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: payload }] },
        para(payload, [{ type: 'italic' }, { type: 'link', attrs: { href: '/journal/x' } }]),
        { type: 'codeBlock', content: [{ type: 'text', text: payload }] },
        { type: 'image', attrs: { src: IMG, alt: payload, caption: payload } },
        { type: 'productRow', attrs: { productIds: [P1], title: payload } },
        { type: 'bookStylist', attrs: { stylistId: S1, label: payload } },
      );
      const html = renderHtml(checkDoc(input, checks), embeds);
      // Every tag in the output is one of ours, with our attributes only: the payload's < and quotes are entities.
      for (const [, name, attrs] of html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
        expect(ALLOWED_TAGS).toContain(name);
        // Attributes are name="value" pairs only (no quote can appear inside a value: it would be an entity).
        const rest = attrs!.replace(/\s([a-zA-Z-]+)="([^"<>]*)"/g, (_m, attr: string, value: string) => {
          expect(ALLOWED_ATTRS).toContain(attr);
          if (attr === 'href' || attr === 'src') expect(value).toMatch(/^(\/(?!\/)|#|https?:|mailto:)/);
          return '';
        });
        expect(rest.trim()).toBe('');
      }
    }
  });

  it('shows sold-out and withdrawn pieces for what they are, never a dead link', () => {
    const gone = '0190a0b0-0000-7000-8000-0000000000ff';
    const checked = checkDoc(doc({ type: 'productRow', attrs: { productIds: [P1, P2, gone] } }), checks);
    const html = renderHtml(checked, embeds);
    expect(html).toContain('href="/products/silk-scarf"');
    expect(html).toMatch(/is-sold-out" href="\/products\/evening-bag".*Sold out/);
    expect(html).toContain('This piece is no longer available.');
    expect(html).not.toContain(gone);
    const [block] = renderBlocks(checked, embeds);
    expect(block).toMatchObject({
      kind: 'products',
      layout: 'row',
      products: [{ state: 'AVAILABLE' }, { state: 'SOLD_OUT' }, { state: 'UNAVAILABLE', productId: gone }],
    });
  });

  it('splits the body into HTML runs around the embeds the web app draws', () => {
    const checked: ContentDoc = checkDoc(
      doc(para('Before'), { type: 'productCard', attrs: { productId: P1 } }, para('After'), {
        type: 'stylistCard',
        attrs: { stylistId: S1 },
      }),
      checks,
    );
    expect(renderBlocks(checked, embeds).map((b) => b.kind)).toEqual(['html', 'products', 'html', 'stylist']);
    expect(renderHtml(checked, embeds)).toContain('<a class="editorial-stylist" href="/stylists/');
  });
});

describe('wall-clock times in a zone', () => {
  it.each([
    // Paris, an ordinary winter and summer day.
    ['2026-01-15T09:00', 'Europe/Paris', '2026-01-15T08:00:00.000Z'],
    ['2026-07-15T09:00', 'Europe/Paris', '2026-07-15T07:00:00.000Z'],
    // The morning after clocks go forward (29 March 2026) and back (25 October 2026).
    ['2026-03-29T09:00', 'Europe/Paris', '2026-03-29T07:00:00.000Z'],
    ['2026-03-29T01:59', 'Europe/Paris', '2026-03-29T00:59:00.000Z'],
    ['2026-10-25T09:00', 'Europe/Paris', '2026-10-25T08:00:00.000Z'],
    // 02:30 happens twice on 25 October in Paris: the first one (CEST).
    ['2026-10-25T02:30', 'Europe/Paris', '2026-10-25T00:30:00.000Z'],
    // New York changes on other dates (8 March, 1 November 2026).
    ['2026-03-08T09:00', 'America/New_York', '2026-03-08T13:00:00.000Z'],
    ['2026-03-07T09:00', 'America/New_York', '2026-03-07T14:00:00.000Z'],
    ['2026-12-31T23:30', 'Asia/Tokyo', '2026-12-31T14:30:00.000Z'],
    ['2026-06-01T12:00', 'UTC', '2026-06-01T12:00:00.000Z'],
  ])('%s in %s is %s', (local, zone, iso) => {
    const result = instantOfLocal(local, zone);
    expect(result).toEqual({ instant: Date.parse(iso) });
    expect(localOfInstant(Date.parse(iso), zone)).toBe(local);
  });

  it('refuses a time skipped when the clocks go forward, an unknown zone, and non-dates', () => {
    expect(instantOfLocal('2026-03-29T02:30', 'Europe/Paris')).toEqual({ error: 'skipped' });
    expect(instantOfLocal('2026-03-08T02:30', 'America/New_York')).toEqual({ error: 'skipped' });
    expect(instantOfLocal('2026-03-29T09:00', 'Mars/Olympus')).toEqual({ error: 'zone' });
    expect(instantOfLocal('2026-02-30T09:00', 'Europe/Paris')).toEqual({ error: 'format' });
    expect(instantOfLocal('tomorrow', 'Europe/Paris')).toEqual({ error: 'format' });
  });
});
