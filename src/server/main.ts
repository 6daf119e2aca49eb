import type { FastifyInstance } from 'fastify';
import { ConfigError, loadConfig, readyAddress, type Config } from './config.ts';
import { databaseTargetFor, openDatabase, type Database } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { buildApp } from './app.ts';
import { loggerOptions } from './http/logger.ts';

/** Reads config, opens and migrates the database, seeds demo data, listens; closes cleanly on signals. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }

  const target = databaseTargetFor(config);
  const say = (line: string) => {
    if (config.LOG_LEVEL !== 'silent') console.log(line);
  };

  say(`StyleByZaga · opening ${target.kind === 'pglite' ? `embedded PostgreSQL (PGlite) in ${config.dataDir}` : 'PostgreSQL'}…`);
  const database = await openDatabase(target);
  openedDatabase = database;
  const running: { app?: FastifyInstance } = {};
  installShutdown(() => running.app, database);

  await runMigrations(database, target);
  if (config.DEMO_DATA) {
    const { seedDemoData } = await import('./seed/demo.ts');
    // One line before and one after: the per-seeder progress is for `npm run seed`, not for every start.
    await seedDemoData(database, {
      seed: config.DEMO_SEED,
      log: (line) => (/^Seeding demo data \(|finished|failed/i.test(line) ? say(line) : undefined),
    });
  }

  // Free text written before it was encrypted (and the demo seed's) is encrypted in place, once.
  const { encryptFreeText } = await import('./security/free-text.ts');
  const { loadKeys } = await import('./security/keys.ts');
  await encryptFreeText(database.db, loadKeys(config));

  const app = await buildApp({ config, database, logger: loggerOptions(config) });
  running.app = app;
  const { bootstrapAdmin } = await import('./modules/identity/bootstrap.ts');
  await bootstrapAdmin(app.ctx, say);
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  // The address people open: PUBLIC_URL when set, else localhost for a loopback or wildcard bind (passkeys work there).
  const url = readyAddress(config, port);
  say(`StyleByZaga is ready at ${url}  (API docs: ${url}/api/docs)`);
}

let shuttingDown = false;
let openedDatabase: Database | undefined;

const SHUTDOWN_GRACE_MS = 10_000;

/** SIGINT/SIGTERM: stop accepting requests, finish those in flight, then close the database so PGlite flushes. */
function installShutdown(getApp: () => FastifyInstance | undefined, database: Database): void {
  const shutdown = async (signal: string) => {
    if (shuttingDown) {
      console.error(`${signal} again: exiting now.`);
      process.exit(1);
    }
    shuttingDown = true;
    console.log(`${signal} received: closing…`);
    try {
      const app = getApp();
      await app?.close();
      // Handlers whose callers hung up are not waited for by close(): let them finish their work first.
      if (app && !(await app.whenIdle(SHUTDOWN_GRACE_MS)))
        console.error(`Requests still running after ${SHUTDOWN_GRACE_MS / 1000}s: closing the database anyway.`);
    } finally {
      await database.close();
    }
    console.log('StyleByZaga closed cleanly.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch(async (err: unknown) => {
  console.error('StyleByZaga failed to start:', err instanceof Error ? err.message : err);
  if (err instanceof Error && err.stack && process.env.LOG_LEVEL === 'debug') console.error(err.stack);
  await openedDatabase?.close().catch(() => undefined);
  process.exit(1);
});
