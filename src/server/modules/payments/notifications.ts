/**
 * Payment and refund emails, sent through the mailer in the caller's transaction (the outbox, or a dev-mailbox row
 * that commits with the change it announces). Addresses come from the identity module, for delivery only.
 */
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { formatMoney, type Currency } from '../../../shared/money.ts';
import { clientIdentitiesFor } from '../identity/service.ts';

type Viewer = Parameters<typeof clientIdentitiesFor>[1];
/** Reads addresses for delivery only; never shown to anyone. */
const mailRoom: Viewer = {
  userId: 'mail-room',
  userType: 'ADMIN',
  tier: 'STANDARD',
  sessionId: 'mail-room',
  mfaEnabled: true,
  mfaVerifiedAt: null,
};

const link = (ctx: AppContext, path: string) => `${ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`}${path}`;

async function send(ctx: AppContext, db: Db, userId: string, subject: string, lines: string[]): Promise<void> {
  // Inside a transaction every read must use it too (PGlite has one connection).
  const to = (await clientIdentitiesFor({ ...ctx, db }, mailRoom, [userId])).get(userId)?.email;
  if (!to) return;
  await ctx.mailer.send(db, { to, subject, text: `${lines.join('\n')}\n\n— StyleByZaga Concierge` });
}

export interface MailPayment {
  clientId: string;
  orderId: string;
  orderNumber: string;
  currency: Currency;
  amountMinor: number;
}

/** A payment that does not move the order (the balance of a deposit order): the order's own emails say the rest. */
export async function notifyPaymentReceived(ctx: AppContext, db: Db, p: MailPayment): Promise<void> {
  await send(ctx, db, p.clientId, `Payment received for order ${p.orderNumber}`, [
    `Thank you. We have received ${formatMoney({ minor: p.amountMinor, currency: p.currency })} for your order ${p.orderNumber}.`,
    `Your receipt and the order's progress: ${link(ctx, `/account/orders/${p.orderId}`)}`,
  ]);
}

export async function notifyBankTransferInstructions(
  ctx: AppContext,
  db: Db,
  p: MailPayment & { reference: string; beneficiary: string; iban: string; bic: string },
): Promise<void> {
  await send(ctx, db, p.clientId, `Order ${p.orderNumber}: bank transfer details`, [
    `Please transfer ${formatMoney({ minor: p.amountMinor, currency: p.currency })} to:`,
    `  Beneficiary: ${p.beneficiary}`,
    `  IBAN: ${p.iban}`,
    `  BIC: ${p.bic}`,
    `  Reference: ${p.reference}  (exactly this, so we recognise your transfer)`,
    'Your order is confirmed as soon as the full amount has arrived; you may send it in several parts.',
  ]);
}

export async function notifyRefund(ctx: AppContext, db: Db, p: MailPayment & { refundMinor: number }): Promise<void> {
  await send(ctx, db, p.clientId, `Refund for order ${p.orderNumber}`, [
    `We have refunded ${formatMoney({ minor: p.refundMinor, currency: p.currency })} for your order ${p.orderNumber}. Depending on your bank it appears within 5–10 days.`,
    `Your refund receipt: ${link(ctx, `/account/orders/${p.orderId}`)}`,
  ]);
}

export async function notifyAuthorizationLost(ctx: AppContext, db: Db, p: MailPayment): Promise<void> {
  await send(ctx, db, p.clientId, `Order ${p.orderNumber}: please pay again`, [
    `The hold on your card for order ${p.orderNumber} expired before the order was approved, so nothing was taken.`,
    `Please complete the payment again: ${link(ctx, `/account/orders/${p.orderId}`)}`,
  ]);
}
