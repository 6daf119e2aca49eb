import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';

export function getDevMailboxQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: ['admin', 'dev-mailbox'],
    queryFn: () => call(api.GET('/api/v1/admin/dev-mailbox', { params: { query: { maxResults: 100 } } })),
    staleTime: 0,
  });
}

export function useDevMailbox() {
  const { api } = useSession();
  return useQuery(getDevMailboxQueryOptions(api));
}
