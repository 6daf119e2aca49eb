import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession, useSignedInUser } from '../../auth/session.tsx';

export function getContactSharesQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: ['me', 'privacy', 'shares'],
    queryFn: () => call(api.GET('/api/v1/me/privacy/shares')).then((r) => r.shares),
  });
}

export function useContactShares() {
  const { api } = useSession();
  return useQuery(getContactSharesQueryOptions(api));
}

export function getProfileViewsQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: ['me', 'profile-views'],
    queryFn: () => call(api.GET('/api/v1/me/profile-views', { params: { query: { maxResults: 20 } } })).then((r) => r.views),
  });
}

export function useProfileViews() {
  const { api } = useSession();
  return useQuery(getProfileViewsQueryOptions(api));
}

/** Turns privacy mode on or off and keeps the session's user in step. */
export function useSetPrivacyMode() {
  const session = useSession();
  const user = useSignedInUser();
  return useMutation({
    mutationFn: (privacyMode: boolean) => call(session.api.PUT('/api/v1/me/privacy', { body: { privacyMode } })),
    onSuccess: (settings) => session.setUser({ ...user, privacyMode: settings.privacyMode, alias: settings.alias }),
  });
}

export function useShareContact() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => call(api.POST('/api/v1/me/privacy/shares', { body: { userId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'privacy', 'shares'] }),
  });
}

export function useUnshareContact() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => call(api.DELETE('/api/v1/me/privacy/shares/{userId}', { params: { path: { userId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['me', 'privacy', 'shares'] }),
  });
}
