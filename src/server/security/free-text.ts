import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';
import { CIPHERTEXT_PATTERN, openText, sealText } from './crypto.ts';
import type { Keys } from './keys.ts';

/**
 * Columns of free text that may carry personal details: what clients write to stylists, brands and the house office,
 * what staff write back or note about them (reasons, answers, review notes), VIP notes, vetting notes and portfolio
 * client names. They are stored encrypted like the rest of the personal data (crypto.ts `sealText`, read with
 * `openText`). Nothing filters or searches on them in SQL.
 */
export const FREE_TEXT_COLUMNS: ReadonlyArray<{ table: string; columns: readonly string[] }> = [
  { table: 'booking_requests', columns: ['message', 'decline_reason'] },
  { table: 'stylist_bookings', columns: ['notes', 'cancel_reason', 'location'] },
  { table: 'vip_applications', columns: ['note', 'decision_notes'] },
  // What an admin wrote while vetting a stylist (references, background), and the clients a stylist names in a portfolio.
  { table: 'stylists', columns: ['vetting_notes'] },
  { table: 'stylist_portfolio_items', columns: ['client_name'] },
  // A client's question about a product and the brand's answer (`preferred_contact` is one of EMAIL, PHONE, MESSAGE).
  { table: 'product_inquiries', columns: ['message', 'answer'] },
  // The contact page: who wrote and what (the address is `email_enc`; the topic is one of a fixed list).
  { table: 'contact_messages', columns: ['name', 'message'] },
  { table: 'message_reports', columns: ['review_note'] },
  // Why an order changed: a client's or an admin's words (`note` is a code such as APPROVED or ADDRESS_CHANGED).
  { table: 'order_events', columns: ['reason'] },
  { table: 'payment_refunds', columns: ['reason'] },
  { table: 'bank_transfer_receipts', columns: ['note'] },
  // A monogram or an engraving the client asked for (the bag keeps its lines sealed as it writes them, orders/bag.ts).
  { table: 'order_items', columns: ['customizations'] },
];

/**
 * Free text kept under a key of a JSON column whose other keys stay readable: a booking's history repeats the reason a
 * client or stylist gave, and the audit log the reason or note of a refund, a cancellation or a bank receipt.
 * The value under the key is a `sealText` ciphertext (a JSON string); `openFields` reads it back.
 */
export const FREE_TEXT_JSON_FIELDS: ReadonlyArray<{ table: string; column: string; keys: readonly string[] }> = [
  { table: 'booking_events', column: 'details', keys: ['reason'] },
  { table: 'audit_log', column: 'details', keys: ['reason', 'note'] },
];

/** `details` with the free-text keys (`FREE_TEXT_JSON_FIELDS`) sealed, for writing. */
export function sealFields<T extends Record<string, unknown>>(keys: Keys, details: T, fields: readonly string[] = ['reason', 'note']): T {
  const out: Record<string, unknown> = { ...details };
  for (const field of fields) if (typeof out[field] === 'string' && out[field] !== '') out[field] = sealText(keys, out[field]);
  return out as T;
}

/** `details` as written, the sealed keys opened (a value stored in clear before, or a code, reads as it is). */
export function openFields<T extends Record<string, unknown>>(keys: Keys, details: T, fields: readonly string[] = ['reason', 'note']): T {
  const out: Record<string, unknown> = { ...details };
  for (const field of fields) if (typeof out[field] === 'string') out[field] = openText(keys, out[field]);
  return out as T;
}

/**
 * The data migration that goes with it, run at every start after the SQL migrations (the key lives outside the
 * database, so SQL alone cannot do it): rows still in clear are encrypted in place, in batches, each row once.
 * Only values that do not have the shape of a ciphertext are read (filtered in SQL, so a start with nothing left to
 * convert is one scan per column, not one decryption per row). Idempotent, and safe beside another instance doing the
 * same (a row is only ever re-sealed from its clear text). Empty strings are left alone.
 */
export async function encryptFreeText(db: Db, keys: Keys, batch = 500): Promise<number> {
  let total = 0;
  for (const { table, columns } of FREE_TEXT_COLUMNS) {
    for (const column of columns) {
      const value = sql`${sql.identifier(column)}`;
      total += await convert(db, keys, table, value, batch, (id, clear, sealed) =>
        db.execute(sql`update ${sql.identifier(table)} set ${value} = ${sealed} where id = ${id}::uuid and ${value} = ${clear}`),
      );
    }
  }
  for (const { table, column, keys: fields } of FREE_TEXT_JSON_FIELDS) {
    for (const field of fields) {
      const json = sql.identifier(column);
      const value = sql`(${json} ->> ${field})`;
      total += await convert(db, keys, table, value, batch, (id, clear, sealed) =>
        db.execute(
          sql`update ${sql.identifier(table)} set ${json} = jsonb_set(${json}, ${`{${field}}`}::text[], to_jsonb(${sealed}::text))
               where id = ${id}::uuid and ${value} = ${clear}`,
        ),
      );
    }
  }
  return total;
}

async function convert(
  db: Db,
  keys: Keys,
  table: string,
  value: SQL,
  batch: number,
  write: (id: string, clear: string, sealed: string) => Promise<unknown>,
): Promise<number> {
  let total = 0;
  let lastId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await queryRows<{ id: string; value: string }>(
      db,
      sql`select id::text as id, ${value} as value from ${sql.identifier(table)}
           where ${value} <> '' and ${value} !~ ${CIPHERTEXT_PATTERN} and id > ${lastId}::uuid order by id limit ${batch}`,
    );
    if (!rows.length) return total;
    for (const row of rows) {
      await write(row.id, row.value, sealText(keys, row.value)!);
      total++;
    }
    lastId = rows.at(-1)!.id;
  }
}
