import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../lib/api/schema.d.ts';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';
import { NOTIFICATIONS_KEY } from './notifications.ts';

export type NotificationSettings = components['schemas']['NotificationSettings'];
export type NotificationPreference = components['schemas']['NotificationPreference'];
export type NotificationKind = NotificationPreference['kind'];
export type Channel = NotificationPreference['channel'];
export type UpdateNotificationSettingsInput = components['schemas']['UpdateNotificationSettingsInput'];

const SETTINGS_KEY = ['notification-settings'] as const;

export function getNotificationSettingsQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: SETTINGS_KEY,
    queryFn: () => call(api.GET('/api/v1/me/notification-settings')),
    staleTime: 30_000,
  });
}

export function useNotificationSettings() {
  const { api } = useSession();
  return useQuery(getNotificationSettingsQueryOptions(api));
}

/** Saves preferences or quiet hours; what is shown in the centre may change with them, so the centre is read again. */
export function useUpdateNotificationSettings() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationSettingsInput) => call(api.PUT('/api/v1/me/notification-settings', { body })),
    onSuccess: (settings, body) => {
      queryClient.setQueryData(SETTINGS_KEY, settings);
      if (body.preferences?.some((p) => p.channel === 'IN_APP')) void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
    },
  });
}
