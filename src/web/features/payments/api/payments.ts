import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components, paths } from '../../../lib/api/schema.d.ts';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';

type Body<P extends keyof paths, M extends 'post' | 'put'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type PaymentConfig = components['schemas']['PaymentConfigOutput'];
export type ProcessPaymentOutput = components['schemas']['ProcessPaymentOutput'];
export type PaymentStatusView = components['schemas']['GetPaymentStatusOutput'];
export type NextAction = components['schemas']['PaymentNextAction'];
export type SandboxCardBody = Body<'/api/v1/payments/sandbox/payment-methods', 'post'>;

export function getPaymentConfigQueryOptions(api: ApiClient) {
  return queryOptions({ queryKey: ['payments', 'config'], queryFn: () => call(api.GET('/api/v1/payments/config')), staleTime: 5 * 60_000 });
}

export function usePaymentConfig() {
  const { api } = useSession();
  return useQuery(getPaymentConfigQueryOptions(api));
}

export function getPaymentStatusQueryOptions(api: ApiClient, paymentId: string) {
  return queryOptions({
    queryKey: ['payments', paymentId],
    queryFn: () => call(api.GET('/api/v1/payments/{paymentId}/status', { params: { path: { paymentId } } })),
  });
}

export function usePaymentStatus(paymentId: string | undefined) {
  const { api } = useSession();
  return useQuery({ ...getPaymentStatusQueryOptions(api, paymentId ?? ''), enabled: Boolean(paymentId) });
}

/** An order's receipts, oldest first: one per payment that took money (a deposit and its balance are two) and per refund. */
export function useOrderReceipts(orderId: string, enabled = true) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['orders', orderId, 'receipts'],
    queryFn: () => call(api.GET('/api/v1/orders/{orderId}/receipts', { params: { path: { orderId } } })),
    enabled,
  });
}

/**
 * Pays an order. One Idempotency-Key per attempt (a card, a method): a double click or a retry after a lost answer
 * gets the first answer back and never charges twice.
 */
export function useProcessPayment() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { orderId: string; paymentMethodId: string; idempotencyKey: string }): Promise<ProcessPaymentOutput> =>
      call(
        api.POST('/api/v1/payments/process', {
          params: { header: { 'idempotency-key': input.idempotencyKey } },
          body: { orderId: input.orderId, paymentMethodId: input.paymentMethodId },
        }),
      ),
    onSuccess: (out) => void queryClient.invalidateQueries({ queryKey: ['payments', out.paymentId] }),
  });
}

/** The sandbox's card form turns a test card into a token, as Stripe.js would: the card never reaches a payment call. */
export function useSandboxCard() {
  const { api } = useSession();
  return useMutation({ mutationFn: (body: SandboxCardBody) => call(api.POST('/api/v1/payments/sandbox/payment-methods', { body })) });
}

export function useCompletePaymentAction() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { paymentId: string; challenge?: string; approve?: boolean }) =>
      call(
        api.POST('/api/v1/payments/{paymentId}/complete-action', {
          params: { path: { paymentId: input.paymentId } },
          body: {
            ...(input.challenge !== undefined ? { challenge: input.challenge } : {}),
            ...(input.approve !== undefined ? { approve: input.approve } : {}),
          },
        }),
      ),
    onSettled: (_out, _err, input) => void queryClient.invalidateQueries({ queryKey: ['payments', input.paymentId] }),
  });
}
