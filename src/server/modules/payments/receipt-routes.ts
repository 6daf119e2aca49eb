import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { actorOf } from '../../http/auth.ts';
import { ListOrderReceiptsOutput, ReceiptPdf } from './models.ts';
import { listOrderReceipts, receiptBySignedLink, receiptForActor, type ReceiptFile } from './receipts.ts';

const tags = ['Payments'];
const OrderIdParams = z.strictObject({ orderId: z.uuid('Not a valid order id') });

/** A receipt as a download: never cached by a shared cache, never sniffed into something else. */
function sendPdf(reply: FastifyReply, file: ReceiptFile) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${file.filename.replace(/[^\x20-\x7e]|"/g, '_')}"`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .header('cross-origin-resource-policy', 'same-origin')
    .send(file.pdf);
}

/** Additions to the spec (#13): an order's PDF receipts, by session or by a link signed for 15 minutes. */
export async function receiptRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/orders/:orderId/receipts',
    {
      schema: {
        tags,
        summary: 'An order’s receipts: one per payment that took money and per refund, each with a link signed for 15 minutes',
        params: OrderIdParams,
        response: { 200: ListOrderReceiptsOutput, ...errorResponses('ResourceNotFoundException', 'AccessDeniedException') },
      },
      config: { policy: 'payment.read' },
    },
    async (request) => ({ receipts: await listOrderReceipts(ctx, actorOf(request), request.params.orderId) }),
  );

  typed.get(
    '/orders/:orderId/payments/:paymentId/receipt',
    {
      schema: {
        tags,
        summary: 'A payment’s receipt as a PDF: the order’s client or an admin (another client’s is 404)',
        params: OrderIdParams.extend({ paymentId: z.uuid('Not a valid payment id') }),
        response: { 200: ReceiptPdf, ...errorResponses('ResourceNotFoundException', 'AccessDeniedException') },
      },
      config: { policy: 'payment.read' },
    },
    async (request, reply) =>
      sendPdf(reply, await receiptForActor(ctx, actorOf(request), request.params.orderId, 'payment', request.params.paymentId)),
  );

  typed.get(
    '/orders/:orderId/refunds/:refundId/receipt',
    {
      schema: {
        tags,
        summary: 'A refund’s receipt as a PDF: what was refunded and what remains paid; the order’s client or an admin',
        params: OrderIdParams.extend({ refundId: z.uuid('Not a valid refund id') }),
        response: { 200: ReceiptPdf, ...errorResponses('ResourceNotFoundException', 'AccessDeniedException') },
      },
      config: { policy: 'payment.read' },
    },
    async (request, reply) =>
      sendPdf(reply, await receiptForActor(ctx, actorOf(request), request.params.orderId, 'refund', request.params.refundId)),
  );

  typed.get(
    '/receipts/:kind/:receiptId',
    {
      schema: {
        tags,
        summary: 'A receipt behind a signed link (from ListOrderReceipts or GetPaymentStatus); no session needed until it expires',
        description: 'An altered signature answers 403 with reason LINK_INVALID; a link past its time 403 with reason LINK_EXPIRED.',
        params: z.strictObject({ kind: z.enum(['payment', 'refund']), receiptId: z.uuid('Not a valid receipt id') }),
        querystring: z.strictObject({
          expires: z.coerce.number('Not a valid link').int('Not a valid link'),
          signature: z.string('Not a valid link').max(100),
        }),
        response: {
          200: ReceiptPdf,
          ...errorResponses('ValidationException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'public', identifyCaller: false },
    },
    async (request, reply) =>
      sendPdf(
        reply,
        await receiptBySignedLink(ctx, request.params.kind, request.params.receiptId, request.query.expires, request.query.signature),
      ),
  );
}
