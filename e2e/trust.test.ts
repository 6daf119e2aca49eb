import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, ensureWebBuild, launchBrowser, startServer, watchProblems, type PageProblems, type RunningServer } from './helpers.ts';

/**
 * Issue #11 in a real browser. Sessions (#11.1): a page left while its start-up refresh is in flight presented the
 * refresh token twice and the second use revoked the whole session; here a signed-in client reloads, leaves and
 * closes pages during that refresh 20 times, in two tabs, and is never signed out. Passkeys (#11.6): a local server
 * is reached at 127.0.0.1 out of habit, where browsers refuse passkeys; the visit moves to localhost, where they work.
 *
 * The server runs as a developer's does (NODE_ENV=development, no PUBLIC_URL), so the pages live on localhost.
 */

const PASSWORD = 'velvet-orchid-sunrise-47';
const DEMO_CLIENT = 'layla.rahman@demo.stylebyzaga.test';
const REFRESH_PATH = '/api/v1/auth/refresh';

let server: RunningServer;
let browser: Browser;
let origin: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ensureWebBuild();
  [server, browser] = await Promise.all([startServer({ NODE_ENV: 'development' }), launchBrowser()]);
  origin = server.url.replace('127.0.0.1', 'localhost');
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await server?.stop();
});

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' });
  contexts.push(context);
  return context;
}

/** A tab whose console errors and failed requests fail the test (e2e/setup.ts); refresh answers are judged by the test itself. */
async function openTab(context: BrowserContext): Promise<{ page: Page; problems: PageProblems }> {
  const page = await context.newPage();
  const problems = watchProblems(page);
  problems.ignoreStatusOf(`${origin}${REFRESH_PATH}`);
  return { page, problems };
}

async function signIn(page: Page, next: string): Promise<void> {
  await page.goto(`${origin}/sign-in?next=${encodeURIComponent(next)}`, { waitUntil: 'networkidle' });
  await page.getByLabel('Email address').fill(DEMO_CLIENT);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${origin}${next}`);
}

/** The header says "Account" for Layla once the tab's session is known; "Sign in" would mean it ended. */
async function expectSignedIn(page: Page, step: string): Promise<void> {
  const header = page.getByRole('banner');
  await header.getByRole('link', { name: /Your account, Layla|^Sign in$/ }).waitFor({ timeout: 20_000 });
  expect(await header.getByRole('link', { name: 'Sign in', exact: true }).count(), `signed out after ${step}`).toBe(0);
}

const isRefresh = (request: Request) => request.method() === 'POST' && new URL(request.url()).pathname === REFRESH_PATH;

describe('a session survives pages left during its refresh (#11.1)', () => {
  it('reloads, leaves and closes pages mid-refresh 20 times across two tabs: never signed out, one refresh in flight', async () => {
    const context = await newContext();
    // Every refresh the browser sends, and how many were in flight at once across both tabs.
    const answers: number[] = [];
    const inFlight = new Set<Request>();
    let mostInFlight = 0;
    const sent: Request[] = [];
    context.on('request', (request) => {
      if (!isRefresh(request)) return;
      sent.push(request);
      inFlight.add(request);
      mostInFlight = Math.max(mostInFlight, inFlight.size);
    });
    context.on('requestfinished', (request) => inFlight.delete(request));
    context.on('requestfailed', (request) => inFlight.delete(request));
    // A closed tab's request reports neither end; the browser dropped it with the tab.
    context.on('page', (page) => page.on('close', () => inFlight.forEach((r) => r.frame().page() === page && inFlight.delete(r))));
    context.on('response', (response) => {
      if (isRefresh(response.request())) answers.push(response.status());
    });
    /** Resolves when the next refresh request has left the browser. */
    const nextRefresh = () => {
      const before = sent.length;
      return expect.poll(() => sent.length, { timeout: 20_000, interval: 5 }).toBeGreaterThan(before);
    };

    let tabA = (await openTab(context)).page;
    await signIn(tabA, '/account');
    const tabB = (await openTab(context)).page;
    await tabB.goto(`${origin}/account`, { waitUntil: 'networkidle' });
    await expectSignedIn(tabB, 'opening a second tab');

    const pages = ['/shop', '/stylists', '/account', '/journal', '/'];
    for (let round = 0; round < 20; round++) {
      const elsewhere = `${origin}${pages[round % pages.length]}`;
      const step = `round ${round + 1}`;
      switch (round % 4) {
        case 0: {
          // The answer is lost: the server rotated the token but the browser never stored the successor (the page was
          // left before the answer arrived). Putting the old cookies back is exactly the state that race leaves.
          // Every cookie, the refresh cookie included (it is scoped to /api/v1/auth, so a page URL would not list it).
          const before = await context.cookies();
          expect(before.map((c) => c.name)).toContain('sbz_csrf');
          expect(before.filter((c) => c.path === '/api/v1/auth').length, 'the refresh cookie').toBeGreaterThan(0);
          const refreshed = nextRefresh();
          await tabA.reload();
          await refreshed;
          await expect.poll(() => inFlight.size, { timeout: 20_000 }).toBe(0);
          await context.addCookies(before);
          // Back to the account page, which hydrates at once and so presents the old token within the server's grace
          // (10 s) even on a loaded machine; a reading page waits for its load first (decision 016).
          await tabA.goto(`${origin}/account`);
          break;
        }
        case 1: {
          // Leaves the page the moment its start-up refresh is sent, as a quick click away does.
          const refreshed = nextRefresh();
          const reload = tabA.reload().catch(() => undefined);
          await refreshed;
          await tabA.goto(elsewhere);
          await reload;
          break;
        }
        case 2: {
          // Both tabs start at once: they must share one refresh, not present the same token side by side.
          await Promise.all([tabA.reload(), tabB.reload()]);
          break;
        }
        case 3: {
          // The tab is closed while its refresh is in flight; a new one opens on another page.
          const refreshed = nextRefresh();
          const reload = tabA.reload().catch(() => undefined);
          await refreshed;
          await tabA.close();
          await reload;
          tabA = (await openTab(context)).page;
          await tabA.goto(elsewhere);
          break;
        }
      }
      await tabA.waitForLoadState('networkidle');
      await expectSignedIn(tabA, step);
      await expectSignedIn(tabB, step);
      if (process.env.E2E_VERBOSE) console.log(`${step}: ${sent.length} refreshes, answers ${answers.join(',')}`);
    }

    // Afterwards both tabs start afresh, still signed in, and the account still holds this one live session.
    await Promise.all([tabA.reload({ waitUntil: 'networkidle' }), tabB.reload({ waitUntil: 'networkidle' })]);
    await expectSignedIn(tabA, 'the last reload');
    await expectSignedIn(tabB, 'the last reload');
    await tabA.goto(`${origin}/account/security`, { waitUntil: 'networkidle' });
    const sessions = tabA.getByRole('list', { name: 'Active sessions' });
    await sessions.getByText('This device').waitFor();

    expect(sent.length, 'refresh requests sent').toBeGreaterThanOrEqual(20);
    expect(answers.filter((status) => status !== 200)).toEqual([]);
    expect(mostInFlight, 'refreshes in flight at once across the two tabs').toBe(1);
  }, 480_000);
});

describe('passkeys on the address people open (#11.6)', () => {
  it('moves a visit to 127.0.0.1 onto localhost, where a passkey is added and signs in', async () => {
    const context = await newContext();
    const { page } = await openTab(context);

    const response = await page.goto(`${server.url}/sign-in?next=%2Faccount%2Fsecurity`, { waitUntil: 'networkidle' });
    expect(page.url()).toBe(`${origin}/sign-in?next=%2Faccount%2Fsecurity`);
    expect(response?.request().redirectedFrom()?.url()).toBe(`${server.url}/sign-in?next=%2Faccount%2Fsecurity`);
    // The API stays where it was asked for: only pages move.
    expect((await fetch(`${server.url}/api/v1/healthz`, { redirect: 'manual' })).status).toBe(200);

    await page.getByLabel('Email address').fill(DEMO_CLIENT);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${origin}/account/security`);

    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await page.getByLabel('Name (optional)').fill('Dressing room');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByRole('list', { name: 'Your passkeys' }).getByText('Dressing room').waitFor();

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(`${origin}/sign-in`);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.waitForURL(`${origin}/account`);
    await expectSignedIn(page, 'signing in with the passkey');
  });
});
