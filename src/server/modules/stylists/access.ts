/** Stylist profiles as rows: loaded with their account's names, and who may see, manage or book one. */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import type { Actor } from '../../http/auth.ts';
import { accountNames } from '../identity/service.ts';
import { stylists } from './schema.ts';

export type StylistRow = typeof stylists.$inferSelect;
export type StylistWithName = StylistRow & { firstName: string; lastName: string };

/** Profiles with their account's names, which identity owns (one batched lookup for the whole list). */
export async function withNames(db: Db, rows: readonly StylistRow[]): Promise<StylistWithName[]> {
  const names = await accountNames(
    db,
    rows.map((r) => r.userId),
  );
  return rows.map((r) => ({ ...r, firstName: names.get(r.userId)?.firstName ?? '', lastName: names.get(r.userId)?.lastName ?? '' }));
}

export async function loadStylist(db: Db, stylistId: string): Promise<StylistWithName | undefined> {
  const [found] = await db
    .select()
    .from(stylists)
    .where(and(eq(stylists.id, stylistId), isNull(stylists.deletedAt)));
  return found ? (await withNames(db, [found]))[0] : undefined;
}

export async function loadStylistsByIds(db: Db, ids: readonly string[]): Promise<StylistWithName[]> {
  if (!ids.length) return [];
  const found = await db
    .select()
    .from(stylists)
    .where(and(inArray(stylists.id, [...ids]), isNull(stylists.deletedAt)));
  return withNames(db, found);
}

export const ownsStylist = (actor: Actor | undefined, row: Pick<StylistRow, 'userId'>) =>
  actor !== undefined && actor.userId === row.userId;
export const isAdmin = (actor: Actor | undefined) => actor?.userType === 'ADMIN';

/** Visible to `viewer`: approved for everyone, otherwise only to its owner and admins (404 for the rest). */
export async function requireVisibleStylist(db: Db, viewer: Actor | undefined, stylistId: string): Promise<StylistWithName> {
  const row = await loadStylist(db, stylistId);
  if (!row || (row.status !== 'APPROVED' && !ownsStylist(viewer, row) && !isAdmin(viewer))) {
    throw new ApiError('ResourceNotFoundException', 'No such stylist');
  }
  return row;
}

/** The owner or an admin may change it; anyone else who can see it gets 403, the others 404. */
export async function requireManageableStylist(db: Db, actor: Actor, stylistId: string): Promise<StylistWithName> {
  const row = await requireVisibleStylist(db, actor, stylistId);
  if (!ownsStylist(actor, row) && !isAdmin(actor))
    throw new ApiError('AccessDeniedException', 'Only this stylist or an administrator can do this');
  return row;
}

/** Only APPROVED stylists can be booked or matched. */
export async function requireBookableStylist(db: Db, stylistId: string, field = 'body.stylistId'): Promise<StylistWithName> {
  const row = await loadStylist(db, stylistId);
  if (!row || row.status !== 'APPROVED')
    throw new ApiError('ResourceNotFoundException', 'No such stylist', { fieldErrors: { [field]: ['No bookable stylist with this id'] } });
  return row;
}
