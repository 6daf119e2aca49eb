import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../lib/api/schema.d.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';

export type PaymentListItem = components['schemas']['PaymentListItem'];
export type PaymentExceptionItem = components['schemas']['PaymentExceptionItem'];
export type TrialBalance = components['schemas']['TrialBalanceOutput'];
export type Statement = components['schemas']['StatementOutput'];
type Money = { amount: number; currency: string };

const newKey = () => crypto.randomUUID();

export function useAdminPayments(status: PaymentListItem['status'] | undefined) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['admin', 'payments', status ?? 'all'],
    queryFn: () => call(api.GET('/api/v1/admin/payments', { params: { query: { maxResults: 100, ...(status ? { status } : {}) } } })),
    staleTime: 0,
  });
}

export function useAdminPayment(paymentId: string | undefined) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['payments', paymentId],
    queryFn: () => call(api.GET('/api/v1/payments/{paymentId}/status', { params: { path: { paymentId: paymentId! } } })),
    enabled: Boolean(paymentId),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['admin'] });
    void queryClient.invalidateQueries({ queryKey: ['payments'] });
  };
}

/** Records money that arrived by wire (one Idempotency-Key per submitted receipt). */
export function useRecordBankReceipt() {
  const { api } = useSession();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { paymentId: string; amount: Money; note?: string }) =>
      call(
        api.POST('/api/v1/admin/payments/{paymentId}/bank-receipts', {
          params: { path: { paymentId: input.paymentId }, header: { 'idempotency-key': newKey() } },
          body: { amount: input.amount, ...(input.note ? { note: input.note } : {}) },
        }),
      ),
    onSettled: invalidate,
  });
}

export function useRefund() {
  const { api } = useSession();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { paymentId: string; amount: Money; reason?: string }) =>
      call(
        api.POST('/api/v1/payments/refund', {
          params: { header: { 'idempotency-key': newKey() } },
          body: { paymentId: input.paymentId, amount: input.amount, ...(input.reason ? { reason: input.reason } : {}) },
        }),
      ),
    onSettled: invalidate,
  });
}

export function useDecideRefund() {
  const { api } = useSession();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ refundId, approve }: { refundId: string; approve: boolean }) =>
      approve
        ? call(api.POST('/api/v1/payments/refunds/{refundId}/approve', { params: { path: { refundId } } }))
        : call(api.POST('/api/v1/payments/refunds/{refundId}/reject', { params: { path: { refundId } } })),
    onSettled: invalidate,
  });
}

export function usePaymentExceptions() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['admin', 'payment-exceptions'],
    queryFn: () => call(api.GET('/api/v1/admin/payments/exceptions')),
    staleTime: 0,
  });
}

export function useResolveException() {
  const { api } = useSession();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (exceptionId: string) =>
      call(api.POST('/api/v1/admin/payments/exceptions/{exceptionId}/resolve', { params: { path: { exceptionId } } })),
    onSettled: invalidate,
  });
}

export function useReconcileNow() {
  const { api } = useSession();
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: () => call(api.POST('/api/v1/admin/payments/reconcile')), onSettled: invalidate });
}

export function useTrialBalance() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['admin', 'trial-balance'],
    queryFn: () => call(api.GET('/api/v1/admin/ledger/trial-balance')),
    staleTime: 0,
  });
}

export function useRecordPayout() {
  const { api } = useSession();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { ownerKind: 'stylist' | 'house'; ownerId: string; amount: Money; reference: string; note?: string }) =>
      call(api.POST('/api/v1/admin/ledger/payouts', { params: { header: { 'idempotency-key': newKey() } }, body: input })),
    onSettled: invalidate,
  });
}

export function useMyStatement(month: string) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['statements', 'me', month],
    queryFn: () => call(api.GET('/api/v1/me/statements', { params: { query: { month } } })),
  });
}
