import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import { queryRows } from '../../db/client.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { STRONG_PASSWORD, signIn, uniqueEmail } from '../../test/identity.ts';
import { bootstrapAdmin, createAdmin } from './bootstrap.ts';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.shutdown());

const withBootstrap = (env: { email?: string; password?: string }): AppContext => ({
  ...app.ctx,
  config: { ...app.ctx.config, BOOTSTRAP_ADMIN_EMAIL: env.email, BOOTSTRAP_ADMIN_PASSWORD: env.password },
});

async function admins(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(app.db, sql`select count(*)::int as n from users where user_type = 'ADMIN'`);
  return row!.n;
}

// These run in order on one database: the first admin does not exist until the third test makes it.
describe('bootstrapAdmin', () => {
  it('does nothing without both variables, and says so when only one is set', async () => {
    const lines: string[] = [];
    expect(await bootstrapAdmin(withBootstrap({}), (l) => lines.push(l))).toBe('not-configured');
    expect(lines).toEqual([]);
    expect(await bootstrapAdmin(withBootstrap({ email: uniqueEmail('root') }), (l) => lines.push(l))).toBe('not-configured');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/set both BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD/);
    expect(await admins()).toBe(0);
  });

  it('stops the start on a weak password, naming the variable but not the value', async () => {
    const attempt = bootstrapAdmin(withBootstrap({ email: uniqueEmail('root'), password: 'password1234' }), () => undefined);
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toThrow(/BOOTSTRAP_ADMIN_PASSWORD is not accepted/);
    await expect(attempt).rejects.not.toThrow(/password1234/);
    expect(await admins()).toBe(0);
  });

  it('creates the first admin once, logging without the password', async () => {
    const email = uniqueEmail('root');
    const lines: string[] = [];
    expect(await bootstrapAdmin(withBootstrap({ email, password: STRONG_PASSWORD }), (l) => lines.push(l))).toBe('created');
    expect(await bootstrapAdmin(withBootstrap({ email: uniqueEmail('second'), password: STRONG_PASSWORD }), (l) => lines.push(l))).toBe(
      'exists',
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(email);
    expect(lines[1]).toMatch(/already exists/);
    expect(lines.join('\n')).not.toContain(STRONG_PASSWORD);
    expect(await admins()).toBe(1);

    const session = await signIn(app, email, STRONG_PASSWORD);
    const me = (await app.inject({ method: 'GET', url: '/api/v1/me', headers: session.auth })).json().user;
    expect(me).toMatchObject({ userType: 'ADMIN', emailVerified: true, mfaEnrollmentRequired: true });
  });
});

describe('createAdmin', () => {
  it('adds an admin even when others exist, and audits that the operator did it', async () => {
    const before = await admins();
    const user = await createAdmin(app.ctx, {
      email: uniqueEmail('ops'),
      password: STRONG_PASSWORD,
      firstName: 'Inès',
      lastName: 'Marchal',
    });
    expect(user).toMatchObject({ userType: 'ADMIN', firstName: 'Inès', lastName: 'Marchal', emailVerified: true });
    expect(await admins()).toBe(before + 1);
    const rows = await queryRows<{ action: string }>(
      app.db,
      sql`select action from audit_log where target_user_id = ${user.userId} order by id`,
    );
    expect(rows.map((r) => r.action)).toEqual(['user.created', 'user.admin.createdByOperator']);
  });

  it('refuses a duplicate email and a weak password with reasons', async () => {
    const email = uniqueEmail('ops');
    await createAdmin(app.ctx, { email, password: STRONG_PASSWORD });
    await expect(createAdmin(app.ctx, { email: email.toUpperCase(), password: STRONG_PASSWORD })).rejects.toMatchObject({
      code: 'ConflictException',
    });
    await expect(createAdmin(app.ctx, { email: uniqueEmail('ops'), password: 'short' })).rejects.toMatchObject({
      code: 'ValidationException',
      message: expect.stringMatching(/at least 12/),
    });
    await expect(
      createAdmin(app.ctx, { email: uniqueEmail('ops'), password: 'Marchal-Marchal-2026', lastName: 'Marchal' }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/own name/) });
  });
});

describe('npm run create-admin', () => {
  const run = promisify(execFile);
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sbz-create-admin-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // Its own embedded database under a temporary DATA_DIR, never the test run's DATABASE_URL.
  const createAdminCli = (...args: string[]) => {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    return run(process.execPath, ['--import', 'tsx', 'scripts/create-admin.ts', ...args], {
      env: { ...env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'development' },
      // The first run that writes migrates a fresh embedded database: minutes beside the browser tests on 2 cores.
      timeout: 240_000,
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
    );
  };

  it('creates an admin, then refuses the same email and weak passwords with clear messages', async () => {
    const weak = await createAdminCli('--email', 'ops@example.com', '--password', 'password1234');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/^Password refused: /);

    const created = await createAdminCli(
      '--email',
      'ops@example.com',
      '--password',
      STRONG_PASSWORD,
      '--first-name',
      'Noor',
      '--last-name',
      'Haddad',
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/Created administrator ops@example.com \(Noor Haddad/);
    expect(created.stdout).not.toContain(STRONG_PASSWORD);

    const duplicate = await createAdminCli('--email', 'ops@example.com', '--password', STRONG_PASSWORD);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/already exists; nothing was changed/);

    const usage = await createAdminCli('--email', 'ops@example.com');
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/--email and --password are required/);
  }, 600_000);
});
