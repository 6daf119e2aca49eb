/**
 * Demo catalog seeders: `catalog-taxonomy` (30 brands, the category tree), `catalog-products` (every offer once by default,
 * `npm run seed -- --products 100000` for the bench catalog, written in chunks of 2,000 with bulk inserts) and
 * `catalog-collections` (6 curated collections).
 * The facts themselves are in seed-houses.ts, seed-lines.ts and seed-showcase.ts; seed-consistency.test.ts checks them.
 */
import { sql } from 'drizzle-orm';
import { createRandom } from '../../../shared/random.ts';
import { queryRows, type Tx } from '../../db/client.ts';
import type { Seeder } from '../../seed/seeder.ts';
import { generatedImage } from './images.ts';
import { brands, categories, collectionProducts, collections } from './schema.ts';
import { BRANDS, CATALOG_CYCLE, CATEGORIES, COLLECTIONS, productSeed, type ProductSeed } from './seed-data.ts';
import { sqlArray } from './sql-util.ts';
import { documentSql, rememberTerms, slugify } from './text.ts';

/** Default demo size: every house's every offer, once (about 400 pieces: depth for facets and pagination). */
export const DEMO_PRODUCTS = CATALOG_CYCLE;
const CHUNK = 2000;
/** Demo products are dated before this instant (so anything created in the app is newer). */
const ANCHOR_MS = Date.UTC(2026, 10, 28, 18, 0, 0);

/** A UUIDv7-shaped id from a timestamp and a seeded generator: sortable like the app's ids, and reproducible. */
function seededUuid(ms: number, label: string): string {
  const rnd = createRandom(label);
  const hex = ms.toString(16).padStart(12, '0');
  const rand = Array.from({ length: 20 }, () => rnd.int(0, 15).toString(16)).join('');
  const variant = ((rnd.int(0, 3) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${rand.slice(0, 3)}-${variant}${rand.slice(3, 6)}-${rand.slice(6, 18)}`;
}

const idOf = (kind: string, key: string, ms = ANCHOR_MS - 400 * 86_400_000) => seededUuid(ms, `catalog/${kind}/${key}`);

export const taxonomySeeder: Seeder = {
  name: 'catalog-taxonomy',
  async clear(tx) {
    await tx.execute(
      sql`delete from categories where id in (${sql.join(
        CATEGORIES.map((c) => sql`${idOf('category', c.slug)}`),
        sql`, `,
      )})`,
    );
    await tx.execute(
      sql`delete from brands where id in (${sql.join(
        BRANDS.map((b) => sql`${idOf('brand', b.slug)}`),
        sql`, `,
      )})`,
    );
  },
  async run(tx) {
    await tx
      .insert(brands)
      .values(
        BRANDS.map((b) => ({
          id: idOf('brand', b.slug),
          slug: b.slug,
          name: b.name,
          description: b.description,
          country: b.country,
          foundedYear: b.founded,
          isPartner: b.partner,
        })),
      )
      .onConflictDoNothing();
    const paths = new Map<string, string>();
    for (const c of CATEGORIES) paths.set(c.slug, c.parent ? `${paths.get(c.parent)}/${c.slug}` : c.slug);
    await tx
      .insert(categories)
      .values(
        CATEGORIES.map((c, position) => ({
          id: idOf('category', c.slug),
          slug: c.slug,
          name: c.name,
          description: c.description,
          parentId: c.parent ? idOf('category', c.parent) : null,
          path: paths.get(c.slug)!,
          position,
          showcase: c.showcase ?? false,
        })),
      )
      .onConflictDoNothing();
    return BRANDS.length + CATEGORIES.length;
  },
};

/** Slugs are `brand-model-noun` for the first piece of that name in the first 1,000, else suffixed with the number. */
let firstOccurrence: { seed: number; map: Map<string, number> } | undefined;
function slugFor(seed: number, p: ProductSeed): string {
  const brandName = BRANDS.find((b) => b.slug === p.brand)!.name;
  const base = slugify(`${brandName} ${p.name}`);
  if (p.index >= 1000) return `${base}-${p.index}`;
  if (firstOccurrence?.seed !== seed) {
    const map = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const q = productSeed(seed, i);
      const b = slugify(`${BRANDS.find((x) => x.slug === q.brand)!.name} ${q.name}`);
      if (!map.has(b)) map.set(b, i);
    }
    firstOccurrence = { seed, map };
  }
  return firstOccurrence.map.get(base) === p.index ? base : `${base}-${p.index}`;
}

const lower = (s: string | undefined) => (s ?? '').trim().toLowerCase();

export async function insertProducts(tx: Tx, seed: number, from: number, to: number): Promise<number> {
  const rows = [];
  const variants: {
    id: string;
    product_id: string;
    sku: string;
    color: string | null;
    size: string | null;
    stock: number;
    position: number;
  }[] = [];
  const texts: string[] = [];
  for (let i = from; i < to; i++) {
    const p = productSeed(seed, i);
    const ms = ANCHOR_MS - p.ageSeconds * 1000;
    const id = seededUuid(ms, `catalog/product/${seed}/${i}`);
    const slug = slugFor(seed, p);
    const colors = [...new Set([lower(p.attributes.color), ...p.variants.map((v) => lower(v.color))].filter(Boolean))];
    const sizes = [...new Set(p.variants.map((v) => lower(v.size)).filter(Boolean))];
    const brandName = BRANDS.find((b) => b.slug === p.brand)!.name;
    const attrText = [p.attributes.material, ...colors, ...sizes].filter(Boolean).join(' ');
    rows.push({
      id,
      slug,
      name: p.name,
      description: p.description,
      brand: p.brand,
      category: p.category,
      price_minor: p.priceMinor,
      price_on_request: p.priceOnRequest,
      visibility: p.visibility,
      purchase_mode: p.purchaseMode,
      images: p.images.map((image, n) => ({
        ...generatedImage(
          image.name,
          `${brandName} ${p.name}${image.color ? ` in ${image.color.toLowerCase()}` : ''}${n > 0 && image.color === p.images[0]!.color ? ', another view' : ''}`,
        ),
        ...(image.color ? { color: image.color } : {}),
      })),
      attributes: p.attributes,
      specifications: p.specifications,
      customisations: p.customisations,
      limited_edition: p.limitedEdition,
      edition_size: p.editionSize,
      inventory: p.variants.reduce((n, v) => n + v.stock, 0),
      colors,
      sizes,
      attr_text: attrText,
      created_at: new Date(ms).toISOString(),
    });
    p.variants.forEach((v, position) => {
      variants.push({
        id: seededUuid(ms, `catalog/variant/${seed}/${i}/${position}`),
        product_id: id,
        sku: `${slug.slice(0, 40).toUpperCase()}-${i}-${position + 1}`,
        color: v.color ?? null,
        size: v.size ?? null,
        stock: v.stock,
        position,
      });
    });
    texts.push(p.name, attrText);
  }
  if (rows.length === 0) return 0;
  await tx.execute(sql`
    insert into products (id, slug, name, description, brand_id, category_id, category_ids, price_minor, currency, price_on_request, visibility,
      purchase_mode, images, attributes, specifications, customisations, limited_edition, edition_size, inventory, colors, sizes, search_document,
      created_at, updated_at)
    select r.id, r.slug, r.name, r.description, b.id, c.id,
      array(select a.id from categories a where c.path = a.path or c.path like a.path || '/%' order by length(a.path)),
      r.price_minor, 'EUR', r.price_on_request, r.visibility, r.purchase_mode, r.images, r.attributes, r.specifications, r.customisations,
      r.limited_edition, r.edition_size, r.inventory,
      array(select jsonb_array_elements_text(r.colors)), array(select jsonb_array_elements_text(r.sizes)),
      ${documentSql({
        name: sql`r.name`,
        brand: sql`b.name`,
        category: sql`(select string_agg(a.name, ' ' order by length(a.path)) from categories a where c.path = a.path or c.path like a.path || '/%')`,
        attributes: sql`r.attr_text`,
        description: sql`r.description`,
      })},
      r.created_at, r.created_at
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(id uuid, slug text, name text, description text, brand text, category text,
      price_minor bigint, price_on_request boolean, visibility product_visibility, purchase_mode purchase_mode, images jsonb, attributes jsonb,
      specifications jsonb, customisations jsonb, limited_edition boolean, edition_size int, inventory int, colors jsonb, sizes jsonb,
      attr_text text, created_at timestamptz)
    join brands b on b.slug = r.brand join categories c on c.slug = r.category`);
  await tx.execute(sql`
    insert into product_variants (id, product_id, sku, color, size, stock, position)
    select v.id, v.product_id, v.sku, v.color, v.size, v.stock, v.position
    from json_to_recordset(${JSON.stringify(variants)}::json) as v(id uuid, product_id uuid, sku text, color text, size text, stock int, position int)`);
  if (from === 0) {
    texts.push(...BRANDS.map((b) => b.name), ...CATEGORIES.map((c) => c.name));
  }
  await rememberTerms(tx, texts);
  return rows.length + variants.length;
}

export const productsSeeder: Seeder = {
  name: 'catalog-products',
  dependsOn: ['catalog-taxonomy'],
  plan(options) {
    const total = Math.max(0, Math.min(options.products ?? DEMO_PRODUCTS, 2_000_000));
    return { total, chunkSize: CHUNK };
  },
  async clear(tx) {
    // Seeded products are the ones no account created; their variants, wishlist entries and inquiries go with them.
    await tx.execute(
      sql`delete from products where created_by is null and created_at <= ${new Date(ANCHOR_MS).toISOString()}::timestamptz`,
    );
  },
  async run(tx, ctx) {
    return insertProducts(tx, ctx.seed, ctx.chunk.from, ctx.chunk.to);
  },
};

export const collectionsSeeder: Seeder = {
  name: 'catalog-collections',
  dependsOn: ['catalog-products'],
  async clear(tx) {
    await tx.execute(
      sql`delete from collections where id in (${sql.join(
        COLLECTIONS.map((c) => sql`${idOf('collection', c.slug)}`),
        sql`, `,
      )})`,
    );
  },
  async run(tx) {
    let rows = 0;
    for (const [position, c] of COLLECTIONS.entries()) {
      const id = idOf('collection', c.slug);
      await tx
        .insert(collections)
        .values({
          id,
          slug: c.slug,
          name: c.name,
          tagline: c.tagline,
          description: c.description,
          visibility: c.visibility,
          position,
          hero: generatedImage(c.hero, c.name, 'editorial'),
        })
        .onConflictDoNothing();
      // The newest visible pieces of its categories; the VIP salon prefers VIP-only pieces.
      const picks = await queryRows<{ id: string }>(
        tx,
        sql`select p.id from products p join categories k on k.id = p.category_id
            where k.slug in (${sql.join(
              c.categories.map((s) => sql`${s}`),
              sql`, `,
            )}) and p.visibility <> 'DRAFT'
              and ${c.match ? sql`p.name ilike any (${sqlArray(c.match, 'text')})` : sql`true`}
            order by ${c.visibility === 'VIP_ONLY' ? sql`(p.visibility = 'VIP_ONLY') desc,` : sql`(p.visibility = 'PUBLIC') desc,`} p.created_at desc limit 12`,
      );
      if (picks.length > 0) {
        await tx
          .insert(collectionProducts)
          .values(picks.map((p, n) => ({ collectionId: id, productId: p.id, position: n })))
          .onConflictDoNothing();
      }
      rows += 1 + picks.length;
    }
    return rows;
  },
};
