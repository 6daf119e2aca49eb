/** ListProducts (storefront browse) and the admin product list, with keyset pagination. */
import { sql, type SQL } from 'drizzle-orm';
import { CURRENCIES, fromDecimal, MoneyError, type Currency } from '../../../shared/money.ts';
import { queryRows, type Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import type { Actor } from '../../http/auth.ts';
import { audienceFilter, audienceOf, partnerBrandId, type Audience } from './access.ts';
import { decodeCursor, encodeCursor, TIME_KEY_FORMAT } from '../../http/pagination.ts';
import type { AdminListProductsInput, ListProductsInput, ListProductsOutput, Product, ProductSort } from './models.ts';
import { presentProduct, productSelect, type ProductRow } from './present.ts';
import { words } from './text.ts';
import { catalogCache } from './catalog-cache.ts';

type KeyedRow = ProductRow & { sort_key: string };

/** `order by` and the keyset condition for a sort; `key` is the text form the cursor carries. */
export function sortSql(sort: ProductSort, after?: { key: string; id: string }): { order: SQL; key: SQL; after: SQL } {
  switch (sort) {
    case 'newest':
      return {
        order: sql`p.created_at desc nulls last, p.id desc nulls last`,
        key: sql`to_char(p.created_at at time zone 'UTC', ${TIME_KEY_FORMAT})`,
        after: after ? sql`and (p.created_at, p.id) < (${after.key}::timestamptz, ${after.id}::uuid)` : sql``,
      };
    case 'price_asc':
      return {
        order: sql`p.price_minor asc, p.id asc`,
        key: sql`p.price_minor::text`,
        after: after ? sql`and (p.price_minor, p.id) > (${after.key}::bigint, ${after.id}::uuid)` : sql``,
      };
    case 'price_desc':
      return {
        order: sql`p.price_minor desc, p.id desc`,
        key: sql`p.price_minor::text`,
        after: after ? sql`and (p.price_minor, p.id) < (${after.key}::bigint, ${after.id}::uuid)` : sql``,
      };
  }
}

export function cursorKind(sort: ProductSort) {
  return sort === 'newest' ? ('time' as const) : ('int' as const);
}

/** Price bounds in minor units of `currency`; an amount with too many decimals answers 400 for that field. */
export function priceBounds(min: string | undefined, max: string | undefined, currency: Currency): { min?: number; max?: number } {
  const conv = (v: string | undefined, field: string) => {
    if (v === undefined) return undefined;
    try {
      return fromDecimal(v, currency).minor;
    } catch (err) {
      if (err instanceof MoneyError)
        throw new ApiError('ValidationException', `${field}: ${err.message}`, { fieldErrors: { [`query.${field}`]: [err.message] } });
      throw err;
    }
  };
  const out = { min: conv(min, 'minPrice'), max: conv(max, 'maxPrice') };
  if (out.min !== undefined && out.max !== undefined && out.min > out.max) {
    throw new ApiError('ValidationException', 'minPrice is above maxPrice', {
      fieldErrors: { 'query.minPrice': ['Must not exceed maxPrice'] },
    });
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

function page(rows: KeyedRow[], maxResults: number, sort: string): ListProductsOutput {
  const items = rows.slice(0, maxResults);
  const last = items.at(-1);
  return {
    products: items.map((r) => presentProduct(r, true)),
    ...(rows.length > maxResults && last ? { nextToken: encodeCursor({ sort, key: last.sort_key, id: last.id }) } : {}),
  };
}

/** Storefront browse: the caller's filters, then the audience's visibility filter ANDed outside them. */
export async function listProducts(db: Db, actor: Actor | undefined, input: ListProductsInput): Promise<ListProductsOutput> {
  const audience: Audience = audienceOf(actor);
  return catalogCache(db).get(`list:${audience}:${JSON.stringify(input)}`, () => computeList(db, audience, input));
}

async function computeList(db: Db, audience: Audience, input: ListProductsInput): Promise<ListProductsOutput> {
  const currency = (input.currency ?? 'EUR') as Currency;
  const bounds = priceBounds(input.minPrice, input.maxPrice, currency);
  const cursor = input.nextToken ? decodeCursor(input.nextToken, input.sort, cursorKind(input.sort)) : undefined;
  const s = sortSql(input.sort, cursor);
  const filters: SQL[] = [];
  if (input.category) filters.push(sql`p.category_ids @> array[(select id from categories where slug = ${input.category})]::uuid[]`);
  if (input.brand) filters.push(sql`p.brand_id = (select id from brands where slug = ${input.brand})`);
  if (input.collection) {
    // A collection the caller may not see contributes nothing (its rows are filtered by the same audience rule).
    filters.push(sql`p.id in (select cp.product_id from collection_products cp join collections k on k.id = cp.collection_id
      where k.slug = ${input.collection} and ${audience === 'VIP' ? sql.raw(`k.visibility <> 'DRAFT'`) : sql.raw(`k.visibility = 'PUBLIC'`)})`);
  }
  if (bounds.min !== undefined || bounds.max !== undefined || input.currency) filters.push(sql`p.currency = ${currency}`);
  if (bounds.min !== undefined) filters.push(sql`p.price_minor >= ${bounds.min}`);
  if (bounds.max !== undefined) filters.push(sql`p.price_minor <= ${bounds.max}`);
  const userPart =
    filters.length > 0
      ? sql.join(
          filters.map((f) => sql`(${f})`),
          sql` and `,
        )
      : sql`true`;
  const rows = await queryRows<KeyedRow>(
    db,
    sql`${withKey(s.key)} where (${userPart}) and ${audienceFilter(audience)} ${s.after} order by ${s.order} limit ${input.maxResults + 1}`,
  );
  return page(rows, input.maxResults, input.sort);
}

function withKey(key: SQL): SQL {
  return productSelect(false, key);
}

/** Products by id in the given order, visible to `audience` (hidden ones are dropped). */
export async function productsByIds(db: Db, audience: Audience, ids: readonly string[]): Promise<Product[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<ProductRow>(
    db,
    sql`${productSelect(false)} where p.id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) and ${audienceFilter(audience)}`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => (byId.has(id) ? [presentProduct(byId.get(id)!, true)] : []));
}

/** The back office list: admins see every product, a partner their own brand's (drafts included). Newest first. */
export async function adminListProducts(db: Db, actor: Actor, input: AdminListProductsInput): Promise<ListProductsOutput> {
  const filters: SQL[] = [];
  if (actor.userType !== 'ADMIN') {
    const brandId = actor.userType === 'BRAND_PARTNER' ? await partnerBrandId(db, actor.userId) : undefined;
    if (!brandId) return { products: [] };
    filters.push(sql`p.brand_id = ${brandId}`);
  }
  if (input.visibility) filters.push(sql`p.visibility = ${input.visibility}`);
  if (input.brand) filters.push(sql`p.brand_id = (select id from brands where slug = ${input.brand})`);
  if (input.category) filters.push(sql`p.category_ids @> array[(select id from categories where slug = ${input.category})]::uuid[]`);
  for (const w of words(input.query ?? '')) filters.push(sql`unaccent(lower(p.name)) like ${`%${w}%`}`);
  const cursor = input.nextToken ? decodeCursor(input.nextToken, 'admin', 'time') : undefined;
  const s = sortSql('newest', cursor);
  const where =
    filters.length > 0
      ? sql.join(
          filters.map((f) => sql`(${f})`),
          sql` and `,
        )
      : sql`true`;
  const rows = await queryRows<KeyedRow>(
    db,
    sql`${withKey(s.key)} where ${where} ${s.after} order by ${s.order} limit ${input.maxResults + 1}`,
  );
  return page(rows, input.maxResults, 'admin');
}

export const CATALOG_CURRENCIES = Object.keys(CURRENCIES);
