/** The house office's view of payments: the list, and what the reconciler could not repair. */
import { and, desc, eq, isNull, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext, RequestMeta } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import { toDto, type Currency } from '../../../shared/money.ts';
import { audit } from '../../audit/service.ts';
import { PaymentMoney, PaymentStatus } from './models.ts';
import { PAYMENT_STATUSES, paymentExceptions, payments, PROVIDERS } from './schema.ts';
import type { PaymentActor } from './service.ts';

function requireAdmin(actor: PaymentActor): void {
  if (actor.userType !== 'ADMIN') throw new ApiError('AccessDeniedException', 'Only the house office sees this');
}

export const ListPaymentsQuery = z.strictObject({
  status: z.enum(PAYMENT_STATUSES).optional(),
  provider: z.enum(PROVIDERS).optional(),
  maxResults: z.coerce.number().int().min(1).max(100).default(50),
  nextToken: z.uuid('nextToken is not valid; start again without it').optional(),
});
export const PaymentListItem = z
  .object({
    paymentId: z.string(),
    orderId: z.string(),
    clientId: z.string(),
    status: PaymentStatus,
    provider: z.string(),
    method: z.string(),
    amount: PaymentMoney,
    captured: PaymentMoney,
    refunded: PaymentMoney,
    received: PaymentMoney,
    bankReference: z.string().optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'PaymentListItem' });
export const PaymentList = z.object({ payments: z.array(PaymentListItem), nextToken: z.string().optional() }).meta({ id: 'PaymentList' });

export async function listPayments(
  ctx: AppContext,
  actor: PaymentActor,
  query: z.infer<typeof ListPaymentsQuery>,
): Promise<z.infer<typeof PaymentList>> {
  requireAdmin(actor);
  const where: SQL[] = [];
  if (query.status) where.push(eq(payments.status, query.status));
  if (query.provider) where.push(eq(payments.provider, query.provider));
  if (query.nextToken) where.push(lt(payments.id, query.nextToken));
  const rows = await ctx.db
    .select()
    .from(payments)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(payments.id))
    .limit(query.maxResults + 1);
  const page = rows.slice(0, query.maxResults);
  const m = (minor: number, currency: string) => toDto({ minor, currency: currency as Currency });
  return {
    payments: page.map((p) => ({
      paymentId: p.id,
      orderId: p.orderId,
      clientId: p.clientId,
      status: p.status,
      provider: p.provider,
      method: p.methodLabel,
      amount: m(p.amountMinor, p.currency),
      captured: m(p.capturedMinor, p.currency),
      refunded: m(p.refundedMinor, p.currency),
      received: m(p.receivedMinor, p.currency),
      ...(p.bankReference ? { bankReference: p.bankReference } : {}),
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    })),
    ...(rows.length > query.maxResults ? { nextToken: page.at(-1)!.id } : {}),
  };
}

export const PaymentExceptionItem = z
  .object({
    exceptionId: z.string(),
    kind: z.string(),
    paymentId: z.string().optional(),
    orderId: z.string().optional(),
    message: z.string(),
    occurrences: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'PaymentExceptionItem' });
export const PaymentExceptionList = z.object({ exceptions: z.array(PaymentExceptionItem) }).meta({ id: 'PaymentExceptionList' });

export async function listExceptions(ctx: AppContext, actor: PaymentActor): Promise<z.infer<typeof PaymentExceptionList>> {
  requireAdmin(actor);
  const rows = await ctx.db
    .select()
    .from(paymentExceptions)
    .where(isNull(paymentExceptions.resolvedAt))
    .orderBy(desc(paymentExceptions.createdAt))
    .limit(200);
  return {
    exceptions: rows.map((r) => ({
      exceptionId: r.id,
      kind: r.kind,
      ...(r.paymentId ? { paymentId: r.paymentId } : {}),
      ...(r.orderId ? { orderId: r.orderId } : {}),
      message: r.message,
      occurrences: r.occurrences,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

export async function resolveException(ctx: AppContext, actor: PaymentActor, exceptionId: string, meta: RequestMeta): Promise<void> {
  requireAdmin(actor);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(paymentExceptions)
      .set({ resolvedAt: new Date(), resolvedBy: actor.userId })
      .where(and(eq(paymentExceptions.id, exceptionId), isNull(paymentExceptions.resolvedAt)))
      .returning();
    if (!row) throw new ApiError('ResourceNotFoundException', 'exceptionId: no open exception has this id');
    await audit(tx, {
      action: 'payment.exception.resolved',
      actorId: actor.userId,
      details: { exceptionId, kind: row.kind, paymentId: row.paymentId },
      meta,
    });
  });
}
