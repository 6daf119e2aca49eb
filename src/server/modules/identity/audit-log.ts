/** Reading the audit log: admins browse all of it; a VIP client sees which admins opened their profile. */
import { and, desc, eq, gte, like, lt, lte, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import { cutPage, idAfter } from '../../http/pagination.ts';
import type { Actor } from '../../http/auth.ts';
import { openFields } from '../../security/free-text.ts';
import { auditLog } from '../../audit/schema.ts';
import { users } from './schema.ts';

const PROFILE_VIEWED = 'vip.profile.viewed';

// ───────────────────────────── models ─────────────────────────────

export const AuditEntry = z
  .object({
    entryId: z.string(),
    at: z.iso.datetime(),
    action: z.string(),
    actorId: z.string().optional(),
    actorName: z.string().optional(),
    targetUserId: z.string().optional(),
    targetName: z.string().optional(),
    ip: z.string().optional(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

const maxResults = z.coerce.number().int().min(1).max(200).default(50);
const nextToken = z.string().max(200).optional();
const instant = z.iso.datetime({ offset: true, message: 'Use an ISO 8601 date-time, e.g. 2026-05-01T00:00:00Z' });

export const ListAuditLogQuery = z
  .strictObject({
    action: z
      .string()
      .trim()
      .max(100)
      .regex(/^[A-Za-z][A-Za-z.]*\*?$/, 'An action such as auth.login, or a prefix ending in *, such as vip.*')
      .optional(),
    actorId: z.uuid().optional(),
    targetUserId: z.uuid().optional(),
    from: instant.optional(),
    to: instant.optional(),
    maxResults,
    nextToken,
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) <= new Date(q.to), { path: ['to'], message: 'Must not be before from' });
export type ListAuditLogQuery = z.infer<typeof ListAuditLogQuery>;
export const ListAuditLogOutput = z
  .object({ entries: z.array(AuditEntry), nextToken: z.string().optional() })
  .meta({ id: 'ListAuditLogOutput' });

export const ProfileView = z.object({ viewedAt: z.iso.datetime(), viewerName: z.string() }).meta({ id: 'ProfileView' });
export const ListProfileViewsQuery = z.strictObject({ maxResults, nextToken });
export const ListProfileViewsOutput = z
  .object({ views: z.array(ProfileView), nextToken: z.string().optional() })
  .meta({ id: 'ListProfileViewsOutput' });

// ───────────────────────────── services ─────────────────────────────

const nameOf = (person: { firstName: string | null; lastName: string | null } | null) =>
  person?.firstName ? `${person.firstName} ${person.lastName ?? ''}`.trim() : undefined;

/** The audit log, newest first, filtered by action (exact, or a prefix ending in `*`), people and time. */
export async function listAuditLog(ctx: AppContext, query: ListAuditLogQuery): Promise<z.infer<typeof ListAuditLogOutput>> {
  const actor = alias(users, 'actor');
  const target = alias(users, 'target');
  const conditions: SQL[] = [];
  if (query.action) {
    conditions.push(
      query.action.endsWith('*') ? like(auditLog.action, `${query.action.slice(0, -1)}%`) : eq(auditLog.action, query.action),
    );
  }
  if (query.actorId) conditions.push(eq(auditLog.actorId, query.actorId));
  if (query.targetUserId) conditions.push(eq(auditLog.targetUserId, query.targetUserId));
  if (query.from) conditions.push(gte(auditLog.at, new Date(query.from)));
  if (query.to) conditions.push(lte(auditLog.at, new Date(query.to)));
  if (query.nextToken) conditions.push(lt(auditLog.id, idAfter(query.nextToken, 'audit-log')));
  const rows = await ctx.db
    .select({
      entry: auditLog,
      actor: { firstName: actor.firstName, lastName: actor.lastName },
      target: { firstName: target.firstName, lastName: target.lastName },
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .leftJoin(target, eq(target.id, auditLog.targetUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(query.maxResults + 1);
  const { items, nextToken } = cutPage(rows, query.maxResults, 'audit-log', (r) => ({ id: r.entry.id }));
  return {
    entries: items.map(({ entry, actor: who, target: whom }) => {
      const actorName = nameOf(who);
      const targetName = nameOf(whom);
      return {
        entryId: entry.id,
        at: entry.at.toISOString(),
        action: entry.action,
        ...(entry.actorId ? { actorId: entry.actorId } : {}),
        ...(actorName ? { actorName } : {}),
        ...(entry.targetUserId ? { targetUserId: entry.targetUserId } : {}),
        ...(targetName ? { targetName } : {}),
        ...(entry.ip ? { ip: entry.ip } : {}),
        details: openFields(ctx.keys, entry.details),
      };
    }),
    ...(nextToken ? { nextToken } : {}),
  };
}

/** For a VIP client: each time an admin opened their profile, newest first, with the admin's name. */
export async function listProfileViews(
  ctx: AppContext,
  viewer: Actor,
  query: z.infer<typeof ListProfileViewsQuery>,
): Promise<z.infer<typeof ListProfileViewsOutput>> {
  if (viewer.tier !== 'VIP') throw new ApiError('AccessDeniedException', 'Profile views are shown to VIP members');
  const admin = alias(users, 'admin');
  const rows = await ctx.db
    .select({ id: auditLog.id, at: auditLog.at, firstName: admin.firstName, lastName: admin.lastName })
    .from(auditLog)
    .leftJoin(admin, eq(admin.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.targetUserId, viewer.userId),
        eq(auditLog.action, PROFILE_VIEWED),
        ...(query.nextToken ? [lt(auditLog.id, idAfter(query.nextToken, 'profile-views'))] : []),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(query.maxResults + 1);
  const { items, nextToken } = cutPage(rows, query.maxResults, 'profile-views', (r) => ({ id: r.id }));
  return {
    // An admin whose account was since erased shows as its pseudonym (the name columns hold it).
    views: items.map((r) => ({ viewedAt: r.at.toISOString(), viewerName: nameOf(r) ?? 'A StyleByZaga administrator' })),
    ...(nextToken ? { nextToken } : {}),
  };
}
