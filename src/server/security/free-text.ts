import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';
import { isSealed, sealText } from './crypto.ts';
import type { Keys } from './keys.ts';

/**
 * Columns of free text that may carry personal details: what clients write to stylists, reasons, VIP notes, vetting
 * notes and portfolio client names.
 * They are stored encrypted like the rest of the personal data (crypto.ts `sealText`).
 */
export const FREE_TEXT_COLUMNS: ReadonlyArray<{ table: string; columns: readonly string[] }> = [
  { table: 'booking_requests', columns: ['message', 'decline_reason'] },
  { table: 'stylist_bookings', columns: ['notes', 'cancel_reason', 'location'] },
  { table: 'vip_applications', columns: ['note', 'decision_notes'] },
  // What an admin wrote while vetting a stylist (references, background), and the clients a stylist names in a portfolio.
  { table: 'stylists', columns: ['vetting_notes'] },
  { table: 'stylist_portfolio_items', columns: ['client_name'] },
];

/**
 * The data migration that goes with it, run at every start after the SQL migrations (the key lives outside the
 * database, so SQL alone cannot do it): rows still in clear are encrypted in place, in batches, each row once.
 * Idempotent, and safe beside another instance doing the same (a row is only ever re-sealed from its clear text).
 */
export async function encryptFreeText(db: Db, keys: Keys, batch = 500): Promise<number> {
  let total = 0;
  for (const { table, columns } of FREE_TEXT_COLUMNS) {
    for (const column of columns) {
      let lastId = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows = await queryRows<{ id: string; value: string }>(
          db,
          sql`select id::text as id, ${sql.identifier(column)} as value from ${sql.identifier(table)} where ${sql.identifier(column)} is not null and id > ${lastId}::uuid order by id limit ${batch}`,
        );
        if (!rows.length) break;
        for (const row of rows) {
          if (isSealed(keys, row.value)) continue;
          await db.execute(
            sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${sealText(keys, row.value)} where id = ${row.id}::uuid and ${sql.identifier(column)} = ${row.value}`,
          );
          total++;
        }
        lastId = rows.at(-1)!.id;
      }
    }
  }
  return total;
}
