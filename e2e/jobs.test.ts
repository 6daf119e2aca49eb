/**
 * The house office's background-jobs page: an administrator sees a stopped (dead) letter and one that is retrying
 * against an SMTP server that refuses connections, runs the stopped one again and discards it. Runs on PostgreSQL
 * (DATABASE_URL, a fresh database) so the test can plant a dead job beside the server.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInEnrolling } from './demo.ts';
import { adminUrl, databaseUrlFor } from '../src/server/test/postgres.ts';
import {
  capture,
  DESKTOP,
  ensureWebBuild,
  freePort,
  launchBrowser,
  MOBILE,
  type PageProblems,
  runAxeUnderCsp,
  type RunningServer,
  SCREENSHOT_DIR,
  startServer,
  watchProblems,
} from './helpers.ts';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `sbz_e2e_jobs_${randomBytes(5).toString('hex')}`;
const ADMIN_EMAIL = 'night.desk@stylebyzaga.test';
const ADMIN_PASSWORD = 'copper-meridian-lantern-58';
let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: PageProblems;
type Pg = { query: (q: string, v?: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>; end: () => Promise<void> };
let admin: Pg;
let db: Pg;

beforeAll(async () => {
  ensureWebBuild();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const pg = (await import('pg')).default;
  admin = new pg.Client({ connectionString: adminUrl(url) });
  await (admin as unknown as { connect: () => Promise<void> }).connect();
  await admin.query(`create database ${dbName}`);
  // Nothing listens on this port: every delivery fails and is retried.
  const closedPort = await freePort();
  [server, browser] = await Promise.all([
    startServer({
      DATABASE_URL: databaseUrlFor(url, dbName),
      DEMO_DATA: 'false',
      BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SMTP_URL: `smtp://127.0.0.1:${closedPort}`,
    }),
    launchBrowser(),
  ]);
  db = new pg.Client({ connectionString: databaseUrlFor(url, dbName) });
  await (db as unknown as { connect: () => Promise<void> }).connect();
  const context = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' });
  page = await context.newPage();
  problems = watchProblems(page);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.end();
  await admin?.query(`drop database if exists ${dbName} with (force)`);
  await admin?.end();
});

async function screenshots(name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await capture(page, join(SCREENSHOT_DIR, `${name}-desktop.png`), { fullPage: true });
  await page.setViewportSize(MOBILE);
  await capture(page, join(SCREENSHOT_DIR, `${name}-mobile.png`), { fullPage: true });
  await page.setViewportSize(DESKTOP);
}

describe('background jobs in the house office', () => {
  it('shows a stopped letter and a retrying one; the admin runs one again and discards it', async () => {
    // An administrator enrols a second factor at first sign-in (the sign-up mail of that enrolment is retried meanwhile).
    await signInEnrolling(page, server.url, ADMIN_EMAIL, '/admin/jobs', ADMIN_PASSWORD);
    await page.waitForURL(/\/admin/);

    // A letter whose tries are spent, planted beside the server; and one retrying because SMTP refuses connections.
    const planted = await db.query(
      `insert into jobs (id, name, payload, status, attempts, max_attempts, last_error, run_at, updated_at)
       values (gen_random_uuid(), 'mail.send', '{}', 'dead', 10, 10, 'Error: connect ECONNREFUSED 127.0.0.1:2525 (the SMTP server refused the connection)', now(), now() - interval '12 minutes') returning id`,
    );
    const deadId = planted.rows[0]!.id as string;
    await db.query(
      `insert into jobs (id, name, payload, status, attempts, max_attempts, last_error, run_at) values (gen_random_uuid(), 'stylists.partner-digest', '{}', 'pending', 2, 5, 'Error: partner endpoint answered 503', now() + interval '1 hour')`,
    );

    await page.goto(`${server.url}/admin/jobs`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Background jobs' }).waitFor();
    await page.getByText('ECONNREFUSED 127.0.0.1:2525').waitFor();
    const violations = await runAxeUnderCsp(page);
    expect(violations, JSON.stringify(violations)).toEqual([]);
    await screenshots('admin-jobs');

    await page.getByRole('link', { name: /Retrying/ }).click();
    await page.getByText('partner endpoint answered 503').waitFor();
    await screenshots('admin-jobs-retrying');

    await page.waitForLoadState('networkidle');
    await page.getByRole('link', { name: /Stopped/ }).click();
    await page.getByRole('button', { name: 'Run again mail.send' }).click();
    // The letter leaves the stopped list. (Not "Nothing has stopped": a recurring sweep allowed one try, which a slow
    // machine can time out, may have stopped meanwhile, and the page rightly shows it.)
    await page.getByRole('button', { name: 'Run again mail.send' }).waitFor({ state: 'detached' });
    await page.waitForLoadState('networkidle');
    const [row] = (await db.query('select status, attempts from jobs where id = $1', [deadId])).rows;
    // Running again with fresh attempts: it fails again here (nothing to deliver, no SMTP) and waits for its next try.
    expect(['pending', 'running']).toContain(row!.status);
    expect(row!.attempts).toBeLessThan(10);

    await page.getByRole('link', { name: /Retrying/ }).click();
    await page.getByRole('button', { name: 'Discard stylists.partner-digest' }).click();
    await page.getByText('partner endpoint answered 503').waitFor({ state: 'detached' });
    const audit = (await db.query(`select action from audit_log where action like 'jobs.%' order by at`)).rows.map((r) => r.action);
    expect(audit).toEqual(['jobs.retry', 'jobs.discard']);
    expect(problems.list, JSON.stringify(problems.list)).toEqual([]);
  }, 120_000);
});
