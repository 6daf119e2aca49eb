/**
 * Receipts (#13): one PDF per payment that took money and per refund that returned it. Its client and the house office
 * download it with their session; anyone holding a link signed for 15 minutes downloads it without one (an email, a
 * browser's download manager, a phone handing it to a printer). Another client's receipt is 404, like their order.
 */
import { createHmac } from 'node:crypto';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import { openText, safeEqual } from '../../security/crypto.ts';
import type { Keys } from '../../security/keys.ts';
import { describeWhen } from '../../../shared/time-words.ts';
import { toDto, type Currency, type Money } from '../../../shared/money.ts';
import { accountNames } from '../identity/service.ts';
import { readerTimeZone } from '../notifications/service.ts';
import type { OrderReceipt } from './models.ts';
import { orders, type PayableOrder } from './order-port.ts';
import { renderReceiptPdf, type ReceiptDocument } from './receipt-pdf.ts';
import { paymentRefunds, payments } from './schema.ts';
import type { PaymentActor, PaymentRow } from './service.ts';

export type ReceiptKind = 'payment' | 'refund';
type RefundRow = typeof paymentRefunds.$inferSelect;

/** How long a signed receipt link opens the PDF. */
export const RECEIPT_LINK_TTL_SECONDS = 15 * 60;
const API = '/api/v1';
/** Where a client's clock is unknown, the receipt reads in the house's own time (the house is in Paris). */
const HOUSE_ZONE = 'Europe/Paris';

const notFound = () => new ApiError('ResourceNotFoundException', 'No receipt of yours has this id');
const cash = (minor: number, currency: string): Money => ({ minor, currency: currency as Currency });

// ───────────────────────────── signed links ─────────────────────────────

function signature(keys: Keys, kind: ReceiptKind, id: string, expires: number): string {
  return createHmac('sha256', keys.lookup).update(`receipt:${kind}:${id}:${expires}`).digest('base64url');
}

/** A link that downloads this receipt without a session until `expiresAt`. */
export function signedReceiptLink(keys: Keys, kind: ReceiptKind, id: string, now = Date.now()): { url: string; expiresAt: string } {
  const expires = Math.floor(now / 1000) + RECEIPT_LINK_TTL_SECONDS;
  return {
    url: `${API}/receipts/${kind}/${id}?expires=${expires}&signature=${signature(keys, kind, id, expires)}`,
    expiresAt: new Date(expires * 1000).toISOString(),
  };
}

/** The path that downloads a receipt with the caller's session. */
export const receiptPath = (orderId: string, kind: ReceiptKind, id: string) =>
  `${API}/orders/${orderId}/${kind === 'payment' ? 'payments' : 'refunds'}/${id}/receipt`;

// ───────────────────────────── downloads ─────────────────────────────

export interface ReceiptFile {
  pdf: Buffer;
  filename: string;
}

/** The receipt of one of the actor's payments (or any, for an admin) on this order, or 404. */
export async function receiptForActor(
  ctx: AppContext,
  actor: PaymentActor,
  orderId: string,
  kind: ReceiptKind,
  id: string,
): Promise<ReceiptFile> {
  const found = await findReceipt(ctx, kind, id);
  if (!found || found.payment.orderId !== orderId) throw notFound();
  if (found.payment.clientId !== actor.userId && actor.userType !== 'ADMIN') throw notFound();
  return render(ctx, found);
}

/**
 * The receipt behind a signed link. A link whose signature does not match (altered, or made with another key) and
 * one past its time are both refused with 403, each with its own words; whether the receipt exists is only said
 * to a link we signed.
 */
export async function receiptBySignedLink(
  ctx: AppContext,
  kind: ReceiptKind,
  id: string,
  expires: number,
  sig: string,
): Promise<ReceiptFile> {
  if (!safeEqual(sig, signature(ctx.keys, kind, id, expires)))
    throw new ApiError('AccessDeniedException', 'This receipt link is not valid. Open your order for a new one.', {
      reason: 'LINK_INVALID',
    });
  if (expires < Math.floor(Date.now() / 1000))
    throw new ApiError('AccessDeniedException', 'This receipt link has expired. Open your order for a new one.', {
      reason: 'LINK_EXPIRED',
    });
  const found = await findReceipt(ctx, kind, id);
  if (!found) throw notFound();
  return render(ctx, found);
}

interface FoundReceipt {
  kind: ReceiptKind;
  payment: PaymentRow;
  refund?: RefundRow;
}

/** A payment that took money, or a refund that returned it; nothing else has a receipt. */
async function findReceipt(ctx: AppContext, kind: ReceiptKind, id: string): Promise<FoundReceipt | undefined> {
  if (kind === 'payment') {
    const [payment] = await ctx.db.select().from(payments).where(eq(payments.id, id));
    return payment && payment.capturedMinor > 0 ? { kind, payment } : undefined;
  }
  const [row] = await ctx.db
    .select({ refund: paymentRefunds, payment: payments })
    .from(paymentRefunds)
    .innerJoin(payments, eq(payments.id, paymentRefunds.paymentId))
    .where(and(eq(paymentRefunds.id, id), eq(paymentRefunds.status, 'SUCCEEDED')));
  return row ? { kind, payment: row.payment, refund: row.refund } : undefined;
}

async function render(ctx: AppContext, found: FoundReceipt): Promise<ReceiptFile> {
  const { payment: p, refund: r } = found;
  const [order, names, zone, succeeded] = await Promise.all([
    orders().getOrderForPayment(ctx.db, p.orderId),
    accountNames(ctx.db, [p.clientId]),
    readerTimeZone(ctx.db, p.clientId),
    r ? succeededRefunds(ctx, p.id) : Promise.resolve([]),
  ]);
  const name = names.get(p.clientId);
  const orderNumber = order?.orderNumber ?? 'StyleByZaga';
  const issuedAt = r ? r.updatedAt : (p.capturedAt ?? p.updatedAt);
  const reader = zone ?? HOUSE_ZONE;
  const document: ReceiptDocument = {
    kind: found.kind,
    reference: r?.id ?? p.id,
    orderNumber,
    issuedAt,
    issuedWords: describeWhen(issuedAt, { zone: reader }, reader),
    clientName: name ? `${name.firstName} ${name.lastName}`.trim() : 'Our client',
    purpose: purposeOf(p, order),
    lines: (order?.lines ?? []).map((l) => ({
      // "Trianon bag · Black · Size 38": the piece as ordered, its colour and size when it has them.
      description: [l.name ?? 'A piece', l.color, l.size && `Size ${l.size}`].filter(Boolean).join(' · '),
      quantity: l.quantity,
      amount: cash(l.amountMinor, p.currency),
    })),
    totals: order ? totalsOf(order) : [],
    paid: cash(p.capturedMinor, p.currency),
    method: methodOf(p),
  };
  let filename = `StyleByZaga-${orderNumber}-${p.purpose === 'BALANCE' ? 'balance-' : ''}receipt.pdf`;
  if (r) {
    // What had been refunded once this refund went through: later refunds do not change an earlier receipt.
    const upTo = succeeded.slice(0, succeeded.findIndex((s) => s.id === r.id) + 1);
    const refundedToDate = upTo.reduce((sum, s) => sum + s.amountMinor, 0);
    const reason = openText(ctx.keys, r.reason)?.trim();
    document.refund = {
      amount: cash(r.amountMinor, r.currency),
      ...(reason ? { reason } : {}),
      refundedToDate: cash(refundedToDate, p.currency),
      remaining: cash(Math.max(0, p.capturedMinor - refundedToDate), p.currency),
    };
    filename = `StyleByZaga-${orderNumber}-refund-${upTo.length}.pdf`;
  }
  return { pdf: await renderReceiptPdf(document), filename };
}

async function succeededRefunds(ctx: AppContext, paymentId: string): Promise<RefundRow[]> {
  return ctx.db
    .select()
    .from(paymentRefunds)
    .where(and(eq(paymentRefunds.paymentId, paymentId), eq(paymentRefunds.status, 'SUCCEEDED')))
    .orderBy(asc(paymentRefunds.createdAt), asc(paymentRefunds.id));
}

function purposeOf(p: PaymentRow, order: PayableOrder | undefined): string {
  if (p.purpose === 'BALANCE') return 'Balance';
  return order && order.orderTotalMinor > p.amountMinor ? 'Deposit' : 'Payment in full';
}

function methodOf(p: PaymentRow): string {
  if (p.provider === 'bank_transfer') return p.bankReference ? `Bank transfer, reference ${p.bankReference}` : 'Bank transfer';
  return p.methodLabel || 'Card';
}

function totalsOf(order: PayableOrder): ReceiptDocument['totals'] {
  const pieces = order.lines.reduce((sum, l) => sum + l.amountMinor, 0);
  return [
    { label: 'Pieces', amount: cash(pieces, order.currency) },
    ...(order.deliveryMinor > 0 ? [{ label: 'Delivery', amount: cash(order.deliveryMinor, order.currency) }] : []),
    ...(order.taxMinor > 0 ? [{ label: 'Duties and VAT', amount: cash(order.taxMinor, order.currency) }] : []),
    { label: 'Order total', amount: cash(order.orderTotalMinor, order.currency) },
  ];
}

// ───────────────────────────── an order's receipts ─────────────────────────────

/** Every receipt of an order, oldest first, each with a freshly signed link; the order's client or an admin, else 404. */
export async function listOrderReceipts(ctx: AppContext, actor: PaymentActor, orderId: string, now = Date.now()): Promise<OrderReceipt[]> {
  const order = await orders().getOrderForPayment(ctx.db, orderId);
  if (!order || (order.clientId !== actor.userId && actor.userType !== 'ADMIN'))
    throw new ApiError('ResourceNotFoundException', 'No such order');
  const paid = await ctx.db
    .select()
    .from(payments)
    .where(and(eq(payments.orderId, orderId), gt(payments.capturedMinor, 0)))
    .orderBy(asc(payments.createdAt), asc(payments.id));
  const out: OrderReceipt[] = [];
  for (const p of paid) {
    const method = methodOf(p);
    out.push(
      present(
        ctx.keys,
        now,
        orderId,
        { kind: 'payment', id: p.id, paymentId: p.id, amount: cash(p.capturedMinor, p.currency) },
        {
          issuedAt: p.capturedAt ?? p.updatedAt,
          description: `${purposeOf(p, order)} · ${method}`,
        },
      ),
    );
    for (const r of await succeededRefunds(ctx, p.id))
      out.push(
        present(
          ctx.keys,
          now,
          orderId,
          { kind: 'refund', id: r.id, paymentId: p.id, amount: cash(r.amountMinor, r.currency) },
          {
            issuedAt: r.updatedAt,
            description: `Refund · ${method}`,
          },
        ),
      );
  }
  return out;
}

function present(
  keys: Keys,
  now: number,
  orderId: string,
  receipt: { kind: ReceiptKind; id: string; paymentId: string; amount: Money },
  words: { issuedAt: Date; description: string },
): OrderReceipt {
  const link = signedReceiptLink(keys, receipt.kind, receipt.id, now);
  return {
    kind: receipt.kind,
    receiptId: receipt.id,
    paymentId: receipt.paymentId,
    amount: toDto(receipt.amount),
    issuedAt: words.issuedAt.toISOString(),
    description: words.description,
    downloadPath: receiptPath(orderId, receipt.kind, receipt.id),
    url: link.url,
    expiresAt: link.expiresAt,
  };
}
