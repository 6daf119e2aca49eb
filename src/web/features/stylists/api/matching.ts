import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components, paths } from '../../../lib/api/schema.d.ts';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';

export type StylistMatch = components['schemas']['StylistMatch'];
export type MatchQuery = paths['/api/v1/matching/stylists']['get']['parameters']['query'];

/** MatchClientWithStylists: approved stylists scored for this client, with reasons and the next open slots. */
export function getMatches(api: ApiClient, query: MatchQuery) {
  return call(api.GET('/api/v1/matching/stylists', { params: { query } }));
}

export function getMatchesQueryOptions(api: ApiClient, query: MatchQuery) {
  return queryOptions({ queryKey: ['matching', query], queryFn: () => getMatches(api, query), staleTime: 5 * 60_000 });
}

export function useMatches(query: MatchQuery | null) {
  const { api } = useSession();
  return useQuery({ ...getMatchesQueryOptions(api, query ?? ({} as MatchQuery)), enabled: query !== null });
}
