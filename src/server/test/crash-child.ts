/**
 * The child-process half of the crash-test harness (crash.ts has the test side): a platform instance on the database
 * the test prepared. Runs outside vitest, so it imports nothing from it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { databaseTargetFor, openDatabase, type Database } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';

/**
 * Child side: the platform on the database the test prepared (DATABASE_URL, or PGlite in DATA_DIR filled from
 * PGLITE_DUMP when fresh), migrated and ready. `runJobs: false` keeps this process's workers from delivering.
 */
export async function bootChild(env: Record<string, string> = {}, options: { runJobs?: boolean } = {}) {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false', ...env });
  const target = databaseTargetFor(config);
  const dump = process.env.PGLITE_DUMP;
  if (target.kind === 'pglite' && dump && !existsSync(join(config.dataDir, 'pglite'))) target.loadDataDir = new Blob([readFileSync(dump)]);
  const database = await openDatabase(target);
  await runMigrations(database, target);
  const app = await buildApp({ config, database, webBuildDir: false, ...options });
  await app.ready();
  return { app, database };
}

/** Child side: SIGTERM closes the app and the database, then exits 0 (the test checks that a restart ends cleanly). */
export function exitOnSigterm({ app, database }: { app: { close(): Promise<unknown> }; database: Database }): void {
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0));
  });
}
