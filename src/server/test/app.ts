import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, queryRows, type Database, type Db } from '../db/client.ts';
import { adminUrl, databaseUrlFor } from './postgres.ts';

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new PostgreSQL
 * database cloned from the run's template when DATABASE_URL is set. `close()` drops it.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dump = new Blob([readFileSync(inject('pgliteDump'))]);
    return openDatabase({ kind: 'pglite', loadDataDir: dump });
  }
  const name = `sbz_test_${randomBytes(6).toString('hex')}`;
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
  // A generous wait for a pooled connection: CI runs these files two at a time beside a browser on two cores, where a
  // burst of 50 requests on a pool of 5 can queue past production's 5 s without anything being wrong.
  const database = await openDatabase({ kind: 'postgres', url: databaseUrlFor(url, name), poolMax: 5, poolWaitMs: 30_000 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export interface TestApp extends FastifyInstance {
  /** Closes the app and drops its database. */
  shutdown(): Promise<void>;
}

/** The whole platform on a fresh database, for `app.inject`; settings can be overridden per file. */
export interface TestAppOptions {
  /** Runs before any route is registered (e.g. an onRoute hook that records routes). */
  beforeRoutes?: (app: FastifyInstance) => void;
  /** Serve the server-rendered web app from this build (off by default: API tests need no build). */
  webBuildDir?: string;
}

export async function buildTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sbz-data-'));
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    RATE_LIMIT_MAX: '10000',
    SIGNUP_RATE_LIMIT_PER_HOUR: '10000',
    DATA_DIR: dataDir,
    ...env,
  });
  const database = await createTestDatabase();
  const app = (await buildApp({
    config,
    database,
    webBuildDir: options.webBuildDir ?? false,
    beforeRoutes: options.beforeRoutes,
  })) as TestApp;
  app.shutdown = async () => {
    await app.close();
    await app.whenIdle(5_000);
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  await app.ready();
  return app;
}

/** Row count of a table, for tests that look at what a request wrote. */
export async function countRows(db: Db, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return Number(row?.n);
}
