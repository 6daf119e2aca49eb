/**
 * The payments API's shapes (Zod): the Smithy model's ProcessPayment, RefundPayment and GetPaymentStatus, plus what
 * the checkout, receipts, bank transfers and the house office need. Validation, types and OpenAPI come from here.
 */
import { z } from 'zod';
import { Money as PaymentMoney, PositiveMoneyInput as MoneyAmountInput } from '../../../shared/money-schema.ts';
export { PaymentMoney };
import { PAYMENT_STATUSES, PROVIDERS, REFUND_ORIGINS, REFUND_STATUSES } from './schema.ts';

export const PaymentStatus = z.enum(PAYMENT_STATUSES).meta({ id: 'PaymentStatus' });
export const RefundStatus = z.enum(['PENDING', 'SUCCEEDED', 'FAILED']).meta({ id: 'RefundStatus' });

export const NextAction = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('redirect'), url: z.string().meta({ description: 'The 3-D Secure page the client completes.' }) }),
    z.object({ type: z.literal('stripe_sdk'), clientSecret: z.string(), publishableKey: z.string() }),
    z.object({
      type: z.literal('bank_transfer'),
      reference: z.string().meta({ description: 'Put this on the transfer, exactly: it is how we recognise it.' }),
      beneficiary: z.string(),
      iban: z.string(),
      bic: z.string(),
      amount: PaymentMoney,
    }),
  ])
  .meta({ id: 'PaymentNextAction', description: 'What the client must do to finish this payment, when anything.' });

export const ProcessPaymentInput = z
  .strictObject({
    orderId: z.uuid('Not a valid order id'),
    paymentMethodId: z.string('Choose a payment method').min(1, 'Choose a payment method').max(255).meta({
      description:
        'A card token from the provider (sandbox: from POST /payments/sandbox/payment-methods, or Stripe test methods such as pm_card_visa; Stripe: a PaymentMethod id from the Payment Element), or `bank_transfer`.',
    }),
    amount: MoneyAmountInput.optional().meta({ description: 'When sent, must equal the order’s total; never trusted.' }),
    currency: z
      .string()
      .max(3, 'A 3-letter ISO 4217 code')
      .optional()
      .meta({ description: 'When sent, must be the order’s settlement currency.' }),
    savePaymentMethod: z.boolean().optional(),
  })
  .meta({ id: 'ProcessPaymentInput' });
export type ProcessPaymentInput = z.infer<typeof ProcessPaymentInput>;

export const ProcessPaymentOutput = z
  .object({
    paymentId: z.string(),
    status: PaymentStatus,
    transactionId: z.string().optional().meta({ description: 'The provider’s id for this payment.' }),
    nextAction: NextAction.optional(),
    declineCode: z.string().optional(),
    message: z.string().optional(),
  })
  .meta({ id: 'ProcessPaymentOutput' });
export type ProcessPaymentOutput = z.infer<typeof ProcessPaymentOutput>;

export const CompletePaymentActionInput = z
  .strictObject({
    challenge: z.string().max(100).optional().meta({ description: 'Sandbox: the challenge of the 3-D Secure page.' }),
    approve: z.boolean().optional().meta({ description: 'Sandbox: the client passed (true) or failed (false) authentication.' }),
  })
  .meta({ id: 'CompletePaymentActionInput' });

export const RefundPaymentInput = z
  .strictObject({
    paymentId: z.uuid('Not a valid payment id'),
    amount: MoneyAmountInput,
    reason: z.string().trim().max(500, 'At most 500 characters').optional(),
  })
  .meta({ id: 'RefundPaymentInput' });
export type RefundPaymentInput = z.infer<typeof RefundPaymentInput>;

export const RefundPaymentOutput = z
  .object({
    refundId: z.string(),
    status: RefundStatus,
    approvalRequired: z
      .boolean()
      .optional()
      .meta({ description: 'Above the approval threshold a second admin must approve before the money moves.' }),
  })
  .meta({ id: 'RefundPaymentOutput' });
export type RefundPaymentOutput = z.infer<typeof RefundPaymentOutput>;

export const Refund = z
  .object({
    refundId: z.string(),
    paymentId: z.string(),
    orderId: z.string(),
    amount: PaymentMoney,
    status: z.enum(REFUND_STATUSES),
    reason: z.string(),
    origin: z.enum(REFUND_ORIGINS),
    requestedBy: z.string().optional(),
    approvedBy: z.string().optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Refund' });
export type Refund = z.infer<typeof Refund>;

export const GetPaymentStatusOutput = z
  .object({
    paymentId: z.string(),
    status: PaymentStatus,
    amount: PaymentMoney,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    orderId: z.string(),
    provider: z.enum(PROVIDERS),
    method: z.string().meta({ description: '"Visa •••• 4242", "Bank transfer".' }),
    captured: PaymentMoney,
    refunded: PaymentMoney,
    received: PaymentMoney.optional().meta({ description: 'Bank transfers: what has arrived so far.' }),
    declineCode: z.string().optional(),
    message: z.string().optional(),
    nextAction: NextAction.optional(),
    refunds: z.array(Refund),
    receipts: z
      .array(z.object({ kind: z.enum(['payment', 'refund']), id: z.string(), url: z.string() }))
      .meta({ description: 'PDF receipts, with links signed for a limited time.' }),
  })
  .meta({ id: 'GetPaymentStatusOutput' });
export type GetPaymentStatusOutput = z.infer<typeof GetPaymentStatusOutput>;

export const SandboxCardInput = z
  .strictObject({
    number: z.string('Enter the card number').max(30),
    expMonth: z.number('Enter the expiry month').int(),
    expYear: z.number('Enter the expiry year').int().min(2000).max(2100),
    cvc: z.string('Enter the security code').max(4),
  })
  .meta({ id: 'SandboxCardInput' });

export const SandboxCardOutput = z.object({ paymentMethodId: z.string(), label: z.string() }).meta({ id: 'SandboxCardOutput' });

export const PaymentConfigOutput = z
  .object({
    provider: z.enum(['sandbox', 'stripe']),
    publishableKey: z.string().optional(),
    testCards: z.array(z.object({ number: z.string(), description: z.string() })),
    cardLimit: PaymentMoney,
  })
  .meta({ id: 'PaymentConfigOutput' });

export const BankReceiptInput = z
  .strictObject({
    amount: MoneyAmountInput,
    receivedAt: z.iso.datetime({ offset: true, message: 'Use an ISO 8601 date-time, e.g. 2026-12-05T10:00:00Z' }).optional(),
    note: z.string().trim().max(500, 'At most 500 characters').optional(),
  })
  .meta({ id: 'BankReceiptInput' });

export const OrderReceipt = z
  .object({
    kind: z.enum(['payment', 'refund']),
    receiptId: z.string().meta({ description: 'The payment’s id, or the refund’s.' }),
    paymentId: z.string(),
    amount: PaymentMoney.meta({ description: 'What the payment took, or what the refund returned.' }),
    issuedAt: z.iso.datetime(),
    description: z.string().meta({ description: '"Payment in full · Visa •••• 4242", "Refund · Visa •••• 4242".' }),
    downloadPath: z.string().meta({ description: 'Downloads the PDF with the caller’s session.' }),
    url: z.string().meta({ description: 'Downloads the PDF without a session until `expiresAt` (15 minutes).' }),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'OrderReceipt' });
export type OrderReceipt = z.infer<typeof OrderReceipt>;

export const ListOrderReceiptsOutput = z
  .object({ receipts: z.array(OrderReceipt) })
  .meta({ id: 'ListOrderReceiptsOutput', description: 'Addition to the spec: an order’s PDF receipts, oldest first.' });

/** A receipt as a PDF download (the body is the file). */
export const ReceiptPdf = {
  description: 'The receipt, one A4 page (application/pdf), as an attachment.',
  content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
};
