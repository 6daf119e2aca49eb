import type { AppLoadContext } from 'react-router';
import { ApiProblem } from '../auth/problem.ts';
import { searchProducts, searchQueryOf, type BrowseResult, type SearchProductsQuery } from './api/products.ts';
import { serverApi } from './api/server.ts';
import type { FacetGroup, FacetOption } from './components/facet-sidebar.tsx';
import { sizeOrder } from './components/variant-picker.tsx';
import type { ProductFacets } from './present.ts';
import { readBrowseState, type BrowseState, type FacetKey } from './url-state.ts';

export type BrowseData = {
  state: BrowseState;
  query: SearchProductsQuery;
  result: BrowseResult | null;
  /** Why there is no result: the address asked for something the API refused (an expired page, say). */
  problem: string | null;
};

/** Loader half of a department or search page: the address's filters, searched as an anonymous visitor. */
export async function loadBrowse(context: AppLoadContext, request: Request, category?: string): Promise<BrowseData> {
  const state = readBrowseState(new URL(request.url).searchParams);
  const query = searchQueryOf(state, category);
  try {
    return { state, query, result: await searchProducts(serverApi(context), query), problem: null };
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 400) return { state, query, result: null, problem: error.message };
    throw error;
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function options(values: ProductFacets[keyof ProductFacets] | undefined, label: (v: { value: string; label?: string | undefined }) => string): FacetOption[] {
  return (values ?? []).map((v) => ({ value: v.value, label: label(v), count: v.count }));
}

/** The sidebar's groups from the API's facets; department pages leave out the category group (they link to sub-departments instead). */
export function facetGroups(facets: ProductFacets | undefined, withCategories: boolean): FacetGroup[] {
  const groups: FacetGroup[] = [];
  if (withCategories) groups.push({ key: 'categories', title: 'Department', options: options(facets?.categories, (v) => v.label ?? v.value) });
  groups.push({ key: 'brands', title: 'House', options: options(facets?.brands, (v) => v.label ?? v.value) });
  groups.push({ key: 'colors', title: 'Colour', options: options(facets?.colors, (v) => v.label ?? capitalise(v.value)) });
  groups.push({ key: 'sizes', title: 'Size', options: options(facets?.sizes, (v) => v.label ?? v.value).sort((a, b) => sizeOrder(a.value) - sizeOrder(b.value) || a.value.localeCompare(b.value)) });
  return groups;
}

/** Chip labels: the facet's display name where the API gave one. */
export function labelFrom(facets: ProductFacets | undefined): (key: FacetKey, value: string) => string {
  return (key, value) => {
    const found = facets?.[key]?.find((f) => f.value === value);
    return found?.label ?? (key === 'colors' ? capitalise(value) : value);
  };
}
