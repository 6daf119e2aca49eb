// `npm run db:migrate`: applies committed migrations to the configured database (PGlite under DATA_DIR, or DATABASE_URL).
import { loadConfig } from '../src/server/config.ts';
import { databaseTargetFor, openDatabase } from '../src/server/db/client.ts';
import { runMigrations } from '../src/server/db/migrate.ts';

const config = loadConfig();
const target = databaseTargetFor(config);
const database = await openDatabase(target);
try {
  await runMigrations(database, target);
  console.log(`Migrations applied (${target.kind}).`);
} finally {
  await database.close();
}
