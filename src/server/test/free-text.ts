/** Checks for free text stored sealed (security/free-text.ts): read the raw column, and run the start-up conversion. */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows } from '../db/client.ts';
import { encryptFreeText } from '../security/free-text.ts';
import type { TestApp } from './app.ts';

/** A column of a row (`id`), or a key of a JSON column: `{ table, column, key? }`. */
export interface Stored {
  table: string;
  column: string;
  key?: string;
}

const valueOf = ({ column, key }: Stored) => (key ? sql`(${sql.identifier(column)} ->> ${key})` : sql`${sql.identifier(column)}`);

/** The value as the database holds it. */
export async function storedText(app: TestApp, at: Stored, id: string): Promise<string | null> {
  const [row] = await queryRows<{ value: string | null }>(
    app.db,
    sql`select ${valueOf(at)} as value from ${sql.identifier(at.table)} where id = ${id}::uuid`,
  );
  expect(row, `${at.table} ${id}`).toBeDefined();
  return row!.value;
}

/** The stored value is a ciphertext, and none of `clear` shows through. */
export async function expectSealed(app: TestApp, at: Stored, id: string, clear: string): Promise<void> {
  const stored = await storedText(app, at, id);
  const name = `${at.table}.${at.column}${at.key ? `.${at.key}` : ''}`;
  expect(stored, `${name} is stored`).toBeTruthy();
  expect(stored!.includes(clear), `${name} in clear`).toBe(false);
  expect(stored, `${name} is a ciphertext`).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
}

/**
 * Puts `clear` back as a row written before the column was encrypted, runs the start-up conversion and expects the
 * value sealed again (the caller then reads it through the API to see it unchanged).
 */
export async function expectConverted(app: TestApp, at: Stored, id: string, clear: string): Promise<void> {
  const target = at.key
    ? sql`${sql.identifier(at.column)} = jsonb_set(${sql.identifier(at.column)}, ${`{${at.key}}`}::text[], to_jsonb(${clear}::text))`
    : sql`${sql.identifier(at.column)} = ${clear}`;
  await app.db.execute(sql`update ${sql.identifier(at.table)} set ${target} where id = ${id}::uuid`);
  expect(await storedText(app, at, id)).toBe(clear);
  expect(await encryptFreeText(app.db, app.ctx.keys)).toBeGreaterThan(0);
  await expectSealed(app, at, id, clear);
}
