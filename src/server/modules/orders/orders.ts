/** CreateOrder, GetOrder, UpdateOrder, CancelOrder, ListOrders: the client's and the house office's view of an order. */
import { and, asc, desc, eq, gte, inArray, like, lt, lte, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { toDto, type Currency } from '../../../shared/money.ts';
import type { AppContext, RequestMeta } from '../../context.ts';
import { preparedRows, type Db, type Tx } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { cutPage, idAfter } from '../../http/pagination.ts';
import { decryptJson, encryptJson, sealText, openText } from '../../security/crypto.ts';
import type { Keys } from '../../security/keys.ts';
import { audienceOf, invalidateCatalog, releaseStock, reserveStock, stockMoved } from '../catalog/service.ts';
import type { Actor } from '../../http/auth.ts';
import { audit } from '../../audit/service.ts';
import { requireRecentMfa } from '../identity/service.ts';
import { stepUpNow } from '../../security/step-up-clock.ts';
import { requireBookableStylist } from '../stylists/service.ts';
import { addressForOrder, saveAddressInTx } from './addresses.ts';
import type { Address, CreateOrderInput, ListOrdersQuery, Order, UpdateOrderInput } from './models.ts';
import { quoteOrder, type Quote } from './quote.ts';
import { orderEvents, orderItems, orders } from './schema.ts';
import { applyTransition, eventRow, recordEvent, type OrderActor } from './state-machine.ts';
import { CANCELLABLE, EDITABLE } from './states.ts';

type OrderRow = typeof orders.$inferSelect;
type ItemRow = typeof orderItems.$inferSelect;
type EventRow = typeof orderEvents.$inferSelect;

export const orderActorOf = (actor: Actor): OrderActor => ({ kind: actor.userType === 'ADMIN' ? 'ADMIN' : 'CLIENT', userId: actor.userId });

const notFound = () => new ApiError('ResourceNotFoundException', 'No such order');

/** What a high-value order asks of the actor's second factor right now: the checkout prompts before placing. */
export function secondFactorFor(
  ctx: AppContext,
  actor: Actor,
  highValue: boolean,
): 'NOT_NEEDED' | 'CONFIRMED' | 'STEP_UP_REQUIRED' | 'ENROLLMENT_REQUIRED' {
  if (!highValue) return 'NOT_NEEDED';
  try {
    requireRecentMfa(actor, 10, stepUpNow(ctx.db));
    return 'CONFIRMED';
  } catch (err) {
    if (err instanceof ApiError && err.extra.reason === 'MFA_ENROLLMENT_REQUIRED') return 'ENROLLMENT_REQUIRED';
    if (err instanceof ApiError && err.extra.reason === 'MFA_STEP_UP_REQUIRED') return 'STEP_UP_REQUIRED';
    throw err;
  }
}

// ───────────────────────────── create ─────────────────────────────

/**
 * Places an order in one transaction: prices it on the server, checks the high-value step-up, reserves every piece
 * (or none), writes the order with its number, lines and first timeline entry. Unpaid, it is cancelled after the
 * payment window and the pieces go back on sale.
 */
export async function createOrder(
  ctx: AppContext,
  actor: Actor,
  input: CreateOrderInput,
  meta: RequestMeta = {},
): Promise<{ order: Order; paymentRequired: boolean }> {
  if (input.clientId !== actor.userId) {
    throw new ApiError('AccessDeniedException', 'You can only order for your own account', {
      fieldErrors: { 'body.clientId': ['Must be your own account id'] },
    });
  }
  if (input.stylistId) await requireBookableStylist(ctx.db, input.stylistId, 'body.stylistId');
  const orderId = uuidv7();
  const placed = await ctx.db.transaction(async (tx) => {
    const shipping = input.shippingAddressId
      ? await addressForOrder(ctx, tx, actor.userId, input.shippingAddressId, 'body.shippingAddressId')
      : input.shippingAddress;
    const billing = input.billingAddressId
      ? await addressForOrder(ctx, tx, actor.userId, input.billingAddressId, 'body.billingAddressId')
      : input.billingAddress;
    const destination = destinationOf(input.deliveryOption, shipping, billing);
    const quote = await quoteOrder(tx, ctx.config, {
      items: input.items,
      currency: input.currency,
      deliveryOption: input.deliveryOption,
      country: destination.country,
      countryField: destination.field,
      audience: audienceOf(actor),
    });
    // Above the high-value threshold a second factor from the last 10 minutes is needed; nothing is written before.
    if (quote.highValue) requireRecentMfa(actor, 10, stepUpNow(ctx.db));
    await reserveOrRefuse(tx, quote);
    const now = new Date();
    const row: OrderRow = {
      id: orderId,
      number: '', // from the sequence, below
      clientId: actor.userId,
      stylistId: input.stylistId ?? null,
      status: 'PENDING_PAYMENT',
      currency: quote.currency,
      itemsMinor: quote.totals.itemsMinor,
      deliveryMinor: quote.totals.deliveryMinor,
      dutiesMinor: quote.totals.dutiesMinor,
      vatMinor: quote.totals.vatMinor,
      totalMinor: quote.totals.totalMinor,
      dueNowMinor: quote.totals.dueNowMinor,
      paidMinor: 0,
      fx: quote.fx,
      deliveryOption: input.deliveryOption,
      shipCountry: destination.country,
      shippingAddressEnc: shipping ? encryptJson(ctx.keys, shipping) : null,
      billingAddressEnc: billing ? encryptJson(ctx.keys, billing) : null,
      deliveryNoteEnc: sealText(ctx.keys, input.deliveryNote),
      highValue: quote.highValue,
      requiresApproval: quote.requiresApproval,
      approvedBy: null,
      approvedAt: null,
      paymentDueAt: new Date(now.getTime() + ctx.config.ORDER_PAYMENT_WINDOW_MINUTES * 60_000),
      paymentId: null,
      carrier: null,
      trackingNumber: null,
      trackingUrl: null,
      createdAt: now,
      updatedAt: now,
    };
    const items = lineRows(ctx.keys, orderId, quote);
    const event = eventRow(ctx.keys, orderId, { from: null, to: 'PENDING_PAYMENT', actor: orderActorOf(actor), reason: 'Order placed' });
    // The order, its lines and its first timeline entry in one statement; the rows are what was written, so only the
    // number (from the sequence: `ZG-2026-000123`) and the entry's time come back.
    const [written] = await placeOrder(tx, row, items, event, `ZG-${now.getUTCFullYear()}-`);
    row.number = written!.number;
    const timeline: EventRow = { ...event, at: new Date(written!.at) };
    if (input.saveShippingAddress && input.shippingAddress)
      await saveAddressInTx(ctx, tx, actor.userId, 'Saved at checkout', input.shippingAddress);
    if (quote.highValue) {
      await audit(tx, {
        action: 'orders.order.highValueCreated',
        actorId: actor.userId,
        targetUserId: actor.userId,
        details: { orderId, totalMinor: quote.totals.totalMinor, currency: quote.currency },
        meta,
      });
    }
    return { row, items, event: timeline };
  });
  stockMoved(
    ctx.db,
    placed.items.map((i) => i.productId),
  );
  // The answer is made from the rows just written: no second read after the commit.
  const order = present(ctx, placed.row, placed.items, [placed.event]);
  return { order, paymentRequired: placed.row.dueNowMinor > 0 };
}

// The order, its lines and its first timeline entry in one statement, prepared by name per number of lines (built the
// first time an order of that many lines is placed; CreateOrderInput allows at most 50): every CreateOrder runs it.
// Parameters take their types from the columns.
const ORDER_COLUMNS = [
  'id',
  'clientId',
  'stylistId',
  'status',
  'currency',
  'itemsMinor',
  'deliveryMinor',
  'dutiesMinor',
  'vatMinor',
  'totalMinor',
  'dueNowMinor',
  'paidMinor',
  'fx',
  'deliveryOption',
  'shipCountry',
  'shippingAddressEnc',
  'billingAddressEnc',
  'deliveryNoteEnc',
  'highValue',
  'requiresApproval',
  'paymentDueAt',
  'createdAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof OrderRow>;
const ITEM_COLUMNS = [
  'id',
  'orderId',
  'position',
  'productId',
  'variantId',
  'brandId',
  'brandIsPartner',
  'name',
  'brandName',
  'sku',
  'color',
  'size',
  'imageUrl',
  'quantity',
  'unitPriceMinor',
  'totalMinor',
  'sourcePriceMinor',
  'sourceCurrency',
  'depositPercent',
  'depositMinor',
  'customizations',
] as const satisfies ReadonlyArray<keyof ItemRow>;
const EVENT_COLUMNS = [
  'id',
  'orderId',
  'fromStatus',
  'toStatus',
  'note',
  'actorKind',
  'actorId',
  'reason',
] as const satisfies ReadonlyArray<keyof EventRow>;
const snake = (k: string) => sql.raw(k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
const columnList = (keys: readonly string[]) => sql.join(keys.map(snake), sql`, `);
const valueList = (prefix: string, keys: readonly string[]) =>
  sql`(${sql.join(
    keys.map((k) => sql.placeholder(`${prefix}${k}`)),
    sql`, `,
  )})`;
const placeOrderStatement = (lines: number) =>
  preparedRows<{ number: string; at: Date | string }>(
    `orders_place_${lines}`,
    sql`with o as (
          insert into orders (number, ${columnList(ORDER_COLUMNS)})
          values (${sql.placeholder('numberPrefix')}::text || lpad(nextval('order_number_seq')::text, 6, '0'), ${sql.join(
            ORDER_COLUMNS.map((k) => sql.placeholder(`o_${k}`)),
            sql`, `,
          )})
          returning number),
        i as (insert into order_items (${columnList(ITEM_COLUMNS)}) values ${sql.join(
          Array.from({ length: lines }, (_, n) => valueList(`i${n}_`, ITEM_COLUMNS)),
          sql`, `,
        )}),
        e as (insert into order_events (${columnList(EVENT_COLUMNS)}) values ${valueList('e_', EVENT_COLUMNS)} returning at)
      select o.number, e.at from o, e`,
  );
const placeOrderStatements = new Map<number, ReturnType<typeof placeOrderStatement>>();
const placeOrderStatementFor = (lines: number) => {
  let statement = placeOrderStatements.get(lines);
  if (!statement) placeOrderStatements.set(lines, (statement = placeOrderStatement(lines)));
  return statement;
};

/** Writes the order, its lines and its first timeline entry; answers the number the sequence gave and the entry's time. */
async function placeOrder(
  tx: Tx,
  row: OrderRow,
  items: ItemRow[],
  event: Omit<EventRow, 'at'>,
  numberPrefix: string,
): Promise<Array<{ number: string; at: Date | string }>> {
  const values: Record<string, unknown> = { numberPrefix };
  for (const k of ORDER_COLUMNS) values[`o_${k}`] = k === 'fx' ? JSON.stringify(row.fx) : row[k];
  items.forEach((item, n) => {
    for (const k of ITEM_COLUMNS) values[`i${n}_${k}`] = item[k];
  });
  for (const k of EVENT_COLUMNS) values[`e_${k}`] = event[k];
  return placeOrderStatementFor(items.length)(tx, values);
}

/** Taxes follow the destination: the shipping address, or for a collection in store the billing address. */
function destinationOf(
  option: CreateOrderInput['deliveryOption'],
  shipping: Address | undefined,
  billing: Address | undefined,
): { country: string; field: string } {
  if (option === 'STORE_COLLECTION') {
    const a = shipping ?? billing;
    if (!a)
      throw new ApiError('ValidationException', 'Give a billing address for a collection in store', {
        fieldErrors: { 'body.billingAddress': ['Required for a collection in store'] },
      });
    return { country: a.country, field: shipping ? 'body.shippingAddress.country' : 'body.billingAddress.country' };
  }
  if (!shipping)
    throw new ApiError('ValidationException', 'Give a delivery address', {
      fieldErrors: { 'body.shippingAddress': ['Required for this delivery option'] },
    });
  return { country: shipping.country, field: 'body.shippingAddress.country' };
}

async function reserveOrRefuse(tx: Tx, quote: Quote): Promise<void> {
  const reserved = await reserveStock(
    tx,
    quote.lines.map((l) => ({ productId: l.product.id, variantId: l.variant.id, quantity: l.input.quantity })),
  );
  if (reserved.ok) return;
  const line = quote.lines.find((l) => l.variant.id === reserved.line.variantId)!;
  const message =
    reserved.available === 0
      ? `${line.product.name} has just sold out`
      : `Only ${reserved.available} of ${line.product.name} ${reserved.available === 1 ? 'is' : 'are'} left`;
  throw new ApiError('ConflictException', message, { fieldErrors: { [`body.items.${line.index}.quantity`]: [message] } });
}

/** The order's lines as rows, priced by the quote. */
function lineRows(keys: Keys, orderId: string, quote: Quote): ItemRow[] {
  return quote.lines.map((l, position) => ({
    id: uuidv7(),
    orderId,
    position,
    productId: l.product.id,
    variantId: l.variant.id,
    brandId: l.product.brandId,
    brandIsPartner: l.product.brandIsPartner,
    name: l.product.name,
    brandName: l.product.brandName,
    sku: l.variant.sku,
    color: l.variant.color,
    size: l.variant.size,
    imageUrl: l.product.image?.url ?? null,
    quantity: l.input.quantity,
    unitPriceMinor: l.unitPriceMinor,
    totalMinor: l.totalMinor,
    sourcePriceMinor: l.product.priceMinor,
    sourceCurrency: l.product.currency,
    depositPercent: l.depositPercent,
    depositMinor: l.depositMinor,
    // A monogram or an engraving can name someone: sealed like the rest of the client's free text (#11.11).
    customizations: sealText(keys, l.input.customizations),
  }));
}

async function insertLines(tx: Tx, keys: Keys, orderId: string, quote: Quote): Promise<void> {
  await tx.insert(orderItems).values(lineRows(keys, orderId, quote));
}

// ───────────────────────────── read ─────────────────────────────

/** The order as its owner (or an admin) sees it; anyone else gets 404, so order ids cannot be probed. */
export async function getOrder(ctx: AppContext, actor: Actor, orderId: string): Promise<Order> {
  const [row] = await ctx.db.select().from(orders).where(eq(orders.id, orderId));
  if (!row || (actor.userType !== 'ADMIN' && row.clientId !== actor.userId)) throw notFound();
  return present(ctx, row, await itemsOf(ctx.db, [orderId]), await eventsOf(ctx.db, orderId));
}

async function readOrder(ctx: AppContext, orderId: string, withTimeline: boolean): Promise<Order> {
  const [row] = await ctx.db.select().from(orders).where(eq(orders.id, orderId));
  if (!row) throw notFound();
  return present(ctx, row, await itemsOf(ctx.db, [orderId]), withTimeline ? await eventsOf(ctx.db, orderId) : undefined);
}

async function itemsOf(db: Db, orderIds: string[]): Promise<ItemRow[]> {
  if (orderIds.length === 0) return [];
  return db
    .select()
    .from(orderItems)
    .where(inArray(orderItems.orderId, orderIds))
    .orderBy(asc(orderItems.orderId), asc(orderItems.position));
}

async function eventsOf(db: Db, orderId: string): Promise<EventRow[]> {
  return db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.at), asc(orderEvents.id));
}

/** Orders newest first: UUIDv7 ids sort by creation time. */
const ORDERS_SORT = 'orders:newest';

/** Lists orders newest first: a client their own, an admin any client's with filters. */
export async function listOrders(ctx: AppContext, actor: Actor, query: ListOrdersQuery): Promise<{ orders: Order[]; nextToken?: string }> {
  const conditions: SQL[] = [];
  if (actor.userType === 'ADMIN') {
    if (query.clientId) conditions.push(eq(orders.clientId, query.clientId));
  } else {
    if (query.clientId && query.clientId !== actor.userId) {
      throw new ApiError('AccessDeniedException', 'You can only list your own orders', {
        fieldErrors: { 'query.clientId': ['Must be your own account id'] },
      });
    }
    conditions.push(eq(orders.clientId, actor.userId));
  }
  if (query.stylistId) conditions.push(eq(orders.stylistId, query.stylistId));
  if (query.status) conditions.push(eq(orders.status, query.status));
  if (query.startDate) conditions.push(gte(orders.createdAt, new Date(query.startDate)));
  if (query.endDate) conditions.push(lte(orders.createdAt, new Date(query.endDate)));
  if (query.q) conditions.push(like(orders.number, `%${query.q.toUpperCase().replace(/[\\%_]/g, '')}`));
  if (query.nextToken) conditions.push(lt(orders.id, idAfter(query.nextToken, ORDERS_SORT)));
  const rows = await ctx.db
    .select()
    .from(orders)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(orders.id))
    .limit(query.maxResults + 1);
  const page = cutPage(rows, query.maxResults, ORDERS_SORT, (r) => ({ id: r.id }));
  const items = await itemsOf(
    ctx.db,
    page.items.map((r) => r.id),
  );
  return {
    orders: page.items.map((r) =>
      present(
        ctx,
        r,
        items.filter((i) => i.orderId === r.id),
      ),
    ),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}

// ───────────────────────────── update, cancel ─────────────────────────────

/**
 * UpdateOrder. A client changes the pieces, addresses or delivery of an order not yet paid (the order is priced again,
 * stock moves in the same transaction); an address may still change before shipping when the destination country stays.
 * `status` moves the order through the state machine and is for the house office.
 */
export async function updateOrder(
  ctx: AppContext,
  actor: Actor,
  orderId: string,
  input: UpdateOrderInput,
  meta: RequestMeta = {},
): Promise<Order> {
  const isAdmin = actor.userType === 'ADMIN';
  let stockMoved = false;
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!row || (!isAdmin && row.clientId !== actor.userId)) throw notFound();
    if (input.status !== undefined && !isAdmin) {
      throw new ApiError('AccessDeniedException', 'Only the house office changes an order’s status; cancel it instead', {
        fieldErrors: { 'body.status': ['Not yours to change'] },
      });
    }
    const reprice =
      input.items !== undefined ||
      input.deliveryOption !== undefined ||
      (input.shippingAddress && input.shippingAddress.country !== row.shipCountry);
    if (reprice) {
      if (!EDITABLE.has(row.status)) {
        throw new ApiError('ConflictException', `Order ${row.number} is ${row.status}: its pieces and delivery can no longer change`);
      }
      if (isAdmin && row.clientId !== actor.userId && input.items) {
        throw new ApiError('AccessDeniedException', 'Only the client changes the pieces of an order', {
          fieldErrors: { 'body.items': ['Not yours to change'] },
        });
      }
      stockMoved = await reprice_(ctx, tx, actor, row, input);
    } else if (input.shippingAddress || input.billingAddress) {
      if (!CANCELLABLE.has(row.status))
        throw new ApiError('ConflictException', `Order ${row.number} is ${row.status}: its addresses can no longer change`);
      await tx
        .update(orders)
        .set({
          ...(input.shippingAddress ? { shippingAddressEnc: encryptJson(ctx.keys, input.shippingAddress) } : {}),
          ...(input.billingAddress ? { billingAddressEnc: encryptJson(ctx.keys, input.billingAddress) } : {}),
          updatedAt: new Date(),
        })
        .where(eq(orders.id, orderId));
      await recordEvent(tx, ctx.keys, orderId, {
        from: row.status,
        to: row.status,
        actor: orderActorOf(actor),
        note: 'ADDRESS_CHANGED',
        reason: input.reason ?? null,
      });
    }
    if (input.status !== undefined && input.status !== row.status) {
      if (
        input.status === 'SHIPPED' ||
        input.status === 'PAID' ||
        input.status === 'REFUNDED' ||
        input.status === 'PARTIALLY_REFUNDED' ||
        input.status === 'AWAITING_APPROVAL'
      ) {
        // Money states follow payments; shipping needs tracking (POST /admin/orders/{id}/ship).
        throw new ApiError(
          'ConflictException',
          `${input.status} is set by ${input.status === 'SHIPPED' ? 'shipping the order with its tracking' : 'the payment'}, not by editing the order`,
          {
            fieldErrors: { 'body.status': ['Not settable here'] },
          },
        );
      }
      const moved = await applyTransition(tx, orderId, input.status, {
        actor: orderActorOf(actor),
        keys: ctx.keys,
        ...(input.reason ? { reason: input.reason } : {}),
      });
      if (input.status === 'CANCELLED') stockMoved = true;
      await audit(tx, {
        action: 'orders.order.statusChanged',
        actorId: actor.userId,
        targetUserId: row.clientId,
        details: { orderId, from: row.status, to: moved.order.state },
        meta,
      });
    }
  });
  if (stockMoved) invalidateCatalog(ctx.db);
  return readOrder(ctx, orderId, true);
}

// Prices the order again with the edit applied: old pieces go back, new ones are reserved, the totals follow.
async function reprice_(ctx: AppContext, tx: Tx, actor: Actor, row: OrderRow, input: UpdateOrderInput): Promise<boolean> {
  const current = await tx.select().from(orderItems).where(eq(orderItems.orderId, row.id)).orderBy(asc(orderItems.position));
  const items =
    input.items ??
    current.map((i) => ({
      productId: i.productId,
      variantId: i.variantId,
      quantity: i.quantity,
      ...(i.customizations ? { customizations: openText(ctx.keys, i.customizations)! } : {}),
    }));
  const shipping = input.shippingAddress ?? (row.shippingAddressEnc ? decryptJson<Address>(ctx.keys, row.shippingAddressEnc) : undefined);
  const billing = input.billingAddress ?? (row.billingAddressEnc ? decryptJson<Address>(ctx.keys, row.billingAddressEnc) : undefined);
  const option = input.deliveryOption ?? row.deliveryOption;
  const destination = destinationOf(option, shipping, billing);
  // The pieces already held count as available to this order.
  await releaseStock(
    tx,
    current.map((i) => ({ productId: i.productId, variantId: i.variantId, quantity: i.quantity })),
  );
  const clientActor: Actor = row.clientId === actor.userId ? actor : { ...actor, tier: 'STANDARD' };
  const quote = await quoteOrder(tx, ctx.config, {
    items,
    currency: row.currency as Currency,
    deliveryOption: option,
    country: destination.country,
    countryField: destination.field,
    audience: audienceOf(clientActor),
    lockedFx: row.fx,
  });
  if (quote.highValue && !row.highValue) requireRecentMfa(actor, 10, stepUpNow(ctx.db));
  await reserveOrRefuse(tx, quote);
  await tx.delete(orderItems).where(eq(orderItems.orderId, row.id));
  await insertLines(tx, ctx.keys, row.id, quote);
  await tx
    .update(orders)
    .set({
      itemsMinor: quote.totals.itemsMinor,
      deliveryMinor: quote.totals.deliveryMinor,
      dutiesMinor: quote.totals.dutiesMinor,
      vatMinor: quote.totals.vatMinor,
      totalMinor: quote.totals.totalMinor,
      dueNowMinor: quote.totals.dueNowMinor,
      fx: quote.fx,
      deliveryOption: option,
      shipCountry: destination.country,
      shippingAddressEnc: shipping ? encryptJson(ctx.keys, shipping) : null,
      billingAddressEnc: billing ? encryptJson(ctx.keys, billing) : null,
      highValue: quote.highValue,
      requiresApproval: quote.requiresApproval,
      updatedAt: new Date(),
    })
    .where(eq(orders.id, row.id));
  await recordEvent(tx, ctx.keys, row.id, {
    from: row.status,
    to: row.status,
    actor: orderActorOf(actor),
    note: 'ORDER_CHANGED',
    reason: input.reason ?? null,
  });
  return true;
}

/** CancelOrder: before shipping, by its client or an admin. Pieces go back on sale; payments voids the hold or refunds. */
export async function cancelOrder(
  ctx: AppContext,
  actor: Actor,
  orderId: string,
  reason: string | undefined,
  meta: RequestMeta = {},
): Promise<{ order: Order; refundId?: string }> {
  const result = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!row || (actor.userType !== 'ADMIN' && row.clientId !== actor.userId)) throw notFound();
    if (row.status === 'CANCELLED') return {};
    if (!CANCELLABLE.has(row.status))
      throw new ApiError(
        'ConflictException',
        `Order ${row.number} is ${row.status}: it can no longer be cancelled; ask for a return instead`,
      );
    const moved = await applyTransition(tx, orderId, 'CANCELLED', {
      actor: orderActorOf(actor),
      keys: ctx.keys,
      reason: reason ?? (actor.userType === 'ADMIN' ? 'Cancelled by the house office' : 'Cancelled by the client'),
    });
    if (actor.userType === 'ADMIN') {
      await audit(tx, {
        action: 'orders.order.cancelled',
        actorId: actor.userId,
        targetUserId: row.clientId,
        details: { orderId, from: row.status, refundId: moved.refundId ?? null },
        meta,
      });
    }
    return moved.refundId ? { refundId: moved.refundId } : {};
  });
  invalidateCatalog(ctx.db);
  return { order: await readOrder(ctx, orderId, true), ...result };
}

// ───────────────────────────── presentation ─────────────────────────────

export function present(ctx: AppContext, row: OrderRow, items: ItemRow[], events?: EventRow[]): Order {
  const currency = row.currency as Currency;
  const m = (minor: number) => toDto({ minor, currency });
  const note = openText(ctx.keys, row.deliveryNoteEnc);
  return {
    orderId: row.id,
    orderNumber: row.number,
    clientId: row.clientId,
    ...(row.stylistId ? { stylistId: row.stylistId } : {}),
    items: items.map((i) => ({
      itemId: i.id,
      productId: i.productId,
      variantId: i.variantId,
      name: i.name,
      brandName: i.brandName,
      sku: i.sku,
      ...(i.color ? { color: i.color } : {}),
      ...(i.size ? { size: i.size } : {}),
      ...(i.imageUrl ? { imageUrl: i.imageUrl } : {}),
      quantity: i.quantity,
      unitPrice: m(i.unitPriceMinor),
      totalPrice: m(i.totalMinor),
      ...(i.depositPercent ? { depositPercent: i.depositPercent } : {}),
      ...(i.depositMinor !== null ? { deposit: m(i.depositMinor) } : {}),
      ...(i.customizations ? { customizations: openText(ctx.keys, i.customizations)! } : {}),
    })),
    totalAmount: m(row.totalMinor),
    totals: {
      items: m(row.itemsMinor),
      delivery: m(row.deliveryMinor),
      duties: m(row.dutiesMinor),
      vat: m(row.vatMinor),
      total: m(row.totalMinor),
      dueNow: m(row.dueNowMinor),
      balance: m(Math.max(0, row.totalMinor - Math.max(row.paidMinor, row.dueNowMinor))),
      paid: m(row.paidMinor),
    },
    status: row.status,
    deliveryOption: row.deliveryOption,
    ...(row.shippingAddressEnc ? { shippingAddress: decryptJson<Address>(ctx.keys, row.shippingAddressEnc) } : {}),
    ...(row.billingAddressEnc ? { billingAddress: decryptJson<Address>(ctx.keys, row.billingAddressEnc) } : {}),
    ...(note ? { deliveryNote: note } : {}),
    ...(row.paymentId ? { paymentId: row.paymentId } : {}),
    highValue: row.highValue,
    requiresApproval: row.requiresApproval,
    ...(row.approvedAt ? { approvedAt: row.approvedAt.toISOString() } : {}),
    ...(row.paymentDueAt && row.status === 'PENDING_PAYMENT' ? { paymentDueAt: row.paymentDueAt.toISOString() } : {}),
    ...(row.carrier && row.trackingNumber
      ? { tracking: { carrier: row.carrier, trackingNumber: row.trackingNumber, ...(row.trackingUrl ? { url: row.trackingUrl } : {}) } }
      : {}),
    fx: { currency: row.fx.settlement, rates: row.fx.rates, lockedAt: row.fx.lockedAt, validUntil: row.fx.validUntil },
    ...(events
      ? {
          timeline: events.map((e) => ({
            at: e.at.toISOString(),
            ...(e.fromStatus ? { fromStatus: e.fromStatus } : {}),
            toStatus: e.toStatus,
            ...(e.note ? { note: e.note } : {}),
            actor: { kind: e.actorKind, ...(e.actorId ? { userId: e.actorId } : {}) },
            ...(e.reason ? { reason: openText(ctx.keys, e.reason)! } : {}),
          })),
        }
      : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
