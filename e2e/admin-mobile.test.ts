import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MOBILE,
  ensureWebBuild,
  launchBrowser,
  openPage,
  screenshots,
  startServer,
  type PageProblems,
  type RunningServer,
} from './helpers.ts';
import { DEMO, signInEnrolling } from './demo.ts';

/**
 * The house office on a phone (390 × 844): every section of the administration fits the screen's width — wide tables
 * scroll inside their own frame, the page itself never scrolls sideways — and logs no console error.
 */

const SECTIONS = [
  '/admin',
  '/admin/vip',
  '/admin/stylists',
  '/admin/products',
  '/admin/brands',
  '/admin/categories',
  '/admin/collections',
  '/admin/inquiries',
  '/admin/journal',
  '/admin/editors',
  '/admin/orders',
  '/admin/tax-rates',
  '/admin/payments',
  '/admin/ledger',
  '/admin/audit',
  '/admin/mailbox',
  '/admin/jobs',
];

let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  ensureWebBuild();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  ({ page, problems } = await openPage(browser, { viewport: MOBILE, isMobile: true, hasTouch: true }));
  // The demo's administrator enrols a second factor at first sign-in, then reaches the house office.
  await signInEnrolling(page, server.url, DEMO.admin, '/admin');
  await page.waitForURL(/\/admin/);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the house office at 390 px', () => {
  it.each(SECTIONS)('%s fits the width of a phone', async (path) => {
    await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    // Wide tables scroll inside their own frame; the page itself fits the phone (the check names what sticks out).
    await screenshots(page, `admin-mobile${path.replaceAll('/', '-')}`, { only: 'current', fullPage: false });
  });

  it('logged no console error and no failed request', () => {
    expect(problems.list).toEqual([]);
  });
});
