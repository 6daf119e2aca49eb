import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components, paths } from '../../../lib/api/schema.d.ts';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';

export type StylistMatch = components['schemas']['StylistMatch'];
export type MatchQuery = paths['/api/v1/matching/stylists']['get']['parameters']['query'];
/** The quiz's answers as the API reads them, for anyone (a client's own id is added when signed in). */
export type IntroductionQuery = NonNullable<paths['/api/v1/matching/introductions']['get']['parameters']['query']>;

/** MatchClientWithStylists: approved stylists scored for this client, with reasons and the next open slots. */
export function getMatches(api: ApiClient, query: MatchQuery) {
  return call(api.GET('/api/v1/matching/stylists', { params: { query } }));
}

/** IntroduceStylists: the same for a visitor, from the answers alone. */
export function getIntroductions(api: ApiClient, query: IntroductionQuery) {
  return call(api.GET('/api/v1/matching/introductions', { params: { query } }));
}

export function getIntroductionsQueryOptions(api: ApiClient, query: IntroductionQuery, clientId: string | undefined) {
  return queryOptions({
    queryKey: ['matching', clientId ?? 'visitor', query],
    // A client is matched as themselves (their saved styles count); a visitor from the answers given.
    queryFn: () => (clientId ? getMatches(api, { ...query, clientId }) : getIntroductions(api, query)),
    staleTime: 5 * 60_000,
  });
}

export function useIntroductions(query: IntroductionQuery | null, clientId: string | undefined) {
  const { api } = useSession();
  return useQuery({ ...getIntroductionsQueryOptions(api, query ?? {}, clientId), enabled: query !== null });
}
