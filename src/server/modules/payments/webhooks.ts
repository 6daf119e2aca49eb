/**
 * Provider events (Stripe webhooks). Each event is applied once (inbound_events), in any order (what it says goes
 * through `applyIntent`, which only moves forward; refund totals only grow), and an event about a payment we have not
 * committed yet is refused with 503 so the provider delivers it again. The echo of a refund we made is recognised by
 * our id in its metadata (or its provider id) and changes nothing; a refund made elsewhere (the dashboard) is recorded.
 */
import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../../context.ts';
import { queryRows } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { recordInboundEvent } from '../../jobs/inbound-events.ts';
import type { ProviderEvent, ProviderRefund } from './providers/types.ts';
import { sealText } from '../../security/crypto.ts';
import { paymentRefunds, payments } from './schema.ts';
import { applyIntent, finishRefund, recordException, type PaymentRow } from './service.ts';

const BY = (type: string) => ({ actorId: null, reason: `Provider event ${type}`, kind: 'PROVIDER' as const });

async function alreadyApplied(ctx: AppContext, provider: string, eventId: string): Promise<boolean> {
  const rows = await queryRows(ctx.db, sql`select 1 from inbound_events where provider = ${provider} and event_id = ${eventId}`);
  return rows.length > 0;
}

/** Applies one verified event; 'duplicate' when it was applied before. Throws a 503 ApiError to be delivered again. */
export async function applyProviderEvent(
  ctx: AppContext,
  provider: 'stripe',
  event: ProviderEvent,
): Promise<'applied' | 'duplicate' | 'ignored'> {
  if (await alreadyApplied(ctx, provider, event.id)) return 'duplicate';
  const paymentId = event.intent?.paymentId ?? event.paymentId;
  const ref = event.intent?.ref ?? event.paymentRef;
  if (!paymentId && !ref) {
    await ctx.db.transaction((tx) => recordInboundEvent(tx, provider, event.id));
    return 'ignored';
  }
  const [p] = await ctx.db
    .select()
    .from(payments)
    .where(paymentId ? eq(payments.id, paymentId) : and(eq(payments.provider, provider), eq(payments.providerRef, ref!)));
  if (!p) throw new ApiError('ServiceUnavailableException', 'This payment is not recorded yet; deliver the event again later');
  if (event.intent) await applyIntent(ctx, p.id, event.intent, BY(event.type));
  for (const r of event.refunds ?? []) await applyProviderRefund(ctx, p.id, r, event.type);
  await ctx.db.transaction((tx) => recordInboundEvent(tx, provider, event.id));
  return 'applied';
}

async function applyProviderRefund(ctx: AppContext, paymentId: string, r: ProviderRefund, type: string): Promise<void> {
  if (r.status !== 'succeeded') return;
  const [ours] = await ctx.db
    .select()
    .from(paymentRefunds)
    .where(r.refundId ? eq(paymentRefunds.id, r.refundId) : eq(paymentRefunds.providerRef, r.ref));
  if (ours) {
    // Our own refund's echo: done once, whoever (our request, this event, the reconciler) gets there first.
    if (ours.status === 'PENDING') await finishRefund(ctx, ours.id, r.ref, BY(type));
    return;
  }
  // A refund nobody asked for here (made in the provider's dashboard): reserve it against the capture and record it.
  const recorded = await ctx.db.transaction(async (tx) => {
    const [p] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for('update');
    const payment = p as PaymentRow;
    if (payment.capturedMinor === 0) return 'not-captured' as const;
    const reserved = await tx
      .update(payments)
      .set({ refundReservedMinor: sql`${payments.refundReservedMinor} + ${r.amountMinor}`, updatedAt: new Date() })
      .where(and(eq(payments.id, paymentId), sql`${payments.refundReservedMinor} + ${r.amountMinor} <= ${payments.capturedMinor}`))
      .returning({ id: payments.id });
    if (reserved.length === 0) return 'too-much' as const;
    const [row] = await tx
      .insert(paymentRefunds)
      .values({
        id: uuidv7(),
        paymentId,
        amountMinor: r.amountMinor,
        currency: payment.currency,
        status: 'PENDING',
        origin: 'provider',
        reason: sealText(ctx.keys, 'Refunded at the provider')!,
        providerRef: r.ref,
      })
      .onConflictDoNothing()
      .returning();
    return row?.id;
  });
  if (recorded === 'not-captured')
    throw new ApiError('ServiceUnavailableException', 'The payment is not captured here yet; deliver the refund event again later');
  if (recorded === 'too-much') {
    await recordException(ctx.db, {
      kind: 'provider_refund_exceeds_capture',
      paymentId,
      message: `The provider reports a refund ${r.ref} larger than what is left on this payment.`,
    });
    return;
  }
  if (recorded) await finishRefund(ctx, recorded, r.ref, BY(type));
}
