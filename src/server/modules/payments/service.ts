/**
 * Payments (decision 010): ProcessPayment, RefundPayment, GetPaymentStatus, bank transfers, and the one place where
 * what a provider says becomes our state (`applyIntent`). The shape of every money-moving step is the same:
 *   1. record our intention (a PENDING payment, a PENDING refund) and commit;
 *   2. call the provider with an idempotency key made of our id (a retry finds the first attempt);
 *   3. in one transaction: move our row forward, post the ledger, move the order, enqueue the email, audit.
 * A crash between any two steps leaves a row the reconciler completes or undoes by asking the provider again.
 * States only move forward, so a webhook, the reconciler and the request itself may all apply the same news in any order.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AppContext, RequestMeta } from '../../context.ts';
import { preparedRows, queryRows, type Db, type Tx } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { enqueue } from '../../jobs/queue.ts';
import { fromDecimal, toDto, type Currency, type MoneyDto } from '../../../shared/money.ts';
import { audit, auditPreparedStatement, auditStatement, auditValues } from '../../audit/service.ts';
import { openText, sealText } from '../../security/crypto.ts';
import { sealFields } from '../../security/free-text.ts';
import type { Keys } from '../../security/keys.ts';
import {
  postReceipt,
  postReceiptAndSale,
  postRefund,
  postSale,
  saleRatesOf,
  saleRatesPreparedQuery,
  saleRatesValues,
  type RateTuple,
  type ReceiptInput,
  type SaleRates,
} from '../ledger/service.ts';
import { fault } from './faults.ts';
import type {
  GetPaymentStatusOutput,
  ProcessPaymentInput,
  ProcessPaymentOutput,
  Refund,
  RefundPaymentInput,
  RefundPaymentOutput,
} from './models.ts';
import { notifyAuthorizationLost, notifyBankTransferInstructions, notifyPaymentReceived, notifyRefund } from './notifications.ts';
import { orders, type ActorKind, type OrderStatus, type PayableOrder } from './order-port.ts';
import { isSandboxPaymentMethod, type SandboxProvider } from './providers/sandbox.ts';
import { ProviderError, type ProviderIntent } from './providers/types.ts';
import { bankTransferReceipts, paymentExceptions, paymentRefunds, payments, type PaymentPurpose, type PaymentStatus } from './schema.ts';

/** Who acts: a signed-in person, or the platform itself (a job, a webhook) with no user id. */
export interface PaymentActor {
  userId: string;
  userType: string;
}
interface By {
  actorId: string | null;
  reason: string;
  meta?: RequestMeta;
  /** Who this is for the order's timeline (default: the client when there is an actor, else the platform). */
  kind?: ActorKind;
}

export type PaymentRow = typeof payments.$inferSelect;
type RefundRow = typeof paymentRefunds.$inferSelect;

export const ORDER_CANCELLED_JOB = 'payments.order-cancelled';
export const ORDER_APPROVED_JOB = 'payments.order-approved';
export const EXECUTE_REFUND_JOB = 'payments.execute-refund';
const BANK_TRANSFER = 'bank_transfer';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How long an order waits for a bank transfer (its pieces stay reserved). */
const BANK_TRANSFER_DAYS = 14;

// ───────────────────────────── helpers ─────────────────────────────

const fieldError = (field: string, message: string) =>
  new ApiError('ValidationException', `${field.replace(/^body\./, '')}: ${message}`, { fieldErrors: { [field]: [message] } });
const money = (minor: number, currency: string) => toDto({ minor, currency: currency as Currency });

/** What the audit log keeps of a payment being started, on the one-statement path and the transaction alike. */
const startedDetails = (
  paymentId: string,
  order: { orderId: string; currency: string },
  due: { amountMinor: number; purpose: string },
  provider: string,
) => ({ paymentId, orderId: order.orderId, amount: money(due.amountMinor, order.currency), provider, purpose: due.purpose });
/** Forward order of states: a state with a lower rank never overwrites one with a higher rank. */
const RANK: Record<PaymentStatus, number> = {
  PENDING: 0,
  REQUIRES_ACTION: 1,
  FAILED: 2,
  AUTHORIZED: 3,
  SUCCEEDED: 4,
  CANCELLED: 4,
  PARTIALLY_REFUNDED: 5,
  REFUNDED: 6,
};
const PAYABLE_ORDER: OrderStatus[] = ['PENDING_PAYMENT', 'AWAITING_APPROVAL'];
/** States in which the balance of an order placed against a deposit may be paid: paid, not yet left the house. */
const BALANCE_PAYABLE: OrderStatus[] = ['PAID', 'PROCESSING'];

/** What remains to pay on an order placed against a deposit, once its deposit is paid (0 otherwise). */
function balanceDueOf(order: PayableOrder): number {
  if (order.fullPayment || !BALANCE_PAYABLE.includes(order.status)) return 0;
  return Math.max(0, order.orderTotalMinor - order.paidMinor);
}
const REFUNDABLE_ORDER: OrderStatus[] = ['PAID', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'PARTIALLY_REFUNDED', 'AWAITING_APPROVAL'];

function statusFrom(intent: ProviderIntent): PaymentStatus {
  switch (intent.status) {
    case 'requires_action':
      return 'REQUIRES_ACTION';
    case 'processing':
      return 'PENDING';
    case 'authorized':
      return 'AUTHORIZED';
    case 'succeeded':
      return 'SUCCEEDED';
    case 'failed':
      return 'FAILED';
    case 'canceled':
      return 'CANCELLED';
  }
}

async function loadPayment(db: Db, paymentId: string, lock = false): Promise<PaymentRow | undefined> {
  const q = db.select().from(payments).where(eq(payments.id, paymentId));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

function mailOf(p: PaymentRow, order: PayableOrder) {
  return {
    clientId: p.clientId,
    orderId: p.orderId,
    orderNumber: order.orderNumber,
    currency: p.currency as Currency,
    amountMinor: p.amountMinor,
  };
}

function output(p: PaymentRow): ProcessPaymentOutput {
  return {
    paymentId: p.id,
    status: p.status,
    ...(p.providerRef ? { transactionId: p.providerRef } : {}),
    ...(p.nextAction && (p.status === 'REQUIRES_ACTION' || (p.provider === BANK_TRANSFER && p.status === 'PENDING'))
      ? { nextAction: nextActionOf(p) }
      : {}),
    ...(p.declineCode ? { declineCode: p.declineCode } : {}),
    ...(p.failureMessage ? { message: p.failureMessage } : {}),
  };
}

function nextActionOf(p: PaymentRow): ProcessPaymentOutput['nextAction'] {
  const a = p.nextAction ?? {};
  if (a.type === 'redirect') return { type: 'redirect', url: a.url! };
  if (a.type === 'stripe_sdk') return { type: 'stripe_sdk', clientSecret: a.clientSecret!, publishableKey: a.publishableKey! };
  return {
    type: 'bank_transfer',
    reference: a.reference!,
    beneficiary: a.beneficiary!,
    iban: a.iban!,
    bic: a.bic!,
    amount: money(p.amountMinor - p.receivedMinor, p.currency),
  };
}

/** The order, if the caller may pay for it: anyone else's order is "not found", naming the field. */
async function payableOrderOf(db: Db, actor: PaymentActor, orderId: string): Promise<PayableOrder> {
  const order = await orders().getOrderForPayment(db, orderId);
  if (!order || order.clientId !== actor.userId) {
    throw new ApiError('ResourceNotFoundException', 'orderId: no order of yours has this id', {
      fieldErrors: { 'body.orderId': ['No order of yours has this id'] },
    });
  }
  return order;
}

// ───────────────────────────── ProcessPayment ─────────────────────────────

/**
 * Pays an order: by card (authorize, then capture unless the order waits for approval) or by bank transfer
 * (instructions with a unique reference). Bad input is refused before anything is written. A second call for an
 * order whose payment is under way resumes that payment (the provider recognises our id), never charges twice.
 */
export async function processPayment(
  ctx: AppContext,
  actor: PaymentActor,
  input: ProcessPaymentInput,
  meta: RequestMeta = {},
): Promise<ProcessPaymentOutput> {
  const order = await payableOrderOf(ctx.db, actor, input.orderId);
  // An order placed against a deposit is paid twice: the deposit (with the order), then the balance before delivery.
  const balance = balanceDueOf(order);
  const due: Due = balance > 0 ? { purpose: 'BALANCE', amountMinor: balance } : { purpose: 'ORDER', amountMinor: order.totalMinor };
  if (input.currency !== undefined && input.currency !== order.currency) {
    throw fieldError('body.currency', `This order is settled in ${order.currency}`);
  }
  if (input.amount) {
    if (input.amount.currency !== order.currency) throw fieldError('body.amount.currency', `This order is settled in ${order.currency}`);
    const sent = fromDecimal(input.amount.amount, input.amount.currency).minor;
    if (sent !== due.amountMinor)
      throw fieldError(
        'body.amount.amount',
        `${due.purpose === 'BALANCE' ? "The order's balance" : "The order's total"} is ${toDto({ minor: due.amountMinor, currency: order.currency }).amount} ${order.currency}`,
      );
  }
  if (due.purpose === 'ORDER' && (!PAYABLE_ORDER.includes(order.status) || order.status === 'AWAITING_APPROVAL')) {
    const existing = await livePaymentOf(ctx.db, order.orderId);
    if (existing) return output(existing);
    throw new ApiError('ConflictException', `Order ${order.orderNumber} is ${order.status}: there is nothing to pay`);
  }
  const bank = input.paymentMethodId === BANK_TRANSFER;
  if (!bank) {
    const usd = order.totalMinor > 0 ? Math.round((order.usdEquivalentMinor * due.amountMinor) / order.totalMinor) : 0;
    if (usd > ctx.config.CARD_LIMIT * 100) {
      throw fieldError(
        'body.paymentMethodId',
        `Above ${ctx.config.CARD_LIMIT.toLocaleString('en-US')} USD, please pay by bank transfer (paymentMethodId "bank_transfer")`,
      );
    }
    if (ctx.adapters.payments.name === 'sandbox' && !isSandboxPaymentMethod(input.paymentMethodId)) {
      throw fieldError('body.paymentMethodId', 'Not a payment method of the sandbox: use a test card token, or "bank_transfer"');
    }
    if (ctx.adapters.payments.name === 'stripe' && !/^pm_[A-Za-z0-9_]+$/.test(input.paymentMethodId)) {
      throw fieldError('body.paymentMethodId', 'Not a Stripe payment method id (pm_…), nor "bank_transfer"');
    }
  }

  const payment = await recordPayment(ctx, actor, order, due, input.paymentMethodId, bank, meta);
  fault('payment.recorded');
  if (bank || payment.status !== 'PENDING') return output(payment);
  return output(await authorizeAndApply(ctx, payment, order, { actorId: actor.userId, reason: 'Payment by the client', meta }));
}

/** What a payment is for, and how much it takes. */
interface Due {
  purpose: PaymentPurpose;
  amountMinor: number;
}

async function livePaymentOf(db: Db, orderId: string, purpose: PaymentPurpose = 'ORDER'): Promise<PaymentRow | undefined> {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.orderId, orderId), eq(payments.purpose, purpose), sql`${payments.status} not in ('FAILED', 'CANCELLED')`));
  return row;
}

/**
 * The first attempt's one statement (below), built once per database and orders port and prepared by name: the
 * payment, the order showing it (`showOnOrder`) and the audit entry, all or none.
 */
function firstAttemptStatement(db: Db, showOnOrder: boolean) {
  const port = orders();
  const key = `${showOnOrder}`;
  let byDb = firstAttempts.get(port);
  if (!byDb) firstAttempts.set(port, (byDb = new WeakMap()));
  let cached = byDb.get(db);
  if (!cached) byDb.set(db, (cached = new Map()));
  let q = cached.get(key);
  if (!q) {
    const ph = sql.placeholder;
    const inserted = sql`exists (select 1 from p)`;
    const p = db.$with('p').as(
      db
        .insert(payments)
        .values({
          id: ph('id'),
          orderId: ph('orderId'),
          clientId: ph('clientId'),
          provider: ph('provider'),
          purpose: ph('purpose'),
          status: 'PENDING',
          currency: ph('currency'),
          amountMinor: ph('amountMinor'),
          paymentMethodId: ph('paymentMethodId'),
        })
        .onConflictDoNothing()
        .returning(),
    );
    const showing = db.$with('o', {}).as(showOnOrder ? port.setPaymentIdStatement(ph('orderId'), ph('id'), inserted) : sql`select 1`);
    const audited = db.$with('a', {}).as(auditPreparedStatement('audit', inserted));
    const query = db.with(p, showing, audited).select().from(p);
    // Named after its text: another orders port (a test double) writes another statement.
    const name = `payments_first_attempt_${createHash('sha1').update(query.toSQL().sql).digest('hex').slice(0, 12)}`;
    cached.set(key, (q = query.prepare(name)));
  }
  return q;
}
interface FirstAttempt {
  execute(values: Record<string, unknown>): Promise<PaymentRow[]>;
}
const firstAttempts = new WeakMap<object, WeakMap<Db, Map<string, FirstAttempt>>>();

/**
 * Step 1: the PENDING row, committed before any provider call. One live payment per order (a unique index): a
 * payment already under way with the same method is resumed; one waiting for 3-D Secure, or a bank transfer
 * nothing arrived for, is replaced by the new choice; anything further along is a conflict.
 */
async function recordPayment(
  ctx: AppContext,
  actor: PaymentActor,
  order: PayableOrder,
  due: Due,
  paymentMethodId: string,
  bank: boolean,
  meta: RequestMeta,
): Promise<PaymentRow> {
  // The order shows its first payment (the deposit's, for a deposit order); a balance is found by its purpose.
  const showOnOrder = due.purpose === 'ORDER';
  if (!bank) {
    // The usual case, the order's first attempt, needs no lock: the unique index on live payments lets the insert in
    // only when no payment of this order is under way; otherwise nothing is written and the careful path decides.
    // One statement, committed on its own: the payment, the order showing it and the audit entry, all or none. The
    // payment answered is the row the insert wrote, its defaults (amounts at zero, times) from the table itself.
    const id = uuidv7();
    const provider = ctx.adapters.payments.name;
    const [row] = await firstAttemptStatement(ctx.db, showOnOrder).execute({
      id,
      orderId: order.orderId,
      clientId: order.clientId,
      provider,
      purpose: due.purpose,
      currency: order.currency,
      amountMinor: due.amountMinor,
      paymentMethodId,
      ...auditValues('audit', {
        action: 'payment.started',
        actorId: actor.userId,
        targetUserId: order.clientId,
        details: startedDetails(id, order, due, provider),
        meta,
      }),
    });
    if (row) return row;
  }
  return ctx.db.transaction(async (tx) => {
    // Serialise attempts on one order: the live-payment check and the insert see the same world.
    await queryRows(tx, sql`select pg_advisory_xact_lock(hashtext(${`payment:${order.orderId}`}))`);
    const existing = await livePaymentOf(tx, order.orderId, due.purpose);
    if (existing) {
      if (existing.paymentMethodId === paymentMethodId && (existing.status === 'PENDING' || existing.status === 'REQUIRES_ACTION'))
        return existing;
      const replaceable =
        existing.status === 'REQUIRES_ACTION' ||
        (existing.provider === BANK_TRANSFER && existing.status === 'PENDING' && existing.receivedMinor === 0);
      if (!replaceable)
        throw new ApiError(
          'ConflictException',
          `A payment for order ${order.orderNumber} is already ${existing.status.toLowerCase().replace('_', ' ')}`,
        );
      await tx
        .update(payments)
        .set({ status: 'CANCELLED', failureMessage: 'Replaced by another payment method', nextAction: null, updatedAt: new Date() })
        .where(eq(payments.id, existing.id));
      if (existing.provider !== BANK_TRANSFER) await enqueue(tx, 'payments.cancel-at-provider', { paymentId: existing.id });
      await audit(tx, {
        action: 'payment.replaced',
        actorId: actor.userId,
        targetUserId: existing.clientId,
        details: { paymentId: existing.id, orderId: order.orderId },
        meta,
      });
    }
    const id = uuidv7();
    const reference = bank ? `ZG${randomBytes(5).toString('hex').toUpperCase()}` : null;
    const [row] = await tx
      .insert(payments)
      .values({
        id,
        orderId: order.orderId,
        clientId: order.clientId,
        provider: bank ? BANK_TRANSFER : ctx.adapters.payments.name,
        purpose: due.purpose,
        status: 'PENDING',
        currency: order.currency,
        amountMinor: due.amountMinor,
        paymentMethodId,
        methodLabel: bank ? 'Bank transfer' : '',
        bankReference: reference,
        nextAction: bank
          ? {
              type: 'bank_transfer',
              reference: reference!,
              beneficiary: ctx.config.BANK_TRANSFER_BENEFICIARY,
              iban: ctx.config.BANK_TRANSFER_IBAN,
              bic: ctx.config.BANK_TRANSFER_BIC,
            }
          : null,
      })
      .returning();
    if (showOnOrder) await orders().setPaymentId(tx, order.orderId, id);
    if (bank && showOnOrder) await orders().extendPaymentWindow(tx, order.orderId, new Date(Date.now() + BANK_TRANSFER_DAYS * 86_400_000));
    await audit(tx, {
      action: bank ? 'payment.bankTransfer.requested' : 'payment.started',
      actorId: actor.userId,
      targetUserId: order.clientId,
      details: startedDetails(id, order, due, row!.provider),
      meta,
    });
    if (bank) {
      await notifyBankTransferInstructions(ctx, tx, {
        ...mailOf(row!, order),
        reference: reference!,
        beneficiary: ctx.config.BANK_TRANSFER_BENEFICIARY,
        iban: ctx.config.BANK_TRANSFER_IBAN,
        bic: ctx.config.BANK_TRANSFER_BIC,
      });
    }
    return row!;
  });
}

/**
 * Whether the provider captures in the same call that authorizes (decision 015): an order paid in full at once, with
 * no approval to wait for and below the step-up threshold. Anything else is held, and captured (or released) once we
 * have read the order again after the provider's answer.
 */
function capturesAtOnce(ctx: AppContext, payment: PaymentRow, order: PayableOrder): boolean {
  return (
    payment.purpose === 'ORDER' &&
    order.status === 'PENDING_PAYMENT' &&
    order.fullPayment &&
    !order.needsApproval &&
    order.usdEquivalentMinor <= ctx.config.HIGH_VALUE_THRESHOLD * 100
  );
}

/** Step 2 and 3 of a card payment: authorize at the provider (idempotent on our id), then apply what it said. */
async function authorizeAndApply(ctx: AppContext, payment: PaymentRow, order: PayableOrder, by: By): Promise<PaymentRow> {
  let intent: ProviderIntent;
  try {
    intent = await ctx.adapters.payments.authorize({
      capture: capturesAtOnce(ctx, payment, order) ? 'automatic' : 'manual',
      paymentId: payment.id,
      orderId: order.orderId,
      amountMinor: payment.amountMinor,
      currency: payment.currency as Currency,
      paymentMethodId: payment.paymentMethodId,
      description: `StyleByZaga order ${order.orderNumber}`,
      returnUrl: `${ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`}/checkout/authenticate/${payment.id}`,
    });
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    const failed = await markFailed(ctx.db, payment.id, err.declineCode ?? 'processing_error', err.message, by);
    throw declined(failed);
  }
  fault('payment.authorized-at-provider');
  const applied = await applyIntent(ctx, payment.id, intent, by, payment, order);
  if (applied.status === 'FAILED') throw declined(applied);
  return applied;
}

function declined(p: PaymentRow): ApiError {
  return new ApiError('PaymentException', p.failureMessage ?? 'Your card was declined.', { declineCode: p.declineCode ?? 'card_declined' });
}

async function markFailed(db: Db, paymentId: string, declineCode: string, message: string, by: By): Promise<PaymentRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(payments)
      .set({ status: 'FAILED', declineCode, failureMessage: message, nextAction: null, updatedAt: new Date() })
      .where(and(eq(payments.id, paymentId), inArray(payments.status, ['PENDING', 'REQUIRES_ACTION'])))
      .returning();
    if (row)
      await audit(tx, {
        action: 'payment.failed',
        actorId: by.actorId,
        targetUserId: row.clientId,
        details: { paymentId, declineCode, reason: by.reason },
        meta: by.meta,
      });
    return row ?? (await loadPayment(tx, paymentId))!;
  });
}

/**
 * Makes our payment agree with what the provider says, moving only forward. An authorization is captured first when
 * its order can be paid now; one whose order is gone or cancelled is released instead (no charge without an order).
 * Then, in one transaction: the payment's new state, the ledger, the order's state, the email and the audit entry.
 */
export async function applyIntent(
  ctx: AppContext,
  paymentId: string,
  observed: ProviderIntent,
  by: By,
  /** The payment as the caller just wrote or read it (ProcessPayment, around its provider call): not read again. */
  known?: PaymentRow,
  /** Its order as the caller read it before the provider call (which houses and stylist a sale would pay). */
  knownOrder?: PayableOrder,
): Promise<PaymentRow> {
  // The usual answer to a payment just recorded (captured at once, declined, 3-D Secure): applied in one transaction
  // that reads nothing beforehand. Undefined when anything moved meanwhile: the careful path below then decides.
  if (known?.id === paymentId && observed.status !== 'authorized') {
    const applied = await applyToKnown(ctx, known, observed, by, knownOrder);
    if (applied) return applied;
  }
  let intent = observed;
  // The order is read again either way: one cancelled during the provider call has its authorization released.
  const before = known?.id === paymentId ? known : await loadPayment(ctx.db, paymentId);
  if (!before) throw new Error(`applyIntent: no payment ${paymentId}`);
  const order = await orders().getOrderForPayment(ctx.db, before.orderId);
  if (intent.status === 'authorized') {
    const live = before.status !== 'FAILED' && before.status !== 'CANCELLED';
    if (!order || order.status === 'CANCELLED' || !live) {
      intent = await ctx.adapters.payments.cancel(intent.ref);
    } else if (before.purpose === 'BALANCE' || (!order.needsApproval && order.status === 'PENDING_PAYMENT')) {
      // A balance is taken at once: the order was paid (and approved, if it needed to be) with its deposit.
      intent = await captureOrExpire(ctx, intent);
      fault('payment.captured-at-provider');
    }
  }
  const captureRecorded = before.status === 'SUCCEEDED' || before.status === 'PARTIALLY_REFUNDED' || before.status === 'REFUNDED';
  if (
    intent.status === 'succeeded' &&
    !captureRecorded &&
    (before.status === 'FAILED' || before.status === 'CANCELLED' || !order || order.status === 'CANCELLED')
  ) {
    // Money taken for a payment we gave up on or an order that is cancelled: give it back, and say so. A payment still
    // open (its order was cancelled during a call that captured at once, decision 015) is closed as cancelled.
    await releaseOrphanCapture(ctx, before, intent, by);
    if (before.status === 'FAILED' || before.status === 'CANCELLED') return before;
    return (
      (await closePayment(ctx, before, by, 'The order was cancelled during the payment; the charge was refunded.')) ??
      (await loadPayment(ctx.db, paymentId))!
    );
  }
  const next = statusFrom(intent);
  const applied = await ctx.db.transaction(async (tx) => {
    const p = (await loadPayment(tx, paymentId, true))!;
    const refundedStatus = p.status === 'PARTIALLY_REFUNDED' || p.status === 'REFUNDED';
    if (RANK[next] <= RANK[p.status] || refundedStatus || (p.status === 'CANCELLED' && next !== 'SUCCEEDED')) {
      // Old news: record the provider's id if we lacked it, and nothing else.
      if (!p.providerRef && intent.ref) {
        const [row] = await tx
          .update(payments)
          .set({ providerRef: intent.ref, updatedAt: new Date() })
          .where(eq(payments.id, p.id))
          .returning();
        return row!;
      }
      return p;
    }
    const set = moveOf(ctx, p, intent, next);
    // The row is locked and `set` is the whole change: the updated row is known without reading it back. The move and
    // its audit entry go in one statement.
    const updated: PaymentRow = { ...p, ...set };
    await tx.execute(
      sql`with moved as (${tx.update(payments).set(set).where(eq(payments.id, p.id)).getSQL()})
          ${auditStatement(movedAudit(p, next, intent, by))}`,
    );
    // Locked now (after the payment, as before) when the order may move, and handed to the move: read once.
    const txOrder =
      next === 'AUTHORIZED' || next === 'SUCCEEDED' ? await orders().getOrderForPayment(tx, p.orderId, { forUpdate: true }) : undefined;
    await moveOrder(ctx, tx, updated, next, txOrder, by);
    return updated;
  });
  if (applied.status === 'SUCCEEDED') fault('payment.settled');
  return applied;
}

/** A payment's move forward to `next` on what the provider said: every column that changes. */
function moveOf(ctx: AppContext, p: PaymentRow, intent: ProviderIntent, next: PaymentStatus): Partial<PaymentRow> {
  const now = new Date();
  const set: Partial<PaymentRow> = { status: next, providerRef: intent.ref, updatedAt: now, methodLabel: intent.label ?? p.methodLabel };
  if (next === 'REQUIRES_ACTION' && intent.nextAction) {
    set.nextAction =
      intent.nextAction.type === 'redirect'
        ? { type: 'redirect', url: intent.nextAction.url }
        : {
            type: 'stripe_sdk',
            clientSecret: intent.nextAction.clientSecret,
            publishableKey: ctx.adapters.payments.publishableKey ?? '',
          };
  } else {
    set.nextAction = null;
  }
  if (next === 'FAILED')
    Object.assign(set, {
      declineCode: intent.declineCode ?? 'card_declined',
      failureMessage: intent.message ?? 'Your card was declined.',
    });
  if (next === 'AUTHORIZED') Object.assign(set, { authorizedAt: now, authorizationExpiresAt: intent.captureBefore ?? null });
  if (next === 'SUCCEEDED') Object.assign(set, { capturedMinor: p.amountMinor, capturedAt: now });
  return set;
}

/** The audit entry of a payment's move from `p.status` to `next`. */
function movedAudit(p: PaymentRow, next: PaymentStatus, intent: ProviderIntent, by: By) {
  return {
    action: `payment.${next.toLowerCase()}`,
    actorId: by.actorId,
    targetUserId: p.clientId,
    details: {
      paymentId: p.id,
      orderId: p.orderId,
      from: p.status,
      to: next,
      amount: money(p.amountMinor, p.currency),
      providerRef: intent.ref,
      reason: by.reason,
    },
    meta: by.meta,
  };
}

/**
 * The fast path's move of a payment it knows (`applyToKnown`), with its audit entry, as one statement prepared by name.
 * Every column a move forward from PENDING or REQUIRES_ACTION may change (`moveOf`) is in it: the state, the provider's
 * id, the label and the next action always; a decline's code and message and a capture's amount and time only with
 * a value (null keeps the column). Conditional on the row still being in the state the caller knew.
 */
const knownMoveStatement = (withRates: boolean) =>
  preparedRows<{ id: string; rates: RateTuple[] | null }>(
    withRates ? 'payments_known_move_rates' : 'payments_known_move',
    sql`with moved as (
          update payments
             set status = ${sql.placeholder('status')}::text, provider_ref = ${sql.placeholder('providerRef')}::text,
                 updated_at = ${sql.placeholder('updatedAt')}::timestamptz, method_label = ${sql.placeholder('methodLabel')}::text,
                 next_action = ${sql.placeholder('nextAction')}::jsonb,
                 decline_code = coalesce(${sql.placeholder('declineCode')}::text, decline_code),
                 failure_message = coalesce(${sql.placeholder('failureMessage')}::text, failure_message),
                 captured_minor = coalesce(${sql.placeholder('capturedMinor')}::bigint, captured_minor),
                 captured_at = coalesce(${sql.placeholder('capturedAt')}::timestamptz, captured_at)
           where id = ${sql.placeholder('id')}::uuid and status = ${sql.placeholder('from')}::text
          returning id),
        a as (${auditPreparedStatement('audit', sql`exists (select 1 from moved)`)})
        select id, ${withRates ? saleRatesPreparedQuery('rates') : sql`null::json`} as rates from moved`,
  );
const knownMove = knownMoveStatement(false);
const knownMoveWithRates = knownMoveStatement(true);
const MOVE_ALWAYS = ['status', 'providerRef', 'updatedAt', 'methodLabel', 'nextAction'] as const;
const MOVE_WITH_VALUE = ['declineCode', 'failureMessage', 'capturedMinor', 'capturedAt'] as const;

/** The values of `knownMoveStatement` for `set` (a `moveOf`); throws on a column the statement does not write. */
function moveValues(known: PaymentRow, set: Partial<PaymentRow>): Record<string, unknown> {
  for (const [k, v] of Object.entries(set)) {
    const always = (MOVE_ALWAYS as readonly string[]).includes(k);
    if (!always && !((MOVE_WITH_VALUE as readonly string[]).includes(k) && v !== null && v !== undefined))
      throw new Error(`applyToKnown: the prepared move does not write ${k}=${String(v)}`);
  }
  const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
  return {
    id: known.id,
    from: known.status,
    status: set.status,
    providerRef: set.providerRef ?? null,
    updatedAt: iso(set.updatedAt),
    methodLabel: set.methodLabel ?? known.methodLabel,
    nextAction: set.nextAction ? JSON.stringify(set.nextAction) : null,
    declineCode: set.declineCode ?? null,
    failureMessage: set.failureMessage ?? null,
    capturedMinor: set.capturedMinor ?? null,
    capturedAt: iso(set.capturedAt),
  };
}

/** Something moved between the request's write and its provider's answer: the fast path stands down, having written nothing. */
class StandDown extends Error {}

/**
 * `applyIntent` for the payment the caller just recorded (`known`, PENDING or waiting for 3-D Secure), when the provider
 * answered anything but a hold: one transaction with no read before it. The move and its audit entry are one
 * statement, conditional on the row still being in the state the caller knew (which also takes its lock, as the
 * careful path's `for update` does); then the order is locked and moved as there. Undefined, with nothing written, when
 * the row moved meanwhile (a webhook, the reconciler, a cancellation), when this is not a move forward, or when the
 * money was taken for an order that is cancelled or gone (decision 015): the careful path handles each of those.
 */
async function applyToKnown(
  ctx: AppContext,
  known: PaymentRow,
  intent: ProviderIntent,
  by: By,
  order?: PayableOrder,
): Promise<PaymentRow | undefined> {
  const next = statusFrom(intent);
  // A capture that pays the whole order settles its sale: the commission rates of its houses and stylist are read
  // with the move (the sale checks they are the ones it needs, and reads its own otherwise).
  const sale = next === 'SUCCEEDED' && known.purpose === 'ORDER' && order?.fullPayment ? order : undefined;
  const brandIds = sale ? [...new Set(sale.lines.map((l) => l.brandId))] : [];
  if (RANK[next] <= RANK[known.status] || (known.status !== 'PENDING' && known.status !== 'REQUIRES_ACTION')) return undefined;
  const set = moveOf(ctx, known, intent, next);
  try {
    const applied = await ctx.db.transaction(async (tx) => {
      const [row] = await (sale ? knownMoveWithRates : knownMove)(tx, {
        ...moveValues(known, set),
        ...auditValues('audit', movedAudit(known, next, intent, by)),
        ...saleRatesValues('rates', brandIds, sale?.stylistId ?? null),
      });
      if (!row) throw new StandDown();
      // The row is locked and `set` is the whole change: the updated row is known without reading it back.
      const updated: PaymentRow = { ...known, ...set };
      const saleRates = sale && row.rates ? saleRatesOf(brandIds, sale.stylistId, row.rates) : undefined;
      const txOrder = next === 'SUCCEEDED' ? await orders().getOrderForPayment(tx, known.orderId, { forUpdate: true }) : undefined;
      if (next === 'SUCCEEDED' && (!txOrder || txOrder.status === 'CANCELLED')) throw new StandDown();
      await moveOrder(ctx, tx, updated, next, txOrder, by, saleRates);
      return updated;
    });
    if (applied.status === 'SUCCEEDED') fault('payment.settled');
    return applied;
  } catch (err) {
    if (err instanceof StandDown) return undefined;
    throw err;
  }
}

/**
 * The order's side of a payment's move, in the payment's transaction: a hold on an order that needs approval sends it
 * to AWAITING_APPROVAL; a capture posts the ledger and settles the order (or its balance). `txOrder` is the order
 * locked in this transaction.
 */
async function moveOrder(
  ctx: AppContext,
  tx: Tx,
  p: PaymentRow,
  next: PaymentStatus,
  txOrder: PayableOrder | undefined,
  by: By,
  rates?: SaleRates,
) {
  if (next === 'AUTHORIZED' && txOrder?.status === 'PENDING_PAYMENT' && txOrder.needsApproval) {
    await orders().transitionOrder(
      tx,
      p.orderId,
      'AWAITING_APPROVAL',
      { actorId: by.actorId, reason: 'Funds held; high-value order awaits approval', kind: by.kind, keys: ctx.keys },
      undefined,
      txOrder,
    );
    // The client hears of it once: orders' "being reviewed" email, sent for the move to AWAITING_APPROVAL.
  }
  if (next === 'SUCCEEDED') {
    const receipt: ReceiptInput = {
      kind: 'payment.captured',
      reference: p.id,
      paymentId: p.id,
      currency: p.currency as Currency,
      amountMinor: p.amountMinor,
      actorId: by.actorId,
    };
    if (p.purpose === 'BALANCE') {
      await settleBalance(ctx, tx, p, txOrder, receipt);
    } else if (txOrder && txOrder.status === 'PENDING_PAYMENT' && !txOrder.needsApproval) {
      await settleOrder(ctx, tx, p, txOrder, by, receipt, rates);
    } else {
      await postReceipt(tx, receipt);
      await orders().recordFunds(tx, p.orderId, p.amountMinor);
    }
  }
}

/**
 * The order is paid: its sale is settled in the ledger and the order moves to PAID, in the caller's transaction. With
 * `receipt` (the money that pays it has just arrived) the receipt is posted beside the sale, in one statement, and
 * the captured amount is recorded with the move.
 */
async function settleOrder(
  ctx: AppContext,
  tx: Tx,
  p: PaymentRow,
  order: PayableOrder,
  by: By,
  receipt?: ReceiptInput,
  /** The commission rates read ahead with the payment's move (`saleRatesQuery`). */
  rates?: SaleRates,
): Promise<void> {
  const sale = {
    paymentId: p.id,
    orderId: order.orderId,
    currency: order.currency,
    totalMinor: order.totalMinor,
    taxMinor: order.taxMinor,
    deliveryMinor: order.deliveryMinor,
    lines: order.lines,
    stylistId: order.stylistId,
    actorId: by.actorId,
  };
  // A deposit stays in client funds held; the sale is settled when the whole order is paid.
  if (receipt && order.fullPayment) await postReceiptAndSale(tx, receipt, sale, rates);
  else if (receipt) await postReceipt(tx, receipt);
  else if (order.fullPayment) await postSale(tx, sale);
  await orders().transitionOrder(
    tx,
    order.orderId,
    'PAID',
    { actorId: by.actorId, reason: by.reason, kind: by.kind, keys: ctx.keys },
    receipt ? { paidMinor: receipt.amountMinor } : undefined,
    order,
  );
  // No "payment received" email here: the move to PAID sends orders' confirmation, which names what was paid. One
  // checkout, one email (two were sent before).
}

/**
 * The balance of an order placed against a deposit arrived: the whole sale (deposit and balance) is settled in the
 * ledger, from client funds held, under this payment's id, and the order records that it is paid in full. With
 * `receipt` (a card capture) the receipt is posted beside the sale; a bank transfer's receipts were posted as they came.
 */
async function settleBalance(
  ctx: AppContext,
  tx: Tx,
  p: PaymentRow,
  order: PayableOrder | undefined,
  receipt?: ReceiptInput,
): Promise<void> {
  if (!order) {
    if (receipt) await postReceipt(tx, receipt);
    return;
  }
  const sale = {
    paymentId: p.id,
    orderId: order.orderId,
    currency: order.currency,
    totalMinor: order.orderTotalMinor,
    taxMinor: order.taxMinor,
    deliveryMinor: order.deliveryMinor,
    lines: order.lines,
    stylistId: order.stylistId,
    actorId: null,
  };
  if (receipt) await postReceiptAndSale(tx, receipt, sale);
  else await postSale(tx, sale);
  await orders().recordFunds(tx, order.orderId, Math.min(order.orderTotalMinor, order.paidMinor + p.amountMinor));
  await notifyPaymentReceived(ctx, tx, mailOf(p, order));
}

/** Captures an authorization; one that expired first is reported as cancelled (and handled by the caller). */
async function captureOrExpire(ctx: AppContext, intent: ProviderIntent): Promise<ProviderIntent> {
  try {
    return await ctx.adapters.payments.capture(intent.ref);
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    return ctx.adapters.payments.retrieve(intent.ref);
  }
}

/** A capture that belongs to nothing we keep: refunded at the provider, recorded for the house office. */
async function releaseOrphanCapture(ctx: AppContext, p: PaymentRow, intent: ProviderIntent, by: By): Promise<PaymentRow> {
  const left = intent.amountCapturedMinor - intent.amountRefundedMinor;
  if (left > 0) await ctx.adapters.payments.refund(intent.ref, { refundId: `orphan-${p.id}`, amountMinor: left });
  await recordException(ctx.db, {
    kind: 'capture_without_order',
    paymentId: p.id,
    orderId: p.orderId,
    message: `The provider captured ${left} minor units of ${p.currency} for a payment that is ${p.status}; refunded automatically.`,
    details: { providerRef: intent.ref, reason: by.reason },
  });
  return p;
}

export async function recordException(
  db: Db,
  e: { kind: string; paymentId?: string; orderId?: string; message: string; details?: Record<string, unknown> },
): Promise<void> {
  await db
    .insert(paymentExceptions)
    .values({
      id: uuidv7(),
      kind: e.kind,
      paymentId: e.paymentId ?? null,
      orderId: e.orderId ?? null,
      message: e.message,
      details: e.details ?? {},
    })
    .onConflictDoUpdate({
      target: [paymentExceptions.kind, paymentExceptions.paymentId],
      targetWhere: sql`${paymentExceptions.resolvedAt} is null`,
      set: { occurrences: sql`${paymentExceptions.occurrences} + 1`, message: e.message },
    });
}

// ───────────────────────────── 3-D Secure and other next actions ─────────────────────────────

/**
 * The client came back from authenticating. Sandbox: the 3-D Secure page says whether they passed. Stripe: the
 * browser finished with Stripe.js and we ask Stripe where the intent stands. Either way `applyIntent` decides.
 */
export async function completePaymentAction(
  ctx: AppContext,
  actor: PaymentActor,
  paymentId: string,
  input: { challenge?: string; approve?: boolean },
  meta: RequestMeta = {},
): Promise<ProcessPaymentOutput> {
  const p = await loadPayment(ctx.db, paymentId);
  if (!p || p.clientId !== actor.userId) throw new ApiError('ResourceNotFoundException', 'paymentId: no payment of yours has this id');
  if (p.status !== 'REQUIRES_ACTION' || !p.providerRef) return output(p);
  const by = { actorId: actor.userId, reason: 'Client completed authentication', meta };
  let intent: ProviderIntent;
  const provider = ctx.adapters.payments;
  if (provider.name === 'sandbox') {
    if (input.challenge === undefined || input.approve === undefined)
      throw fieldError('body.challenge', 'The sandbox needs the challenge and whether authentication passed');
    try {
      intent = await (provider as SandboxProvider).completeChallenge(p.providerRef, input.challenge, input.approve);
    } catch (err) {
      if (err instanceof ProviderError) throw fieldError('body.challenge', err.message);
      throw err;
    }
  } else {
    intent = await provider.retrieve(p.providerRef);
  }
  const applied = await applyIntent(ctx, p.id, intent, by);
  if (applied.status === 'FAILED') throw declined(applied);
  return output(applied);
}

// ───────────────────────────── GetPaymentStatus ─────────────────────────────

/** A payment as its client (or an admin) sees it, with its refunds. */
export async function getPaymentStatus(
  ctx: AppContext,
  actor: PaymentActor,
  paymentId: string,
  receiptLinks: (kind: 'payment' | 'refund', id: string) => string = () => '',
): Promise<GetPaymentStatusOutput> {
  const p = await loadPayment(ctx.db, paymentId);
  if (!p || (p.clientId !== actor.userId && actor.userType !== 'ADMIN'))
    throw new ApiError('ResourceNotFoundException', 'paymentId: no payment of yours has this id');
  return presentPayment(ctx, p, receiptLinks);
}

async function presentPayment(
  { db, keys }: Pick<AppContext, 'db' | 'keys'>,
  p: PaymentRow,
  receiptLinks: (kind: 'payment' | 'refund', id: string) => string,
): Promise<GetPaymentStatusOutput> {
  const refunds = await db.select().from(paymentRefunds).where(eq(paymentRefunds.paymentId, p.id)).orderBy(desc(paymentRefunds.createdAt));
  const receipts: GetPaymentStatusOutput['receipts'] = [];
  if (p.capturedMinor > 0) receipts.push({ kind: 'payment', id: p.id, url: receiptLinks('payment', p.id) });
  for (const r of refunds) if (r.status === 'SUCCEEDED') receipts.push({ kind: 'refund', id: r.id, url: receiptLinks('refund', r.id) });
  const next = output(p).nextAction;
  return {
    paymentId: p.id,
    status: p.status,
    amount: money(p.amountMinor, p.currency),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    orderId: p.orderId,
    provider: p.provider,
    method: p.methodLabel || (p.provider === BANK_TRANSFER ? 'Bank transfer' : 'Card'),
    captured: money(p.capturedMinor, p.currency),
    refunded: money(p.refundedMinor, p.currency),
    ...(p.provider === BANK_TRANSFER ? { received: money(p.receivedMinor, p.currency) } : {}),
    ...(p.declineCode ? { declineCode: p.declineCode } : {}),
    ...(p.failureMessage ? { message: p.failureMessage } : {}),
    ...(next ? { nextAction: next } : {}),
    refunds: refunds.map((r) => presentRefund(keys, r, p)),
    receipts: receipts.filter((r) => r.url !== ''),
  };
}

function presentRefund(keys: Keys, r: RefundRow, p: PaymentRow): Refund {
  return {
    refundId: r.id,
    paymentId: r.paymentId,
    orderId: p.orderId,
    amount: money(r.amountMinor, r.currency),
    status: r.status,
    reason: openText(keys, r.reason) ?? '',
    origin: r.origin,
    ...(r.requestedBy ? { requestedBy: r.requestedBy } : {}),
    ...(r.approvedBy ? { approvedBy: r.approvedBy } : {}),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The order's current payment, for the orders module and the order pages; undefined when none was started. */
export async function paymentSummary(
  db: Db,
  orderId: string,
): Promise<
  { paymentId: string; status: PaymentStatus; provider: string; method: string; amount: MoneyDto; refunded: MoneyDto } | undefined
> {
  const [p] = await db.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(desc(payments.createdAt)).limit(1);
  if (!p) return undefined;
  return {
    paymentId: p.id,
    status: p.status,
    provider: p.provider,
    method: p.methodLabel,
    amount: money(p.amountMinor, p.currency),
    refunded: money(p.refundedMinor, p.currency),
  };
}

// ───────────────────────────── refunds ─────────────────────────────

/**
 * An admin refunds part or all of a captured payment. The amount is reserved against what was captured by a
 * conditional update (two admins can never refund more than was paid); above REFUND_APPROVAL_THRESHOLD a second
 * admin must approve before any money moves.
 */
export async function refundPayment(
  ctx: AppContext,
  actor: PaymentActor,
  input: RefundPaymentInput,
  meta: RequestMeta = {},
): Promise<RefundPaymentOutput> {
  if (actor.userType !== 'ADMIN') throw new ApiError('AccessDeniedException', 'Only the house office refunds payments');
  const p = await loadPayment(ctx.db, input.paymentId);
  if (!p)
    throw new ApiError('ResourceNotFoundException', 'paymentId: no payment has this id', {
      fieldErrors: { 'body.paymentId': ['No payment has this id'] },
    });
  if (input.amount.currency !== p.currency) throw fieldError('body.amount.currency', `This payment is in ${p.currency}`);
  const amountMinor = fromDecimal(input.amount.amount, input.amount.currency).minor;
  const refundable = p.capturedMinor - p.refundReservedMinor;
  if (p.capturedMinor === 0)
    throw new ApiError(
      'ConflictException',
      `This payment is ${p.status}: nothing was captured, so there is nothing to refund (cancel the order instead)`,
    );
  if (amountMinor > refundable)
    throw fieldError(
      'body.amount.amount',
      `At most ${toDto({ minor: refundable, currency: p.currency as Currency }).amount} ${p.currency} can be refunded`,
    );
  const order = await orders().getOrderForPayment(ctx.db, p.orderId);
  const usd = order && order.totalMinor > 0 ? Math.round((order.usdEquivalentMinor * amountMinor) / order.totalMinor) : 0;
  const needsSecondAdmin = usd > ctx.config.REFUND_APPROVAL_THRESHOLD * 100;

  const refund = await ctx.db.transaction(async (tx) => {
    const reserved = await tx
      .update(payments)
      .set({ refundReservedMinor: sql`${payments.refundReservedMinor} + ${amountMinor}`, updatedAt: new Date() })
      .where(and(eq(payments.id, p.id), sql`${payments.refundReservedMinor} + ${amountMinor} <= ${payments.capturedMinor}`))
      .returning({ id: payments.id });
    if (reserved.length === 0) throw fieldError('body.amount.amount', 'More than is left to refund (another refund was just made)');
    const [row] = await tx
      .insert(paymentRefunds)
      .values({
        id: uuidv7(),
        paymentId: p.id,
        amountMinor,
        currency: p.currency,
        status: needsSecondAdmin ? 'AWAITING_APPROVAL' : 'PENDING',
        reason: sealText(ctx.keys, input.reason ?? '')!,
        requestedBy: actor.userId,
      })
      .returning();
    if (!needsSecondAdmin) await enqueue(tx, EXECUTE_REFUND_JOB, { refundId: row!.id }, { runAt: new Date(Date.now() + 60_000) });
    await audit(tx, {
      action: 'payment.refund.requested',
      actorId: actor.userId,
      targetUserId: p.clientId,
      details: sealFields(ctx.keys, {
        refundId: row!.id,
        paymentId: p.id,
        amount: money(amountMinor, p.currency),
        reason: input.reason ?? '',
        needsSecondAdmin,
      }),
      meta,
    });
    return row!;
  });
  fault('refund.recorded');
  if (needsSecondAdmin) return { refundId: refund.id, status: 'PENDING', approvalRequired: true };
  const done = await executeRefund(ctx, refund.id, { actorId: actor.userId, reason: input.reason ?? 'Refund', meta });
  return { refundId: refund.id, status: done.status === 'SUCCEEDED' ? 'SUCCEEDED' : done.status === 'FAILED' ? 'FAILED' : 'PENDING' };
}

/** A second admin approves (or rejects) a refund above the threshold; the one who asked cannot. */
export async function decideRefund(
  ctx: AppContext,
  actor: PaymentActor,
  refundId: string,
  approve: boolean,
  meta: RequestMeta = {},
): Promise<Refund> {
  if (actor.userType !== 'ADMIN') throw new ApiError('AccessDeniedException', 'Only the house office approves refunds');
  const decided = await ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(paymentRefunds).where(eq(paymentRefunds.id, refundId)).for('update');
    if (!r) throw new ApiError('ResourceNotFoundException', 'refundId: no refund has this id');
    if (r.status !== 'AWAITING_APPROVAL') throw new ApiError('ConflictException', `This refund is ${r.status}, not awaiting approval`);
    if (r.requestedBy === actor.userId) throw new ApiError('AccessDeniedException', 'A second admin must approve a refund you asked for');
    const [row] = await tx
      .update(paymentRefunds)
      .set({ status: approve ? 'PENDING' : 'REJECTED', approvedBy: actor.userId, updatedAt: new Date() })
      .where(eq(paymentRefunds.id, refundId))
      .returning();
    if (approve) await enqueue(tx, EXECUTE_REFUND_JOB, { refundId }, { runAt: new Date(Date.now() + 60_000) });
    else
      await tx
        .update(payments)
        .set({ refundReservedMinor: sql`${payments.refundReservedMinor} - ${r.amountMinor}`, updatedAt: new Date() })
        .where(eq(payments.id, r.paymentId));
    await audit(tx, {
      action: approve ? 'payment.refund.approved' : 'payment.refund.rejected',
      actorId: actor.userId,
      details: { refundId, paymentId: r.paymentId, amount: money(r.amountMinor, r.currency) },
      meta,
    });
    return row!;
  });
  const final = approve ? await executeRefund(ctx, refundId, { actorId: actor.userId, reason: 'Refund approved', meta }) : decided;
  return presentRefund(ctx.keys, final, (await loadPayment(ctx.db, final.paymentId))!);
}

/**
 * Steps 2 and 3 of a refund: the provider call (idempotent on the refund id, so a retry after a crash never refunds
 * twice), then the refund's success in one transaction with the ledger's reversal and the order's state. A bank
 * transfer is paid back by the house office's own wire: recording the refund is the step.
 */
export async function executeRefund(ctx: AppContext, refundId: string, by: By): Promise<RefundRow> {
  const [r] = await ctx.db.select().from(paymentRefunds).where(eq(paymentRefunds.id, refundId));
  if (!r || r.status !== 'PENDING') return r!;
  const p = (await loadPayment(ctx.db, r.paymentId))!;
  let providerRef: string | null = r.providerRef;
  // A refund the provider told us about is already done there; one of ours is sent (again: the key makes it once).
  if (p.provider !== BANK_TRANSFER && r.origin === 'platform') {
    try {
      const done = await ctx.adapters.payments.refund(p.providerRef!, { refundId: r.id, amountMinor: r.amountMinor });
      providerRef = done.ref;
      if (done.status === 'failed') throw new ProviderError('The provider refused the refund');
      if (done.status === 'pending') {
        await ctx.db.update(paymentRefunds).set({ providerRef, updatedAt: new Date() }).where(eq(paymentRefunds.id, r.id));
        return { ...r, providerRef };
      }
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      return failRefund(ctx.db, r, err.message, by);
    }
  }
  fault('refund.refunded-at-provider');
  const done = await finishRefund(ctx, r.id, providerRef, by);
  fault('refund.settled');
  return done;
}

async function failRefund(db: Db, r: RefundRow, message: string, by: By): Promise<RefundRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(paymentRefunds)
      .set({ status: 'FAILED', failureMessage: message, updatedAt: new Date() })
      .where(and(eq(paymentRefunds.id, r.id), eq(paymentRefunds.status, 'PENDING')))
      .returning();
    if (!row) return (await tx.select().from(paymentRefunds).where(eq(paymentRefunds.id, r.id)))[0]!;
    await tx
      .update(payments)
      .set({ refundReservedMinor: sql`${payments.refundReservedMinor} - ${r.amountMinor}`, updatedAt: new Date() })
      .where(eq(payments.id, r.paymentId));
    await audit(tx, {
      action: 'payment.refund.failed',
      actorId: by.actorId,
      details: { refundId: r.id, paymentId: r.paymentId, message },
      meta: by.meta,
    });
    return row;
  });
}

/** Marks a refund done once (our request's answer, its webhook echo and the reconciler may each try). */
export async function finishRefund(ctx: AppContext, refundId: string, providerRef: string | null, by: By): Promise<RefundRow> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(paymentRefunds)
      .set({ status: 'SUCCEEDED', ...(providerRef ? { providerRef } : {}), updatedAt: new Date() })
      .where(and(eq(paymentRefunds.id, refundId), eq(paymentRefunds.status, 'PENDING')))
      .returning();
    if (!row) return (await tx.select().from(paymentRefunds).where(eq(paymentRefunds.id, refundId)))[0]!;
    const [p] = await tx
      .update(payments)
      .set({
        refundedMinor: sql`${payments.refundedMinor} + ${row.amountMinor}`,
        status: sql`case when ${payments.refundedMinor} + ${row.amountMinor} >= ${payments.capturedMinor} then 'REFUNDED' else 'PARTIALLY_REFUNDED' end`,
        updatedAt: new Date(),
      })
      .where(eq(payments.id, row.paymentId))
      .returning();
    await postRefund(tx, {
      refundId: row.id,
      paymentId: p!.id,
      currency: p!.currency as Currency,
      amountMinor: row.amountMinor,
      actorId: by.actorId,
    });
    const order = await orders().getOrderForPayment(tx, p!.orderId);
    if (order && REFUNDABLE_ORDER.includes(order.status) && order.status !== 'AWAITING_APPROVAL') {
      const to: OrderStatus = p!.status === 'REFUNDED' ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
      if (to !== order.status)
        await orders().transitionOrder(tx, order.orderId, to, {
          actorId: by.actorId,
          reason: by.reason,
          kind: by.kind ?? 'ADMIN',
          keys: ctx.keys,
        });
    }
    if (order) await notifyRefund(ctx, tx, { ...mailOf(p!, order), refundMinor: row.amountMinor });
    await audit(tx, {
      action: 'payment.refund.succeeded',
      actorId: by.actorId,
      targetUserId: p!.clientId,
      details: { refundId: row.id, paymentId: p!.id, amount: money(row.amountMinor, row.currency), providerRef },
      meta: by.meta,
    });
    return row;
  });
}

// ───────────────────────────── bank transfers ─────────────────────────────

/**
 * Staff record money that arrived by wire. Receipts add up; when they reach the amount, the payment succeeds and the
 * order is paid (or waits for approval). More than the amount is kept in client funds and flagged for the house office.
 */
export async function recordBankReceipt(
  ctx: AppContext,
  actor: PaymentActor,
  paymentId: string,
  input: { amount: { amount: number; currency: string }; receivedAt?: string; note?: string },
  meta: RequestMeta = {},
): Promise<GetPaymentStatusOutput> {
  if (actor.userType !== 'ADMIN') throw new ApiError('AccessDeniedException', 'Only the house office records bank transfers');
  const by: By = { actorId: actor.userId, reason: 'Bank transfer received', meta, kind: 'ADMIN' };
  const updated = await ctx.db.transaction(async (tx) => {
    const p = await loadPayment(tx, paymentId, true);
    if (!p || p.provider !== BANK_TRANSFER)
      throw new ApiError('ResourceNotFoundException', 'paymentId: no bank-transfer payment has this id');
    if (input.amount.currency !== p.currency) throw fieldError('body.amount.currency', `This transfer is expected in ${p.currency}`);
    if (p.status === 'CANCELLED' || p.status === 'FAILED')
      throw new ApiError(
        'ConflictException',
        `This payment is ${p.status}; record the money against the order's current payment, or refund it`,
      );
    const amountMinor = fromDecimal(input.amount.amount, input.amount.currency).minor;
    const receiptId = uuidv7();
    await tx.insert(bankTransferReceipts).values({
      id: receiptId,
      paymentId,
      amountMinor,
      currency: p.currency,
      note: sealText(ctx.keys, input.note ?? '')!,
      recordedBy: actor.userId,
      receivedAt: input.receivedAt ? new Date(input.receivedAt) : new Date(),
    });
    await postReceipt(tx, {
      kind: 'bank.receipt',
      reference: receiptId,
      paymentId,
      currency: p.currency as Currency,
      amountMinor,
      actorId: actor.userId,
    });
    const received = p.receivedMinor + amountMinor;
    const complete = received >= p.amountMinor && p.status === 'PENDING';
    const [row] = await tx
      .update(payments)
      .set({
        receivedMinor: received,
        updatedAt: new Date(),
        ...(complete ? { status: 'SUCCEEDED' as const, capturedMinor: p.amountMinor, capturedAt: new Date(), nextAction: null } : {}),
      })
      .where(eq(payments.id, paymentId))
      .returning();
    await audit(tx, {
      action: 'payment.bankTransfer.received',
      actorId: actor.userId,
      targetUserId: p.clientId,
      details: sealFields(ctx.keys, {
        paymentId,
        receiptId,
        amount: money(amountMinor, p.currency),
        received: money(received, p.currency),
        note: input.note ?? '',
      }),
      meta,
    });
    if (received > p.amountMinor) {
      await recordException(tx, {
        kind: 'bank_transfer_overpaid',
        paymentId,
        orderId: p.orderId,
        message: `Received ${received} minor units of ${p.currency} for ${p.amountMinor}: return the difference to the client.`,
      });
    }
    if (complete && p.purpose === 'BALANCE') {
      await settleBalance(ctx, tx, row!, await orders().getOrderForPayment(tx, p.orderId));
    } else if (complete) {
      await orders().recordFunds(tx, p.orderId, p.amountMinor);
      const order = await orders().getOrderForPayment(tx, p.orderId);
      if (order?.status === 'PENDING_PAYMENT' && !order.needsApproval) await settleOrder(ctx, tx, row!, order, by);
      else if (order?.status === 'PENDING_PAYMENT' && order.needsApproval) {
        await orders().transitionOrder(tx, order.orderId, 'AWAITING_APPROVAL', {
          actorId: actor.userId,
          reason: 'Bank transfer received; high-value order awaits approval',
          kind: 'ADMIN',
          keys: ctx.keys,
        });
      } else if (!order || order.status === 'CANCELLED') {
        await recordException(tx, {
          kind: 'bank_transfer_for_cancelled_order',
          paymentId,
          orderId: p.orderId,
          message: 'A bank transfer completed for an order that is cancelled: return it to the client.',
        });
      }
    }
    return row!;
  });
  return presentPayment(ctx, updated, () => '');
}

// ───────────────────────────── orders' events ─────────────────────────────

/**
 * The order was approved by an admin (orders enqueues `payments.order-approved`): capture the held card payment, or
 * settle a bank transfer that already arrived, and move the order to PAID.
 */
export async function onOrderApproved(ctx: AppContext, orderId: string, actorId: string | null): Promise<void> {
  const p = await livePaymentOf(ctx.db, orderId);
  if (!p) return;
  // The order is paid by the house office's decision: its timeline names the office, not the client.
  const by: By = { actorId, reason: 'High-value order approved', ...(actorId ? { kind: 'ADMIN' as const } : {}) };
  if (p.status === 'AUTHORIZED' && p.providerRef) {
    const intent = await captureOrExpire(ctx, await ctx.adapters.payments.retrieve(p.providerRef));
    if (intent.status === 'canceled') return authorizationLost(ctx, p, by);
    await applyIntent(ctx, p.id, intent, by);
  }
  await ctx.db.transaction(async (tx) => {
    const fresh = (await loadPayment(tx, p.id, true))!;
    const order = await orders().getOrderForPayment(tx, orderId);
    if (fresh.status === 'SUCCEEDED' && order?.status === 'AWAITING_APPROVAL') await settleOrder(ctx, tx, fresh, order, by);
  });
}

/**
 * Orders' hook, run inside the transaction that cancels or approves an order: it only writes there. A cancelled
 * order's captured money gets a PENDING refund at once (its id is CancelOrder's `refundId`) and a job sends it; a
 * hold is released by a job; an approval's capture is a job too.
 */
export async function onOrderEvent(
  tx: Tx,
  event: { type: 'cancelled' | 'approved'; orderId: string; actorId: string | null; reason: string; keys: Keys },
): Promise<{ refundId?: string } | undefined> {
  if (event.type === 'approved') {
    await enqueue(tx, ORDER_APPROVED_JOB, { orderId: event.orderId, actorId: event.actorId });
    return undefined;
  }
  // A deposit order cancelled after its balance was paid gives the balance back too.
  const balance = await livePaymentOf(tx, event.orderId, 'BALANCE');
  if (balance) await refundOnCancellation(tx, balance, event);
  const p = await livePaymentOf(tx, event.orderId);
  if (!p) return undefined;
  const refundId = await refundOnCancellation(tx, p, event);
  if (refundId) return { refundId };
  // The reason may be the client's own words: the job's payload carries it sealed, like mail jobs carry addresses.
  await enqueue(tx, ORDER_CANCELLED_JOB, { orderId: event.orderId, actorId: event.actorId, reason: sealText(event.keys, event.reason) });
  return undefined;
}

/** A cancelled order's captured card money: a PENDING refund reserved at once and sent by a job; its id, if any. */
async function refundOnCancellation(
  tx: Tx,
  p: PaymentRow,
  event: { orderId: string; actorId: string | null; reason: string; keys: Keys },
): Promise<string | undefined> {
  const left = p.capturedMinor - p.refundReservedMinor;
  if (p.provider !== BANK_TRANSFER && (p.status === 'SUCCEEDED' || p.status === 'PARTIALLY_REFUNDED') && left > 0) {
    const reserved = await tx
      .update(payments)
      .set({ refundReservedMinor: sql`${payments.refundReservedMinor} + ${left}`, updatedAt: new Date() })
      .where(and(eq(payments.id, p.id), sql`${payments.refundReservedMinor} + ${left} <= ${payments.capturedMinor}`))
      .returning({ id: payments.id });
    if (reserved.length === 1) {
      const [row] = await tx
        .insert(paymentRefunds)
        .values({
          id: uuidv7(),
          paymentId: p.id,
          amountMinor: left,
          currency: p.currency,
          status: 'PENDING',
          reason: sealText(event.keys, event.reason || 'Order cancelled')!,
          requestedBy: event.actorId,
        })
        .returning();
      await enqueue(tx, EXECUTE_REFUND_JOB, { refundId: row!.id });
      await audit(tx, {
        action: 'payment.refund.requested',
        actorId: event.actorId,
        targetUserId: p.clientId,
        details: { refundId: row!.id, paymentId: p.id, amount: money(left, p.currency), reason: 'Order cancelled' },
      });
      return row!.id;
    }
  }
  return undefined;
}

/** The order was cancelled (orders enqueues `payments.order-cancelled`): release the hold, or refund what was taken. */
export async function onOrderCancelled(ctx: AppContext, orderId: string, actorId: string | null, reason: string): Promise<void> {
  const by = { actorId, reason: reason || 'Order cancelled' };
  const p = await livePaymentOf(ctx.db, orderId);
  if (!p) return;
  if (p.provider === BANK_TRANSFER) {
    if (p.receivedMinor > 0 && p.refundReservedMinor < p.receivedMinor) {
      await recordException(ctx.db, {
        kind: 'bank_transfer_for_cancelled_order',
        paymentId: p.id,
        orderId,
        message: `The order was cancelled after ${p.receivedMinor} minor units of ${p.currency} arrived by wire: return them to the client and record the refund.`,
      });
    }
    if (p.status === 'PENDING')
      await ctx.db
        .update(payments)
        .set({ status: 'CANCELLED', nextAction: null, updatedAt: new Date() })
        .where(and(eq(payments.id, p.id), eq(payments.status, 'PENDING')));
    return;
  }
  if (p.status === 'SUCCEEDED' || p.status === 'PARTIALLY_REFUNDED') {
    const left = p.capturedMinor - p.refundReservedMinor;
    if (left <= 0) return;
    const refundId = await ctx.db.transaction(async (tx) => {
      const reserved = await tx
        .update(payments)
        .set({ refundReservedMinor: sql`${payments.refundReservedMinor} + ${left}`, updatedAt: new Date() })
        .where(and(eq(payments.id, p.id), sql`${payments.refundReservedMinor} + ${left} <= ${payments.capturedMinor}`))
        .returning({ id: payments.id });
      if (reserved.length === 0) return undefined;
      const [row] = await tx
        .insert(paymentRefunds)
        .values({
          id: uuidv7(),
          paymentId: p.id,
          amountMinor: left,
          currency: p.currency,
          status: 'PENDING',
          reason: sealText(ctx.keys, by.reason)!,
          requestedBy: actorId,
        })
        .returning();
      await enqueue(tx, EXECUTE_REFUND_JOB, { refundId: row!.id }, { runAt: new Date(Date.now() + 60_000) });
      return row!.id;
    });
    if (refundId) await executeRefund(ctx, refundId, by);
    return;
  }
  // Not captured: release whatever the provider holds, and close our payment.
  const intent = p.providerRef ? await ctx.adapters.payments.retrieve(p.providerRef) : await ctx.adapters.payments.findByPaymentId(p.id);
  if (intent && (intent.status === 'authorized' || intent.status === 'requires_action')) await ctx.adapters.payments.cancel(intent.ref);
  const closed = await closePayment(ctx, p, by);
  if (intent?.status !== 'succeeded') return;
  // The provider captured in the call that authorized (decision 015) before our row said so. Whoever closes the row
  // gives the money back: here, once this job has closed it (the request applying the same capture then finds it
  // cancelled and leaves the money alone); otherwise the request recorded the capture first, and it is refunded like
  // any captured payment of a cancelled order.
  if (closed) await releaseOrphanCapture(ctx, closed, intent, by);
  else if ((await livePaymentOf(ctx.db, orderId))?.status === 'SUCCEEDED') await onOrderCancelled(ctx, orderId, actorId, reason);
}

/** Our payment, not captured as far as we know, is closed as CANCELLED (the order is gone); the row, if it was still open. */
async function closePayment(ctx: AppContext, p: PaymentRow, by: By, failureMessage?: string): Promise<PaymentRow | undefined> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(payments)
      .set({ status: 'CANCELLED', nextAction: null, updatedAt: new Date(), ...(failureMessage ? { failureMessage } : {}) })
      .where(and(eq(payments.id, p.id), inArray(payments.status, ['PENDING', 'REQUIRES_ACTION', 'AUTHORIZED'])))
      .returning();
    if (row)
      await audit(tx, {
        action: 'payment.cancelled',
        actorId: by.actorId,
        targetUserId: p.clientId,
        details: sealFields(ctx.keys, { paymentId: p.id, orderId: p.orderId, reason: by.reason }),
      });
    return row;
  });
}

/** An authorization expired before capture: nothing was taken; the client is asked to pay again and staff are told. */
async function authorizationLost(ctx: AppContext, p: PaymentRow, by: By): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(payments)
      .set({ status: 'CANCELLED', failureMessage: 'The authorization expired before capture', updatedAt: new Date() })
      .where(and(eq(payments.id, p.id), eq(payments.status, 'AUTHORIZED')))
      .returning();
    if (!row) return;
    await recordException(tx, {
      kind: 'authorization_expired',
      paymentId: p.id,
      orderId: p.orderId,
      message: 'A card authorization expired before it was captured; the client was asked to pay again.',
    });
    const order = await orders().getOrderForPayment(tx, p.orderId);
    if (order) await notifyAuthorizationLost(ctx, tx, mailOf(row, order));
    await audit(tx, {
      action: 'payment.authorizationExpired',
      actorId: by.actorId,
      targetUserId: p.clientId,
      details: { paymentId: p.id, orderId: p.orderId },
    });
  });
}

/**
 * Authorizations near their deadline (within `marginHours`): captured when the order no longer waits for anything,
 * or — for an order still awaiting approval — captured anyway so the funds are not lost (a rejection refunds them).
 * One already past its deadline is handled as lost, never silently dropped.
 */
export async function captureDueAuthorizations(ctx: AppContext, marginHours = 24): Promise<number> {
  const due = await ctx.db
    .select()
    .from(payments)
    .where(and(eq(payments.status, 'AUTHORIZED'), sql`${payments.authorizationExpiresAt} < now() + make_interval(hours => ${marginHours})`))
    .limit(100);
  for (const p of due) {
    const intent = await captureOrExpire(ctx, await ctx.adapters.payments.retrieve(p.providerRef!));
    if (intent.status === 'canceled') await authorizationLost(ctx, p, { actorId: null, reason: 'Authorization expired' });
    else await applyIntent(ctx, p.id, intent, { actorId: null, reason: 'Captured before the authorization expires' });
  }
  return due.length;
}

// ───────────────────────────── reconciler ─────────────────────────────

export interface ReconcileReport {
  paymentsResolved: number;
  refundsResolved: number;
  exceptions: number;
}

/**
 * Compares our payments with the provider and repairs what a crash or a lost answer left half done: a PENDING card
 * payment is completed from what the provider has (or failed when the provider never saw it; an authorization whose
 * order is gone is released), a PENDING refund is sent again under the same idempotency key. `olderThanSeconds`
 * leaves alone what a request in flight is still doing. What it cannot repair goes to the house office.
 */
export async function reconcile(ctx: AppContext, olderThanSeconds = 60): Promise<ReconcileReport> {
  const report: ReconcileReport = { paymentsResolved: 0, refundsResolved: 0, exceptions: 0 };
  const by = { actorId: null, reason: 'Reconciler' };
  const stale = await ctx.db
    .select()
    .from(payments)
    .where(
      and(
        inArray(payments.status, ['PENDING', 'REQUIRES_ACTION']),
        sql`${payments.provider} <> 'bank_transfer'`,
        sql`${payments.updatedAt} < now() - make_interval(secs => ${olderThanSeconds})`,
      ),
    )
    .limit(500);
  for (const p of stale) {
    try {
      const intent = p.providerRef
        ? await ctx.adapters.payments.retrieve(p.providerRef)
        : await ctx.adapters.payments.findByPaymentId(p.id);
      if (!intent) {
        await markFailed(ctx.db, p.id, 'processing_error', 'The payment did not reach the provider; please try again.', by);
      } else if (intent.status === 'requires_action' && p.status === 'PENDING') {
        await applyIntent(ctx, p.id, intent, by);
      } else if (intent.status !== 'requires_action') {
        await applyIntent(ctx, p.id, intent, by);
      }
      report.paymentsResolved++;
    } catch (err) {
      report.exceptions++;
      await recordException(ctx.db, {
        kind: 'reconcile_payment_failed',
        paymentId: p.id,
        orderId: p.orderId,
        message: err instanceof Error ? err.message : String(err),
      });
    }
  }
  // Captured payments whose order is cancelled (a crash between cancel and refund, a capture racing a cancel).
  const captured = await ctx.db
    .select()
    .from(payments)
    .where(
      and(
        inArray(payments.status, ['SUCCEEDED', 'PARTIALLY_REFUNDED', 'AUTHORIZED']),
        sql`${payments.provider} <> 'bank_transfer'`,
        sql`${payments.refundReservedMinor} < ${payments.capturedMinor} or ${payments.status} = 'AUTHORIZED'`,
        sql`${payments.updatedAt} < now() - make_interval(secs => ${olderThanSeconds})`,
      ),
    )
    .limit(500);
  for (const p of captured) {
    const order = await orders().getOrderForPayment(ctx.db, p.orderId);
    if (!order || order.status === 'CANCELLED') {
      await onOrderCancelled(ctx, p.orderId, null, 'Reconciler: the order is cancelled or gone');
      report.paymentsResolved++;
    }
  }
  // The provider's side: every charge holding or taking money must belong to a live payment of ours.
  report.paymentsResolved += await releaseUnknownCharges(ctx, olderThanSeconds, report);
  const refunds = await ctx.db
    .select({ id: paymentRefunds.id })
    .from(paymentRefunds)
    .where(and(eq(paymentRefunds.status, 'PENDING'), sql`${paymentRefunds.updatedAt} < now() - make_interval(secs => ${olderThanSeconds})`))
    .limit(500);
  for (const r of refunds) {
    try {
      const done = await executeRefund(ctx, r.id, by);
      if (done.status !== 'PENDING') report.refundsResolved++;
    } catch (err) {
      report.exceptions++;
      await recordException(ctx.db, {
        kind: 'reconcile_refund_failed',
        message: err instanceof Error ? err.message : String(err),
        details: { refundId: r.id },
      });
    }
  }
  // The ledger must balance: the database guarantees it per transaction; this says so if anything ever disagrees.
  const [unbalanced] = await queryRows<{ currency: string; net: number }>(
    ctx.db,
    sql`select currency, sum(amount_minor)::bigint as net from ledger_entries group by currency having sum(amount_minor) <> 0 limit 1`,
  );
  if (unbalanced) {
    report.exceptions++;
    await recordException(ctx.db, {
      kind: 'ledger_unbalanced',
      message: `The ledger is off by ${unbalanced.net} minor units of ${unbalanced.currency}`,
    });
  }
  return report;
}

/** A payment the client abandoned for another method: release it at the provider. */
/** How far back the reconciler lists the provider's charges (authorizations last about 7 days). */
const UNKNOWN_CHARGES_LOOKBACK_DAYS = 8;

/**
 * Lists the provider's charges that hold or took money and releases those no live payment of ours accounts for: a
 * charge we never recorded (made outside the platform, or by a payment row that is gone) is cancelled or refunded
 * and reported to the house office; one whose payment we gave up on goes through `applyIntent`, which releases it.
 * Charges younger than `olderThanSeconds` are left to the request that is making them.
 */
async function releaseUnknownCharges(ctx: AppContext, olderThanSeconds: number, report: ReconcileReport): Promise<number> {
  let released = 0;
  const intents = (await ctx.adapters.payments.listHoldingMoney(new Date(Date.now() - UNKNOWN_CHARGES_LOOKBACK_DAYS * 86_400_000))).filter(
    // A capture refunded in full holds nothing any more.
    (i) => i.status === 'authorized' || i.amountCapturedMinor - i.amountRefundedMinor > 0,
  );
  if (intents.length === 0) return 0;
  const ids = intents.map((i) => i.paymentId).filter((id): id is string => typeof id === 'string' && UUID.test(id));
  const refs = intents.map((i) => i.ref);
  const known = await ctx.db
    .select()
    .from(payments)
    .where(
      and(
        sql`${payments.provider} = ${ctx.adapters.payments.name}`,
        ids.length ? sql`(${inArray(payments.id, ids)} or ${inArray(payments.providerRef, refs)})` : inArray(payments.providerRef, refs),
      ),
    );
  const byId = new Map(known.map((p) => [p.id, p]));
  const byRef = new Map(known.filter((p) => p.providerRef).map((p) => [p.providerRef!, p]));
  const cutoff = Date.now() - olderThanSeconds * 1000;
  for (const intent of intents) {
    const p = (intent.paymentId ? byId.get(intent.paymentId) : undefined) ?? byRef.get(intent.ref);
    try {
      if (!p) {
        if (intent.status === 'authorized') await ctx.adapters.payments.cancel(intent.ref);
        const left = intent.amountCapturedMinor - intent.amountRefundedMinor;
        if (intent.status === 'succeeded' && left > 0)
          await ctx.adapters.payments.refund(intent.ref, { refundId: `unknown-${intent.ref}`, amountMinor: left });
        await recordException(ctx.db, {
          kind: 'charge_without_payment',
          message: `The provider held or took ${intent.amountMinor} minor units of ${intent.currency} (${intent.ref}) for no payment of ours; released automatically.`,
          details: { providerRef: intent.ref, status: intent.status, ...(intent.paymentId ? { paymentId: intent.paymentId } : {}) },
        });
        released++;
      } else if ((p.status === 'FAILED' || p.status === 'CANCELLED') && p.updatedAt.getTime() < cutoff) {
        // A payment we gave up on whose charge still holds money: applyIntent releases the hold or refunds the capture.
        await applyIntent(ctx, p.id, intent, { actorId: null, reason: 'Reconciler: a charge for a payment that was given up' });
        released++;
      }
    } catch (err) {
      report.exceptions++;
      await recordException(ctx.db, {
        kind: 'reconcile_charge_failed',
        ...(p ? { paymentId: p.id, orderId: p.orderId } : {}),
        message: err instanceof Error ? err.message : String(err),
        details: { providerRef: intent.ref },
      });
    }
  }
  return released;
}

export async function cancelAtProvider(ctx: AppContext, paymentId: string): Promise<void> {
  const p = await loadPayment(ctx.db, paymentId);
  if (!p || p.provider === BANK_TRANSFER) return;
  const intent = p.providerRef ? await ctx.adapters.payments.retrieve(p.providerRef) : await ctx.adapters.payments.findByPaymentId(p.id);
  if (!intent) return;
  if (intent.status === 'authorized' || intent.status === 'requires_action') await ctx.adapters.payments.cancel(intent.ref);
  else if (intent.status === 'succeeded')
    await releaseOrphanCapture(ctx, p, intent, { actorId: null, reason: 'Payment replaced by another method' });
}
