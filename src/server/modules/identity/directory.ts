/** What other modules may ask about accounts (names, types, kinds), answered without exposing identity's rows. */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { Tier, UserType } from '../../http/auth.ts';
import { users } from './schema.ts';
import { emailHashOf } from './presentation.ts';

/** Accounts' names by id, for other modules' lists (stylists' profiles, calendars). Unknown ids are absent. */
export async function accountNames(db: Db, userIds: readonly string[]): Promise<Map<string, { firstName: string; lastName: string }>> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, { firstName: r.firstName, lastName: r.lastName }]));
}

/** The type of a live (not erased) account, or undefined when there is none: "is this a stylist / partner account?". */
export async function accountTypeOf(db: Db, userId: string, options: { includeErased?: boolean } = {}): Promise<UserType | undefined> {
  const [row] = await db
    .select({ userType: users.userType })
    .from(users)
    .where(and(eq(users.id, userId), ...(options.includeErased ? [] : [isNull(users.deletedAt)])))
    .limit(1);
  return row?.userType;
}

/** The ids of the live accounts with these emails (demo seeding finds its accounts again on a re-run). */
export async function accountIdsByEmail(ctx: AppContext, emails: readonly string[]): Promise<string[]> {
  if (!emails.length) return [];
  const rows = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(
          users.emailHash,
          emails.map((e) => emailHashOf(ctx, e)),
        ),
        isNull(users.deletedAt),
      ),
    );
  return rows.map((r) => r.id);
}

/** Marks an account's email as confirmed without a mail round trip: for accounts the platform itself creates (demo seeding). */
export async function markEmailVerified(db: Db, userId: string): Promise<void> {
  await db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, userId));
}

/** Kind and standing of accounts, for other modules' policies (messaging: who may write to whom). Unknown ids are absent. */
export async function accountKindsOf(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { userType: UserType; tier: Tier; active: boolean }>> {
  const wanted = [...new Set(ids)].filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: users.id, userType: users.userType, tier: users.tier, status: users.status, deletedAt: users.deletedAt })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, { userType: r.userType, tier: r.tier, active: r.status === 'ACTIVE' && r.deletedAt === null }]));
}
