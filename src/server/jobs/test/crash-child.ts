// A platform instance in a child process, for the crash test (crash.test.ts). `enqueue`: commits 100 mails through
// the outbox in one transaction and SIGKILLs itself at once, before the worker can deliver any. `serve`: runs the
// worker until SIGTERM. The database is PostgreSQL (DATABASE_URL) or PGlite in DATA_DIR, as in production.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { databaseTargetFor, openDatabase } from '../../db/client.ts';
import { runMigrations } from '../../db/migrate.ts';

const mode = process.argv[2];
const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false' });
const target = databaseTargetFor(config);
// A fresh PGlite directory starts from the test run's migrated copy instead of migrating (minutes on a busy machine).
const dump = process.env.PGLITE_DUMP;
if (target.kind === 'pglite' && dump && !existsSync(join(config.dataDir, 'pglite'))) target.loadDataDir = new Blob([readFileSync(dump)]);
const database = await openDatabase(target);
await runMigrations(database, target);
const app = await buildApp({ config, database, webBuildDir: false });
await app.ready();

if (mode === 'enqueue') {
  await app.db.transaction(async (tx) => {
    for (let i = 0; i < 100; i++) {
      await app.ctx.mailer.send(tx, { to: `guest${i}@crash.test`, subject: `Your invitation ${i}`, text: `Mail number ${i}.` });
    }
  });
  // Committed; nothing delivered yet (delivery needs a round trip to the SMTP server). Die like a power cut.
  process.stdout.write('committed\n');
  process.kill(process.pid, 'SIGKILL');
} else {
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0));
  });
  process.stdout.write('serving\n');
}
