import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';

export type { WishlistOutput } from './types.ts';

export function getWishlist(api: ApiClient) {
  return call(api.GET('/api/v1/me/wishlist'));
}

export function getWishlistQueryOptions(api: ApiClient, userId: string) {
  return queryOptions({ queryKey: ['catalog', 'wishlist', userId], queryFn: () => getWishlist(api) });
}

/** The signed-in client's saved pieces; nothing is fetched for anyone else. */
export function useWishlist() {
  const session = useSession();
  const userId = session.status === 'signed-in' ? session.user.userId : '';
  return useQuery({ ...getWishlistQueryOptions(session.api, userId), enabled: session.status === 'signed-in' });
}

export function useToggleWishlist() {
  const session = useSession();
  const queryClient = useQueryClient();
  const userId = session.status === 'signed-in' ? session.user.userId : '';
  return useMutation({
    mutationFn: ({ productId, save }: { productId: string; save: boolean }) =>
      save
        ? call(session.api.PUT('/api/v1/me/wishlist/{productId}', { params: { path: { productId } } }))
        : call(session.api.DELETE('/api/v1/me/wishlist/{productId}', { params: { path: { productId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['catalog', 'wishlist', userId] }),
  });
}
