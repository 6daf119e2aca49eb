import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../lib/api/schema.d.ts';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';

export type StylistStatus = components['schemas']['StylistStatus'];
export type VettingDecision = 'APPROVE' | 'REJECT' | 'SUSPEND';

/** The vetting queue: stylists by status, oldest first (admins). */
export function getVettingQueueQueryOptions(api: ApiClient, status: StylistStatus, pageSize = 20) {
  return infiniteQueryOptions({
    queryKey: ['admin', 'stylists', status, pageSize],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/admin/stylists', {
          params: { query: { status, maxResults: pageSize, ...(pageParam ? { nextToken: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextToken,
  });
}

export function useVettingQueue(status: StylistStatus, pageSize?: number) {
  const { api } = useSession();
  return useInfiniteQuery(getVettingQueueQueryOptions(api, status, pageSize));
}

/** Approve, reject or suspend a stylist, with notes the stylist can read. */
export function useVetStylist() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ stylistId, decision, notes }: { stylistId: string; decision: VettingDecision; notes?: string }) =>
      call(
        api.POST('/api/v1/stylists/{stylistId}/review', {
          params: { path: { stylistId } },
          body: { decision, ...(notes ? { notes } : {}) },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['admin', 'stylists'] });
      void queryClient.invalidateQueries({ queryKey: ['stylists'] });
    },
  });
}
