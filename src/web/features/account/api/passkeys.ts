import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { registerPasskey } from '../../auth/passkeys.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';

export function getPasskeys(api: ApiClient) {
  return call(api.GET('/api/v1/auth/passkeys')).then((r) => r.passkeys);
}

export function getPasskeysQueryOptions(api: ApiClient) {
  return queryOptions({ queryKey: ['me', 'passkeys'], queryFn: () => getPasskeys(api) });
}

export function usePasskeys() {
  const { api } = useSession();
  return useQuery(getPasskeysQueryOptions(api));
}

export function useAddPasskey() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string | undefined) => registerPasskey(api, name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'passkeys'] }),
  });
}

export function useRemovePasskey() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (passkeyId: string) => call(api.DELETE('/api/v1/auth/passkeys/{passkeyId}', { params: { path: { passkeyId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['me', 'passkeys'] }),
  });
}
