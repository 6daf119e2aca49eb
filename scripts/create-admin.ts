// `npm run create-admin -- --email E --password P [--first-name F --last-name L]`: creates an ADMIN account in the
// configured database (PGlite under DATA_DIR, or DATABASE_URL), whether or not other admins exist.
// With the embedded database, stop the server first: PGlite allows one process at a time.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../src/server/config.ts';
import type { AppContext } from '../src/server/context.ts';
import { databaseTargetFor, openDatabase } from '../src/server/db/client.ts';
import { runMigrations } from '../src/server/db/migrate.ts';
import { ApiError } from '../src/server/http/errors.ts';
import { createAdmin } from '../src/server/modules/identity/bootstrap.ts';
import { passwordProblem } from '../src/server/modules/identity/passwords.ts';
import { createContext } from '../src/server/adapters.ts';
import { loadKeys } from '../src/server/security/keys.ts';

const USAGE =
  'Usage: npm run create-admin -- --email admin@example.com --password "a long passphrase" [--first-name Noor --last-name Haddad]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let args: { email?: string; password?: string; 'first-name'?: string; 'last-name'?: string; help?: boolean };
try {
  args = parseArgs({
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      'first-name': { type: 'string' },
      'last-name': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }).values;
} catch (err) {
  fail(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!args.email || !args.password) fail(`Both --email and --password are required.\n${USAGE}`);

const email = z.email().max(254).safeParse(args.email.trim());
if (!email.success) fail(`"${args.email}" is not a valid email address.`);
const name = z.string().trim().min(1).max(80);
for (const flag of ['first-name', 'last-name'] as const) {
  if (args[flag] !== undefined && !name.safeParse(args[flag]).success) fail(`--${flag} must be 1 to 80 characters.`);
}
// Checked before the database is opened, so a weak password costs nothing; createAdmin checks again.
const weak = passwordProblem(args.password, [
  args['first-name'] ?? 'Platform',
  args['last-name'] ?? 'Administrator',
  email.data.split('@')[0] ?? '',
]);
if (weak) fail(`Password refused: ${weak}.`);

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) fail(err.message);
  throw err;
}
const target = databaseTargetFor(config);
let database: Awaited<ReturnType<typeof openDatabase>>;
try {
  database = await openDatabase(target);
} catch (err) {
  // The usual case: the embedded database is held by the running server (its lock names the process). One line, no
  // stack: what to do is in the message.
  fail(`Could not open the database: ${err instanceof Error ? err.message : String(err)}`);
}
let exitCode = 0;
try {
  await runMigrations(database, target);
  const keys = loadKeys(config);
  const ctx: AppContext = createContext(database.db, config, keys);
  const user = await createAdmin(ctx, {
    email: email.data,
    password: args.password,
    ...(args['first-name'] ? { firstName: args['first-name'].trim() } : {}),
    ...(args['last-name'] ? { lastName: args['last-name'].trim() } : {}),
  });
  console.log(`Created administrator ${user.email} (${user.firstName} ${user.lastName}, id ${user.userId}).`);
  console.log('They must set up two-factor authentication at first sign-in.');
} catch (err) {
  exitCode = 1;
  if (err instanceof ApiError && err.code === 'ConflictException')
    console.error(`An account with ${email.data} already exists; nothing was changed.`);
  else if (err instanceof ApiError && err.code === 'ValidationException') console.error(`Password refused: ${err.message}.`);
  else throw err;
} finally {
  await database.close();
}
process.exit(exitCode);
