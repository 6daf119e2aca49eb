import { sql, type SQL } from 'drizzle-orm';

/** `array[$1, $2]::type[]` — a parameterised array that PGlite and node-postgres both send the same way. */
export function sqlArray(values: readonly (string | number)[], type: 'uuid' | 'text' | 'bigint' | 'int'): SQL {
  if (values.length === 0) return sql.raw(`array[]::${type}[]`);
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::${sql.raw(type)}[]`;
}

/** ISO string of a timestamp as the drivers return it (Date, or text inside JSON). */
export function iso(value: Date | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
