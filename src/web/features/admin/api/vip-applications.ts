import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../lib/api/schema.d.ts';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';

export type VipApplicationStatus = components['schemas']['VipApplicationStatus'];
export type VipDecision = components['schemas']['VipDecisionInputInput'];

export function getVipApplicationsQueryOptions(api: ApiClient, status: VipApplicationStatus | undefined, pageSize = 20) {
  return infiniteQueryOptions({
    queryKey: ['admin', 'vip-applications', status ?? 'ALL', pageSize],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/vip/applications', {
          params: { query: { maxResults: pageSize, ...(status ? { status } : {}), ...(pageParam ? { nextToken: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextToken,
  });
}

export function useVipApplications(status: VipApplicationStatus | undefined, pageSize?: number) {
  const { api } = useSession();
  return useInfiniteQuery(getVipApplicationsQueryOptions(api, status, pageSize));
}

/** Approves or declines; approval makes the client VIP (and owes MFA enrolment from their next request). */
export function useDecideVipApplication() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ applicationId, decision }: { applicationId: string; decision: VipDecision }) =>
      call(api.POST('/api/v1/vip/applications/{applicationId}/decision', { params: { path: { applicationId } }, body: decision })),
    onSuccess: (application) => {
      void queryClient.invalidateQueries({ queryKey: ['admin', 'vip-applications'] });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'member', application.userId] });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'members'] });
    },
  });
}
