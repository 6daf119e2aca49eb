import { fileURLToPath } from 'node:url';
import type { Database, DatabaseTarget } from './client.ts';

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// Any constant shared by every instance: only one of them migrates at a time.
const MIGRATION_LOCK_ID = 0x5a4147;

/** Applies the committed SQL migrations that have not run yet; concurrent starters wait for each other. */
export async function runMigrations(database: Database, target: DatabaseTarget): Promise<void> {
  if (target.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder });
    return;
  }
  // A session-level advisory lock needs one connection for the whole run, not the pool.
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}
