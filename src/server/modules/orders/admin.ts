/** The house office's hand on orders: approve high value, ship with tracking, mark delivered, taxes and deposits. */
import { asc, eq, sql } from 'drizzle-orm';
import type { AppContext, RequestMeta } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import type { Actor } from '../../http/auth.ts';
import { sealFields } from '../../security/free-text.ts';
import { audit } from '../../audit/service.ts';
import type { Order } from './models.ts';
import { getOrder, orderActorOf } from './orders.ts';
import { depositRules, orders, taxRates } from './schema.ts';
import { applyTransition, approveInTx, loadOrderForPayment } from './state-machine.ts';

/** Approves a high-value order; payments captures the held funds (its hook) and moves it to PAID. */
export async function approveOrder(
  ctx: AppContext,
  admin: Actor,
  orderId: string,
  reason: string | undefined,
  meta: RequestMeta = {},
): Promise<Order> {
  await ctx.db.transaction(async (tx) => {
    const order = await approveInTx(tx, ctx.keys, orderId, orderActorOf(admin));
    await audit(tx, {
      action: 'orders.order.approved',
      actorId: admin.userId,
      targetUserId: order.clientId,
      details: sealFields(ctx.keys, { orderId, totalMinor: order.totalMinor, currency: order.currency, reason: reason ?? null }),
      meta,
    });
  });
  return getOrder(ctx, admin, orderId);
}

export async function markProcessing(ctx: AppContext, admin: Actor, orderId: string, meta: RequestMeta = {}): Promise<Order> {
  await ctx.db.transaction(async (tx) => {
    const moved = await applyTransition(tx, orderId, 'PROCESSING', {
      actor: orderActorOf(admin),
      reason: 'Being prepared',
      keys: ctx.keys,
    });
    await audit(tx, {
      action: 'orders.order.processing',
      actorId: admin.userId,
      targetUserId: moved.order.clientId,
      details: { orderId },
      meta,
    });
  });
  return getOrder(ctx, admin, orderId);
}

/** Ships with the carrier's tracking; refused while a deposit order's balance is unpaid. */
export async function shipOrder(
  ctx: AppContext,
  admin: Actor,
  orderId: string,
  input: { carrier: string; trackingNumber: string; trackingUrl?: string | undefined },
  meta: RequestMeta = {},
): Promise<Order> {
  await ctx.db.transaction(async (tx) => {
    const current = await loadOrderForPayment(tx, orderId, true);
    if (!current) throw new ApiError('ResourceNotFoundException', 'No such order');
    if (current.state !== 'SHIPPED' && current.paidMinor < current.totalMinor) {
      throw new ApiError('ConflictException', `Order ${current.number} still has a balance to pay before it can leave the house`);
    }
    await tx
      .update(orders)
      .set({ carrier: input.carrier, trackingNumber: input.trackingNumber, trackingUrl: input.trackingUrl ?? null, updatedAt: new Date() })
      .where(eq(orders.id, orderId));
    await applyTransition(tx, orderId, 'SHIPPED', {
      actor: orderActorOf(admin),
      reason: `${input.carrier} ${input.trackingNumber}`,
      keys: ctx.keys,
    });
    await audit(tx, {
      action: 'orders.order.shipped',
      actorId: admin.userId,
      targetUserId: current.clientId,
      details: { orderId, carrier: input.carrier, trackingNumber: input.trackingNumber },
      meta,
    });
  });
  return getOrder(ctx, admin, orderId);
}

export async function markDelivered(
  ctx: AppContext,
  admin: Actor,
  orderId: string,
  reason: string | undefined,
  meta: RequestMeta = {},
): Promise<Order> {
  await ctx.db.transaction(async (tx) => {
    const moved = await applyTransition(tx, orderId, 'DELIVERED', {
      actor: orderActorOf(admin),
      reason: reason ?? 'Delivered',
      keys: ctx.keys,
    });
    await audit(tx, {
      action: 'orders.order.delivered',
      actorId: admin.userId,
      targetUserId: moved.order.clientId,
      details: { orderId },
      meta,
    });
  });
  return getOrder(ctx, admin, orderId);
}

const presentRate = (r: typeof taxRates.$inferSelect) => ({
  country: r.country,
  vatPercent: r.vatBps / 100,
  dutyPercent: r.dutyBps / 100,
  updatedAt: r.updatedAt.toISOString(),
});

export async function listTaxRates(ctx: AppContext) {
  return (await ctx.db.select().from(taxRates).orderBy(asc(taxRates.country))).map(presentRate);
}

/** Sets a destination's VAT and duties (percent, two decimals); later orders use them, placed orders keep theirs. */
export async function putTaxRate(
  ctx: AppContext,
  admin: Actor,
  country: string,
  input: { vatPercent: number; dutyPercent: number },
  meta: RequestMeta = {},
) {
  const vatBps = Math.round(input.vatPercent * 100);
  const dutyBps = Math.round(input.dutyPercent * 100);
  const row = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(taxRates).where(eq(taxRates.country, country));
    const [saved] = await tx
      .insert(taxRates)
      .values({ country, vatBps, dutyBps, updatedBy: admin.userId })
      .onConflictDoUpdate({ target: taxRates.country, set: { vatBps, dutyBps, updatedBy: admin.userId, updatedAt: sql`now()` } })
      .returning();
    await audit(tx, {
      action: 'orders.taxRate.set',
      actorId: admin.userId,
      details: { country, vatBps, dutyBps, before: before ? { vatBps: before.vatBps, dutyBps: before.dutyBps } : null },
      meta,
    });
    return saved!;
  });
  return presentRate(row);
}

/** Lets a piece sold on enquiry or made to order be ordered against a deposit of `percent`; null removes the rule. */
export async function setDepositRule(
  ctx: AppContext,
  admin: Actor,
  productId: string,
  percent: number | null,
  meta: RequestMeta = {},
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (percent === null) await tx.delete(depositRules).where(eq(depositRules.productId, productId));
    else
      await tx
        .insert(depositRules)
        .values({ productId, percent, updatedBy: admin.userId })
        .onConflictDoUpdate({ target: depositRules.productId, set: { percent, updatedBy: admin.userId, updatedAt: sql`now()` } });
    await audit(tx, { action: 'orders.depositRule.set', actorId: admin.userId, details: { productId, percent }, meta });
  });
}
