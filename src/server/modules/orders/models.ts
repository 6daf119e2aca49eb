/** The orders API's shapes (stylebyzaga.smithy: Order, OrderItem, Address; additions are documented on each field). */
import { z } from 'zod';
import { CURRENCY_CODES } from '../../../shared/money.ts';
import { pageQuery } from '../../http/pagination.ts';
import { Money, MoneyInput } from '../../../shared/money-schema.ts';
import { DELIVERY_OPTIONS, ORDER_ACTOR_KINDS, ORDER_STATES } from './schema.ts';

export { Money };

export const OrderStatus = z.enum(ORDER_STATES).meta({ id: 'OrderStatus' });
export const DeliveryOption = z
  .enum(DELIVERY_OPTIONS, `Choose one of ${DELIVERY_OPTIONS.join(', ')}`)
  .meta({ id: 'DeliveryOption', description: 'Insured courier, white-glove hand delivery, collection in store, or delivery to a hotel.' });
export const SettlementCurrency = z.enum(CURRENCY_CODES, `Unknown currency; use one of ${CURRENCY_CODES.join(', ')}`);

const text = (max: number, label: string) =>
  z.string(`${label} is required`).trim().min(1, `${label} is required`).max(max, `${label} is at most ${max} characters`);

export const Address = z
  .strictObject({
    recipientName: z.string().trim().max(120).optional().meta({ description: 'Addition to the spec: who receives the delivery.' }),
    line1: text(200, 'Address line 1'),
    line2: z.string().trim().max(200).optional(),
    city: text(100, 'City'),
    state: z.string('State or region is required (may be empty)').trim().max(100),
    postalCode: z.string('Postal code is required (may be empty)').trim().max(20),
    country: z
      .string('Country is required')
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'Country is a two-letter ISO code such as FR'),
    phoneNumber: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{6,24}$/, 'Phone number looks wrong')
      .optional(),
  })
  .meta({ id: 'OrderAddress', description: 'The spec’s Address (state, not region), for deliveries and billing.' });
export type Address = z.infer<typeof Address>;

const Quantity = z
  .number('Quantity must be a number')
  .int('Quantity must be a whole number')
  .min(1, 'Quantity is at least 1')
  .max(99, 'Quantity is at most 99');

export const OrderItemInput = z
  .strictObject({
    productId: z.uuid('productId must be a product id'),
    variantId: z
      .uuid('variantId must be a variant id')
      .optional()
      .meta({ description: 'Addition to the spec: the size/colour variant; required when the product has several.' }),
    quantity: Quantity,
    unitPrice: MoneyInput.optional().meta({
      description: 'Optional and never trusted: when sent it must equal the current price, or the answer is 409 with the current prices.',
    }),
    totalPrice: MoneyInput.optional(),
    customizations: z.string().trim().max(1000, 'customizations is at most 1000 characters').optional(),
  })
  .meta({ id: 'OrderLineInput', description: 'A piece to order: product, variant, quantity, options.' });
export type OrderItemInput = z.infer<typeof OrderItemInput>;

export const OrderItem = z
  .object({
    itemId: z.string(),
    productId: z.string(),
    variantId: z.string().meta({ description: 'Addition to the spec: the size/colour variant ordered.' }),
    name: z.string(),
    brandName: z.string(),
    sku: z.string(),
    color: z.string().optional(),
    size: z.string().optional(),
    imageUrl: z.string().optional(),
    quantity: z.number().int(),
    unitPrice: Money,
    totalPrice: Money,
    depositPercent: z.number().int().optional(),
    deposit: Money.optional().meta({
      description: 'Due at ordering for a piece sold on enquiry or made to order; the balance is due before delivery.',
    }),
    customizations: z.string().optional(),
  })
  .meta({ id: 'OrderItem' });

export const OrderTotals = z
  .object({
    items: Money,
    delivery: Money,
    duties: Money,
    vat: Money,
    total: Money,
    dueNow: Money.meta({ description: 'What is paid now: the total, or deposits plus the full price of the other pieces.' }),
    balance: Money.meta({ description: 'What remains due before delivery.' }),
    paid: Money,
  })
  .meta({ id: 'OrderTotals' });

export const TimelineEntry = z
  .object({
    at: z.iso.datetime(),
    fromStatus: OrderStatus.optional(),
    toStatus: OrderStatus,
    note: z.string().optional(),
    actor: z.object({ kind: z.enum(ORDER_ACTOR_KINDS), userId: z.string().optional() }),
    reason: z.string().optional(),
  })
  .meta({ id: 'OrderTimelineEntry' });

export const Order = z
  .object({
    orderId: z.string(),
    orderNumber: z.string().meta({ description: 'Human number, e.g. ZG-2026-000123.' }),
    clientId: z.string(),
    stylistId: z.string().optional(),
    items: z.array(OrderItem),
    totalAmount: Money,
    totals: OrderTotals,
    status: OrderStatus,
    deliveryOption: DeliveryOption,
    shippingAddress: Address.optional(),
    billingAddress: Address.optional(),
    deliveryNote: z.string().optional(),
    paymentId: z.string().optional(),
    highValue: z.boolean().meta({ description: 'Above HIGH_VALUE_THRESHOLD: ordering needed a recent second-factor check.' }),
    requiresApproval: z.boolean().meta({ description: 'Above APPROVAL_THRESHOLD: funds are held until the house office approves.' }),
    approvedAt: z.iso.datetime().optional(),
    paymentDueAt: z.iso.datetime().optional().meta({ description: 'Unpaid by then, the order is cancelled and its pieces released.' }),
    tracking: z.object({ carrier: z.string(), trackingNumber: z.string(), url: z.string().optional() }).optional(),
    fx: z.object({
      currency: z.string(),
      rates: z.record(z.string(), z.number()),
      lockedAt: z.iso.datetime(),
      validUntil: z.iso.datetime(),
    }),
    timeline: z.array(TimelineEntry).optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime().optional(),
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof Order>;

export const CreateOrderInput = z
  .strictObject({
    clientId: z.uuid('clientId must be your account id'),
    items: z.array(OrderItemInput, 'items is required').min(1, 'An order needs at least one piece').max(50, 'At most 50 lines per order'),
    stylistId: z.uuid('stylistId must be a stylist id').optional(),
    shippingAddress: Address.optional(),
    shippingAddressId: z
      .uuid('shippingAddressId must be a saved address id')
      .optional()
      .meta({ description: 'Addition: a saved address instead of shippingAddress.' }),
    billingAddress: Address.optional(),
    billingAddressId: z.uuid('billingAddressId must be a saved address id').optional(),
    saveShippingAddress: z.boolean().optional().meta({ description: 'Addition: keep the shipping address in the account.' }),
    deliveryOption: DeliveryOption.default('INSURED_COURIER'),
    deliveryNote: z.string().trim().max(500).optional().meta({ description: 'Hotel name and arrival date, concierge instructions…' }),
    currency: SettlementCurrency.default('EUR').meta({ description: 'Addition: the settlement currency.' }),
    paymentMethodId: z.string().max(200).optional(),
  })
  .meta({ id: 'CreateOrderInput' });
export type CreateOrderInput = z.infer<typeof CreateOrderInput>;

export const CreateOrderOutput = z
  .object({ orderId: z.string(), order: Order, paymentRequired: z.boolean() })
  .meta({ id: 'CreateOrderOutput' });

export const OrderIdParams = z.strictObject({ orderId: z.uuid('orderId must be an order id') });
export const GetOrderOutput = z.object({ order: Order }).meta({ id: 'GetOrderOutput' });

export const UpdateOrderInput = z
  .strictObject({
    status: OrderStatus.optional(),
    reason: z.string().trim().max(500).optional(),
    shippingAddress: Address.optional(),
    billingAddress: Address.optional(),
    items: z.array(OrderItemInput).min(1, 'An order needs at least one piece').max(50).optional(),
    deliveryOption: DeliveryOption.optional(),
  })
  .meta({ id: 'UpdateOrderInput' });
export type UpdateOrderInput = z.infer<typeof UpdateOrderInput>;
export const UpdateOrderOutput = z.object({ order: Order }).meta({ id: 'UpdateOrderOutput' });

export const CancelOrderInput = z.strictObject({ reason: z.string().trim().max(500).optional() }).meta({ id: 'CancelOrderInput' });
export const CancelOrderOutput = z.object({ order: Order, refundId: z.string().optional() }).meta({ id: 'CancelOrderOutput' });

export const ListOrdersQuery = z.strictObject({
  clientId: z.uuid('clientId must be an account id').optional(),
  stylistId: z.uuid('stylistId must be a stylist id').optional(),
  status: OrderStatus.optional(),
  startDate: z.iso.datetime({ offset: true, message: 'startDate must be an ISO date-time' }).optional(),
  endDate: z.iso.datetime({ offset: true, message: 'endDate must be an ISO date-time' }).optional(),
  q: z.string().trim().max(40).optional().meta({ description: 'Addition: an order number (or its end), for the house office.' }),
  ...pageQuery({ defaultSize: 20, maxSize: 100 }),
});
export type ListOrdersQuery = z.infer<typeof ListOrdersQuery>;
export const ListOrdersOutput = z.object({ orders: z.array(Order), nextToken: z.string().optional() }).meta({ id: 'ListOrdersOutput' });

// ───────────── bag ─────────────

export const BagItemInput = z
  .strictObject({
    productId: z.uuid('productId must be a product id'),
    variantId: z.uuid('variantId must be a variant id').optional(),
    quantity: Quantity,
    customizations: z.string().trim().max(1000).optional(),
  })
  .meta({ id: 'BagItemInput' });
export type BagItemInput = z.infer<typeof BagItemInput>;

export const PutBagInput = z
  .strictObject({
    items: z.array(BagItemInput).max(50, 'A bag holds at most 50 lines'),
    mode: z
      .enum(['replace', 'merge'])
      .default('replace')
      .meta({ description: '`merge`: add these lines to the saved bag (a visitor’s local bag at sign-in), keeping the larger quantity.' }),
  })
  .meta({ id: 'PutBagInput' });

export const BagLine = z
  .object({
    productId: z.string(),
    variantId: z.string().optional(),
    quantity: z.number().int(),
    customizations: z.string().optional(),
    name: z.string(),
    brandName: z.string(),
    slug: z.string(),
    imageUrl: z.string().optional(),
    color: z.string().optional(),
    size: z.string().optional(),
    unitPrice: Money.optional().meta({ description: 'Absent for a piece whose price is on request.' }),
    available: z.number().int().meta({ description: 'Units in stock of this variant now.' }),
    purchasable: z.boolean(),
    note: z.string().optional(),
  })
  .meta({ id: 'BagLine' });
export const BagOutput = z.object({ items: z.array(BagLine), updatedAt: z.iso.datetime().optional() }).meta({ id: 'Bag' });

// ───────────── addresses, taxes, admin ─────────────

export const SavedAddress = z
  .object({ addressId: z.string(), label: z.string(), address: Address, createdAt: z.iso.datetime() })
  .meta({ id: 'SavedAddress' });
export const SaveAddressInput = z
  .strictObject({ label: z.string().trim().min(1, 'Give the address a name').max(60), address: Address })
  .meta({ id: 'SaveAddressInput' });
export const AddressIdParams = z.strictObject({ addressId: z.uuid('addressId must be an address id') });
export const ListAddressesOutput = z.object({ addresses: z.array(SavedAddress) }).meta({ id: 'ListAddressesOutput' });

export const TaxRate = z
  .object({ country: z.string(), vatPercent: z.number(), dutyPercent: z.number(), updatedAt: z.iso.datetime() })
  .meta({ id: 'TaxRate', description: 'VAT and duties for a destination, in percent with up to two decimals.' });
const Percent = (label: string) =>
  z
    .number(`${label} must be a number`)
    .min(0, `${label} cannot be negative`)
    .max(100, `${label} is at most 100`)
    .refine(
      (n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-9,
      `${label} has at most two decimals`,
    );
export const PutTaxRateInput = z
  .strictObject({ vatPercent: Percent('vatPercent'), dutyPercent: Percent('dutyPercent') })
  .meta({ id: 'PutTaxRateInput' });
export const CountryParams = z.strictObject({
  country: z
    .string()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'country is a two-letter ISO code'),
});
export const ListTaxRatesOutput = z.object({ rates: z.array(TaxRate) }).meta({ id: 'ListTaxRatesOutput' });

export const ShipOrderInput = z
  .strictObject({
    carrier: text(60, 'carrier'),
    trackingNumber: text(80, 'trackingNumber'),
    trackingUrl: z.url('trackingUrl must be a link').max(500).optional(),
  })
  .meta({ id: 'ShipOrderInput' });
export const OrderReasonInput = z.strictObject({ reason: z.string().trim().max(500).optional() }).meta({ id: 'OrderReasonInput' });

export const QuoteInput = CreateOrderInput.omit({ clientId: true, saveShippingAddress: true, paymentMethodId: true }).meta({
  id: 'QuoteOrderInput',
});
export const QuoteOutput = z
  .object({
    items: z.array(OrderItem.omit({ itemId: true })),
    totals: OrderTotals,
    highValue: z.boolean(),
    requiresApproval: z.boolean(),
    secondFactor: z.enum(['NOT_NEEDED', 'CONFIRMED', 'STEP_UP_REQUIRED', 'ENROLLMENT_REQUIRED']).meta({
      description:
        'For a high-value order: whether the second factor proved in the last 10 minutes covers it (CONFIRMED), must be proved again first (STEP_UP_REQUIRED) or enrolled first (ENROLLMENT_REQUIRED).',
    }),
    fx: Order.shape.fx,
  })
  .meta({ id: 'QuoteOrderOutput' });
