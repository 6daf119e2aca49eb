// `npm run seed -- [--seed N] [--only a,b] [--reset] [--products N …]`: writes demo data into the configured database
// (PGlite under DATA_DIR, or DATABASE_URL). Any `--<name> <count>` reaches seeders as `ctx.options[name]`.
import { loadConfig } from '../src/server/config.ts';
import { databaseTargetFor, openDatabase } from '../src/server/db/client.ts';
import { runMigrations } from '../src/server/db/migrate.ts';
import { parseSeedArgs, type SeedArgs } from '../src/server/seed/cli-args.ts';
import { resetDemoData, seedDemoData } from '../src/server/seed/demo.ts';

const USAGE = `Usage: npm run seed -- [--seed N] [--only name,name] [--reset] [--<count-name> N …]
  --seed N       demo seed (default: DEMO_SEED, 2026)
  --only a,b     only these seeders (plus the dependencies they still need)
  --reset        forget and clear earlier demo data first (with --only: those seeders and their dependents)
  --products N   a count handed to seeders, e.g. how many products to write`;

async function main(): Promise<void> {
  const argv = process.argv.slice(2).filter((a) => a !== '--');
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  let args: SeedArgs;
  try {
    args = parseSeedArgs(argv);
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const target = databaseTargetFor(config);
  const seed = args.seed ?? config.DEMO_SEED;
  const log = (line: string) => console.log(line);

  console.log(`Opening ${target.kind === 'pglite' ? `embedded PostgreSQL (PGlite) in ${config.dataDir}` : 'PostgreSQL'}…`);
  const database = await openDatabase(target);
  // Ctrl-C stops after the chunk in progress, so the database closes cleanly; a second one exits at once.
  const controller = new AbortController();
  process.once('SIGINT', () => {
    console.log('Stopping after the current step… (Ctrl-C again to quit now)');
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  try {
    await runMigrations(database, target);
    if (args.reset) await resetDemoData(database, { only: args.only, log });
    const summary = await seedDemoData(database, { seed, log, only: args.only, options: args.options, signal: controller.signal });
    if (summary.ran.length === 0 && !summary.interrupted && !summary.busy) {
      console.log(
        summary.alreadyDone.length > 0
          ? `Demo data already seeded (${summary.alreadyDone.join(', ')}); use --reset to write it again.`
          : 'No demo seeders are registered yet.',
      );
    }
    if (summary.interrupted) process.exitCode = 130;
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error('Seeding failed:', err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
