/**
 * The harness of the crash tests (jobs, messaging, payments): a database of their own that outlives processes, child
 * platform processes that SIGKILL themselves at a marker, and a restart on the same database.
 *
 * Test side (this file): `crashDatabase(prefix)` in the test file (its `setup`/`teardown` in beforeAll/afterAll),
 * `spawnChild` for each process. Child side (crash-child.ts, no vitest there): `bootChild()` opens the database the
 * test prepared, migrated, and builds the app; `exitOnSigterm` ends a restarted process cleanly.
 * The database is PostgreSQL (a copy of the run's template) when DATABASE_URL is set, else PGlite in a temporary
 * data directory, which a fresh child fills from the run's migrated dump instead of migrating (minutes when busy).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/client.ts';
import { adminUrl, databaseUrlFor } from './postgres.ts';

export interface CrashDatabase {
  /** The PGlite data directory (unused on PostgreSQL, removed at teardown either way). */
  readonly dataDir: string;
  /** beforeAll: creates the PostgreSQL database from the run's template. */
  setup(): Promise<void>;
  /** afterAll: drops it, removes the data directory. */
  teardown(): Promise<void>;
  /** The environment a child process needs to find the database, with `extra` on top. */
  env(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  /** Opens the database in the test process (between children: one process at a time on a PGlite directory). */
  open(): Promise<Database>;
  /** Opens, runs `fn`, closes. */
  withDb<T>(fn: (db: Database['db']) => Promise<T>): Promise<T>;
}

export function crashDatabase(prefix: string): CrashDatabase {
  const dataDir = mkdtempSync(join(tmpdir(), `sbz-${prefix}-crash-`));
  const pgUrl = process.env.DATABASE_URL;
  const pgName = `sbz_test_${randomBytes(6).toString('hex')}`;
  let admin: { query: (q: string) => Promise<unknown>; end: () => Promise<void> } | undefined;

  const open = async (): Promise<Database> => {
    if (pgUrl) return openDatabase({ kind: 'postgres', url: databaseUrlFor(pgUrl, pgName), poolMax: 4 });
    const fresh = !existsSync(join(dataDir, 'pglite'));
    return openDatabase({ kind: 'pglite', dataDir, ...(fresh ? { loadDataDir: new Blob([readFileSync(inject('pgliteDump'))]) } : {}) });
  };

  return {
    dataDir,
    setup: async () => {
      if (!pgUrl) return;
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: adminUrl(pgUrl) });
      await client.connect();
      await client.query(`create database ${pgName} template ${inject('postgresTemplate')}`);
      admin = client;
    },
    teardown: async () => {
      await admin?.query(`drop database if exists ${pgName} with (force)`);
      await admin?.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
    env: (extra = {}) => {
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ...extra };
      if (pgUrl) env.DATABASE_URL = databaseUrlFor(pgUrl, pgName);
      else {
        delete env.DATABASE_URL;
        env.PGLITE_DUMP = inject('pgliteDump');
      }
      return env;
    },
    open,
    withDb: async (fn) => {
      const database = await open();
      try {
        return await fn(database.db);
      } finally {
        await database.close();
      }
    },
  };
}

export interface Child {
  proc: ChildProcess;
  /** The first line the child writes (its marker: 'committed', 'serving', 'killed at …'). */
  line: Promise<string>;
  /** Everything it wrote to stdout, trimmed, once it exited. */
  output: Promise<string>;
  /** How it ended: the signal ('SIGKILL' for a crash it caused itself), else the exit code. */
  exit: Promise<NodeJS.Signals | number | null>;
}

/** Runs `file` (TypeScript) in a child Node process with `args` and `env`; stderr passes through. */
export function spawnChild(file: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', file, ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const line = new Promise<string>((resolve) => proc.stdout!.once('data', (d: Buffer) => resolve(d.toString().split('\n')[0]!.trim())));
  const exit = new Promise<NodeJS.Signals | number | null>((resolve) => proc.once('exit', (code, signal) => resolve(signal ?? code)));
  return { proc, line, output: exit.then(() => out.trim()), exit };
}
