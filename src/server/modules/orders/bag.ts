/**
 * The client's bag on the server. Lines name a product, a variant and a quantity; prices and availability are read
 * fresh on every GET, never stored. A visitor's local bag is merged in at sign-in (`mode: 'merge'`).
 */
import { eq, sql } from 'drizzle-orm';
import { toDto, isCurrency } from '../../../shared/money.ts';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import { openText, sealText } from '../../security/crypto.ts';
import type { Keys } from '../../security/keys.ts';
import { audienceOf, purchasableProducts } from '../catalog/service.ts';
import type { Actor } from '../../http/auth.ts';
import type { BagItemInput } from './models.ts';
import { depositPercentsOf } from './quote.ts';
import { bags } from './schema.ts';

/** A line as stored: `customizations` (a monogram, an engraving) is sealed like the client's other free text (#11.11). */
type StoredLine = { productId: string; variantId?: string; quantity: number; customizations?: string };
/** Lines are the same when they name the same piece with the same words (compared in clear: each seal differs). */
const lineKey = (keys: Keys, l: StoredLine) => `${l.productId}:${l.variantId ?? ''}:${openText(keys, l.customizations) ?? ''}`;

export async function getBag(ctx: AppContext, actor: Actor) {
  const [row] = await ctx.db.select().from(bags).where(eq(bags.clientId, actor.userId));
  return present(ctx, actor, row?.items ?? [], row?.updatedAt);
}

/** Replaces the bag, or merges lines into it (the larger quantity wins). Lines naming an unknown piece are refused. */
export async function putBag(ctx: AppContext, actor: Actor, items: BagItemInput[], mode: 'replace' | 'merge') {
  const products = await purchasableProducts(
    ctx.db,
    items.map((i) => i.productId),
    audienceOf(actor),
  );
  items.forEach((item, index) => {
    const product = products.get(item.productId);
    if (!product)
      throw new ApiError('ResourceNotFoundException', 'No such piece, or it is not available to you', {
        fieldErrors: { [`body.items.${index}.productId`]: ['No such piece'] },
      });
    if (item.variantId && !product.variants.some((v) => v.id === item.variantId)) {
      throw new ApiError('ResourceNotFoundException', `No such size or colour of ${product.name}`, {
        fieldErrors: { [`body.items.${index}.variantId`]: ['No such variant'] },
      });
    }
  });
  const saved = await ctx.db.transaction(async (tx) => {
    // One writer at a time per bag: two tabs merging at once must not lose a line.
    await tx.execute(sql`insert into bags (client_id) values (${actor.userId}) on conflict do nothing`);
    const [row] = await tx.select().from(bags).where(eq(bags.clientId, actor.userId)).for('update');
    const next = new Map<string, StoredLine>();
    if (mode === 'merge') for (const l of row?.items ?? []) next.set(lineKey(ctx.keys, l), l);
    for (const item of items) {
      const line: StoredLine = {
        productId: item.productId,
        ...(item.variantId ? { variantId: item.variantId } : {}),
        quantity: item.quantity,
        ...(item.customizations ? { customizations: sealText(ctx.keys, item.customizations)! } : {}),
      };
      const seen = next.get(lineKey(ctx.keys, line));
      next.set(
        lineKey(ctx.keys, line),
        seen && mode === 'merge' ? { ...line, quantity: Math.min(99, Math.max(seen.quantity, line.quantity)) } : line,
      );
    }
    const lines = [...next.values()].slice(0, 50);
    const [updated] = await tx.update(bags).set({ items: lines, updatedAt: new Date() }).where(eq(bags.clientId, actor.userId)).returning();
    return updated!;
  });
  return present(ctx, actor, saved.items, saved.updatedAt);
}

/** Empties the bag after an order took its pieces. */
export async function clearBag(ctx: AppContext, clientId: string): Promise<void> {
  await ctx.db.update(bags).set({ items: [], updatedAt: new Date() }).where(eq(bags.clientId, clientId));
}

async function present(ctx: AppContext, actor: Actor, lines: StoredLine[], updatedAt?: Date) {
  const products = await purchasableProducts(
    ctx.db,
    lines.map((l) => l.productId),
    audienceOf(actor),
  );
  // The same rule as CreateOrder: a piece sold on enquiry with a deposit set by the house can be ordered against it.
  const deposits = await depositPercentsOf(ctx.db, [...products.values()]);
  const items = [];
  // A piece withdrawn since it was added simply leaves the bag's answer.
  for (const l of lines) {
    const p = products.get(l.productId);
    if (!p) continue;
    const variant = l.variantId ? p.variants.find((v) => v.id === l.variantId) : p.variants.length === 1 ? p.variants[0] : undefined;
    const available = variant ? variant.stock : p.variants.reduce((n, v) => n + v.stock, 0);
    const deposit = p.purchaseMode === 'BUY_NOW' ? undefined : deposits.get(p.id);
    const note =
      p.priceOnRequest || (p.purchaseMode !== 'BUY_NOW' && deposit === undefined)
        ? 'Sold on enquiry'
        : !variant
          ? 'Choose a size or colour'
          : available === 0
            ? 'Sold out'
            : available < l.quantity
              ? `Only ${available} left`
              : undefined;
    items.push({
      productId: p.id,
      ...(variant ? { variantId: variant.id } : {}),
      quantity: l.quantity,
      ...(l.customizations ? { customizations: openText(ctx.keys, l.customizations)! } : {}),
      name: p.name,
      brandName: p.brandName,
      slug: p.slug,
      ...(p.image ? { imageUrl: p.image.url } : {}),
      ...(variant?.color ? { color: variant.color } : {}),
      ...(variant?.size ? { size: variant.size } : {}),
      ...(!p.priceOnRequest && isCurrency(p.currency) ? { unitPrice: toDto({ minor: p.priceMinor, currency: p.currency }) } : {}),
      available,
      purchasable: note === undefined,
      ...(note ? { note } : deposit !== undefined ? { note: `Ordered against a ${deposit} % deposit; the balance before delivery` } : {}),
    });
  }
  return { items, ...(updatedAt ? { updatedAt: updatedAt.toISOString() } : {}) };
}
