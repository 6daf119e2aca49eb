/**
 * Browse and search state lives in the address: a filtered page can be bookmarked or shared, and Back undoes
 * the last filter. This file is the one place that reads and writes those parameters.
 */

export const SORTS = ['relevance', 'newest', 'price-asc', 'price-desc'] as const;
export type Sort = (typeof SORTS)[number];

export const SORT_LABELS: Record<Sort, string> = {
  relevance: 'Relevance',
  newest: 'Newest',
  'price-asc': 'Price, low to high',
  'price-desc': 'Price, high to low',
};

export type BrowseState = {
  /** Free text (search page only). */
  query: string;
  /** Category slugs; on a category page the path's category is not repeated here. */
  categories: string[];
  brands: string[];
  colors: string[];
  sizes: string[];
  /** Decimal amounts as typed, in `currency`. */
  minPrice: number | undefined;
  maxPrice: number | undefined;
  currency: string | undefined;
  sort: Sort | undefined;
  /** Opaque cursor of the page shown; absent for the first page. */
  after: string | undefined;
};

export type FacetKey = 'categories' | 'brands' | 'colors' | 'sizes';

/** Parameter name of each multi-valued filter in the address. */
export const FACET_PARAM: Record<FacetKey, string> = { categories: 'category', brands: 'brand', colors: 'color', sizes: 'size' };

const MAX_VALUES = 20;
const MAX_VALUE_LENGTH = 120;

function values(params: URLSearchParams, name: string): string[] {
  const seen = new Set<string>();
  for (const raw of params.getAll(name)) {
    const value = raw.trim().slice(0, MAX_VALUE_LENGTH);
    if (value) seen.add(value);
    if (seen.size >= MAX_VALUES) break;
  }
  return [...seen];
}

function amount(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name)?.trim();
  if (!raw || !/^\d{1,13}(\.\d{1,3})?$/.test(raw)) return undefined;
  return Number(raw);
}

/** What the address asks for; anything malformed is ignored, never an error page. */
export function readBrowseState(params: URLSearchParams): BrowseState {
  const sort = params.get('sort');
  const currency = params.get('currency')?.trim().toUpperCase();
  return {
    query: (params.get('q') ?? '').trim().slice(0, 200),
    categories: values(params, FACET_PARAM.categories),
    brands: values(params, FACET_PARAM.brands),
    colors: values(params, FACET_PARAM.colors),
    sizes: values(params, FACET_PARAM.sizes),
    minPrice: amount(params, 'min'),
    maxPrice: amount(params, 'max'),
    currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : undefined,
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : undefined,
    after: params.get('after')?.slice(0, 2000) || undefined,
  };
}

/** The address for a state, with parameters in a fixed order so equal states give equal URLs. */
export function writeBrowseState(state: BrowseState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const key of ['categories', 'brands', 'colors', 'sizes'] as const) {
    for (const value of [...state[key]].sort()) params.append(FACET_PARAM[key], value);
  }
  if (state.minPrice !== undefined) params.set('min', String(state.minPrice));
  if (state.maxPrice !== undefined) params.set('max', String(state.maxPrice));
  if (state.currency && (state.minPrice !== undefined || state.maxPrice !== undefined)) params.set('currency', state.currency);
  if (state.sort) params.set('sort', state.sort);
  if (state.after) params.set('after', state.after);
  return params;
}

/** Any change of filter starts again from the first page: a cursor belongs to the filters it was made for. */
export function toggleFacet(state: BrowseState, key: FacetKey, value: string): BrowseState {
  const current = state[key];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, [key]: next, after: undefined };
}

export function withPriceRange(
  state: BrowseState,
  minPrice: number | undefined,
  maxPrice: number | undefined,
  currency: string | undefined,
): BrowseState {
  return { ...state, minPrice, maxPrice, currency, after: undefined };
}

export function withSort(state: BrowseState, sort: Sort | undefined): BrowseState {
  return { ...state, sort, after: undefined };
}

export function withPage(state: BrowseState, after: string | undefined): BrowseState {
  return { ...state, after };
}

export function clearFilters(state: BrowseState): BrowseState {
  return {
    ...state,
    categories: [],
    brands: [],
    colors: [],
    sizes: [],
    minPrice: undefined,
    maxPrice: undefined,
    currency: undefined,
    after: undefined,
  };
}

/** A department page's own category and every category below it (the sub-departments its sidebar may narrow to). */
export type Department = { slug: string; descendants: readonly string[] };

/**
 * The state as a department page reads it: only its own sub-departments may narrow it. Anything else in the address
 * (another department, or the department itself) is dropped, so `/shop/bags?category=watches` still shows bags.
 */
export function withinDepartment(state: BrowseState, department: Department): BrowseState {
  const allowed = new Set(department.descendants);
  const categories = state.categories.filter((c) => allowed.has(c) && c !== department.slug);
  return categories.length === state.categories.length ? state : { ...state, categories };
}

export function hasFilters(state: BrowseState): boolean {
  return (
    state.categories.length + state.brands.length + state.colors.length + state.sizes.length > 0 ||
    state.minPrice !== undefined ||
    state.maxPrice !== undefined
  );
}

/** `?…` for a link, or '' when the state is empty. */
export function searchString(state: BrowseState): string {
  const text = writeBrowseState(state).toString();
  return text ? `?${text}` : '';
}

/**
 * A price-range facet value as the API names it ("0-500", "5000-", "EUR:0-500"…) read into bounds. Unknown
 * shapes give undefined, and the chip is then shown as the raw value.
 */
export function parseRangeValue(value: string): { min: number | undefined; max: number | undefined } | undefined {
  const match = /^(?:[A-Z]{3}:)?(\d+(?:\.\d+)?)?\s*[-–]\s*(\d+(?:\.\d+)?)?$/.exec(value.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  return { min: match[1] !== undefined ? Number(match[1]) : undefined, max: match[2] !== undefined ? Number(match[2]) : undefined };
}
