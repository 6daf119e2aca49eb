// A platform instance in a child process, for the crash test (crash.test.ts). `enqueue`: commits 100 mails through
// the outbox in one transaction and SIGKILLs itself at once, before the worker can deliver any. `serve`: runs the
// worker until SIGTERM. The database is PostgreSQL (DATABASE_URL) or PGlite in DATA_DIR, as in production.
import { bootChild, exitOnSigterm } from '../../test/crash-child.ts';

const mode = process.argv[2];
const { app, database } = await bootChild();

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
  exitOnSigterm({ app, database });
  process.stdout.write('serving\n');
}
