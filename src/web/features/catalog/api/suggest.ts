import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useViewer } from './viewer.ts';

export type { Suggestions } from './types.ts';

export function getSuggestions(api: ApiClient, q: string) {
  return call(api.GET('/api/v1/products/suggest', { params: { query: { q, limit: 6 } } }));
}

export function getSuggestionsQueryOptions(api: ApiClient, viewerKey: string, q: string) {
  return queryOptions({ queryKey: ['catalog', 'suggest', viewerKey, q], queryFn: () => getSuggestions(api, q), staleTime: 5 * 60_000 });
}

/** Suggestions for what has been typed so far; nothing for fewer than two characters. */
export function useSuggestions(q: string) {
  const viewer = useViewer();
  return useQuery({ ...getSuggestionsQueryOptions(viewer.api, viewer.key, q), enabled: q.length >= 2, placeholderData: keepPreviousData });
}
