import { index, inet, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Who did what to whom, for every module: sign-ins, failures, MFA and role changes, VIP decisions, admin views of VIPs,
 * catalog administration, stylist vetting, and every money movement to come. Rows are only ever appended.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid().primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid(),
    action: text().notNull(),
    targetUserId: uuid(),
    ip: inet(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_target_idx').on(t.targetUserId, t.at),
    index('audit_log_actor_idx').on(t.actorId, t.at),
  ],
);
