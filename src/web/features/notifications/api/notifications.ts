import { useEffect } from 'react';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../lib/api/schema.d.ts';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';

export type Notification = components['schemas']['Notification'];

export const NOTIFICATIONS_KEY = ['notifications'] as const;
export const UNREAD_KEY = ['notifications', 'unread'] as const;
const LIST_KEY = ['notifications', 'list'] as const;
const PAGE_SIZE = 20;

/** The centre, newest first, `maxResults` at a time; the answer carries the bell's number too. */
export function getNotifications(api: ApiClient, query: { maxResults?: number; nextToken?: string } = {}) {
  return call(api.GET('/api/v1/me/notifications', { params: { query } }));
}

/** The bell's number alone (a one-row page of the centre). */
export function getUnreadQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: UNREAD_KEY,
    queryFn: async () => (await getNotifications(api, { maxResults: 1 })).unread,
    // Kept fresh by the socket (and by polling while it is down), not by refetching on every mount.
    staleTime: Infinity,
  });
}

export function useUnreadNotifications(options: { pollEveryMs?: number } = {}) {
  const { api } = useSession();
  return useQuery({ ...getUnreadQueryOptions(api), refetchInterval: options.pollEveryMs ?? false });
}

export function getNotificationPagesQueryOptions(api: ApiClient) {
  return infiniteQueryOptions({
    queryKey: LIST_KEY,
    queryFn: ({ pageParam }) => getNotifications(api, { maxResults: PAGE_SIZE, ...(pageParam ? { nextToken: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextToken,
    staleTime: 5_000,
  });
}

export function useNotificationPages() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const pages = useInfiniteQuery(getNotificationPagesQueryOptions(api));
  // Each page carries the unread count: the bell follows whatever the centre last read.
  const unread = pages.data?.pages[0]?.unread;
  useEffect(() => {
    if (unread !== undefined) queryClient.setQueryData(UNREAD_KEY, unread);
  }, [unread, queryClient]);
  return pages;
}

/** Marks one notice read, or every one without an id; the bell takes the new number at once. */
export function useMarkNotificationsRead() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notificationId?: string) =>
      notificationId
        ? call(api.PUT('/api/v1/me/notifications/{notificationId}/read', { params: { path: { notificationId } } }))
        : call(api.PUT('/api/v1/me/notifications/read')),
    onSuccess: ({ unread }, notificationId) => {
      queryClient.setQueryData(UNREAD_KEY, unread);
      queryClient.setQueryData(LIST_KEY, (data: { pages: { notifications: Notification[]; unread: number }[] } | undefined) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                unread,
                notifications: page.notifications.map((n) =>
                  !notificationId || n.notificationId === notificationId ? { ...n, read: true } : n,
                ),
              })),
            }
          : data,
      );
    },
  });
}
