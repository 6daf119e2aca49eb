import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { withinDepartment, type BrowseState, type Department, type Sort } from '../url-state.ts';
import { useViewer } from './viewer.ts';

import type { ListProductsOutput, ListProductsQuery, SearchProductsOutput, SearchProductsQuery } from './types.ts';

export type { ListProductsOutput, ListProductsQuery, SearchProductsOutput, SearchProductsQuery } from './types.ts';

const PAGE_SIZE = 24;
const API_SORT: Record<Sort, 'relevance' | 'newest' | 'price_asc' | 'price_desc'> = {
  relevance: 'relevance',
  newest: 'newest',
  'price-asc': 'price_asc',
  'price-desc': 'price_desc',
};

function priceRange(state: BrowseState): string | undefined {
  if (state.minPrice === undefined && state.maxPrice === undefined) return undefined;
  return `${state.minPrice ?? 0}-${state.maxPrice ?? ''}`;
}

/**
 * The search request for an address's state. Without words it browses (a department page, the whole boutique): the
 * API then filters and counts facets the same way, newest first. On a department page the chosen sub-departments
 * replace the department rather than join it, because the API takes several categories as alternatives.
 */
export function searchQueryOf(state: BrowseState, department?: Department): SearchProductsQuery {
  const scoped = department ? withinDepartment(state, department) : state;
  const categories = department && scoped.categories.length === 0 ? [department.slug] : scoped.categories;
  const range = priceRange(scoped);
  const sort = API_SORT[scoped.sort ?? (scoped.query ? 'relevance' : 'newest')];
  return {
    ...(scoped.query ? { query: scoped.query } : {}),
    ...(categories.length ? { categories } : {}),
    ...(scoped.brands.length ? { brands: scoped.brands } : {}),
    ...(scoped.colors.length ? { colors: scoped.colors } : {}),
    ...(scoped.sizes.length ? { sizes: scoped.sizes } : {}),
    ...(range ? { priceRange: range } : {}),
    ...(range && scoped.currency ? { currency: scoped.currency as SearchProductsQuery['currency'] } : {}),
    ...(sort === 'relevance' && !scoped.query ? {} : { sort }),
    ...(scoped.after ? { nextToken: scoped.after } : {}),
    maxResults: PAGE_SIZE,
  };
}

/** What a department or search page shows: a page of products, the total and the facets. */
export type BrowseResult = SearchProductsOutput;

/** Search, or browse when the query has no words; either way the API applies the caller's visibility to products and counts alike. */
export function searchProducts(api: ApiClient, query: SearchProductsQuery): Promise<BrowseResult> {
  return call(api.GET('/api/v1/products/search', { params: { query } }));
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
  const own = useQuery({
    ...getSearchQueryOptions(viewer.api, viewer.key, query),
    enabled: viewer.privileged,
    placeholderData: keepPreviousData,
  });
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
  const own = useQuery({
    ...getProductsQueryOptions(viewer.api, viewer.key, query),
    enabled: viewer.privileged,
    placeholderData: keepPreviousData,
  });
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
