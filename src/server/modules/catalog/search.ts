/**
 * SearchProducts and suggestions: PostgreSQL full-text search over the weighted document, typo correction from the
 * catalog's own vocabulary with pg_trgm, and disjunctive facets (each facet counted with every filter except its own),
 * all in one statement over the matching set. The audience filter sits in that set's WHERE clause, beside the text
 * match and outside every user filter, so a hidden product is never returned or counted.
 */
import { sql } from 'drizzle-orm';
import { money, toDto, type Currency } from '../../../shared/money.ts';
import { queryRows, type Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import type { Actor } from '../../http/auth.ts';
import { audienceFilter, audienceOf, type Audience } from './access.ts';
import { productsByIds } from './browse.ts';
import { decodeCursor, encodeCursor, TIME_KEY_FORMAT, type CursorKind } from '../../http/pagination.ts';
import { presentImage } from './images.ts';
import { categoryIdsBySlugs, brandsBySlugs } from './lookup.ts';
import type { Product, ProductFacets, SearchProductsInput, SearchProductsOutput, SuggestOutput } from './models.ts';
import {
  bandsFor,
  correctedQueryOf,
  facetsFrom,
  MAX_COLOR_FACETS,
  MAX_SIZE_FACETS,
  parsePriceRange,
  type Correction,
} from './search-facets.ts';
import type { StoredImage } from './schema.ts';
import { sqlArray } from './sql-util.ts';
import { words } from './text.ts';
import { closest, similarity } from './trigram.ts';
import { catalogCache } from './catalog-cache.ts';
import { readySearchIndex } from './search-index/feed.ts';
import { cardJson, type ProductCards } from './search-index/cards.ts';
import { JsonParts, withJson } from '../../http/cached-json.ts';

/** Rank weights for D, C, B, A: name counts ten times a description word. */
const WEIGHTS = sql.raw(`'{0.1, 0.25, 0.5, 1.0}'`);

export { parsePriceRange, PRICE_BANDS, type Correction } from './search-facets.ts';

/** Which databases run pg_trgm in SQL; PGlite handles are registered by the catalog module's start to use `trigram.ts`. */
const embedded = new WeakSet<object>();
export function useEmbeddedTrigrams(db: Db): void {
  embedded.add(db);
}

async function vocabulary(db: Db): Promise<{ term: string; uses: number }[]> {
  return catalogCache(db).get('vocabulary', () => queryRows<{ term: string; uses: number }>(db, sql`select term, uses from search_terms`));
}

/** For each word not in the vocabulary, the most similar one that is (pg_trgm), if any is similar enough. */
export async function correctWords(db: Db, ws: readonly string[]): Promise<Correction[]> {
  if (ws.length === 0) return [];
  if (embedded.has(db)) {
    const terms = await vocabulary(db);
    const known = new Set(terms.map((t) => t.term));
    return ws.map((word) => {
      const best = word.length >= 4 && !known.has(word) ? closest(word, terms) : undefined;
      return { word, ...(best && best !== word ? { correction: best } : {}) };
    });
  }
  const rows = await queryRows<{ word: string; known: boolean; best: string | null }>(
    db,
    sql`select w.word,
          exists (select 1 from search_terms t where t.term = w.word) as known,
          case when length(w.word) >= 4 and not exists (select 1 from search_terms t where t.term = w.word) then
            (select t.term from search_terms t where t.term % w.word order by similarity(t.term, w.word) desc, t.uses desc, t.term limit 1)
          end as best
        from unnest(${sqlArray(ws, 'text')}) with ordinality as w(word, n) order by w.n`,
  );
  return rows.map((r) => ({ word: r.word, ...(r.best && r.best !== r.word ? { correction: r.best } : {}) }));
}

/**
 * The tsquery text: words ANDed, a misspelt word ORed with its correction. Words are [a-z0-9]+ only (see `words`), so
 * no operator a visitor types can reach the parser; stop words simply drop out.
 */
export function tsqueryText(corrections: readonly Correction[], prefixLast = false): string {
  return corrections
    .map((c, i) => {
      const p = prefixLast && i === corrections.length - 1 ? ':*' : '';
      return c.correction ? `(${c.word}${p} | ${c.correction}${p})` : `${c.word}${p}`;
    })
    .join(' & ');
}

interface SearchRow {
  total: number;
  page: { id: string; k: string }[];
  categories: [string, string, number][];
  brands: [string, string, number][];
  prices: [number, number][];
  colors: [string, number][];
  sizes: [string, number][];
}

const SORTS: Record<
  SearchProductsInput['sort'],
  { order: string; key: string; kind: CursorKind; cmp: '<' | '>'; cast: string; col: string }
> = {
  relevance: { order: 'rank desc, id desc', key: 'rank::text', kind: 'real', cmp: '<', cast: 'real', col: 'rank' },
  newest: {
    order: 'created_at desc, id desc',
    key: `to_char(created_at at time zone 'UTC', '${TIME_KEY_FORMAT}')`,
    kind: 'time',
    cmp: '<',
    cast: 'timestamptz',
    col: 'created_at',
  },
  price_asc: { order: 'price_minor asc, id asc', key: 'price_minor::text', kind: 'int', cmp: '>', cast: 'bigint', col: 'price_minor' },
  price_desc: { order: 'price_minor desc, id desc', key: 'price_minor::text', kind: 'int', cmp: '<', cast: 'bigint', col: 'price_minor' },
};

interface SearchAnswer {
  total: number;
  page: { id: string; k: string }[];
  facets: ProductFacets;
  correctedQuery?: string;
}

/**
 * Search: one statement for the page's ids, the total and the facets, then the page's products (through the audience
 * filter again). Whole answers are kept in the catalog cache, which every catalog change clears.
 */
export async function searchProducts(db: Db, actor: Actor | undefined, input: SearchProductsInput): Promise<SearchProductsOutput> {
  const audience: Audience = audienceOf(actor);
  if (input.query !== undefined && words(input.query).length === 0)
    throw new ApiError('ValidationException', 'Search for at least one word or number', {
      fieldErrors: { 'query.query': ['No searchable words'] },
    });
  return catalogCache(db).get(`search:${JSON.stringify([audience, input])}`, async () => {
    // The in-memory index answers when it is built and caught up; PostgreSQL otherwise (same answers either way).
    const index = await readySearchIndex(db);
    const answer = index ? index.search(audience, input) : await computeSearch(db, audience, input);
    return presentSearch(db, audience, input, answer, index?.cards);
  });
}

/** The page's products in the page's order: kept cards first, the rest read through the audience filter (and kept). */
async function pageProducts(db: Db, audience: Audience, ids: readonly string[], cards: ProductCards | undefined): Promise<Product[]> {
  if (!cards) return productsByIds(db, audience, ids);
  const generation = cards.generation;
  const kept = ids.map((id) => cards.get(id, audience));
  const missing = ids.filter((_, i) => kept[i] === undefined);
  if (missing.length === 0) return kept as Product[];
  const read = await productsByIds(db, audience, missing);
  cards.put(generation, read);
  const byId = new Map(read.map((p) => [p.productId, p]));
  return ids.flatMap((id, i) => {
    const card = kept[i] ?? byId.get(id);
    return card ? [card] : [];
  });
}

async function presentSearch(
  db: Db,
  audience: Audience,
  input: SearchProductsInput,
  answer: SearchAnswer,
  cards?: ProductCards,
): Promise<SearchProductsOutput> {
  const pageRows = answer.page.slice(0, input.maxResults);
  const found = await pageProducts(
    db,
    audience,
    pageRows.map((p) => p.id),
    cards,
  );
  const last = pageRows.at(-1);
  const output: SearchProductsOutput = {
    products: found,
    facets: answer.facets,
    total: answer.total,
    ...(answer.correctedQuery ? { correctedQuery: answer.correctedQuery } : {}),
    ...(answer.page.length > input.maxResults && last
      ? { nextToken: encodeCursor({ sort: `search:${input.sort}`, key: last.k, id: last.id }) }
      : {}),
  };
  // Kept cards keep their JSON too: the answer's text is assembled from it rather than serialised card by card.
  return cards ? withJson(output, searchJson(output)) : output;
}

/**
 * `JSON.stringify(output)` as UTF-8, byte for byte, in parts: each card's JSON is the kept `cardJson` (preceded by its
 * comma), so an answer costs no copy of its cards (see `JsonParts`).
 */
export function searchJson(output: SearchProductsOutput): JsonParts {
  const parts: Buffer[] = [HEAD];
  output.products.forEach((card, i) => {
    const bytes = cardJson(card);
    parts.push(i === 0 ? bytes.subarray(1) : bytes);
  });
  const { products: _, ...rest } = output;
  // The rest in the object's own key order (facets, total, correctedQuery, nextToken), after the products.
  parts.push(Buffer.from(`],${JSON.stringify(rest).slice(1)}`));
  return new JsonParts(parts);
}
const HEAD = Buffer.from('{"products":[');

/** The SQL path of SearchProducts (also the reference the index is tested against). */
export async function computeSearch(db: Db, audience: Audience, input: SearchProductsInput): Promise<SearchAnswer> {
  // Without a query (a department page): every visible product the filters allow, newest first for "relevance".
  const ws = input.query === undefined ? [] : words(input.query);
  if (input.query !== undefined && ws.length === 0)
    throw new ApiError('ValidationException', 'Search for at least one word or number', {
      fieldErrors: { 'query.query': ['No searchable words'] },
    });
  const currency = (input.currency ?? 'EUR') as Currency;
  const range = input.priceRange ? parsePriceRange(input.priceRange, currency) : undefined;
  const sort = SORTS[ws.length === 0 && input.sort === 'relevance' ? 'newest' : input.sort];
  const cursor = input.nextToken ? decodeCursor(input.nextToken, `search:${input.sort}`, sort.kind) : undefined;

  const [corrections, categoryIds, brandRows] = await Promise.all([
    correctWords(db, ws),
    categoryIdsBySlugs(db, input.categories ?? []),
    brandsBySlugs(db, input.brands ?? []),
  ]);
  const colors = (input.colors ?? []).map((c) => c.toLowerCase());
  const sizes = (input.sizes ?? []).map((s) => s.toLowerCase());

  // Each user filter becomes a boolean column of the matching set; a filter that names nothing known matches nothing.
  const fc = input.categories?.length ? sql`s.category_ids && ${sqlArray(categoryIds, 'uuid')}` : sql`true`;
  const fb = input.brands?.length
    ? sql`s.brand_id = any(${sqlArray(
        brandRows.map((b) => b.id),
        'uuid',
      )})`
    : sql`true`;
  const fp = range
    ? sql`s.currency = ${currency} and s.price_minor >= ${range.min} ${range.max !== undefined ? sql`and s.price_minor < ${range.max}` : sql``}`
    : sql`true`;
  const fcol = colors.length ? sql`s.colors && ${sqlArray(colors, 'text')}` : sql`true`;
  const fs = sizes.length ? sql`s.sizes && ${sqlArray(sizes, 'text')}` : sql`true`;
  const after = cursor
    ? sql`and (${sql.raw(sort.col)}, id) ${sql.raw(sort.cmp)} (${cursor.key}::${sql.raw(sort.cast)}, ${cursor.id}::uuid)`
    : sql``;
  const all = sql.raw('fc and fb and fp and fcol and fs');

  const [row] = await queryRows<SearchRow>(
    db,
    sql`with m as materialized (
        select s.product_id as id, s.brand_id, s.category_ids, s.price_minor, s.currency, s.colors, s.sizes, s.created_at,
          ${input.sort === 'relevance' && ws.length > 0 ? sql`ts_rank(${WEIGHTS}, s.document, q.q)` : sql`0::real`} as rank,
          (${fc}) as fc, (${fb}) as fb, (${fp}) as fp, (${fcol}) as fcol, (${fs}) as fs
        from product_search s${ws.length > 0 ? sql`, (select to_tsquery('english', ${tsqueryText(corrections)}) as q) q` : sql``}
        where ${ws.length > 0 ? sql`s.document @@ q.q` : sql`true`} and ${audienceFilter(audience, 's')}
      )
      select
        (select count(*)::int from m where ${all}) as total,
        (select coalesce(json_agg(json_build_object('id', r.id, 'k', r.k)), '[]'::json) from (
          select id, ${sql.raw(sort.key)} as k from m where ${all} ${after} order by ${sql.raw(sort.order)} limit ${input.maxResults + 1}) r) as page,
        (select coalesce(json_agg(json_build_array(c.slug, c.name, x.n) order by x.n desc, c.name), '[]'::json) from (
          select unnest(category_ids) as k, count(*)::int as n from m where fb and fp and fcol and fs group by 1) x join categories c on c.id = x.k) as categories,
        (select coalesce(json_agg(json_build_array(b.slug, b.name, x.n) order by x.n desc, b.name), '[]'::json) from (
          select brand_id as k, count(*)::int as n from m where fc and fp and fcol and fs group by 1) x join brands b on b.id = x.k) as brands,
        (select coalesce(json_agg(json_build_array(x.band, x.n) order by x.band), '[]'::json) from (
          select width_bucket(price_minor, ${sqlArray(bandsFor(currency), 'bigint')}) as band, count(*)::int as n
          from m where fc and fb and fcol and fs and currency = ${currency} group by 1) x) as prices,
        (select coalesce(json_agg(json_build_array(x.v, x.n) order by x.n desc, x.v), '[]'::json) from (
          select unnest(colors) as v, count(*)::int as n from m where fc and fb and fp and fs group by 1 order by 2 desc, 1 limit ${MAX_COLOR_FACETS}) x) as colors,
        (select coalesce(json_agg(json_build_array(x.v, x.n) order by x.n desc, x.v), '[]'::json) from (
          select unnest(sizes) as v, count(*)::int as n from m where fc and fb and fp and fcol group by 1 order by 2 desc, 1 limit ${MAX_SIZE_FACETS}) x) as sizes`,
  );
  const r = row!;
  return { total: r.total, page: r.page, facets: facetsFrom(r, input, currency), ...correctedQueryOf(corrections) };
}

/** As-you-type suggestions: brands and categories by prefix or similarity, products by prefix full-text match. */
export async function suggest(db: Db, actor: Actor | undefined, input: { q: string; limit: number }): Promise<SuggestOutput> {
  const audience = audienceOf(actor);
  return catalogCache(db).get(`suggest:${JSON.stringify([audience, words(input.q).join(' '), input.limit])}`, () =>
    computeSuggest(db, audience, input),
  );
}

async function computeSuggest(db: Db, audience: Audience, input: { q: string; limit: number }): Promise<SuggestOutput> {
  const ws = words(input.q);
  if (ws.length === 0) return { products: [], brands: [], categories: [] };
  const phrase = ws.join(' ');
  const last = ws.at(-1)!;
  // Products: a bounded candidate set (the first 200 matches) ranked by the weighted document, so cost stays flat.
  const productsQuery =
    last.length >= 2
      ? queryRows<{
          id: string;
          slug: string;
          name: string;
          brand_name: string;
          image: StoredImage | null;
          price_minor: number | string;
          currency: string;
          price_on_request: boolean;
        }>(
          db,
          sql`select p.id, p.slug, p.name, b.name as brand_name, p.images->0 as image, p.price_minor, p.currency, p.price_on_request
              from (select s.product_id as id, ts_rank(${WEIGHTS}, s.document, q.q) as rank
                    from (select * from product_search s where s.document @@ to_tsquery('english', ${tsqueryText(
                      ws.map((word) => ({ word })),
                      true,
                    )})
                          and ${audienceFilter(audience, 's')} limit 200) s,
                         (select to_tsquery('english', ${tsqueryText(
                           ws.map((word) => ({ word })),
                           true,
                         )}) as q) q
                    order by rank desc, s.product_id desc limit ${input.limit}) top
              join products p on p.id = top.id join brands b on b.id = p.brand_id
              order by top.rank desc, p.id desc`,
        )
      : Promise.resolve([]);
  const [productRows, names] = await Promise.all([productsQuery, taxonomyNames(db)]);
  // Brands and categories are a few dozen rows: matched here by prefix, word prefix or trigram similarity.
  const rank = (name: string) => {
    const plain = words(name, 16).join(' ');
    if (plain.startsWith(phrase)) return 3;
    if (` ${plain}`.includes(` ${phrase}`)) return 2;
    const sim = similarity(plain, phrase);
    return sim > 0.35 ? sim : 0;
  };
  const pick = <T extends { name: string }>(list: T[]) =>
    list
      .map((x) => ({ x, r: rank(x.name) }))
      .filter((e) => e.r > 0)
      .sort((a, b) => b.r - a.r || a.x.name.localeCompare(b.x.name))
      .slice(0, 5)
      .map((e) => e.x);
  const brandRows = pick(names.brands);
  const categoryRows = pick(names.categories);
  return {
    products: productRows.map((p) => ({
      productId: p.id,
      slug: p.slug,
      name: p.name,
      brandName: p.brand_name,
      ...(p.image ? { image: presentImage(p.image) } : {}),
      price: toDto(money(Number(p.price_minor), p.currency)),
      priceOnRequest: p.price_on_request,
    })),
    brands: brandRows.map((b) => ({ slug: b.slug, name: b.name })),
    categories: categoryRows.map((c) => ({ slug: c.slug, name: c.name, ...(c.parent_name ? { parentName: c.parent_name } : {}) })),
  };
}

async function taxonomyNames(
  db: Db,
): Promise<{ brands: { slug: string; name: string }[]; categories: { slug: string; name: string; parent_name: string | null }[] }> {
  return catalogCache(db).get('taxonomy-names', async () => {
    const [brands, categories] = await Promise.all([
      queryRows<{ slug: string; name: string }>(db, sql`select slug, name from brands`),
      queryRows<{ slug: string; name: string; parent_name: string | null }>(
        db,
        sql`select c.slug, c.name, pc.name as parent_name from categories c left join categories pc on pc.id = c.parent_id`,
      ),
    ]);
    return { brands, categories };
  });
}
