/**
 * Privacy mode for VIP clients: while it is on, stylists and brand partners see the client's alias
 * ("Client A-7F3K") and no contact details, except those the client has shared with by name. Other modules
 * never read names or contact details from the users table; they ask `clientIdentityFor`.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext, RequestMeta } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { decrypt } from '../../security/crypto.ts';
import type { Actor } from '../../http/auth.ts';
import { contactShares, users } from './schema.ts';
import { forgetActors } from './actor-cache.ts';
import { audit } from '../../audit/service.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ───────────────────────────── models ─────────────────────────────

export const ClientIdentity = z
  .object({
    displayName: z.string().describe('The real name, or the alias while privacy mode hides the client.'),
    firstName: z.string().optional(),
    lastName: z.string().optional(),
    email: z.string().optional(),
    phoneNumber: z.string().optional(),
    isAlias: z.boolean(),
  })
  .meta({ id: 'ClientIdentity' });
export type ClientIdentity = z.infer<typeof ClientIdentity>;

export const PrivacySettings = z.object({ privacyMode: z.boolean(), alias: z.string() }).meta({ id: 'PrivacySettings' });
export type PrivacySettings = z.infer<typeof PrivacySettings>;
export const SetPrivacyModeInput = z.strictObject({ privacyMode: z.boolean() }).meta({ id: 'SetPrivacyModeInput' });

export const ContactShare = z
  .object({ userId: z.string(), name: z.string(), userType: z.enum(['STYLIST', 'BRAND_PARTNER']), sharedAt: z.iso.datetime() })
  .meta({ id: 'ContactShare' });
export type ContactShare = z.infer<typeof ContactShare>;
export const ShareContactInput = z.strictObject({ userId: z.uuid('Not a valid user id') }).meta({ id: 'ShareContactInput' });

// ───────────────────────────── settings and shares ─────────────────────────────

function requireVipClient(actor: Actor): void {
  if (actor.userType !== 'CLIENT' || actor.tier !== 'VIP')
    throw new ApiError('AccessDeniedException', 'Privacy mode is available to VIP clients');
}

/** Turns privacy mode on or off for the signed-in VIP client. */
export async function setPrivacyMode(
  ctx: AppContext,
  actor: Actor,
  privacyMode: boolean,
  meta: RequestMeta = {},
): Promise<PrivacySettings> {
  requireVipClient(actor);
  const settings = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ privacyMode, updatedAt: new Date() })
      .where(and(eq(users.id, actor.userId), isNull(users.deletedAt)))
      .returning({ privacyMode: users.privacyMode, alias: users.alias });
    if (!row) throw new ApiError('ResourceNotFoundException', 'No such user');
    await audit(tx, { action: 'privacy.mode.changed', actorId: actor.userId, targetUserId: actor.userId, meta, details: { privacyMode } });
    return row;
  });
  forgetActors(ctx.db, actor.userId);
  return settings;
}

/** The stylists and partners the signed-in VIP has shared their name and contact details with. */
export async function listContactShares(ctx: AppContext, actor: Actor): Promise<ContactShare[]> {
  requireVipClient(actor);
  const rows = await ctx.db
    .select({
      userId: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      userType: users.userType,
      sharedAt: contactShares.createdAt,
    })
    .from(contactShares)
    .innerJoin(users, eq(users.id, contactShares.sharedWithId))
    .where(eq(contactShares.userId, actor.userId))
    .orderBy(asc(contactShares.createdAt), asc(users.id));
  return rows.flatMap((r) =>
    r.userType === 'STYLIST' || r.userType === 'BRAND_PARTNER' ? [presentShare({ ...r, userType: r.userType })] : [],
  );
}

function presentShare(r: {
  userId: string;
  firstName: string;
  lastName: string;
  userType: 'STYLIST' | 'BRAND_PARTNER';
  sharedAt: Date;
}): ContactShare {
  return { userId: r.userId, name: `${r.firstName} ${r.lastName}`.trim(), userType: r.userType, sharedAt: r.sharedAt.toISOString() };
}

/** Shares the signed-in VIP's real name and contact details with one stylist or brand partner. Idempotent. */
export async function shareContact(ctx: AppContext, actor: Actor, sharedWithId: string, meta: RequestMeta = {}): Promise<ContactShare> {
  requireVipClient(actor);
  const [target] = await ctx.db
    .select({ userId: users.id, firstName: users.firstName, lastName: users.lastName, userType: users.userType })
    .from(users)
    .where(and(eq(users.id, sharedWithId), isNull(users.deletedAt), eq(users.status, 'ACTIVE')));
  // Sharing only means something towards people privacy mode hides the client from.
  if (!target || (target.userType !== 'STYLIST' && target.userType !== 'BRAND_PARTNER')) {
    throw new ApiError('ResourceNotFoundException', 'No such stylist or brand partner');
  }
  return ctx.db.transaction(async (tx) => {
    const [inserted] = await tx.insert(contactShares).values({ userId: actor.userId, sharedWithId }).onConflictDoNothing().returning();
    if (inserted) {
      await audit(tx, {
        action: 'privacy.contact.shared',
        actorId: actor.userId,
        targetUserId: actor.userId,
        meta,
        details: { sharedWithId },
      });
    }
    const [share] = inserted
      ? [inserted]
      : await tx
          .select()
          .from(contactShares)
          .where(and(eq(contactShares.userId, actor.userId), eq(contactShares.sharedWithId, sharedWithId)));
    return presentShare({ ...target, userType: target.userType as 'STYLIST' | 'BRAND_PARTNER', sharedAt: share!.createdAt });
  });
}

/** Stops sharing with one stylist or partner: from the next request on they see the alias again. */
export async function unshareContact(ctx: AppContext, actor: Actor, sharedWithId: string, meta: RequestMeta = {}): Promise<void> {
  requireVipClient(actor);
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(contactShares)
      .where(and(eq(contactShares.userId, actor.userId), eq(contactShares.sharedWithId, sharedWithId)))
      .returning({ id: contactShares.sharedWithId });
    if (!removed.length) throw new ApiError('ResourceNotFoundException', 'You are not sharing your details with this person');
    await audit(tx, {
      action: 'privacy.contact.unshared',
      actorId: actor.userId,
      targetUserId: actor.userId,
      meta,
      details: { sharedWithId },
    });
  });
}

// ───────────────────────────── identity for other modules ─────────────────────────────

/**
 * How each client appears to `viewer`, for lists (one query per call, not per client). The client and admins
 * see the real identity. Stylists and brand partners see a display name only ("Ava L.", or the alias while
 * privacy mode is on) until they are `engaged` with the client (the caller says so: an accepted booking) or the
 * client shared their contact with them; then the full name, email and phone. Other clients never get contact
 * details. Erased accounts show their pseudonym to everyone. Callers decide first whether the viewer may see the
 * client at all (a booking, an order); this decides how much. Unknown ids are absent from the map.
 */
const preparedIdentities = new WeakMap<Db, ReturnType<typeof prepareIdentities>>();
const prepareIdentities = (db: Db) =>
  db
    .select({
      id: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      emailEnc: users.emailEnc,
      phoneEnc: users.phoneEnc,
      privacyMode: users.privacyMode,
      alias: users.alias,
      pseudonym: users.pseudonym,
      deletedAt: users.deletedAt,
    })
    .from(users)
    .where(sql`${users.id} = any(${sql.placeholder('ids')}::uuid[])`)
    .prepare('identity_clients');
/** Built once per database and prepared by name: every order email and many pages read client identities. */
function identitiesStatement(db: Db) {
  let q = preparedIdentities.get(db);
  if (!q) preparedIdentities.set(db, (q = prepareIdentities(db)));
  return q;
}

export async function clientIdentitiesFor(
  ctx: AppContext,
  viewer: Actor,
  clientIds: readonly string[],
  opts: { engaged?: ReadonlySet<string> } = {},
): Promise<Map<string, ClientIdentity>> {
  // Anything that is not a UUID cannot be an account (and would make PostgreSQL refuse the whole query).
  const ids = [...new Set(clientIds)].filter((id) => UUID.test(id));
  const out = new Map<string, ClientIdentity>();
  if (!ids.length) return out;
  const rows = await identitiesStatement(ctx.db).execute({ ids });
  const hidesFromViewer = viewer.userType === 'STYLIST' || viewer.userType === 'BRAND_PARTNER';
  const sharedWithViewer = hidesFromViewer
    ? new Set(
        (
          await ctx.db
            .select({ userId: contactShares.userId })
            .from(contactShares)
            .where(and(eq(contactShares.sharedWithId, viewer.userId), inArray(contactShares.userId, ids)))
        ).map((s) => s.userId),
      )
    : new Set<string>();

  for (const row of rows) {
    const full = (): ClientIdentity => ({
      displayName: `${row.firstName} ${row.lastName}`.trim(),
      firstName: row.firstName,
      lastName: row.lastName,
      email: decrypt(ctx.keys, row.emailEnc),
      ...(row.phoneEnc ? { phoneNumber: decrypt(ctx.keys, row.phoneEnc) } : {}),
      isAlias: false,
    });
    let identity: ClientIdentity;
    if (row.deletedAt) identity = { displayName: row.pseudonym, isAlias: true };
    else if (viewer.userId === row.id || viewer.userType === 'ADMIN') identity = full();
    else if (hidesFromViewer) identity = opts.engaged?.has(row.id) || sharedWithViewer.has(row.id) ? full() : publicIdentity(row);
    // Another client (a shared look, a review).
    else identity = publicIdentity(row);
    out.set(row.id, identity);
  }
  return out;
}

type NamedRow = { firstName: string; lastName: string; privacyMode: boolean; alias: string };

/** Another client, or anyone with no relationship to the client (a shared look, a review): a first name and initial at most, never contact details. */
function publicIdentity(row: NamedRow): ClientIdentity {
  return row.privacyMode
    ? { displayName: row.alias, isAlias: true }
    : {
        displayName: row.lastName ? `${row.firstName} ${row.lastName.charAt(0)}.` : row.firstName,
        firstName: row.firstName,
        isAlias: false,
      };
}

/**
 * How clients are named where no viewer relationship applies (a record shown to a brand and to the client alike, such as
 * a product inquiry): the public form of the rule above. Erased accounts show their pseudonym. Unknown ids are absent.
 */
export async function publicClientNames(db: Db, clientIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(clientIds)].filter((id) => UUID.test(id));
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      id: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      privacyMode: users.privacyMode,
      alias: users.alias,
      pseudonym: users.pseudonym,
      deletedAt: users.deletedAt,
    })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.deletedAt ? r.pseudonym : publicIdentity(r).displayName]));
}

/** How one client appears to `viewer` (see `clientIdentitiesFor`); 404 for an unknown id. */
export async function clientIdentityFor(
  ctx: AppContext,
  viewer: Actor,
  clientId: string,
  opts: { engaged?: boolean } = {},
): Promise<ClientIdentity> {
  const identity = (await clientIdentitiesFor(ctx, viewer, [clientId], { engaged: opts.engaged ? new Set([clientId]) : undefined })).get(
    clientId,
  );
  if (!identity) throw new ApiError('ResourceNotFoundException', 'No such client');
  return identity;
}
