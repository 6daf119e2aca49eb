/**
 * Payments' background work on the durable queue: what orders tells us (cancelled, approved), refunds the provider
 * has not confirmed yet, abandoned authorizations, authorizations near their deadline, and the reconciler.
 */
import type { Config } from '../../config.ts';
import { openText } from '../../security/crypto.ts';
import type { JobDefinition } from '../../jobs/types.ts';
import {
  cancelAtProvider,
  captureDueAuthorizations,
  EXECUTE_REFUND_JOB,
  executeRefund,
  onOrderApproved,
  onOrderCancelled,
  ORDER_APPROVED_JOB,
  ORDER_CANCELLED_JOB,
  reconcile,
} from './service.ts';

export function paymentJobs(config: Pick<Config, 'PAYMENTS_RECONCILE_INTERVAL_SECONDS'>): JobDefinition[] {
  const jobs: JobDefinition[] = [
    {
      name: ORDER_CANCELLED_JOB,
      handle: async (ctx, payload) => {
        const p = payload as { orderId: string; actorId?: string | null; reason?: string };
        await onOrderCancelled(ctx, p.orderId, p.actorId ?? null, openText(ctx.keys, p.reason) || 'Order cancelled');
      },
    },
    {
      name: ORDER_APPROVED_JOB,
      handle: async (ctx, payload) => {
        const p = payload as { orderId: string; actorId?: string | null };
        await onOrderApproved(ctx, p.orderId, p.actorId ?? null);
      },
    },
    {
      // A refund's provider call is made at once by the request; this run is the safety net after a crash.
      name: EXECUTE_REFUND_JOB,
      maxAttempts: 10,
      handle: async (ctx, payload) => {
        await executeRefund(ctx, (payload as { refundId: string }).refundId, { actorId: null, reason: 'Refund (retried)' });
      },
    },
    {
      name: 'payments.cancel-at-provider',
      handle: async (ctx, payload) => cancelAtProvider(ctx, (payload as { paymentId: string }).paymentId),
    },
    {
      name: 'payments.capture-due-authorizations',
      every: { seconds: 900 },
      maxAttempts: 1,
      handle: async (ctx) => void (await captureDueAuthorizations(ctx)),
    },
  ];
  if (config.PAYMENTS_RECONCILE_INTERVAL_SECONDS > 0) {
    jobs.push({
      name: 'payments.reconcile',
      every: { seconds: config.PAYMENTS_RECONCILE_INTERVAL_SECONDS },
      maxAttempts: 1,
      handle: async (ctx) => void (await reconcile(ctx)),
    });
  }
  return jobs;
}
