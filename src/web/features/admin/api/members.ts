import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../lib/api/schema.d.ts';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';
import { updateUser, type UpdateUserInput } from '../../account/api/update-user.ts';

export type UserType = components['schemas']['UserType'];
export type Tier = components['schemas']['Tier'];
export type MemberFilters = { query?: string; userType?: UserType; tier?: Tier };

const PAGE_SIZE = 25;

/** Accounts matching the filters, newest first, a page at a time. */
export function getMembersQueryOptions(api: ApiClient, filters: MemberFilters) {
  return infiniteQueryOptions({
    queryKey: ['admin', 'members', filters],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/users', {
          params: { query: { ...filters, maxResults: PAGE_SIZE, ...(pageParam ? { nextToken: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextToken,
  });
}

export function useMembers(filters: MemberFilters) {
  const { api } = useSession();
  return useInfiniteQuery(getMembersQueryOptions(api, filters));
}

/** One account as an admin sees it. Opening a VIP's profile is written to the audit log by the server. */
export function getMemberQueryOptions(api: ApiClient, userId: string) {
  return queryOptions({
    queryKey: ['admin', 'member', userId],
    queryFn: () => call(api.GET('/api/v1/users/{userId}', { params: { path: { userId } } })).then((r) => r.user),
  });
}

export function useMember(userId: string) {
  const { api } = useSession();
  return useQuery(getMemberQueryOptions(api, userId));
}

export function useChangeRole(userId: string) {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userType: UserType) => call(api.PUT('/api/v1/users/{userId}/role', { params: { path: { userId } }, body: { userType } })),
    onSuccess: (result) => {
      queryClient.setQueryData(['admin', 'member', userId], result.user);
      void queryClient.invalidateQueries({ queryKey: ['admin', 'members'] });
    },
  });
}

export function useUpdateMember(userId: string) {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateUserInput) => updateUser(api, userId, input),
    onSuccess: (result) => {
      queryClient.setQueryData(['admin', 'member', userId], result.user);
      void queryClient.invalidateQueries({ queryKey: ['admin', 'members'] });
    },
  });
}
