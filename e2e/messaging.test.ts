import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'otplib';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  capture,
  DESKTOP,
  ensureWebBuild,
  launchBrowser,
  MOBILE,
  type RunningServer,
  SCREENSHOT_DIR,
  startServer,
  watchProblems,
} from './helpers.ts';

/**
 * Issue 14's journey with two browsers side by side: a client writes to her stylist, who sees it live with the typing
 * indicator and answers with a photo; the client's reading shows as a receipt on the stylist's side. Then the client
 * goes offline, three messages are sent, and on her return she sees all three, once each, in order.
 */

const PASSWORD = 'velvet-orchid-sunrise-47';
const ADMIN_EMAIL = 'direction@stylebyzaga.test';
const ADMIN_PASSWORD = 'amber-lantern-harbour-93';
const EVERY_DAY = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const totp = (secret: string, stepsAhead = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

async function api<T = Record<string, unknown>>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

type Session = { email: string; userId: string; token: string; secret?: string };

async function signInOverApi(email: string, password: string): Promise<Session> {
  const login = await api<{ accessToken: string; user: { userId: string; mfaEnrollmentRequired?: boolean } }>('POST', '/auth/login', {
    email,
    password,
  });
  const session: Session = { email, userId: login.user.userId, token: login.accessToken };
  if (login.user.mfaEnrollmentRequired) {
    const setup = await api<{ secret: string }>('POST', '/auth/mfa/setup', undefined, session.token);
    await api('POST', '/auth/mfa/verify', { code: await totp(setup.secret) }, session.token);
    session.secret = setup.secret;
  }
  return session;
}

async function signUp(firstName: string, lastName: string, userType: 'CLIENT' | 'STYLIST'): Promise<Session> {
  const email = `${firstName.toLowerCase()}.${lastName.toLowerCase()}.${Date.now()}@example.com`;
  await api('POST', '/users', { acceptTerms: true, email, password: PASSWORD, firstName, lastName, userType });
  return signInOverApi(email, PASSWORD);
}

async function open(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce', locale: 'en-GB', timezoneId: 'Europe/Paris' });
  contexts.push(context);
  const page = await context.newPage();
  // The password alone answers 401 MFA_REQUIRED for the stylist: the form asks for a code next.
  watchProblems(page).ignoreStatusOf(`${server.url}/api/v1/auth/login`);
  return { context, page };
}

async function signIn(page: Page, who: Session, next: string): Promise<void> {
  await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(next)}`, { waitUntil: 'networkidle' });
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (who.secret) {
    await page.getByLabel('Authentication code').waitFor();
    await page.getByLabel('Authentication code').fill(await totp(who.secret, 1));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
  }
  await page.waitForURL(`${server.url}${next}`);
}

async function screenshots(page: Page, name: string): Promise<void> {
  await capture(page, join(SCREENSHOT_DIR, `${name}-desktop.png`), { fullPage: true });
  await page.setViewportSize(MOBILE);
  await page.waitForTimeout(200);
  await capture(page, join(SCREENSHOT_DIR, `${name}-mobile.png`), { fullPage: true });
  await page.setViewportSize(DESKTOP);
}

const thread = (page: Page) => page.getByRole('list', { name: 'Messages' });

let client: Session;
let stylist: Session;
let conversationId: string;

beforeAll(async () => {
  ensureWebBuild();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  [server, browser] = await Promise.all([
    startServer({ DEMO_DATA: 'false', BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL, BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD }),
    launchBrowser(),
  ]);
  const admin = await signInOverApi(ADMIN_EMAIL, ADMIN_PASSWORD);
  stylist = await signUp('Camille', 'Laurent', 'STYLIST');
  const profile = await api<{ stylistId: string }>(
    'POST',
    '/stylists',
    {
      userId: stylist.userId,
      bio: 'Paris-trained stylist for red carpets and discreet wardrobes.',
      specialties: ['red-carpet'],
      languages: ['fr', 'en'],
      experienceYears: 12,
      rate: { amount: 250, currency: 'EUR' },
      city: 'Paris',
      country: 'FR',
      timeZone: 'Europe/Paris',
    },
    stylist.token,
  );
  await api('POST', `/stylists/${profile.stylistId}/review`, { decision: 'APPROVE', notes: 'Checked' }, admin.token);
  await api(
    'PUT',
    `/stylists/${profile.stylistId}/schedule`,
    {
      timeZone: 'Europe/Paris',
      weekly: EVERY_DAY.map((day) => ({ day, start: '08:00', end: '20:00' })),
      bufferMinutes: 30,
      minNoticeHours: 0,
      horizonDays: 60,
    },
    stylist.token,
  );
  const service = await api<{ service: { serviceId: string } }>(
    'POST',
    `/stylists/${profile.stylistId}/services`,
    { kind: 'IN_PERSON_SESSION', name: 'Private session', durationMinutes: 60, price: { amount: 250, currency: 'EUR' } },
    stylist.token,
  );
  client = await signUp('Margot', 'Hale', 'CLIENT');
  const start = new Date(Date.now() + 3 * 86_400_000);
  start.setUTCHours(10, 0, 0, 0);
  await api(
    'POST',
    '/matching/request',
    {
      clientId: client.userId,
      stylistId: profile.stylistId,
      serviceId: service.service.serviceId,
      requestedDate: start.toISOString(),
      message: 'A gala look in ivory, please.',
    },
    client.token,
  );
  const inbox = await api<{ conversations: { conversationId: string }[] }>('GET', '/conversations', undefined, client.token);
  conversationId = inbox.conversations[0]!.conversationId;
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await server?.stop();
});

describe('messaging between a client and her stylist', { timeout: 240_000 }, () => {
  it('is live both ways: typing, a photo, a read receipt; and nothing is lost while offline', async () => {
    const clientSide = await open();
    const stylistSide = await open();
    await signIn(clientSide.page, client, `/account/messages/${conversationId}`);
    await signIn(stylistSide.page, stylist, `/studio/messages/${conversationId}`);
    const c = clientSide.page;
    const s = stylistSide.page;
    await thread(c)
      .getByText('A gala look in ivory, please.')
      .waitFor({ timeout: 15_000 })
      .catch(async (err: unknown) => {
        await c.screenshot({ path: join(SCREENSHOT_DIR, 'messaging-debug.png'), fullPage: true });
        throw err;
      });
    await thread(s).getByText('A gala look in ivory, please.').waitFor();
    await c.getByText('Live', { exact: true }).waitFor();
    await s.getByText('Live', { exact: true }).waitFor();

    // The client writes: the stylist sees her typing, then the message, without reloading.
    await c.getByLabel('Your message').pressSequentially('Could we meet on Thursday?', { delay: 20 });
    await s.getByTestId('typing').waitFor();
    expect(await s.getByTestId('typing').textContent()).toContain('is writing');
    await c.getByLabel('Your message').press('Enter');
    await thread(s)
      .getByText('Could we meet on Thursday?')
      .waitFor({ timeout: 15_000 })
      .catch(async (err: unknown) => {
        await c.screenshot({ path: join(SCREENSHOT_DIR, 'messaging-debug-c.png'), fullPage: true });
        await s.screenshot({ path: join(SCREENSHOT_DIR, 'messaging-debug-s.png'), fullPage: true });
        throw err;
      });

    // The stylist answers with a photo.
    const photo = await sharp({ create: { width: 900, height: 600, background: { r: 236, g: 226, b: 208 }, channels: 3 } })
      .jpeg()
      .toBuffer();
    await s.locator('input[type=file]').setInputFiles({ name: 'ivory-gown.jpg', mimeType: 'image/jpeg', buffer: photo });
    await s.getByLabel('Your message').fill('Thursday at 10. Here is the gown I have in mind.');
    await s.getByRole('button', { name: 'Send' }).click();
    await thread(c).getByText('Thursday at 10. Here is the gown I have in mind.').waitFor();
    await c.getByRole('img', { name: 'ivory-gown.jpg' }).waitFor();
    // The client has it on screen: the stylist sees it read.
    await s.getByTestId('receipt').filter({ hasText: 'Read' }).waitFor();
    await screenshots(c, 'messaging-client-conversation');
    await screenshots(s, 'messaging-stylist-conversation');

    // The client goes offline (her page leaves the conversation, her network drops); three messages are sent.
    await c.goto(`${server.url}/account`, { waitUntil: 'networkidle' });
    // The fresh page's silent refresh must have answered before the network drops (on a loaded machine it can start
    // after "network idle"; offline, it would leave the page signed out): the account's menu shows it has.
    await c.getByRole('link', { name: 'Messages' }).first().waitFor();
    await clientSide.context.setOffline(true);
    for (const text of ['First, the fitting.', 'Second, the shoes.', 'Third, the jewels.']) {
      await s.getByLabel('Your message').fill(text);
      await s.getByLabel('Your message').press('Enter');
      await thread(s).getByText(text).waitFor();
    }
    await clientSide.context.setOffline(false);
    await c.getByRole('link', { name: 'Messages' }).first().click();
    await c
      .getByRole('link', { name: /Camille/ })
      .first()
      .click();
    await thread(c).getByText('Third, the jewels.').waitFor();
    const texts = await c.locator('ol[aria-label="Messages"] li').allTextContents();
    const order = ['First, the fitting.', 'Second, the shoes.', 'Third, the jewels.'].map((t) => texts.findIndex((x) => x.includes(t)));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const t of ['First, the fitting.', 'Second, the shoes.', 'Third, the jewels.'])
      expect(texts.filter((x) => x.includes(t))).toHaveLength(1);
    await screenshots(c, 'messaging-client-after-offline');
    await c.goto(`${server.url}/account/messages`, { waitUntil: 'networkidle' });
    await screenshots(c, 'messaging-client-inbox');
  });
});
