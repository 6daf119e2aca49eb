/**
 * The platform's audit trail. Every module records what its users and staff did through `audit`, passing its
 * transaction when there is one so the entry commits (or rolls back) with the change it describes.
 */
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
