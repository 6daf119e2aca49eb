import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useViewer } from './viewer.ts';

import type { Category, Collection, GetCollectionOutput } from './types.ts';

export type { Brand, Category, Collection, GetCategoryOutput, GetCollectionOutput } from './types.ts';

/** The category tree; with counts of the pieces the caller may see (the storefront), without for the back office. */
export function listCategories(api: ApiClient, withCounts = true) {
  return call(api.GET('/api/v1/categories', { params: { query: withCounts ? { withCounts: 'true' } : {} } })).then((r) => r.categories);
}

export function getCategoriesQueryOptions(api: ApiClient, viewerKey = 'public') {
  return queryOptions({ queryKey: ['catalog', 'categories', viewerKey], queryFn: () => listCategories(api), staleTime: 5 * 60_000 });
}

export function useCategories() {
  const viewer = useViewer();
  return useQuery(getCategoriesQueryOptions(viewer.api, viewer.key));
}

export function getCategory(api: ApiClient, slug: string) {
  return call(api.GET('/api/v1/categories/{slug}', { params: { path: { slug } } }));
}

export function listBrands(api: ApiClient, withCounts = false) {
  return call(api.GET('/api/v1/brands', { params: { query: withCounts ? { withCounts: 'true' } : {} } })).then((r) => r.brands);
}

export function getBrandsQueryOptions(api: ApiClient, viewerKey = 'public') {
  return queryOptions({ queryKey: ['catalog', 'brands', viewerKey], queryFn: () => listBrands(api), staleTime: 5 * 60_000 });
}

export function useBrands() {
  const viewer = useViewer();
  return useQuery(getBrandsQueryOptions(viewer.api, viewer.key));
}

export function listCollections(api: ApiClient) {
  return call(api.GET('/api/v1/collections')).then((r) => r.collections);
}

export function getCollectionsQueryOptions(api: ApiClient, viewerKey = 'public') {
  return queryOptions({ queryKey: ['catalog', 'collections', viewerKey], queryFn: () => listCollections(api) });
}

export function useCollections() {
  const viewer = useViewer();
  return useQuery(getCollectionsQueryOptions(viewer.api, viewer.key));
}

/** The collections list: the server's public one, or a VIP's own (with their collections unlocked). */
export function useCollectionsForViewer(serverData: Collection[]): Collection[] {
  const viewer = useViewer();
  const own = useQuery({ ...getCollectionsQueryOptions(viewer.api, viewer.key), enabled: viewer.privileged });
  return (viewer.privileged ? own.data : undefined) ?? serverData;
}

export function getCollection(api: ApiClient, slug: string, nextToken?: string) {
  return call(
    api.GET('/api/v1/collections/{slug}', { params: { path: { slug }, query: { maxResults: 48, ...(nextToken ? { nextToken } : {}) } } }),
  );
}

export function getCollectionQueryOptions(api: ApiClient, viewerKey: string, slug: string, nextToken?: string) {
  return queryOptions({
    queryKey: ['catalog', 'collection', viewerKey, slug, nextToken ?? ''],
    queryFn: () => getCollection(api, slug, nextToken),
    retry: false,
  });
}

/** A collection as this visitor may see it: the server's public answer first; a VIP's own answer unlocks it. */
export function useCollection(slug: string, nextToken: string | undefined, serverData: GetCollectionOutput | null) {
  const viewer = useViewer();
  const own = useQuery({ ...getCollectionQueryOptions(viewer.api, viewer.key, slug, nextToken), enabled: viewer.privileged });
  return {
    data: (viewer.privileged ? own.data : undefined) ?? serverData,
    pending: viewer.status === 'unknown' || (viewer.privileged && own.isPending),
    viewer,
  };
}

/** Flattens the tree, parents before children, with each node's depth. */
export function flattenCategories(roots: readonly Category[], depth = 0): { category: Category; depth: number }[] {
  return roots.flatMap((c) => [{ category: c, depth }, ...flattenCategories(c.children, depth + 1)]);
}
