import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../lib/api/schema.d.ts';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';

export type JobView = components['schemas']['JobView'];
export type FailedJobStatus = 'dead' | 'retrying';

export function getFailedJobsQueryOptions(api: ApiClient, status: FailedJobStatus) {
  return queryOptions({
    queryKey: ['admin', 'jobs', status],
    queryFn: () => call(api.GET('/api/v1/admin/jobs', { params: { query: { status, maxResults: 100 } } })),
    staleTime: 0,
  });
}

export function useFailedJobs(status: FailedJobStatus) {
  const { api } = useSession();
  return useQuery(getFailedJobsQueryOptions(api, status));
}

/** Retry (run again now, fresh attempts) or discard (drop for good) one failed job. */
export function useJobAction() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ jobId, action }: { jobId: string; action: 'retry' | 'discard' }): Promise<void> => {
      const path = { params: { path: { jobId } } };
      if (action === 'retry') await call(api.POST('/api/v1/admin/jobs/{jobId}/retry', path));
      else await call(api.DELETE('/api/v1/admin/jobs/{jobId}', path));
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['admin', 'jobs'] }),
  });
}
