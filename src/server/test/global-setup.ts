import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { adminUrl, databaseUrlFor } from './postgres.ts';

/**
 * Migrates one database per run: a PGlite data-dir tarball, or a PostgreSQL template database.
 * Each test file then starts from a copy in about a second instead of migrating again.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `sbz_template_${process.pid}`;
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const target = { kind: 'postgres' as const, url: databaseUrlFor(url, template) };
    const database = await openDatabase(target);
    await runMigrations(database, target);
    await database.close();
    project.provide('postgresTemplate', template);
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'sbz-test-'));
  const database = await openDatabase({ kind: 'pglite' });
  await runMigrations(database, { kind: 'pglite' });
  const dump = await database.dump!();
  await database.close();
  const file = join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDump', file);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    postgresTemplate: string;
  }
}
