/**
 * What the orders module needs from the catalog: the pieces a caller may buy, as the server prices them, and stock
 * reservations. Stock is never read, compared and written back: a reservation is one conditional update per variant
 * (`stock >= quantity`), and `CHECK (stock >= 0)` in the database refuses anything that would still slip through, so
 * the last unit sells once under any concurrency.
 */
import { sql, type SQL } from 'drizzle-orm';
import { preparedRows, queryRows, type Db, type Tx } from '../../db/client.ts';
import { canSeeVisibility, type Audience } from './access.ts';
import { presentImage, type ImageView } from './images.ts';
import type { StoredImage } from './schema.ts';

export interface PurchasableVariant {
  id: string;
  sku: string;
  color: string | null;
  size: string | null;
  stock: number;
}

export interface PurchasableProduct {
  id: string;
  slug: string;
  name: string;
  brandId: string;
  brandName: string;
  /** A partner house: the order line owes it a payable. */
  brandIsPartner: boolean;
  priceMinor: number;
  currency: string;
  priceOnRequest: boolean;
  purchaseMode: 'BUY_NOW' | 'INQUIRE' | 'BESPOKE';
  customisationKeys: string[];
  image: ImageView | null;
  variants: PurchasableVariant[];
}

interface Row {
  id: string;
  slug: string;
  name: string;
  brand_id: string;
  brand_name: string;
  brand_is_partner: boolean;
  price_minor: string | number;
  currency: string;
  price_on_request: boolean;
  purchase_mode: PurchasableProduct['purchaseMode'];
  visibility: 'PUBLIC' | 'VIP_ONLY' | 'DRAFT';
  customisations: Array<{ key: string }>;
  images: StoredImage[];
  variants: PurchasableVariant[] | null;
}

/**
 * Prepared by name, one text per number of products up to `LISTED_IDS` (`p.id in ($1, …)`), beyond that an array:
 * parsed once per connection, and planned once too. With an array PostgreSQL re-plans at every call (a generic plan
 * assumes ten elements and looks dearer than the custom plan for one), which was most of this read's time.
 */
const purchasableSql = (where: SQL) =>
  sql`select p.id, p.slug, p.name, p.brand_id, b.name as brand_name, b.is_partner as brand_is_partner, p.price_minor, p.currency,
        p.price_on_request, p.purchase_mode, p.visibility, p.customisations, p.images,
        (select json_agg(json_build_object('id', v.id, 'sku', v.sku, 'color', v.color, 'size', v.size, 'stock', v.stock) order by v.position, v.id)
           from product_variants v where v.product_id = p.id) as variants
      from products p join brands b on b.id = p.brand_id
      where ${where}`;
const LISTED_IDS = 8;
const purchasableListed = Array.from({ length: LISTED_IDS }, (_, i) =>
  preparedRows<Row>(
    `catalog_purchasable_products_${i + 1}`,
    purchasableSql(
      sql`p.id in (${sql.join(
        Array.from({ length: i + 1 }, (_, k) => sql`${sql.placeholder(`id${k}`)}::uuid`),
        sql`, `,
      )})`,
    ),
  ),
);
const purchasableMany = preparedRows<Row>(
  'catalog_purchasable_products',
  purchasableSql(sql`p.id = any(${sql.placeholder('ids')}::uuid[])`),
);

function purchasableRows(db: Db | Tx, ids: string[]): Promise<Row[]> {
  const listed = purchasableListed[ids.length - 1];
  return listed ? listed(db, Object.fromEntries(ids.map((id, k) => [`id${k}`, id]))) : purchasableMany(db, { ids });
}

/**
 * The products among `ids` this audience may see (never drafts, VIP pieces only for VIP), with their variants and
 * current prices. A product missing from the answer does not exist for this caller.
 */
export async function purchasableProducts(
  db: Db | Tx,
  ids: readonly string[],
  audience: Audience,
): Promise<Map<string, PurchasableProduct>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await purchasableRows(db, unique);
  const out = new Map<string, PurchasableProduct>();
  for (const r of rows) {
    if (!canSeeVisibility(audience, r.visibility)) continue;
    const first = r.images[0];
    out.set(r.id, {
      id: r.id,
      slug: r.slug,
      name: r.name,
      brandId: r.brand_id,
      brandName: r.brand_name,
      brandIsPartner: r.brand_is_partner,
      priceMinor: Number(r.price_minor),
      currency: r.currency,
      priceOnRequest: r.price_on_request,
      purchaseMode: r.purchase_mode,
      customisationKeys: (r.customisations ?? []).map((c) => c.key),
      image: first ? presentImage(first) : null,
      variants: r.variants ?? [],
    });
  }
  return out;
}

export interface StockLine {
  productId: string;
  variantId: string;
  quantity: number;
}

/**
 * The catalogue's one lock order for stock: a product's row before any of its variants' rows. Every writer follows
 * it — the house office's stock and product edits lock the product first (products.ts `lockForWrite`), and so do
 * reservations and releases here — so an order and an admin changing stock at the same moment queue, never deadlock.
 * Within a transaction, lines go in product then variant order, so two orders sharing pieces queue the same way.
 */
const lockProduct = (productId: string) => sql`select id from products where id = ${productId} for update`;

/** One line's reservation (below), prepared by name: CreateOrder runs it for every line. */
const reserveStatement = preparedRows<{ id: string }>(
  'catalog_reserve_stock',
  sql`with locked as (select id from products where id = ${sql.placeholder('productId')}::uuid for update),
      taken as (
        update product_variants v set stock = v.stock - ${sql.placeholder('quantity')}::int from locked
        where v.id = ${sql.placeholder('variantId')}::uuid and v.product_id = locked.id and v.stock >= ${sql.placeholder('quantity')}::int
        returning v.product_id)
      update products p set inventory = p.inventory - ${sql.placeholder('quantity')}::int from taken where p.id = taken.product_id returning p.id`,
);

/**
 * Takes `quantity` units of each variant in the caller's transaction, or none at all: returns the first line that
 * lacks stock (with what is left) and the caller rolls back. One statement per line locks the product, then takes the
 * variant's units and the product's inventory (their sum) together; the variant's `stock >= quantity` is checked on
 * its latest version once the lock is held.
 */
export async function reserveStock(
  tx: Tx,
  lines: readonly StockLine[],
): Promise<{ ok: true } | { ok: false; line: StockLine; available: number }> {
  for (const line of mergeLines(lines)) {
    const taken = await reserveStatement(tx, { productId: line.productId, variantId: line.variantId, quantity: line.quantity });
    if (taken.length === 0) {
      const [left] = await queryRows<{ stock: number }>(tx, sql`select stock from product_variants where id = ${line.variantId}`);
      return { ok: false, line, available: left?.stock ?? 0 };
    }
  }
  return { ok: true };
}

/** Gives reserved units back (a cancelled or expired order), in the caller's transaction, product first like every writer. */
export async function releaseStock(tx: Tx, lines: readonly StockLine[]): Promise<void> {
  for (const line of mergeLines(lines)) {
    await tx.execute(
      sql`with locked as (${lockProduct(line.productId)}),
          given as (
            update product_variants v set stock = v.stock + ${line.quantity} from locked
            where v.id = ${line.variantId} and v.product_id = locked.id returning v.product_id)
          update products p set inventory = p.inventory + ${line.quantity} from given where p.id = given.product_id`,
    );
  }
}

function mergeLines(lines: readonly StockLine[]): StockLine[] {
  const byVariant = new Map<string, StockLine>();
  for (const l of lines) {
    const seen = byVariant.get(l.variantId);
    if (seen) seen.quantity += l.quantity;
    else byVariant.set(l.variantId, { ...l });
  }
  return [...byVariant.values()].sort((a, b) => cmp(a.productId, b.productId) || cmp(a.variantId, b.variantId));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
