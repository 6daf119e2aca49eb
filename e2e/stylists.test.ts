import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'otplib';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayKeyOf, formatInstant, formatRange, zonedTimeToInstant } from '../src/web/features/stylists/time.ts';
import {
  capture,
  DESKTOP,
  ensureWebBuild,
  launchBrowser,
  MOBILE,
  type PageProblems,
  runAxeUnderCsp,
  type RunningServer,
  SCREENSHOT_DIR,
  startServer,
  watchProblems,
} from './helpers.ts';

/**
 * The marketplace journey of issue 5 in Chromium against the whole platform: a client in New York takes the style
 * quiz, sees matches with their reasons, requests a slot from a stylist who works in Tokyo; the stylist, signed in
 * with two-step verification in a Tokyo browser, accepts it; the client sees the session confirmed in New York time.
 * Then the directory, the profile, the studio pages and the house office's vetting queue. Every page: no console
 * errors, no failed requests, axe-core clean, screenshots at desktop and phone widths.
 */

const PASSWORD = 'velvet-orchid-sunrise-47';
const ADMIN_EMAIL = 'direction@stylebyzaga.test';
const ADMIN_PASSWORD = 'amber-lantern-harbour-93';
const CLIENT_ZONE = 'America/New_York';
const STYLIST_ZONE = 'Asia/Tokyo';
const EVERY_DAY = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

const totp = (secret: string, stepsAhead = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

type Session = { userId: string; token: string; secret?: string };

/** One JSON call to the running platform; fails the test with the body when the status is not the one expected. */
async function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  token?: string,
  expected = [200, 201],
): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!expected.includes(res.status)) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

/** Signs in over the API; enrols TOTP first when the role requires it and none is set up (the session then counts as verified). */
async function apiSignIn(email: string, password: string, secret?: string): Promise<Session> {
  const login = await api<{ accessToken: string; user: { userId: string; mfaEnrollmentRequired?: boolean } }>('POST', '/auth/login', {
    email,
    password,
    ...(secret ? { mfaCode: await totp(secret) } : {}),
  });
  const session: Session = { userId: login.user.userId, token: login.accessToken, secret };
  if (!secret && login.user.mfaEnrollmentRequired) {
    const setup = await api<{ secret: string }>('POST', '/auth/mfa/setup', undefined, session.token);
    await api('POST', '/auth/mfa/verify', { code: await totp(setup.secret) }, session.token);
    session.secret = setup.secret;
  }
  return session;
}

async function signUpOverApi(firstName: string, lastName: string, userType: 'CLIENT' | 'STYLIST'): Promise<{ email: string } & Session> {
  const email = `${firstName.toLowerCase()}.${lastName.toLowerCase()}.${Date.now()}@example.com`;
  await api('POST', '/users', { acceptTerms: true, email, password: PASSWORD, firstName, lastName, userType });
  return { email, ...(await apiSignIn(email, PASSWORD)) };
}

/** A stylist with a profile (PENDING_REVIEW until approved), a schedule every day 08:00–20:00 in Tokyo and one service. */
async function createStylist(
  admin: Session,
  input: { firstName: string; lastName: string; approve: boolean; profile: Record<string, unknown> },
) {
  const account = await signUpOverApi(input.firstName, input.lastName, 'STYLIST');
  const created = await api<{ stylistId: string }>('POST', '/stylists', { userId: account.userId, ...input.profile }, account.token);
  await api(
    'PUT',
    `/stylists/${created.stylistId}/schedule`,
    {
      timeZone: STYLIST_ZONE,
      weekly: EVERY_DAY.map((day) => ({ day, start: '08:00', end: '20:00' })),
      bufferMinutes: 30,
      minNoticeHours: 12,
      horizonDays: 60,
    },
    account.token,
  );
  await api(
    'POST',
    `/stylists/${created.stylistId}/services`,
    {
      kind: 'BRIDAL',
      name: 'Bridal consultation',
      description: 'The dress, the fittings, the morning itself.',
      durationMinutes: 90,
      price: { amount: 48000, currency: 'JPY' },
    },
    account.token,
  );
  if (input.approve)
    await api(
      'POST',
      `/stylists/${created.stylistId}/review`,
      { decision: 'APPROVE', notes: 'Portfolio and references checked' },
      admin.token,
    );
  return { ...account, stylistId: created.stylistId };
}

const SAKURA = {
  firstName: 'Sakura',
  lastName: 'Ishida',
  approve: true,
  profile: {
    headline: 'Bridal and monochrome tailoring between Kyoto and Tokyo',
    bio: 'Twelve years dressing brides and their families, from the first sketch to the morning of the ceremony.\n\nI work in Japanese and English, in person in Kyoto and Tokyo, and by video anywhere.',
    specialties: ['bridal', 'haute-couture'],
    styleTags: ['monochrome', 'minimalist'],
    languages: ['ja', 'en'],
    experienceYears: 12,
    rate: { amount: 30000, currency: 'JPY' },
    city: 'Kyoto',
    country: 'JP',
    latitude: 35.0116,
    longitude: 135.7681,
    travelRadiusKm: 600,
    offersVirtual: true,
    timeZone: STYLIST_ZONE,
  },
};

let admin: Session;
let sakura: Awaited<ReturnType<typeof createStylist>>;
let pending: Awaited<ReturnType<typeof createStylist>>;
let client: Awaited<ReturnType<typeof signUpOverApi>>;

beforeAll(async () => {
  ensureWebBuild();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  [server, browser] = await Promise.all([
    startServer({ BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL, BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD }),
    launchBrowser(),
  ]);
  admin = await apiSignIn(ADMIN_EMAIL, ADMIN_PASSWORD);
  sakura = await createStylist(admin, SAKURA);
  pending = await createStylist(admin, {
    firstName: 'Ines',
    lastName: 'Valcourt',
    approve: false,
    profile: {
      ...SAKURA.profile,
      headline: 'Evening wear for the opera season',
      specialties: ['event-styling'],
      languages: ['fr', 'en'],
      city: 'Lyon',
      country: 'FR',
      rate: { amount: 320, currency: 'EUR' },
      timeZone: 'Europe/Paris',
    },
  });
  client = await signUpOverApi('Margot', 'Hale', 'CLIENT');
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await server?.stop();
});

/** A browser in a given time zone; reduced motion so fade-ins never catch axe-core or a screenshot half-way. */
async function openPage(timezoneId: string): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce', timezoneId, locale: 'en-GB' });
  contexts.push(context);
  const page = await context.newPage();
  return { page, problems: watchProblems(page) };
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
    // Lazy images far below the fold may never start; a few seconds is all a picture gets.
    const pending = Array.from(document.images)
      .filter((img) => !img.complete)
      .map((img) => new Promise((done) => ['load', 'error'].forEach((type) => img.addEventListener(type, done, { once: true }))));
    await Promise.race([Promise.all(pending), new Promise((r) => setTimeout(r, 5000))]);
  });
}

async function expectAxeClean(page: Page): Promise<void> {
  await settle(page);
  expect(await runAxeUnderCsp(page)).toEqual([]);
}

/** Full-page screenshots at desktop and phone widths, without toasts; back to desktop width after. */
async function screenshots(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  for (let i = 0; i < 10 && (await dismiss.count()) > 0; i++)
    await dismiss
      .first()
      .click({ timeout: 2000 })
      .catch(() => undefined);
  await page.evaluate(async () => {
    // Lazy images below the fold: walk down once so the full-page picture has them.
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 60));
    }
    window.scrollTo(0, 0);
  });
  await settle(page);
  await capture(page, join(SCREENSHOT_DIR, `${name}-desktop.png`), { fullPage: true });
  await page.setViewportSize(MOBILE);
  await settle(page);
  await capture(page, join(SCREENSHOT_DIR, `${name}-mobile.png`), { fullPage: true });
  await page.setViewportSize(DESKTOP);
  await settle(page);
}

async function signIn(page: Page, email: string, password: string, next: string, secret?: string): Promise<void> {
  await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(next)}`, { waitUntil: 'networkidle' });
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (secret) {
    await page.getByLabel('Authentication code').waitFor();
    // The API sign-in spent the current step's code; the next step's is fresh.
    await page.getByLabel('Authentication code').fill(await totp(secret, 1));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
  }
  await page.waitForURL(`${server.url}${next}`);
}

describe('the stylist marketplace', { timeout: 180_000 }, () => {
  let clientPage: Page;
  let clientProblems: PageProblems;
  let stylistPage: Page;
  let stylistProblems: PageProblems;
  let requested: { start: string; end: string };

  it('lists approved stylists in the directory, filtered from the URL and rendered on the server', async () => {
    const { page, problems } = await openPage(CLIENT_ZONE);
    const response = await page.goto(`${server.url}/stylists`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe('Personal stylists — StyleByZaga');
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe('Personal stylists');
    expect(await page.getByRole('list').getByRole('article').count()).toBeGreaterThan(0);
    await expectAxeClean(page);
    await screenshots(page, 'stylists-directory');

    // The filters live in the URL, and the server renders the filtered list without JavaScript's help.
    const html = await (await fetch(`${server.url}/stylists?specialty=bridal&language=ja`)).text();
    expect(html).toContain('Sakura Ishida');
    expect(html).toContain('<title>Bridal stylists — StyleByZaga</title>');
    await page.goto(`${server.url}/stylists?language=ja&specialty=bridal`, { waitUntil: 'networkidle' });
    expect(await page.getByRole('checkbox', { name: 'Bridal' }).first().isChecked()).toBe(true);
    await page.getByRole('heading', { name: 'Sakura Ishida' }).waitFor();
    // Pending stylists are never listed, whatever the filters.
    await page.goto(`${server.url}/stylists?city=Lyon`, { waitUntil: 'networkidle' });
    expect(await page.getByRole('heading', { name: 'Ines Valcourt' }).count()).toBe(0);
    await page.goto(`${server.url}/stylists?language=ja&specialty=menswear`, { waitUntil: 'networkidle' });
    expect(await page.getByRole('heading', { name: 'Sakura Ishida' }).count()).toBe(0);
    expect(problems.list).toEqual([]);
  });

  it('shows the profile with services, prices and open times in the visitor’s zone', async () => {
    const { page, problems } = await openPage(CLIENT_ZONE);
    const response = await page.goto(`${server.url}/stylists/${sakura.stylistId}`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    expect(await page.title()).toMatch(/^Sakura Ishida, personal stylist in Kyoto — StyleByZaga$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sakura Ishida');
    expect(await page.getByText('Bridal consultation').first().isVisible()).toBe(true);
    expect(await page.getByText('¥48,000').first().isVisible()).toBe(true);
    await page.getByText('Times in New York time, your own clock').waitFor();
    expect(await page.getByText(/Sakura works from Kyoto, \d+ hours ahead of you/).isVisible()).toBe(true);
    await page.getByRole('list').getByRole('button', { pressed: false }).first().waitFor();
    await expectAxeClean(page);
    await screenshots(page, 'stylist-profile');

    const missing = `${server.url}/stylists/${pending.stylistId}`;
    problems.ignoreStatusOf(missing);
    expect((await page.goto(missing, { waitUntil: 'networkidle' }))?.status()).toBe(404);
    expect(problems.list).toEqual([]);
  });

  it('takes the quiz as a client in New York and shows matches with their reasons', async () => {
    ({ page: clientPage, problems: clientProblems } = await openPage(CLIENT_ZONE));
    await signIn(clientPage, client.email, PASSWORD, '/style-quiz');
    await clientPage.getByRole('heading', { level: 1, name: /Five questions/ }).waitFor();
    await clientPage.getByRole('checkbox', { name: /Bridal/ }).check();
    await expectAxeClean(clientPage);
    await screenshots(clientPage, 'style-quiz');
    await clientPage.getByRole('button', { name: 'Continue' }).click();
    await clientPage.getByRole('checkbox', { name: 'Monochrome' }).check();
    await clientPage.getByRole('button', { name: 'Continue' }).click();
    await clientPage.getByRole('radio', { name: 'No limit' }).check();
    await clientPage.getByRole('button', { name: 'Continue' }).click();
    await clientPage.getByLabel('Your city').fill('Kyoto');
    await clientPage.getByRole('checkbox', { name: 'Japanese' }).check();
    await expectAxeClean(clientPage);
    await clientPage.getByRole('button', { name: 'Continue' }).click();
    await clientPage.getByRole('button', { name: 'Show my matches' }).click();

    const match = clientPage.getByRole('article', { name: 'Sakura Ishida' });
    await match.waitFor();
    const reasons = await match.getByRole('list', { name: 'Reasons for Sakura Ishida' }).getByRole('listitem').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.join(' | ')).toMatch(/Japanese|Bridal|bridal/);
    expect(await match.getByLabel(/^Match \d+ percent$/).count()).toBe(1);
    await expectAxeClean(clientPage);
    await screenshots(clientPage, 'style-quiz-matches');

    // The answers were saved with the client's preferences.
    const me = await api<{ user: { preferences?: { stylePreferences?: string[] } } }>('GET', '/me', undefined, client.token);
    expect(me.user.preferences?.stylePreferences).toContain('Monochrome');
    expect(clientProblems.list).toEqual([]);
  });

  it('requests a slot from the stylist’s profile', async () => {
    await clientPage
      .getByRole('article', { name: 'Sakura Ishida' })
      .getByRole('link', { name: /Request a session/ })
      .click();
    await clientPage.waitForURL(new RegExp(`/stylists/${sakura.stylistId}`));
    const calendar = clientPage.locator('#request');
    await calendar.getByText('Times in New York time, your own clock').waitFor();
    const firstOpen = calendar
      .getByRole('button', { pressed: false })
      .filter({ hasText: /^\d\d:\d\d$/ })
      .first();
    await firstOpen.waitFor();
    // Chosen by keyboard: the open times are toggle buttons in the tab order.
    const slot = calendar.getByRole('button', { name: (await firstOpen.getAttribute('aria-label'))!, exact: true });
    await slot.focus();
    await clientPage.keyboard.press('Enter');
    expect(await slot.getAttribute('aria-pressed')).toBe('true');
    await clientPage.getByRole('button', { name: 'Request this time' }).click();
    const dialog = clientPage.getByRole('dialog', { name: 'A session with Sakura' });
    await dialog.waitFor();
    expect(await dialog.getByText(/\(your time\)/).isVisible()).toBe(true);
    expect(await dialog.getByText(/for Sakura in Kyoto/).isVisible()).toBe(true);
    await dialog.getByLabel(/A note for your stylist/).fill('For my wedding in Kyoto next spring.');
    await expectAxeClean(clientPage);
    await dialog.getByRole('button', { name: 'Send the request' }).click();
    await clientPage.getByRole('dialog', { name: 'Your request is on its way' }).waitFor();
    await screenshots(clientPage, 'booking-request-sent');

    const inbox = await api<{
      requests: Array<{ requestId: string; status: string; requestedDate: string; requestedDuration: number; message?: string }>;
    }>('GET', '/me/stylist/requests?status=PENDING', undefined, sakura.token);
    expect(inbox.requests).toHaveLength(1);
    expect(inbox.requests[0]!.message).toBe('For my wedding in Kyoto next spring.');
    expect(inbox.requests[0]!.requestedDuration).toBe(90);
    const start = inbox.requests[0]!.requestedDate;
    requested = { start, end: new Date(Date.parse(start) + 90 * 60_000).toISOString() };
    expect(clientProblems.list).toEqual([]);
  });

  it('is accepted by the stylist, signed in with two-step verification in Tokyo', async () => {
    ({ page: stylistPage, problems: stylistProblems } = await openPage(STYLIST_ZONE));
    // The password alone answers 401 MFA_REQUIRED: that response is the next step, not a failure.
    stylistProblems.ignoreStatusOf(`${server.url}/api/v1/auth/login`);
    await signIn(stylistPage, sakura.email, PASSWORD, '/studio', sakura.secret);
    await stylistPage.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
    const card = stylistPage.getByRole('article', { name: /Request from Margot/ });
    await card.waitFor();
    // The stylist reads the time in the schedule's zone, Tokyo.
    expect(await card.getByTestId('request-time').textContent()).toBe(formatRange(requested.start, requested.end, STYLIST_ZONE));
    expect(await card.getByText('“For my wedding in Kyoto next spring.”').isVisible()).toBe(true);
    await expectAxeClean(stylistPage);
    await screenshots(stylistPage, 'studio-requests');
    await card.getByRole('button', { name: 'Accept' }).click();
    const dialog = stylistPage.getByRole('dialog', { name: /Confirm Margot/ });
    await dialog.getByLabel('Where (optional)').fill('The atelier, Gion, Kyoto');
    await dialog.getByRole('button', { name: 'Confirm the session' }).click();
    await stylistPage.getByText('Session confirmed').first().waitFor();
    await stylistPage.getByText('No request is waiting.').waitFor();
    expect(stylistProblems.list).toEqual([]);
  });

  it('shows the client the session confirmed, in the client’s own time zone', async () => {
    await clientPage.goto(`${server.url}/account/bookings`, { waitUntil: 'networkidle' });
    await clientPage.getByRole('heading', { level: 1, name: 'Your sessions' }).waitFor();
    const confirmed = clientPage.getByRole('region', { name: 'Upcoming' });
    const card = confirmed.getByRole('article', { name: /Bridal consultation with Sakura Ishida/ });
    await card.waitFor();
    const shown = await card.getByTestId('booking-time').textContent();
    expect(shown).toBe(formatRange(requested.start, requested.end, CLIENT_ZONE));
    expect(shown).toContain('(your time)');
    // Independently of the app's helpers: the hour New York's clock reads at the requested instant.
    const hour = new Intl.DateTimeFormat('en-GB', { timeZone: CLIENT_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
      new Date(requested.start),
    );
    expect(shown).toContain(hour);
    expect(await card.getByText('Confirmed', { exact: true }).isVisible()).toBe(true);
    expect(await card.getByText('The atelier, Gion, Kyoto').isVisible()).toBe(true);
    await expectAxeClean(clientPage);
    await screenshots(clientPage, 'account-bookings');
    expect(clientProblems.list).toEqual([]);
  });

  it('declines another request with an alternative date, which the client takes with one click', async () => {
    // A second request, sent over the API, for an open time three days on.
    const { stylist } = await api<{ stylist: { services: Array<{ serviceId: string }> } }>('GET', `/stylists/${sakura.stylistId}`);
    const serviceId = stylist.services[0]!.serviceId;
    const from = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 4 * 86_400_000).toISOString();
    const open = await api<{ availability: Array<{ startTime: string; status: string }> }>(
      'GET',
      `/stylists/${sakura.stylistId}/availability?startDate=${from}&endDate=${to}&serviceId=${serviceId}`,
    );
    const asked = open.availability.find((s) => s.status === 'AVAILABLE')!.startTime;
    await api(
      'POST',
      '/matching/request',
      {
        clientId: client.userId,
        stylistId: sakura.stylistId,
        requestedDate: asked,
        serviceId,
        message: 'A fitting for my mother, if possible.',
      },
      client.token,
    );

    // The stylist offers 11:00 Tokyo time two days later instead, typed in her own zone.
    const altDay = addDays(dayKeyOf(asked, STYLIST_ZONE), 2);
    const alternative = zonedTimeToInstant(altDay, '11:00', STYLIST_ZONE).toISOString();
    await stylistPage.goto(`${server.url}/studio`, { waitUntil: 'networkidle' });
    const card = stylistPage.getByRole('article', { name: /Request from Margot/ }).filter({ hasText: 'A fitting for my mother' });
    await card.getByRole('button', { name: 'Decline or offer other dates' }).click();
    const dialog = stylistPage.getByRole('dialog', { name: 'Offer other dates' });
    await dialog.getByLabel('Reason (optional)').fill('I am at a wedding in Osaka that day.');
    await dialog.getByLabel('Alternative 1: day').fill(altDay);
    await dialog.getByLabel('Alternative 1: time').fill('11:00');
    await expectAxeClean(stylistPage);
    await dialog.getByRole('button', { name: 'Decline and offer these times' }).click();
    await stylistPage.getByText('Declined', { exact: true }).first().waitFor();

    // The client reads the date in New York time and takes it with one click.
    await clientPage.goto(`${server.url}/account/bookings`, { waitUntil: 'networkidle' });
    const declined = clientPage.getByRole('region', { name: 'Declined, with other dates' });
    await declined.getByText('“I am at a wedding in Osaka that day.”').waitFor();
    const take = declined.getByRole('button', { name: `Take ${formatInstant(alternative, CLIENT_ZONE)}` });
    await take.waitFor();
    await expectAxeClean(clientPage);
    await screenshots(clientPage, 'account-bookings-declined');
    await take.click();
    await clientPage.getByText('Requested', { exact: true }).first().waitFor();
    const mine = await api<{ requests: Array<{ status: string; requestedDate: string }> }>(
      'GET',
      '/me/bookings?status=PENDING',
      undefined,
      client.token,
    );
    expect(mine.requests.map((r) => Date.parse(r.requestedDate))).toContain(Date.parse(alternative));
    expect(clientProblems.list).toEqual([]);
    expect(stylistProblems.list).toEqual([]);
  });

  it('draws the stylist’s week, schedule, profile and reviews in the studio, and saves an exception and a portfolio piece', async () => {
    const studio = stylistPage.getByRole('navigation', { name: 'Studio' });
    await studio.getByRole('link', { name: 'Week calendar' }).click();
    await stylistPage.getByRole('heading', { level: 1, name: 'Week calendar' }).waitFor();
    await stylistPage.waitForLoadState('networkidle');
    await expectAxeClean(stylistPage);
    await screenshots(stylistPage, 'studio-calendar');

    // A blocked afternoon, typed in Tokyo time, lands as UTC instants.
    await studio.getByRole('link', { name: 'Schedule' }).click();
    await stylistPage.getByRole('heading', { level: 1, name: 'Schedule' }).waitFor();
    const exception = stylistPage.getByRole('form', { name: 'Add an exception' });
    const day = addDays(dayKeyOf(new Date(), STYLIST_ZONE), 10);
    await exception.getByLabel('Day').fill(day);
    await exception.getByLabel('From').fill('14:00');
    await exception.getByLabel('Until').fill('18:00');
    await exception.getByRole('button', { name: 'Add' }).click();
    await stylistPage.getByText('Time blocked').first().waitFor();
    const schedule = await api<{ windows: Array<{ startTime: string; endTime: string; status: string }> }>(
      'GET',
      `/stylists/${sakura.stylistId}/schedule`,
      undefined,
      sakura.token,
    );
    expect(schedule.windows.map((w) => [w.status, Date.parse(w.startTime), Date.parse(w.endTime)])).toEqual([
      ['BLOCKED', zonedTimeToInstant(day, '14:00', STYLIST_ZONE).getTime(), zonedTimeToInstant(day, '18:00', STYLIST_ZONE).getTime()],
    ]);
    await expectAxeClean(stylistPage);
    await screenshots(stylistPage, 'studio-schedule');

    // A portfolio piece goes through the media pipeline (POST /api/v1/media), then onto the profile.
    await studio.getByRole('link', { name: 'Profile & services' }).click();
    await stylistPage.getByRole('heading', { level: 1, name: 'Profile & services' }).waitFor();
    const image = await sharp({ create: { width: 800, height: 1000, channels: 3, background: { r: 184, g: 151, b: 90 } } })
      .png()
      .toBuffer();
    const piece = stylistPage.getByRole('form', { name: 'Add a portfolio piece' });
    await piece.getByLabel('Image').setInputFiles({ name: 'kyoto.png', mimeType: 'image/png', buffer: image });
    await piece.getByLabel('Title').fill('Kyoto, the morning after');
    await piece.getByRole('button', { name: 'Upload and add' }).click();
    await stylistPage.getByText('Added to the portfolio').first().waitFor();
    await stylistPage.getByRole('img', { name: 'Kyoto, the morning after' }).waitFor();
    const profile = await api<{ stylist: { portfolio?: Array<{ title: string; imageUrl: string }> } }>(
      'GET',
      `/stylists/${sakura.stylistId}`,
    );
    expect(profile.stylist.portfolio?.map((p) => p.title)).toEqual(['Kyoto, the morning after']);
    await expectAxeClean(stylistPage);
    await screenshots(stylistPage, 'studio-profile');

    await studio.getByRole('link', { name: 'Reviews' }).click();
    await stylistPage.getByRole('heading', { level: 1, name: 'Reviews' }).waitFor();
    await stylistPage.getByRole('button', { name: 'Show my calendar link' }).click();
    const feed = await stylistPage.getByLabel('Your private calendar address').inputValue();
    expect(feed).toMatch(/\/api\/v1\/calendar\/[^/]+\.ics$/);
    await expectAxeClean(stylistPage);
    await screenshots(stylistPage, 'studio-reviews');
    expect(stylistProblems.list).toEqual([]);
  });

  it('lets the house office approve a stylist awaiting review', async () => {
    const { page, problems } = await openPage('Europe/London');
    problems.ignoreStatusOf(`${server.url}/api/v1/auth/login`);
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD, '/admin/stylists', admin.secret);
    await page.getByRole('heading', { level: 1, name: 'Stylist vetting' }).waitFor();
    const form = page.getByRole('form', { name: 'Decision on Ines Valcourt' });
    await form.waitFor();
    await expectAxeClean(page);
    await screenshots(page, 'admin-stylists');
    await form.getByLabel('Notes for the stylist').fill('References from the Opéra de Lyon checked.');
    await form.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Ines Valcourt is approved and listed').first().waitFor();
    const listed = await api<{ stylist: { status: string } }>('GET', `/stylists/${pending.stylistId}`);
    expect(listed.stylist.status).toBe('APPROVED');
    expect(problems.list).toEqual([]);
  });
});
