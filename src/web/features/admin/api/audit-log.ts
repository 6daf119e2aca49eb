import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';

export type AuditFilters = { action?: string; actorId?: string; targetUserId?: string; from?: string; to?: string };

export function getAuditLogQueryOptions(api: ApiClient, filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: ['admin', 'audit-log', filters],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/admin/audit-log', {
          params: { query: { ...filters, maxResults: 50, ...(pageParam ? { nextToken: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextToken,
    staleTime: 0,
  });
}

export function useAuditLog(filters: AuditFilters) {
  const { api } = useSession();
  return useInfiniteQuery(getAuditLogQueryOptions(api, filters));
}
