import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';

/** A client's own VIP applications, newest first (the server scopes the list to the caller). */
export function getMyVipApplicationsQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: ['me', 'vip-applications'],
    queryFn: () => call(api.GET('/api/v1/vip/applications', { params: { query: { maxResults: 10 } } })).then((r) => r.applications),
  });
}

export function useMyVipApplications() {
  const { api } = useSession();
  return useQuery(getMyVipApplicationsQueryOptions(api));
}

export function useApplyForVip() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) => call(api.POST('/api/v1/vip/applications', { body: { note } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'vip-applications'] }),
  });
}
