import { sql } from 'drizzle-orm';
import { queryRows, type Db, type Tx } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';

export interface BrandRef {
  id: string;
  slug: string;
  name: string;
}
export interface CategoryRef {
  id: string;
  slug: string;
  name: string;
  path: string;
  /** Ids of this category and its ancestors. */
  lineage: string[];
  /** Names from the root down, for the search document. */
  lineageNames: string[];
}

function unknown(field: string, what: string): never {
  throw new ApiError('ValidationException', `Unknown ${what}`, { fieldErrors: { [field]: [`No such ${what}`] } });
}

export async function brandBySlug(db: Db | Tx, slug: string, field = 'body.brand'): Promise<BrandRef> {
  const [row] = await queryRows<BrandRef>(db, sql`select id, slug, name from brands where slug = ${slug}`);
  return row ?? unknown(field, 'brand');
}

export async function brandsBySlugs(db: Db | Tx, slugs: readonly string[]): Promise<BrandRef[]> {
  if (slugs.length === 0) return [];
  return queryRows<BrandRef>(
    db,
    sql`select id, slug, name from brands where slug in (${sql.join(
      slugs.map((s) => sql`${s}`),
      sql`, `,
    )})`,
  );
}

export async function categoryBySlug(db: Db | Tx, slug: string, field = 'body.category'): Promise<CategoryRef> {
  const [row] = await queryRows<CategoryRef>(
    db,
    sql`select c.id, c.slug, c.name, c.path,
          array(select a.id from categories a where c.path = a.path or c.path like a.path || '/%' order by length(a.path)) as lineage,
          array(select a.name from categories a where c.path = a.path or c.path like a.path || '/%' order by length(a.path)) as "lineageNames"
        from categories c where c.slug = ${slug}`,
  );
  return row ?? unknown(field, 'category');
}

/** Ids of the categories with these slugs (unknown slugs are ignored: a filter on nothing matches nothing). */
export async function categoryIdsBySlugs(db: Db | Tx, slugs: readonly string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from categories where slug in (${sql.join(
      slugs.map((s) => sql`${s}`),
      sql`, `,
    )})`,
  );
  return rows.map((r) => r.id);
}
