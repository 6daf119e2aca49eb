/** The shop's data: the server-side bag, checkout quotes, orders, saved addresses and the house office's order desk. */
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../lib/api/authed-client.ts';
import { call } from '../../lib/api/problem.ts';
import type { components, paths } from '../../lib/api/schema.d.ts';
import { useSession } from '../auth/session.tsx';

export type Order = components['schemas']['Order'];
export type OrderStatus = components['schemas']['OrderStatus'];
export type OrderAddress = components['schemas']['OrderAddress'];
export type DeliveryOption = components['schemas']['DeliveryOption'];
export type BagLine = components['schemas']['Bag']['items'][number];
export type SavedAddress = components['schemas']['SavedAddress'];
export type CreateOrderInput = paths['/api/v1/orders']['post']['requestBody']['content']['application/json'];
export type QuoteInput = paths['/api/v1/orders/quote']['post']['requestBody']['content']['application/json'];
export type Quote = paths['/api/v1/orders/quote']['post']['responses']['200']['content']['application/json'];
export type TaxRate = components['schemas']['TaxRate'];
export type ListOrdersQuery = NonNullable<paths['/api/v1/orders']['get']['parameters']['query']>;

export const orderKeys = {
  all: ['orders'] as const,
  bag: ['orders', 'bag'] as const,
  addresses: ['orders', 'addresses'] as const,
  list: (filters: Partial<ListOrdersQuery>) => ['orders', 'list', filters] as const,
  one: (orderId: string) => ['orders', 'one', orderId] as const,
  taxRates: ['orders', 'tax-rates'] as const,
};

export function getBag(api: ApiClient) {
  return call(api.GET('/api/v1/bag'));
}

export function putBag(
  api: ApiClient,
  items: Array<{ productId: string; variantId?: string; quantity: number }>,
  mode: 'replace' | 'merge',
) {
  return call(api.PUT('/api/v1/bag', { body: { items, mode } }));
}

export function getAddressesQueryOptions(api: ApiClient) {
  return queryOptions({ queryKey: orderKeys.addresses, queryFn: () => call(api.GET('/api/v1/account/addresses')) });
}

export function useAddresses(enabled = true) {
  const { api } = useSession();
  return useQuery({ ...getAddressesQueryOptions(api), enabled });
}

export function useQuote() {
  const { api } = useSession();
  return useMutation({ mutationFn: (body: QuoteInput) => call(api.POST('/api/v1/orders/quote', { body })) });
}

/** Places the order; the key makes a retry of the same attempt (a double click, a lost answer) return the same order. */
export function usePlaceOrder() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateOrderInput; idempotencyKey: string }) =>
      call(api.POST('/api/v1/orders', { body, params: { header: { 'idempotency-key': idempotencyKey } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orderKeys.all }),
  });
}

export function getOrderQueryOptions(api: ApiClient, orderId: string) {
  return queryOptions({
    queryKey: orderKeys.one(orderId),
    queryFn: () => call(api.GET('/api/v1/orders/{orderId}', { params: { path: { orderId } } })),
  });
}

export function useOrder(orderId: string) {
  const { api } = useSession();
  return useQuery(getOrderQueryOptions(api, orderId));
}

const PAGE_SIZE = 20;

export function getOrdersQueryOptions(api: ApiClient, filters: Partial<ListOrdersQuery>) {
  return infiniteQueryOptions({
    queryKey: orderKeys.list(filters),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/orders', {
          params: { query: { maxResults: PAGE_SIZE, ...filters, ...(pageParam ? { nextToken: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextToken,
  });
}

export function useOrders(filters: Partial<ListOrdersQuery> = {}) {
  const { api } = useSession();
  return useInfiniteQuery(getOrdersQueryOptions(api, filters));
}

export function useCancelOrder(orderId: string) {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string | undefined) =>
      call(api.POST('/api/v1/orders/{orderId}/cancel', { params: { path: { orderId } }, body: reason ? { reason } : {} })),
    onSuccess: (data) => {
      queryClient.setQueryData(orderKeys.one(orderId), { order: data.order });
      return queryClient.invalidateQueries({ queryKey: ['orders', 'list'] });
    },
  });
}

export function useStepUp() {
  const { api, reloadUser } = useSession();
  return useMutation({
    mutationFn: async (code: string) => {
      await call(api.POST('/api/v1/auth/mfa/step-up', { body: { code } }));
      await reloadUser();
    },
  });
}

// ───────────── house office ─────────────

type AdminAction = 'approve' | 'processing' | 'deliver';

export function useAdminOrderAction(orderId: string) {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const done = (data: { order: Order }) => {
    queryClient.setQueryData(orderKeys.one(orderId), data);
    return queryClient.invalidateQueries({ queryKey: ['orders', 'list'] });
  };
  return {
    act: useMutation({
      mutationFn: ({ action, reason }: { action: AdminAction; reason?: string }) => {
        const body = reason ? { reason } : {};
        const params = { path: { orderId } };
        if (action === 'approve') return call(api.POST('/api/v1/admin/orders/{orderId}/approve', { params, body }));
        if (action === 'processing') return call(api.POST('/api/v1/admin/orders/{orderId}/processing', { params, body }));
        return call(api.POST('/api/v1/admin/orders/{orderId}/deliver', { params, body }));
      },
      onSuccess: done,
    }),
    ship: useMutation({
      mutationFn: (body: { carrier: string; trackingNumber: string; trackingUrl?: string }) =>
        call(api.POST('/api/v1/admin/orders/{orderId}/ship', { params: { path: { orderId } }, body })),
      onSuccess: done,
    }),
  };
}

export function useTaxRates() {
  const { api } = useSession();
  return useQuery({ queryKey: orderKeys.taxRates, queryFn: () => call(api.GET('/api/v1/admin/tax-rates')) });
}

export function usePutTaxRate() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ country, vatPercent, dutyPercent }: { country: string; vatPercent: number; dutyPercent: number }) =>
      call(api.PUT('/api/v1/admin/tax-rates/{country}', { params: { path: { country } }, body: { vatPercent, dutyPercent } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orderKeys.taxRates }),
  });
}
