import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';

/** The signed-in account's active sessions (refresh-token families), this one marked `current`. */
export function getSessions(api: ApiClient) {
  return call(api.GET('/api/v1/auth/sessions')).then((r) => r.sessions);
}

export function getSessionsQueryOptions(api: ApiClient) {
  return queryOptions({ queryKey: ['me', 'sessions'], queryFn: () => getSessions(api), staleTime: 0 });
}

export function useSessions() {
  const { api } = useSession();
  return useQuery(getSessionsQueryOptions(api));
}

export function useRevokeSession() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => call(api.DELETE('/api/v1/auth/sessions/{sessionId}', { params: { path: { sessionId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['me', 'sessions'] }),
  });
}

export function useRevokeOtherSessions() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.DELETE('/api/v1/auth/sessions')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['me', 'sessions'] }),
  });
}
