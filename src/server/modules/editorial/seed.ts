/**
 * Demo seeder `editorial`: the Journal (seed-content.ts) with its embeds resolved against the demo catalogue and
 * stylists, each piece published (events upcoming from the seeding day), each with its first version, and the home
 * page's slots chosen. Pieces are written straight into editorial's own tables, through the same allowlist as the API.
 */
import { createContext } from '../../adapters.ts';
import { loadConfig } from '../../config.ts';
import type { Tx } from '../../db/client.ts';
import { loadKeys } from '../../security/keys.ts';
import type { Seeder } from '../../seed/seeder.ts';
import { listProducts } from '../catalog/service.ts';
import { listStylists } from '../stylists/service.ts';
import { checkDoc, plainText, type ContentDoc } from './body.ts';
import { parseMediaPath } from '../media/service.ts';
import { content, contentSlots, contentVersions, type ContentSnapshot } from './schema.ts';
import { SEED_PIECES, type SeedBlock, type SeedPiece } from './seed-content.ts';
import { instantOfLocal, localOfInstant } from './zone-time.ts';
import { uuidv7 } from 'uuidv7';

const editorialImage = (name: string) => `/media/generated/editorial/${name}-1280.jpg`;
const text = (t: string) => ({ type: 'text', text: t });
const para = (t: string) => ({ type: 'paragraph', content: [text(t)] });

/** Hotspot positions for a look's pieces: head, waist, hand — the same for every look, like a house template. */
const SPOTS = [
  { x: 52, y: 24 },
  { x: 46, y: 55 },
  { x: 64, y: 78 },
];

export const editorialSeeder: Seeder = {
  name: 'editorial',
  dependsOn: ['catalog-products', 'stylists'],
  async clear(tx: Tx) {
    await tx.delete(content);
  },
  async run(tx: Tx) {
    const config = loadConfig();
    const ctx = { ...createContext(tx, config, loadKeys(config)), mailer: { send: async () => undefined } };
    const piecesBy = new Map<string, { productId: string }[]>();
    const productsOf = async (category: string) => {
      let found = piecesBy.get(category);
      if (!found) {
        const { products } = await listProducts(tx, undefined, { category, maxResults: 24, sort: 'newest' });
        // Pieces a reader can add to the bag from the article come first.
        found = [...products].sort(
          (a, b) => Number(b.purchaseMode === 'BUY_NOW' && b.inventory > 0) - Number(a.purchaseMode === 'BUY_NOW' && a.inventory > 0),
        );
        piecesBy.set(category, found);
      }
      return found;
    };
    const { stylists } = await listStylists(ctx, { maxResults: 6, currency: 'EUR' });
    let shopCursor = 0;
    const take = async (category: string, count: number) => {
      const list = await productsOf(category);
      const out: string[] = [];
      for (let i = 0; i < Math.min(count, list.length); i++) out.push(list[(shopCursor + i) % list.length]!.productId);
      shopCursor += count;
      return [...new Set(out)];
    };
    let stylistCursor = 0;
    const blockOf = async (b: SeedBlock): Promise<unknown[]> => {
      if ('p' in b) return [para(b.p)];
      if ('h' in b) return [{ type: 'heading', attrs: { level: 2 }, content: [text(b.h)] }];
      if ('quote' in b) return [{ type: 'blockquote', content: [para(b.quote)] }];
      if ('list' in b) return [{ type: 'bulletList', content: b.list.map((item) => ({ type: 'listItem', content: [para(item)] })) }];
      if ('image' in b) return [{ type: 'image', attrs: { src: editorialImage(b.image), alt: b.caption, caption: b.caption } }];
      if ('gallery' in b)
        return [{ type: 'gallery', attrs: { images: b.gallery.map((g) => ({ src: editorialImage(g), alt: b.caption, caption: '' })) } }];
      if ('shop' in b) {
        const ids = await take(b.shop, b.count);
        return ids.length ? [{ type: 'productRow', attrs: { productIds: ids, title: b.title } }] : [];
      }
      if ('look' in b) {
        const ids = await take(b.from, 3);
        return [
          {
            type: 'look',
            attrs: {
              src: editorialImage(b.look),
              alt: b.caption,
              caption: b.caption,
              hotspots: ids.map((productId, i) => ({ ...SPOTS[i]!, productId })),
            },
          },
        ];
      }
      const stylist = stylists[stylistCursor++ % Math.max(1, stylists.length)];
      if (!stylist) return [];
      return b.stylist === 'card'
        ? [{ type: 'stylistCard', attrs: { stylistId: stylist.stylistId } }]
        : [{ type: 'bookStylist', attrs: { stylistId: stylist.stylistId, label: b.label ?? `Book ${stylist.firstName}` } }];
    };

    const now = Date.now();
    const rows: Array<typeof content.$inferInsert> = [];
    for (const piece of SEED_PIECES) {
      const blocks = (await Promise.all(piece.body.map(blockOf))).flat();
      const doc: ContentDoc = checkDoc({ type: 'doc', content: blocks }, { isMediaPath: (u) => parseMediaPath(u) !== undefined });
      const author = authorOf(piece, stylists);
      rows.push({
        id: uuidv7(),
        type: piece.type,
        status: 'PUBLISHED',
        slug: piece.slug,
        title: piece.title,
        dek: piece.dek,
        body: doc,
        bodyText: plainText(doc),
        tags: piece.tags,
        featuredImage: editorialImage(piece.image),
        featuredImageAlt: piece.dek,
        authorKind: author.stylistId ? 'STYLIST' : 'HOUSE',
        authorName: author.name,
        authorStylistId: author.stylistId ?? null,
        seoTitle: '',
        seoDescription: piece.dek.slice(0, 170),
        audience: piece.audience ?? 'EVERYONE',
        featured: piece.featured ?? false,
        publishedAt: new Date(now - piece.daysAgo * 86_400_000 - rows.length * 3_600_000),
        ...(piece.event ? eventOf(piece.event, now) : {}),
      });
    }
    await tx.insert(content).values(rows);
    await tx
      .insert(contentVersions)
      .values(rows.map((r) => ({ contentId: r.id, version: 1, snapshot: snapshotOf(r), savedByName: r.authorName, note: 'Published' })));
    const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
    await tx.insert(contentSlots).values([
      { slot: 'home-feature', contentId: bySlug.get('lookbook-the-cannes-edit')! },
      { slot: 'home-second', contentId: bySlug.get('the-quiet-season')! },
      { slot: 'home-third', contentId: bySlug.get('trunk-show-maison-aurelle-paris')! },
    ]);
    return rows.length;
  },
};

function authorOf(
  piece: SeedPiece,
  stylists: ReadonlyArray<{ stylistId: string; firstName: string; lastName: string }>,
): { name: string; stylistId?: string } {
  if (piece.byStylist !== undefined) {
    const s = stylists[piece.byStylist % Math.max(1, stylists.length)];
    if (s) return { name: `${s.firstName} ${s.lastName}`, stylistId: s.stylistId };
  }
  return { name: piece.author ?? 'The House' };
}

/** An upcoming event at `hour` o'clock in its place's zone, `inDays` after seeding. */
function eventOf(e: NonNullable<SeedPiece['event']>, now: number): Pick<typeof content.$inferInsert, 'event' | 'capacity'> {
  const day = localOfInstant(now + e.inDays * 86_400_000, e.timeZone).slice(0, 10);
  const start = instantOfLocal(`${day}T${String(e.hour).padStart(2, '0')}:00`, e.timeZone);
  const startsAt = 'instant' in start ? start.instant : now + e.inDays * 86_400_000;
  return {
    event: {
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + e.hours * 3_600_000).toISOString(),
      timeZone: e.timeZone,
      place: e.place,
      address: e.address,
      attendance: e.attendance,
    },
    capacity: e.capacity,
  };
}

function snapshotOf(r: typeof content.$inferInsert): ContentSnapshot {
  return {
    title: r.title,
    slug: r.slug,
    dek: r.dek ?? '',
    body: r.body,
    tags: r.tags ?? [],
    featuredImage: r.featuredImage ?? null,
    featuredImageAlt: r.featuredImageAlt ?? '',
    authorKind: r.authorKind ?? 'HOUSE',
    authorName: r.authorName,
    authorStylistId: r.authorStylistId ?? null,
    seoTitle: r.seoTitle ?? '',
    seoDescription: r.seoDescription ?? '',
    audience: r.audience ?? 'EVERYONE',
    featured: r.featured ?? false,
    event: r.event ?? null,
    capacity: r.capacity ?? null,
    status: 'PUBLISHED',
  };
}
