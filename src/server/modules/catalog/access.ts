/**
 * Who sees and who writes what in the catalog. Visibility is security: every storefront query takes its audience
 * filter from `audienceFilter`, added by the service after (and outside) whatever the caller asked for.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import type { Actor } from '../../http/auth.ts';
import { brandPartners } from './schema.ts';

/** PUBLIC: anonymous and standard accounts. VIP: VIP clients (and staff), who also see VIP_ONLY. Nobody browses DRAFT. */
export type Audience = 'PUBLIC' | 'VIP';

export function audienceOf(actor: Actor | undefined): Audience {
  if (!actor) return 'PUBLIC';
  return actor.tier === 'VIP' || actor.userType === 'ADMIN' ? 'VIP' : 'PUBLIC';
}

/**
 * The storefront's visibility condition on `products` aliased `p`. Written exactly as the partial indexes are
 * (`visibility = 'PUBLIC'`, `visibility <> 'DRAFT'`) so the planner can use them. A fixed SQL text, never built from input.
 */
export function audienceFilter(audience: Audience, alias: 'p' | 's' = 'p'): SQL {
  return audience === 'VIP' ? sql.raw(`${alias}.visibility <> 'DRAFT'`) : sql.raw(`${alias}.visibility = 'PUBLIC'`);
}

export function canSeeVisibility(audience: Audience, visibility: 'PUBLIC' | 'VIP_ONLY' | 'DRAFT'): boolean {
  return visibility === 'PUBLIC' || (visibility === 'VIP_ONLY' && audience === 'VIP');
}

/** The brand a partner account acts for, or undefined when an admin has not linked it yet. */
export async function partnerBrandId(db: Db | Tx, userId: string): Promise<string | undefined> {
  const [row] = await db.select({ brandId: brandPartners.brandId }).from(brandPartners).where(eq(brandPartners.userId, userId)).limit(1);
  return row?.brandId;
}

/** Admins write every brand; a partner only the brand they are linked to. */
export async function assertCanWriteBrand(db: Db | Tx, actor: Actor, brandId: string): Promise<void> {
  if (actor.userType === 'ADMIN') return;
  if (actor.userType === 'BRAND_PARTNER' && (await partnerBrandId(db, actor.userId)) === brandId) return;
  throw new ApiError(
    'AccessDeniedException',
    actor.userType === 'BRAND_PARTNER' ? 'You can only manage your own brand’s products' : 'You are not allowed to do this',
  );
}

/** Whether the actor manages this product's brand (sees its drafts, answers its inquiries). */
export async function managesBrand(db: Db | Tx, actor: Actor | undefined, brandId: string): Promise<boolean> {
  if (!actor) return false;
  if (actor.userType === 'ADMIN') return true;
  return actor.userType === 'BRAND_PARTNER' && (await partnerBrandId(db, actor.userId)) === brandId;
}
