import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { ApiError, errorResponses } from '../../http/errors.ts';
import { toDto } from '../../../shared/money.ts';
import { actorOf, metaOf } from '../../http/auth.ts';
import {
  BankReceiptInput,
  CompletePaymentActionInput,
  GetPaymentStatusOutput,
  PaymentConfigOutput,
  ProcessPaymentInput,
  ProcessPaymentOutput,
  Refund,
  RefundPaymentInput,
  RefundPaymentOutput,
  SandboxCardInput,
  SandboxCardOutput,
} from './models.ts';
import { SANDBOX_CARDS, tokenizeSandboxCard } from './providers/sandbox.ts';
import { WebhookSignatureError } from './providers/types.ts';
import { applyProviderEvent } from './webhooks.ts';
import { receiptRoutes } from './receipt-routes.ts';
import { signedReceiptLink } from './receipts.ts';
import {
  completePaymentAction,
  decideRefund,
  getPaymentStatus,
  processPayment,
  reconcile,
  recordBankReceipt,
  refundPayment,
} from './service.ts';
import { listExceptions, listPayments, resolveException, PaymentExceptionList, PaymentList, ListPaymentsQuery } from './admin.ts';

const PaymentIdParams = z.strictObject({ paymentId: z.uuid('Not a valid payment id') });
const RefundIdParams = z.strictObject({ refundId: z.uuid('Not a valid refund id') });

/** ProcessPayment, RefundPayment, GetPaymentStatus and what the checkout and the house office need around them. */
export async function paymentRoutes(parent: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { ctx } = opts;

  app.get(
    '/payments/config',
    {
      schema: {
        tags: ['Payments'],
        summary: 'How the checkout takes payment: the card provider, its public key, the sandbox test cards',
        response: { 200: PaymentConfigOutput },
      },
      config: { policy: 'public' },
    },
    async () => ({
      provider: ctx.adapters.payments.name,
      ...(ctx.adapters.payments.publishableKey ? { publishableKey: ctx.adapters.payments.publishableKey } : {}),
      testCards:
        ctx.adapters.payments.name === 'sandbox' ? SANDBOX_CARDS.map((c) => ({ number: c.number, description: c.description })) : [],
      cardLimit: toDto({ minor: ctx.config.CARD_LIMIT * 100, currency: 'USD' }),
    }),
  );

  app.post(
    '/payments/sandbox/payment-methods',
    {
      schema: {
        tags: ['Payments'],
        summary: 'Sandbox only: turn a test card into a payment method token (what Stripe.js does for real cards)',
        body: SandboxCardInput,
        response: { 201: SandboxCardOutput, ...errorResponses('ValidationException', 'ResourceNotFoundException') },
      },
      config: { policy: 'payment.pay' },
    },
    async (request, reply) => {
      if (ctx.adapters.payments.name !== 'sandbox')
        throw new ApiError('ResourceNotFoundException', 'The sandbox is not the payment provider here');
      const result = tokenizeSandboxCard(request.body);
      if ('field' in result)
        throw new ApiError('ValidationException', `${result.field}: ${result.message}`, {
          fieldErrors: { [`body.${result.field}`]: [result.message] },
        });
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/payments/process',
    {
      schema: {
        tags: ['Payments'],
        summary: 'Pay for an order (ProcessPayment): by card, or by bank transfer with paymentMethodId "bank_transfer"',
        description:
          'Honours `Idempotency-Key`. A declined card answers 402 PaymentException with a declineCode. A card that needs 3-D Secure answers REQUIRES_ACTION with nextAction.',
        body: ProcessPaymentInput,
        response: {
          200: ProcessPaymentOutput,
          ...errorResponses('ValidationException', 'PaymentException', 'ResourceNotFoundException', 'ConflictException'),
        },
      },
      config: { policy: 'payment.pay', idempotent: true },
    },
    async (request) => processPayment(ctx, actorOf(request), request.body, metaOf(request)),
  );

  // Stripe's webhooks: the signature is checked on the exact bytes Stripe sent, so this scope keeps the raw body.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/payments/webhooks/stripe',
      {
        schema: {
          tags: ['Payments'],
          summary: 'Stripe webhooks (signed by Stripe; a forged or stale signature is 400 and changes nothing)',
          response: {
            200: z.object({ received: z.literal(true), result: z.enum(['applied', 'duplicate', 'ignored']) }),
            ...errorResponses('ValidationException', 'ResourceNotFoundException', 'ServiceUnavailableException'),
          },
        },
        config: { policy: 'public', identifyCaller: false, rateLimit: false },
      },
      async (request) => {
        if (ctx.adapters.payments.name !== 'stripe')
          throw new ApiError('ResourceNotFoundException', 'Stripe is not the payment provider here');
        let event;
        try {
          event = ctx.adapters.payments.parseWebhook(request.body as Buffer, request.headers);
        } catch (err) {
          if (err instanceof WebhookSignatureError)
            throw new ApiError('ValidationException', `Stripe-Signature: ${err.message}`, {
              fieldErrors: { 'headers.stripe-signature': [err.message] },
            });
          throw err;
        }
        return { received: true as const, result: await applyProviderEvent(ctx, 'stripe', event) };
      },
    );
  });

  app.post(
    '/payments/:paymentId/complete-action',
    {
      schema: {
        tags: ['Payments'],
        summary: 'Finish a payment that required authentication (after the 3-D Secure page or Stripe.js)',
        params: PaymentIdParams,
        body: CompletePaymentActionInput,
        response: { 200: ProcessPaymentOutput, ...errorResponses('ValidationException', 'PaymentException', 'ResourceNotFoundException') },
      },
      config: { policy: 'payment.pay' },
    },
    async (request) => completePaymentAction(ctx, actorOf(request), request.params.paymentId, request.body, metaOf(request)),
  );

  app.get(
    '/payments/:paymentId/status',
    {
      schema: {
        tags: ['Payments'],
        summary: 'A payment and its refunds (GetPaymentStatus): its client or an admin',
        params: PaymentIdParams,
        response: { 200: GetPaymentStatusOutput, ...errorResponses('ResourceNotFoundException', 'AccessDeniedException') },
      },
      config: { policy: 'payment.read' },
    },
    async (request) =>
      getPaymentStatus(ctx, actorOf(request), request.params.paymentId, (kind, id) => signedReceiptLink(ctx.keys, kind, id).url),
  );

  await receiptRoutes(app, ctx);

  app.post(
    '/payments/refund',
    {
      schema: {
        tags: ['Payments'],
        summary: 'Refund all or part of a payment (RefundPayment, admins): above the threshold a second admin approves',
        description: 'Honours `Idempotency-Key`. The amount may not exceed what was captured and not yet refunded.',
        body: RefundPaymentInput,
        response: {
          200: RefundPaymentOutput,
          ...errorResponses(
            'ValidationException',
            'PaymentException',
            'ResourceNotFoundException',
            'AccessDeniedException',
            'ConflictException',
          ),
        },
      },
      config: { policy: 'payment.manage', idempotent: true },
    },
    async (request) => refundPayment(ctx, actorOf(request), request.body, metaOf(request)),
  );

  for (const [verb, approve] of [
    ['approve', true],
    ['reject', false],
  ] as const) {
    app.post(
      `/payments/refunds/:refundId/${verb}`,
      {
        schema: {
          tags: ['Payments'],
          summary: `${approve ? 'Approve' : 'Reject'} a refund awaiting a second admin`,
          params: RefundIdParams,
          response: { 200: Refund, ...errorResponses('ResourceNotFoundException', 'AccessDeniedException', 'ConflictException') },
        },
        config: { policy: 'payment.manage' },
      },
      async (request) => decideRefund(ctx, actorOf(request), request.params.refundId, approve, metaOf(request)),
    );
  }

  app.post(
    '/admin/payments/:paymentId/bank-receipts',
    {
      schema: {
        tags: ['Admin'],
        summary: 'Record money that arrived by bank transfer (admins); the order is paid when the receipts add up',
        params: PaymentIdParams,
        body: BankReceiptInput,
        response: {
          200: GetPaymentStatusOutput,
          ...errorResponses('ValidationException', 'ResourceNotFoundException', 'AccessDeniedException', 'ConflictException'),
        },
      },
      config: { policy: 'payment.manage', idempotent: true },
    },
    async (request) => recordBankReceipt(ctx, actorOf(request), request.params.paymentId, request.body, metaOf(request)),
  );

  app.get(
    '/admin/payments',
    {
      schema: {
        tags: ['Admin'],
        summary: 'Payments, newest first (admins)',
        querystring: ListPaymentsQuery,
        response: { 200: PaymentList, ...errorResponses('ValidationException', 'AccessDeniedException') },
      },
      config: { policy: 'payment.manage' },
    },
    async (request) => listPayments(ctx, actorOf(request), request.query),
  );

  app.get(
    '/admin/payments/exceptions',
    {
      schema: {
        tags: ['Admin'],
        summary: 'What the reconciler could not repair by itself (admins)',
        response: { 200: PaymentExceptionList, ...errorResponses('AccessDeniedException') },
      },
      config: { policy: 'payment.manage' },
    },
    async (request) => listExceptions(ctx, actorOf(request)),
  );

  app.post(
    '/admin/payments/exceptions/:exceptionId/resolve',
    {
      schema: {
        tags: ['Admin'],
        summary: 'Mark a reconciler exception as handled (admins)',
        params: z.strictObject({ exceptionId: z.uuid('Not a valid id') }),
        response: { 204: z.null(), ...errorResponses('ResourceNotFoundException', 'AccessDeniedException') },
      },
      config: { policy: 'payment.manage' },
    },
    async (request, reply) => {
      await resolveException(ctx, actorOf(request), request.params.exceptionId, metaOf(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/admin/payments/reconcile',
    {
      schema: {
        tags: ['Admin'],
        summary: 'Run the reconciler now (admins): complete or undo what crashes left half done',
        response: {
          200: z.object({ paymentsResolved: z.number().int(), refundsResolved: z.number().int(), exceptions: z.number().int() }),
          ...errorResponses('AccessDeniedException'),
        },
      },
      config: { policy: 'payment.manage' },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.userType !== 'ADMIN') throw new ApiError('AccessDeniedException', 'Only the house office runs the reconciler');
      return reconcile(ctx, 30);
    },
  );
}
