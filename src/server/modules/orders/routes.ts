import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { ErrorBody, errorResponses } from '../../http/errors.ts';
import { audienceOf } from '../catalog/service.ts';
import { actorOf, metaOf } from '../../http/auth.ts';
import { deleteAddress, listAddresses, saveAddress } from './addresses.ts';
import { approveOrder, listTaxRates, markDelivered, markProcessing, putTaxRate, setDepositRule, shipOrder } from './admin.ts';
import { getBag, putBag } from './bag.ts';
import {
  AddressIdParams,
  BagOutput,
  CancelOrderInput,
  CancelOrderOutput,
  CountryParams,
  CreateOrderInput,
  CreateOrderOutput,
  GetOrderOutput,
  ListAddressesOutput,
  ListOrdersOutput,
  ListOrdersQuery,
  ListTaxRatesOutput,
  Money,
  OrderIdParams,
  OrderReasonInput,
  PutBagInput,
  PutTaxRateInput,
  QuoteInput,
  QuoteOutput,
  SaveAddressInput,
  SavedAddress,
  ShipOrderInput,
  TaxRate,
  UpdateOrderInput,
  UpdateOrderOutput,
} from './models.ts';
import { cancelOrder, createOrder, getOrder, listOrders, secondFactorFor, updateOrder } from './orders.ts';
import { quoteOrder } from './quote.ts';
import { toDto } from '../../../shared/money.ts';
import { ApiError } from '../../http/errors.ts';
import { advanceStepUpClock } from '../../security/step-up-clock.ts';

const tags = ['Orders'];
const bearer = [{ bearerAuth: [] }];

/** A 409 when prices changed: the current ones, so the client can confirm again. */
const PriceConflict = ErrorBody.extend({
  currentPrices: z
    .array(z.object({ index: z.number().int(), productId: z.string(), variantId: z.string(), unitPrice: Money, totalPrice: Money }))
    .optional(),
}).meta({ id: 'PriceConflictError' });

/** The bag, checkout and orders (spec: Order Management), saved addresses, and the house office's order desk. */
export async function orderRoutes(parent: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { ctx } = opts;

  app.get(
    '/bag',
    {
      schema: {
        tags,
        summary: 'The client’s bag, with current prices and stock',
        security: bearer,
        response: { 200: BagOutput, ...errorResponses('UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'bag.manage' },
    },
    async (request) => getBag(ctx, actorOf(request)),
  );

  app.put(
    '/bag',
    {
      schema: {
        tags,
        summary: 'Replaces the bag, or merges a visitor’s local bag into it at sign-in',
        security: bearer,
        body: PutBagInput,
        response: {
          200: BagOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'bag.manage' },
    },
    async (request) => putBag(ctx, actorOf(request), request.body.items, request.body.mode),
  );

  app.get(
    '/account/addresses',
    {
      schema: {
        tags,
        summary: 'The client’s saved addresses',
        security: bearer,
        response: { 200: ListAddressesOutput, ...errorResponses('UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'address.manage' },
    },
    async (request) => ({ addresses: await listAddresses(ctx, actorOf(request).userId) }),
  );

  app.post(
    '/account/addresses',
    {
      schema: {
        tags,
        summary: 'Saves an address (stored encrypted)',
        security: bearer,
        body: SaveAddressInput,
        response: {
          201: SavedAddress,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ConflictException'),
        },
      },
      config: { policy: 'address.manage' },
    },
    async (request, reply) =>
      reply.status(201).send(await saveAddress(ctx, actorOf(request).userId, request.body.label, request.body.address)),
  );

  app.delete(
    '/account/addresses/:addressId',
    {
      schema: {
        tags,
        summary: 'Removes a saved address',
        security: bearer,
        params: AddressIdParams,
        response: { 204: z.null(), ...errorResponses('UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException') },
      },
      config: { policy: 'address.manage' },
    },
    async (request, reply) => {
      await deleteAddress(ctx, actorOf(request).userId, request.params.addressId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/orders/quote',
    {
      schema: {
        tags,
        summary: 'Prices a checkout without placing it: items, delivery, duties and VAT for the destination, deposits',
        security: bearer,
        body: QuoteInput,
        response: {
          200: QuoteOutput,
          409: PriceConflict,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'order.create' },
    },
    async (request) => {
      const body = request.body;
      const address = body.shippingAddress ?? body.billingAddress;
      if (!address)
        throw new ApiError('ValidationException', 'Give a delivery address', {
          fieldErrors: { 'body.shippingAddress': ['Required to price delivery and taxes'] },
        });
      const quote = await quoteOrder(ctx.db, ctx.config, {
        items: body.items,
        currency: body.currency,
        deliveryOption: body.deliveryOption,
        country: address.country,
        countryField: body.shippingAddress ? 'body.shippingAddress.country' : 'body.billingAddress.country',
        audience: audienceOf(actorOf(request)),
      });
      const m = (minor: number) => toDto({ minor, currency: quote.currency });
      const t = quote.totals;
      return {
        items: quote.lines.map((l) => ({
          productId: l.product.id,
          variantId: l.variant.id,
          name: l.product.name,
          brandName: l.product.brandName,
          sku: l.variant.sku,
          ...(l.variant.color ? { color: l.variant.color } : {}),
          ...(l.variant.size ? { size: l.variant.size } : {}),
          ...(l.product.image ? { imageUrl: l.product.image.url } : {}),
          quantity: l.input.quantity,
          unitPrice: m(l.unitPriceMinor),
          totalPrice: m(l.totalMinor),
          ...(l.depositPercent ? { depositPercent: l.depositPercent } : {}),
          ...(l.depositMinor !== null ? { deposit: m(l.depositMinor) } : {}),
          ...(l.input.customizations ? { customizations: l.input.customizations } : {}),
        })),
        totals: {
          items: m(t.itemsMinor),
          delivery: m(t.deliveryMinor),
          duties: m(t.dutiesMinor),
          vat: m(t.vatMinor),
          total: m(t.totalMinor),
          dueNow: m(t.dueNowMinor),
          balance: m(t.totalMinor - t.dueNowMinor),
          paid: m(0),
        },
        highValue: quote.highValue,
        requiresApproval: quote.requiresApproval,
        secondFactor: secondFactorFor(ctx, actorOf(request), quote.highValue),
        fx: { currency: quote.fx.settlement, rates: quote.fx.rates, lockedAt: quote.fx.lockedAt, validUntil: quote.fx.validUntil },
      };
    },
  );

  app.post(
    '/orders',
    {
      schema: {
        tags,
        summary: 'CreateOrder: prices on the server, reserves the pieces, PENDING_PAYMENT until paid (Idempotency-Key honoured)',
        security: bearer,
        body: CreateOrderInput,
        response: {
          201: CreateOrderOutput,
          409: PriceConflict,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'order.create', idempotent: true },
    },
    async (request, reply) => {
      const { order, paymentRequired } = await createOrder(ctx, actorOf(request), request.body, metaOf(request));
      return reply.status(201).send({ orderId: order.orderId, order, paymentRequired });
    },
  );

  app.get(
    '/orders',
    {
      schema: {
        tags,
        summary: 'ListOrders: a client’s own, newest first; the house office filters every order',
        security: bearer,
        querystring: ListOrdersQuery,
        response: { 200: ListOrdersOutput, ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'order.read' },
    },
    async (request) => listOrders(ctx, actorOf(request), request.query),
  );

  app.get(
    '/orders/:orderId',
    {
      schema: {
        tags,
        summary: 'GetOrder, with its timeline',
        security: bearer,
        params: OrderIdParams,
        response: { 200: GetOrderOutput, ...errorResponses('UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException') },
      },
      config: { policy: 'order.read' },
    },
    async (request) => ({ order: await getOrder(ctx, actorOf(request), request.params.orderId) }),
  );

  app.put(
    '/orders/:orderId',
    {
      schema: {
        tags,
        summary: 'UpdateOrder: pieces, delivery and addresses before payment (addresses until shipping); status for the house office',
        security: bearer,
        params: OrderIdParams,
        body: UpdateOrderInput,
        response: {
          200: UpdateOrderOutput,
          409: PriceConflict,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'order.change' },
    },
    async (request) => ({ order: await updateOrder(ctx, actorOf(request), request.params.orderId, request.body, metaOf(request)) }),
  );

  app.post(
    '/orders/:orderId/cancel',
    {
      schema: {
        tags,
        summary: 'CancelOrder: before shipping; the pieces go back on sale, the hold is voided or the payment refunded',
        security: bearer,
        params: OrderIdParams,
        body: CancelOrderInput.optional(),
        response: {
          200: CancelOrderOutput,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'ConflictException',
          ),
        },
      },
      config: { policy: 'order.change', idempotent: true },
    },
    async (request) => cancelOrder(ctx, actorOf(request), request.params.orderId, request.body?.reason, metaOf(request)),
  );

  // ───────────── house office ─────────────

  const adminAction = (
    path: string,
    summary: string,
    run: (orderId: string, body: { reason?: string | undefined }, request: Parameters<typeof actorOf>[0]) => Promise<unknown>,
  ) =>
    app.post(
      `/admin/orders/:orderId/${path}`,
      {
        schema: {
          tags,
          summary,
          security: bearer,
          params: OrderIdParams,
          body: OrderReasonInput.optional(),
          response: {
            200: GetOrderOutput,
            ...errorResponses(
              'ValidationException',
              'UnauthorizedException',
              'AccessDeniedException',
              'ResourceNotFoundException',
              'ConflictException',
            ),
          },
        },
        config: { policy: 'order.fulfil' },
      },
      async (request) => ({
        order: (await run(request.params.orderId, request.body ?? {}, request)) as z.infer<typeof GetOrderOutput>['order'],
      }),
    );
  adminAction('approve', 'Approves a high-value order: its held funds are captured', (id, body, request) =>
    approveOrder(ctx, actorOf(request), id, body.reason, metaOf(request)),
  );
  adminAction('processing', 'Marks a paid order as being prepared', (id, _body, request) =>
    markProcessing(ctx, actorOf(request), id, metaOf(request)),
  );
  adminAction('deliver', 'Marks a shipped order as delivered', (id, body, request) =>
    markDelivered(ctx, actorOf(request), id, body.reason, metaOf(request)),
  );

  app.post(
    '/admin/orders/:orderId/ship',
    {
      schema: {
        tags,
        summary: 'Ships an order with its carrier and tracking number',
        security: bearer,
        params: OrderIdParams,
        body: ShipOrderInput,
        response: {
          200: GetOrderOutput,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'ConflictException',
          ),
        },
      },
      config: { policy: 'order.fulfil' },
    },
    async (request) => ({ order: await shipOrder(ctx, actorOf(request), request.params.orderId, request.body, metaOf(request)) }),
  );

  app.get(
    '/admin/tax-rates',
    {
      schema: {
        tags,
        summary: 'VAT and duties by destination country',
        security: bearer,
        response: { 200: ListTaxRatesOutput, ...errorResponses('UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'tax.manage' },
    },
    async () => ({ rates: await listTaxRates(ctx) }),
  );

  app.put(
    '/admin/tax-rates/:country',
    {
      schema: {
        tags,
        summary: 'Sets a destination’s VAT and duties; placed orders keep theirs',
        security: bearer,
        params: CountryParams,
        body: PutTaxRateInput,
        response: { 200: TaxRate, ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'tax.manage' },
    },
    async (request) => putTaxRate(ctx, actorOf(request), request.params.country, request.body, metaOf(request)),
  );

  // Browser journeys age the step-up proof instead of waiting ten minutes; never in production.
  if (ctx.config.CHECKOUT_TEST_CLOCK) {
    app.post(
      '/checkout/test-clock',
      {
        schema: {
          tags,
          summary: 'Test only (CHECKOUT_TEST_CLOCK): move the step-up clock forward',
          security: bearer,
          body: z.strictObject({ advanceSeconds: z.number().int().min(0).max(86_400) }),
          response: { 200: z.object({ now: z.string() }), ...errorResponses('UnauthorizedException', 'AccessDeniedException') },
        },
        config: { policy: 'order.fulfil' },
      },
      async (request) => ({ now: new Date(advanceStepUpClock(ctx.db, request.body.advanceSeconds * 1000)).toISOString() }),
    );
  }

  app.put(
    '/admin/products/:productId/deposit',
    {
      schema: {
        tags,
        summary: 'Lets a piece sold on enquiry or made to order be ordered against a deposit (percent), or stops it (null)',
        security: bearer,
        params: z.strictObject({ productId: z.uuid('productId must be a product id') }),
        body: z.strictObject({
          percent: z
            .number()
            .int('percent is a whole number')
            .min(1, 'percent is at least 1')
            .max(100, 'percent is at most 100')
            .nullable(),
        }),
        response: { 204: z.null(), ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'order.fulfil' },
    },
    async (request, reply) => {
      await setDepositRule(ctx, actorOf(request), request.params.productId, request.body.percent, metaOf(request));
      return reply.status(204).send(null);
    },
  );
}
