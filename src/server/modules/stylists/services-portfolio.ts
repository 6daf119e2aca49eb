/** A stylist's services (with prices) and portfolio items. */
import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import type { Actor } from '../../http/auth.ts';
import type { PortfolioItem, PortfolioItemInput, StylistService, StylistServiceInput } from './models.ts';
import { stylistPortfolioItems, stylistServices } from './schema.ts';
import { requireManageableStylist } from './access.ts';
import { presentService, presentPortfolioItem } from './presentation.ts';
import { minorFrom, resolvePortfolioItems } from './profile-input.ts';

function serviceValues(input: StylistServiceInput) {
  const price = minorFrom(input.price, 'body.price');
  return {
    kind: input.kind,
    name: input.name,
    description: input.description ?? '',
    durationMinutes: input.durationMinutes,
    priceMinor: price.minor,
    currency: price.currency,
    active: input.active ?? true,
  };
}

export async function addService(ctx: AppContext, actor: Actor, stylistId: string, input: StylistServiceInput): Promise<StylistService> {
  await requireManageableStylist(ctx.db, actor, stylistId);
  const [row] = await ctx.db
    .insert(stylistServices)
    .values({ id: uuidv7(), stylistId, ...serviceValues(input) })
    .returning();
  return presentService(row!);
}

export async function updateService(
  ctx: AppContext,
  actor: Actor,
  stylistId: string,
  serviceId: string,
  input: StylistServiceInput,
): Promise<StylistService> {
  await requireManageableStylist(ctx.db, actor, stylistId);
  const [row] = await ctx.db
    .update(stylistServices)
    .set(serviceValues(input))
    .where(and(eq(stylistServices.id, serviceId), eq(stylistServices.stylistId, stylistId)))
    .returning();
  if (!row) throw new ApiError('ResourceNotFoundException', 'No such service');
  return presentService(row);
}

/** Withdraws a service: it stays for past bookings but can no longer be requested. */
export async function deleteService(ctx: AppContext, actor: Actor, stylistId: string, serviceId: string): Promise<void> {
  await requireManageableStylist(ctx.db, actor, stylistId);
  const [row] = await ctx.db
    .update(stylistServices)
    .set({ active: false })
    .where(and(eq(stylistServices.id, serviceId), eq(stylistServices.stylistId, stylistId)))
    .returning({ id: stylistServices.id });
  if (!row) throw new ApiError('ResourceNotFoundException', 'No such service');
}

export async function addPortfolioItem(
  ctx: AppContext,
  actor: Actor,
  stylistId: string,
  input: PortfolioItemInput,
): Promise<PortfolioItem> {
  const stylist = await requireManageableStylist(ctx.db, actor, stylistId);
  const [item] = await resolvePortfolioItems(ctx.db, ctx.keys, stylist.userId, actor, [input], 'body');
  const [{ n }] = (await ctx.db
    .select({ n: sql<number>`coalesce(max(${stylistPortfolioItems.position}) + 1, 0)::int` })
    .from(stylistPortfolioItems)
    .where(eq(stylistPortfolioItems.stylistId, stylistId))) as [{ n: number }];
  const { mediaId, ...rest } = item!;
  const [row] = await ctx.db
    .insert(stylistPortfolioItems)
    .values({ ...rest, mediaId, position: n, stylistId })
    .returning();
  return presentPortfolioItem(ctx.keys, row!);
}

export async function deletePortfolioItem(ctx: AppContext, actor: Actor, stylistId: string, itemId: string): Promise<void> {
  await requireManageableStylist(ctx.db, actor, stylistId);
  const removed = await ctx.db
    .delete(stylistPortfolioItems)
    .where(and(eq(stylistPortfolioItems.id, itemId), eq(stylistPortfolioItems.stylistId, stylistId)))
    .returning({ id: stylistPortfolioItems.id });
  if (!removed.length) throw new ApiError('ResourceNotFoundException', 'No such portfolio item');
}
