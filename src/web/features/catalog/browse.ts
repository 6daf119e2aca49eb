import type { AppLoadContext } from 'react-router';
import { SIZE_GROUPS, sizeRank } from '../../../shared/sizes.ts';
import { ApiProblem } from '../../lib/api/problem.ts';
import { searchProducts, searchQueryOf, type BrowseResult, type SearchProductsQuery } from './api/products.ts';
import { serverApi } from '../../lib/api/server.ts';
import type { FacetGroup, FacetOption } from './components/facet-sidebar.tsx';
import type { ProductFacets } from './present.ts';
import { readBrowseState, withinDepartment, type BrowseState, type Department, type FacetKey } from './url-state.ts';

export type BrowseData = {
  state: BrowseState;
  query: SearchProductsQuery;
  result: BrowseResult | null;
  /** Why there is no result: the address asked for something the API refused (an expired page, say). */
  problem: string | null;
};

/**
 * Loader half of a department or search page: the address's filters, searched as an anonymous visitor. A department
 * page passes its category, and the state it gets back keeps only that department's own sub-departments.
 */
export async function loadBrowse(context: AppLoadContext, request: Request, department?: Department): Promise<BrowseData> {
  const read = readBrowseState(new URL(request.url).searchParams);
  const state = department ? withinDepartment(read, department) : read;
  const query = searchQueryOf(state, department);
  try {
    return { state, query, result: await searchProducts(serverApi(context), query), problem: null };
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 400) return { state, query, result: null, problem: error.message };
    throw error;
  }
}

type CategoryTree = { slug: string; children: readonly CategoryTree[] };

/** A category and every category below it, for `withinDepartment`. */
export function departmentOf(category: CategoryTree): Department {
  const descendants: string[] = [];
  const walk = (node: CategoryTree) => {
    for (const child of node.children) {
      descendants.push(child.slug);
      walk(child);
    }
  };
  walk(category);
  return { slug: category.slug, descendants };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function options(
  values: ProductFacets[keyof ProductFacets] | undefined,
  label: (v: { value: string; label?: string | undefined }) => string,
): FacetOption[] {
  return (values ?? []).map((v) => ({ value: v.value, label: label(v), count: v.count, ...(v.group ? { group: v.group } : {}) }));
}

/** Sizes grouped by kind (clothing, shoes, rings, watches…) in the boutique's order, then as a shopper reads them. */
function bySizeKind(a: FacetOption, b: FacetOption): number {
  const group = (o: FacetOption) => SIZE_GROUPS.indexOf((o.group ?? 'Other') as (typeof SIZE_GROUPS)[number]);
  return group(a) - group(b) || sizeRank(a.value) - sizeRank(b.value) || a.value.localeCompare(b.value);
}

/**
 * The sidebar's groups from the API's facets. `categories` is 'all' on the search page; a department page passes its
 * sub-departments (the boutique its departments), offered in the tree's order rather than by count.
 */
export function facetGroups(facets: ProductFacets | undefined, categories: 'all' | readonly string[]): FacetGroup[] {
  const counted = options(facets?.categories, (v) => v.label ?? v.value);
  const byValue = new Map(counted.map((o) => [o.value, o]));
  const categoryOptions = categories === 'all' ? counted : categories.flatMap((slug) => byValue.get(slug) ?? []);
  const groups: FacetGroup[] = [];
  if (categoryOptions.length > 0) groups.push({ key: 'categories', title: 'Department', options: categoryOptions });
  groups.push({ key: 'brands', title: 'House', options: options(facets?.brands, (v) => v.label ?? v.value) });
  groups.push({ key: 'colors', title: 'Colour', options: options(facets?.colors, (v) => v.label ?? capitalise(v.value)) });
  groups.push({ key: 'sizes', title: 'Size', options: options(facets?.sizes, (v) => v.label ?? v.value).sort(bySizeKind) });
  return groups;
}

/** Chip labels: the facet's display name where the API gave one. */
export function labelFrom(facets: ProductFacets | undefined): (key: FacetKey, value: string) => string {
  return (key, value) => {
    const found = facets?.[key]?.find((f) => f.value === value);
    return found?.label ?? (key === 'colors' ? capitalise(value) : value);
  };
}
