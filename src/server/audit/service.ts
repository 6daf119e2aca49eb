/**
 * The platform's audit trail. Every module records what its users and staff did through `audit`, passing its
 * transaction when there is one so the entry commits (or rolls back) with the change it describes.
 */
import { sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { RequestMeta } from '../context.ts';
import type { Db } from '../db/client.ts';
import { auditLog } from './schema.ts';

export interface AuditEntry {
  /** `<module>.<noun>.<verb>`, e.g. `catalog.brand.created`, `stylist.vetted`; identity's own are older (`auth.login`). */
  action: string;
  actorId?: string | null;
  targetUserId?: string | null;
  details?: Record<string, unknown>;
  meta?: RequestMeta;
}

/** Appends to the audit log; callers in a transaction pass the transaction so both commit together. */
export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    id: uuidv7(),
    action: entry.action,
    actorId: entry.actorId ?? null,
    targetUserId: entry.targetUserId ?? null,
    ip: entry.meta?.ip ?? null,
    details: entry.details ?? {},
  });
}

/**
 * `audit` as a statement for the caller to run inside its own (a data-modifying CTE), only where `when` holds: the
 * entry still commits with the change it describes, without a round trip of its own.
 */
export function auditStatement(entry: AuditEntry, when: SQL = sql`true`): SQL {
  return sql`insert into audit_log (id, actor_id, action, target_user_id, ip, details)
    select ${uuidv7()}::uuid, ${entry.actorId ?? null}::uuid, ${entry.action}, ${entry.targetUserId ?? null}::uuid, ${entry.meta?.ip ?? null}::inet,
           ${JSON.stringify(entry.details ?? {})}::jsonb
     where ${when}`;
}

/**
 * `auditStatement` for a statement prepared by name (its text the same at every call): the entry's values are the
 * placeholders `<prefix>Id`, `<prefix>ActorId`, …, which `auditValues(prefix, entry)` fills for each execution.
 */
export function auditPreparedStatement(prefix: string, when: SQL = sql`true`): SQL {
  const p = (name: string) => sql.placeholder(`${prefix}${name}`);
  return sql`insert into audit_log (id, actor_id, action, target_user_id, ip, details)
    select ${p('Id')}::uuid, ${p('ActorId')}::uuid, ${p('Action')}::text, ${p('TargetUserId')}::uuid, ${p('Ip')}::inet, ${p('Details')}::jsonb
     where ${when}`;
}

/** The values of `auditPreparedStatement(prefix)` for one entry. */
export function auditValues(prefix: string, entry: AuditEntry): Record<string, unknown> {
  return {
    [`${prefix}Id`]: uuidv7(),
    [`${prefix}ActorId`]: entry.actorId ?? null,
    [`${prefix}Action`]: entry.action,
    [`${prefix}TargetUserId`]: entry.targetUserId ?? null,
    [`${prefix}Ip`]: entry.meta?.ip ?? null,
    [`${prefix}Details`]: JSON.stringify(entry.details ?? {}),
  };
}
