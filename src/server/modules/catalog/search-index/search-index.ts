/**
 * The catalog's search in memory: the slot store (products), the vocabulary (typo correction) and the taxonomy
 * (facet labels and filter slugs), answering SearchProducts exactly as search.ts's SQL statement does, without a
 * database round trip. Fed by feed.ts; pure otherwise.
 */
import type { Currency } from '../../../../shared/money.ts';
import { ApiError } from '../../../http/errors.ts';
import type { Audience } from '../access.ts';
import { decodeCursor } from '../../../http/pagination.ts';
import type { SearchProductsInput } from '../models.ts';
import {
  bandsFor,
  correctedQueryOf,
  facetsFrom,
  MAX_COLOR_FACETS,
  MAX_SIZE_FACETS,
  parsePriceRange,
  type FacetRows,
} from '../search-facets.ts';
import { words } from '../text.ts';
import { parseTimeKey, runQuery, type EngineQuery, type EngineSort, type TextQuery } from './engine.ts';
import { lexemeOf } from './lexemes.ts';
import { parseUuid, SlotStore } from './store.ts';
import { Vocabulary } from './vocabulary.ts';
import { ProductCards } from './cards.ts';

export interface TaxonomyEntry {
  id: string;
  slug: string;
  name: string;
}

/** What search.ts's statement computes: the page's (id, sort key) rows, the total and the facets. */
export interface IndexAnswer {
  total: number;
  page: { id: string; k: string }[];
  facets: ReturnType<typeof facetsFrom>;
  correctedQuery?: string;
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class SearchIndex {
  readonly store = new SlotStore();
  readonly vocabulary = new Vocabulary();
  /** Listing cards of recent pages' products (search.ts reads the page from here before asking PostgreSQL). */
  readonly cards = new ProductCards();
  #categories = new Map<string, TaxonomyEntry>();
  #categoryBySlug = new Map<string, string>();
  #brands = new Map<string, TaxonomyEntry>();
  #brandBySlug = new Map<string, string>();

  setTaxonomy(brands: readonly TaxonomyEntry[], categories: readonly TaxonomyEntry[]): void {
    this.#brands = new Map(brands.map((b) => [b.id, b]));
    this.#brandBySlug = new Map(brands.map((b) => [b.slug, b.id]));
    this.#categories = new Map(categories.map((c) => [c.id, c]));
    this.#categoryBySlug = new Map(categories.map((c) => [c.slug, c.id]));
  }

  /** The text part of a query: one clause per word (the word OR its correction, stop words dropped). */
  textQuery(ws: readonly string[]): { text: TextQuery; corrections: ReturnType<Vocabulary['correct']> } {
    const corrections = this.vocabulary.correct(ws);
    const clauses = corrections
      .map((c) => {
        const lexemes = [lexemeOf(c.word), c.correction ? lexemeOf(c.correction) : undefined].filter((l): l is string => l !== undefined);
        return { lexemes: [...new Set(lexemes)], prefix: false };
      })
      .filter((c) => c.lexemes.length > 0);
    return { text: { clauses }, corrections };
  }

  /** SearchProducts' rows for `audience`: the same hits, order, page keys, facets and correction as the SQL path. */
  search(audience: Audience, input: SearchProductsInput): IndexAnswer {
    const ws = input.query === undefined ? [] : words(input.query);
    if (input.query !== undefined && ws.length === 0)
      throw new ApiError('ValidationException', 'Search for at least one word or number', {
        fieldErrors: { 'query.query': ['No searchable words'] },
      });
    const currency = (input.currency ?? 'EUR') as Currency;
    const range = input.priceRange ? parsePriceRange(input.priceRange, currency) : undefined;
    const sort: EngineSort = ws.length === 0 && input.sort === 'relevance' ? 'newest' : input.sort;
    const kind = sort === 'relevance' ? 'real' : sort === 'newest' ? 'time' : 'int';
    const cursor = input.nextToken ? decodeCursor(input.nextToken, `search:${input.sort}`, kind) : undefined;
    const { text, corrections } = ws.length > 0 ? this.textQuery(ws) : { text: undefined, corrections: [] };
    const slugsToIds = (slugs: readonly string[] | undefined, bySlug: Map<string, string>) =>
      slugs?.length ? slugs.flatMap((s) => (bySlug.has(s) ? [bySlug.get(s)!] : [])) : undefined;
    const colors = (input.colors ?? []).map((c) => c.toLowerCase());
    const sizes = (input.sizes ?? []).map((s) => s.toLowerCase());
    const query: EngineQuery = {
      audience,
      ...(text ? { text } : {}),
      ...(input.categories?.length ? { categories: slugsToIds(input.categories, this.#categoryBySlug)! } : {}),
      ...(input.brands?.length ? { brands: slugsToIds(input.brands, this.#brandBySlug)! } : {}),
      ...(colors.length ? { colors } : {}),
      ...(sizes.length ? { sizes } : {}),
      ...(range ? { price: range } : {}),
      currency,
      bands: bandsFor(currency),
      sort,
      ...(cursor
        ? {
            after: {
              key: kind === 'real' ? Math.fround(Number(cursor.key)) : kind === 'time' ? parseTimeKey(cursor.key) : Number(cursor.key),
              id: parseUuid(cursor.id),
            },
          }
        : {}),
      limit: input.maxResults + 1,
    };
    const r = runQuery(this.store, query);
    const labelled = (counts: [string, number][], names: Map<string, TaxonomyEntry>): [string, string, number][] =>
      counts
        .flatMap(([id, n]) => {
          const t = names.get(id);
          return t ? [{ t, n }] : [];
        })
        .sort((a, b) => b.n - a.n || byteOrder(a.t.name, b.t.name) || byteOrder(a.t.slug, b.t.slug))
        .map(({ t, n }) => [t.slug, t.name, n]);
    const top = (counts: [string, number][], max: number) => counts.sort((a, b) => b[1] - a[1] || byteOrder(a[0], b[0])).slice(0, max);
    const rows: FacetRows = {
      categories: labelled(r.categories, this.#categories),
      brands: labelled(r.brands, this.#brands),
      prices: r.bands,
      colors: top(r.colors, MAX_COLOR_FACETS),
      sizes: top(r.sizes, MAX_SIZE_FACETS),
    };
    return { total: r.total, page: r.page, facets: facetsFrom(rows, input, currency), ...correctedQueryOf(corrections) };
  }

  /** Memory held, for the start-up log and the bench report. */
  stats(): { products: number; slots: number; lexemes: number; terms: number; bytes: number; cards: number } {
    return {
      products: this.store.live,
      cards: this.cards.size,
      slots: this.store.slots,
      lexemes: this.store.postings.size,
      terms: this.vocabulary.size,
      bytes: this.store.bytes() + this.vocabulary.bytes(),
    };
  }
}
