import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../auth/authed-client.ts';
import { call } from '../../auth/problem.ts';
import type { BrowseState, Sort } from '../url-state.ts';
import { useViewer } from './viewer.ts';

import type { ListProductsOutput, ListProductsQuery, SearchProductsOutput, SearchProductsQuery } from './types.ts';

export type { ListProductsOutput, ListProductsQuery, SearchProductsOutput, SearchProductsQuery } from './types.ts';

const PAGE_SIZE = 24;
const API_SORT: Record<Sort, 'relevance' | 'newest' | 'price_asc' | 'price_desc'> = { relevance: 'relevance', newest: 'newest', 'price-asc': 'price_asc', 'price-desc': 'price_desc' };

function priceRange(state: BrowseState): string | undefined {
  if (state.minPrice === undefined && state.maxPrice === undefined) return undefined;
  return `${state.minPrice ?? 0}-${state.maxPrice ?? ''}`;
}

/** The search request for an address's state; `category` is the department page's own category, if any. */
export function searchQueryOf(state: BrowseState, category?: string): SearchProductsQuery {
  const categories = category ? [category, ...state.categories.filter((c) => c !== category)] : state.categories;
  const range = priceRange(state);
  const sort = API_SORT[state.sort ?? (state.query ? 'relevance' : 'newest')];
  return {
    query: state.query,
    ...(categories.length ? { categories } : {}),
    ...(state.brands.length ? { brands: state.brands } : {}),
    ...(state.colors.length ? { colors: state.colors } : {}),
    ...(state.sizes.length ? { sizes: state.sizes } : {}),
    ...(range ? { priceRange: range } : {}),
    ...(range && state.currency ? { currency: state.currency as SearchProductsQuery['currency'] } : {}),
    ...(sort === 'relevance' && !state.query ? {} : { sort }),
    ...(state.after ? { nextToken: state.after } : {}),
    maxResults: PAGE_SIZE,
  };
}

/** What a department or search page shows: search results, or a plain list when there is nothing to search for. */
export type BrowseResult = Omit<SearchProductsOutput, 'total'> & { total?: number | undefined };

const NO_FACETS: SearchProductsOutput['facets'] = { categories: [], brands: [], priceRanges: [], colors: [], sizes: [] };

/**
 * Searches when there are words; a department page has none, and the API's search wants words, so it reads the
 * plain list instead (category, the first house, price and sort), without facets.
 */
export async function searchProducts(api: ApiClient, query: SearchProductsQuery): Promise<BrowseResult> {
  if (query.query) return call(api.GET('/api/v1/products/search', { params: { query } }));
  const range = query.priceRange?.split('-');
  const list = await listProducts(api, {
    maxResults: query.maxResults ?? 24,
    ...(query.categories?.[0] ? { category: query.categories[0] } : {}),
    ...(query.brands?.[0] ? { brand: query.brands[0] } : {}),
    ...(range?.[0] ? { minPrice: range[0] } : {}),
    ...(range?.[1] ? { maxPrice: range[1] } : {}),
    ...(query.currency ? { currency: query.currency } : {}),
    ...(query.sort && query.sort !== 'relevance' ? { sort: query.sort } : {}),
    ...(query.nextToken ? { nextToken: query.nextToken } : {}),
  });
  return { products: list.products, facets: NO_FACETS, ...(list.nextToken ? { nextToken: list.nextToken } : {}) };
}

export function getSearchQueryOptions(api: ApiClient, viewerKey: string, query: SearchProductsQuery) {
  return queryOptions({ queryKey: ['catalog', 'search', viewerKey, query], queryFn: () => searchProducts(api, query) });
}

/**
 * Search results for this visitor. The loader's answer (public) is shown at once; a VIP, partner or
 * administrator then gets their own, fetched with their session.
 */
export function useSearchProducts(query: SearchProductsQuery, serverData: BrowseResult | undefined) {
  const viewer = useViewer();
  const own = useQuery({ ...getSearchQueryOptions(viewer.api, viewer.key, query), enabled: viewer.privileged, placeholderData: keepPreviousData });
  return { data: (viewer.privileged ? own.data : undefined) ?? serverData, refreshing: viewer.privileged && own.isFetching };
}

export function listProducts(api: ApiClient, query: ListProductsQuery) {
  return call(api.GET('/api/v1/products', { params: { query } }));
}

export function getProductsQueryOptions(api: ApiClient, viewerKey: string, query: ListProductsQuery) {
  return queryOptions({ queryKey: ['catalog', 'products', viewerKey, query], queryFn: () => listProducts(api, query) });
}

/** Like useSearchProducts, for plain lists (home page rows, related pieces). */
export function useProducts(query: ListProductsQuery, serverData: ListProductsOutput | undefined) {
  const viewer = useViewer();
  const own = useQuery({ ...getProductsQueryOptions(viewer.api, viewer.key, query), enabled: viewer.privileged, placeholderData: keepPreviousData });
  return { data: (viewer.privileged ? own.data : undefined) ?? serverData, refreshing: viewer.privileged && own.isFetching };
}

/** One product by its address; 404 (a ResourceNotFoundException) for anyone who may not see it. */
export function getProductBySlug(api: ApiClient, slug: string) {
  return call(api.GET('/api/v1/products/by-slug/{slug}', { params: { path: { slug } } })).then((r) => r.product);
}

export function getProductQueryOptions(api: ApiClient, viewerKey: string, slug: string) {
  return queryOptions({ queryKey: ['catalog', 'product', viewerKey, slug], queryFn: () => getProductBySlug(api, slug), retry: false });
}

/** The product for a signed-in visitor whom the server could not show it to (a VIP piece, a draft for its house). */
export function useProductForViewer(slug: string, enabled: boolean) {
  const viewer = useViewer();
  return useQuery({ ...getProductQueryOptions(viewer.api, viewer.key, slug), enabled: enabled && viewer.status === 'signed-in' });
}
