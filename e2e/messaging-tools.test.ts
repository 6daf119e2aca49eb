import { mkdirSync } from 'node:fs';
import { generate } from 'otplib';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  MOBILE,
  SCREENSHOT_DIR,
  ensureWebBuild,
  launchBrowser,
  runAxeUnderCsp,
  screenshots,
  startServer,
  watchProblems,
  type RunningServer,
} from './helpers.ts';

/**
 * Issue 14's conversation tools in the browser, beside the live journey of e2e/messaging.test.ts: a client edits and
 * deletes her own messages, her stylist replies to one, she shares a piece of the catalogue and a photo with a PDF;
 * she searches her conversations (words, the person, attachments, dates) on her phone; she reports a message and the
 * house office reviews it with a note; the house office answers an enquiry in its conversation.
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

type Session = { email: string; password: string; userId: string; token: string; secret?: string };

async function signInOverApi(email: string, password: string): Promise<Session> {
  const login = await api<{ accessToken: string; user: { userId: string; mfaEnrollmentRequired?: boolean } }>('POST', '/auth/login', {
    email,
    password,
  });
  const session: Session = { email, password, userId: login.user.userId, token: login.accessToken };
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

async function open(viewport: { width: number; height: number } = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce', locale: 'en-GB', timezoneId: 'Europe/Paris' });
  contexts.push(context);
  const page = await context.newPage();
  // The password alone answers 401 MFA_REQUIRED for a stylist or an administrator: the form asks for a code next.
  watchProblems(page).ignoreStatusOf(`${server.url}/api/v1/auth/login`);
  return page;
}

async function signIn(page: Page, who: Session, next: string): Promise<void> {
  await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(next)}`, { waitUntil: 'networkidle' });
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (who.secret) {
    await page.getByLabel('Authentication code').waitFor();
    await page.getByLabel('Authentication code').fill(await totp(who.secret, 1));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
  }
  await page.waitForURL(`${server.url}${next}`);
}

const thread = (page: Page) => page.getByRole('list', { name: 'Messages' });
const messageWith = (page: Page, text: string) => thread(page).getByTestId('message').filter({ hasText: text });

let admin: Session;
let client: Session;
let stylist: Session;
let conversationId: string;
let piece: { productId: string; name: string; brandName: string };

beforeAll(async () => {
  ensureWebBuild();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // The demo catalogue (pieces to share and to enquire about), with an administrator of our own.
  [server, browser] = await Promise.all([
    startServer({ BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL, BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD }),
    launchBrowser(),
  ]);
  admin = await signInOverApi(ADMIN_EMAIL, ADMIN_PASSWORD);
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
  const products = await api<{ products: { productId: string; name: string; brandName: string; purchaseMode: string }[] }>(
    'GET',
    '/products?maxResults=50',
  );
  piece = products.products.find((p) => p.name.split(' ').length >= 2) ?? products.products[0]!;
  // An enquiry about a piece: the house office answers it in its conversation (the last test).
  await api(
    'POST',
    `/products/${products.products.at(-1)!.productId}/inquiries`,
    { message: 'Is a private viewing possible next week?', preferredContact: 'MESSAGE' },
    client.token,
  );
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await server?.stop();
});

describe('the conversation tools', { timeout: 300_000 }, () => {
  let c: Page;
  let s: Page;

  it('edits and deletes her own messages, replies, shares a piece and files with previews; the other side sees each live', async () => {
    c = await open();
    s = await open();
    await signIn(c, client, `/account/messages/${conversationId}`);
    await signIn(s, stylist, `/studio/messages/${conversationId}`);
    await thread(c).getByText('A gala look in ivory, please.').waitFor({ timeout: 15_000 });
    await c.getByText('Live', { exact: true }).waitFor();
    await s.getByText('Live', { exact: true }).waitFor();

    // Edit within the window: the stylist's page changes with it.
    await c.getByLabel('Your message').fill('Could we meet on Thursday at ten?');
    await c.getByLabel('Your message').press('Enter');
    await messageWith(s, 'Thursday at ten').waitFor();
    await messageWith(c, 'Thursday at ten').hover();
    await messageWith(c, 'Thursday at ten')
      .getByRole('button', { name: /^Edit the message you sent/ })
      .click();
    await c.getByLabel('Edit the text').fill('Could we meet on Friday at ten?');
    await c.getByLabel('Edit the text').press('Enter');
    await messageWith(c, 'Friday at ten').getByText('edited').waitFor();
    await messageWith(s, 'Friday at ten').getByText('edited').waitFor({ timeout: 15_000 });
    expect(await thread(s).getByText('Thursday at ten').count()).toBe(0);

    // Delete for everyone: a tombstone on both sides.
    await c.getByLabel('Your message').fill('Sent to the wrong conversation, forgive me.');
    await c.getByLabel('Your message').press('Enter');
    await messageWith(s, 'wrong conversation').waitFor();
    await messageWith(c, 'wrong conversation')
      .getByRole('button', { name: /^Delete the message you sent/ })
      .click();
    await c.getByRole('dialog', { name: 'Delete for everyone?' }).getByRole('button', { name: 'Delete for everyone' }).click();
    await thread(c).getByText('You deleted this message').waitFor();
    await thread(s).getByText('This message was deleted').waitFor({ timeout: 15_000 });
    expect(await thread(s).getByText('wrong conversation').count()).toBe(0);

    // The stylist replies to one message: the client sees the quotation above the answer.
    await messageWith(s, 'Friday at ten')
      .getByRole('button', { name: /^Reply to the message from/ })
      .click();
    await s.getByTestId('replying-to').getByText('Friday at ten').waitFor();
    await s.getByLabel('Your message').fill('Friday suits me perfectly.');
    await s.getByLabel('Your message').press('Enter');
    const answer = messageWith(c, 'Friday suits me perfectly.');
    await answer.waitFor();
    await answer.getByRole('link', { name: /In reply to: Could we meet on Friday at ten\?/ }).waitFor();

    // A piece of the catalogue, found from the composer, goes as a card.
    await c.getByRole('button', { name: 'Share a piece' }).click();
    const picker = c.getByRole('dialog', { name: 'Share a piece' });
    await picker.getByLabel('Search the catalogue').fill(piece.name);
    await picker.getByRole('button', { name: `Share ${piece.name} by ${piece.brandName}` }).click();
    await c.getByTestId('chosen-piece').getByText(piece.name).waitFor();
    await c.getByLabel('Your message').fill('This one, for the gala?');
    // A photo and a PDF, previewed before they are sent.
    const photo = await sharp({ create: { width: 900, height: 1200, background: { r: 214, g: 196, b: 170 }, channels: 3 } })
      .jpeg()
      .toBuffer();
    await c.locator('input[type=file]').setInputFiles([
      { name: 'fitting.jpg', mimeType: 'image/jpeg', buffer: photo },
      {
        name: 'measurements.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
      },
    ]);
    await c.getByTestId('attachment-preview').first().waitFor();
    expect(await c.getByTestId('attachment-preview').count()).toBe(2);
    await c.getByRole('img', { name: 'fitting.jpg' }).waitFor();
    await screenshots(c, 'messaging-tools-composer', { fullPage: false });
    await c.getByRole('button', { name: 'Send', exact: true }).click();
    const shared = messageWith(s, 'This one, for the gala?');
    await shared.getByTestId('piece-card').getByText(piece.name).waitFor({ timeout: 15_000 });
    await shared.getByRole('img', { name: 'fitting.jpg' }).waitFor();
    await shared.getByRole('link', { name: /measurements\.pdf/ }).waitFor();
    await screenshots(c, 'messaging-tools-client');
    await screenshots(s, 'messaging-tools-stylist');
    expect(await runAxeUnderCsp(c)).toEqual([]);
  });

  it('searches her own conversations by words, by the person, for attachments and by date, on her phone', async () => {
    const phone = await open(MOBILE);
    await signIn(phone, client, '/account/messages');
    await phone.getByLabel('Search conversations').fill('gala');
    await phone.getByLabel('Search conversations').press('Enter');
    const results = phone.getByRole('region', { name: 'Messages found' });
    await results.getByTestId('message-result').filter({ hasText: 'This one, for the gala?' }).waitFor();
    await results.getByTestId('message-result').filter({ hasText: 'A gala look in ivory' }).waitFor();
    await screenshots(phone, 'messaging-tools-search');

    // The person: her stylist's name finds the conversation.
    await phone.getByLabel('Search conversations').fill('Camille');
    await phone.getByLabel('Search conversations').press('Enter');
    await phone
      .getByRole('list', { name: 'Your conversations' })
      .getByRole('link', { name: /Camille/ })
      .waitFor();

    // Refined: with her stylist, only messages with files, from today.
    await phone.getByLabel('Search conversations').fill('');
    await phone.getByRole('button', { name: 'Refine' }).click();
    await phone.getByLabel('With', { exact: true }).selectOption({ label: 'Camille Laurent' });
    await phone.getByLabel('Only messages with photos or documents').check();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    await phone.getByLabel('From', { exact: true }).fill(today);
    await phone.getByRole('button', { name: 'Search', exact: true }).click();
    await results.getByTestId('message-result').filter({ hasText: 'This one, for the gala?' }).waitFor();
    expect(await results.getByTestId('message-result').count()).toBe(1);
    await screenshots(phone, 'messaging-tools-search-refined');
    expect(await runAxeUnderCsp(phone)).toEqual([]);
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + 86_400_000));
    await phone.getByLabel('From', { exact: true }).fill(tomorrow);
    await phone.getByRole('button', { name: 'Search', exact: true }).click();
    await results.getByText('No message matches.').waitFor();

    // A result opens the conversation at the message.
    await phone.getByLabel('From', { exact: true }).fill('');
    await phone.getByLabel('Only messages with photos or documents').uncheck();
    await phone.getByLabel('Search conversations').fill('suits');
    await phone.getByRole('button', { name: 'Search', exact: true }).click();
    await results.getByTestId('message-result').filter({ hasText: 'Friday suits me perfectly.' }).click();
    await phone.waitForURL(/\/account\/messages\/[^/?]+\?message=\d+/);
    await messageWith(phone, 'Friday suits me perfectly.').waitFor();
  });

  it('reports a message; the house office reads it with the reason and dismisses it with a note', async () => {
    const report = messageWith(c, 'Friday suits me perfectly.');
    await report.hover();
    await report.getByRole('button', { name: /^Report the message from/ }).click();
    const dialog = c.getByRole('dialog', { name: 'Report this message' });
    await dialog.getByLabel('What is wrong').fill('Pressing me to decide before the fitting.');
    await dialog.getByRole('button', { name: 'Report the message' }).click();
    await c.getByText('The house office will review the message in confidence.', { exact: true }).waitFor();
    await expect.poll(() => dialog.count()).toBe(0);

    const office = await open();
    await signIn(office, admin, '/admin/message-reports');
    const card = office.getByTestId('report').filter({ hasText: 'Pressing me to decide before the fitting.' });
    await card.getByText('Friday suits me perfectly.').waitFor();
    await card.getByText('A message from Camille Laurent').waitFor();
    await card.getByText('Reported by Margot Hale').waitFor();
    await screenshots(office, 'messaging-tools-reports');
    expect(await runAxeUnderCsp(office)).toEqual([]);
    await card.getByLabel('Review note').fill('Read the exchange: courteous, no pressure. Thanked the client.');
    await card.getByRole('button', { name: 'Dismiss' }).click();
    await office.getByText('Nothing to review. Every report has been read.').waitFor();
    await office.getByRole('link', { name: 'Dismissed' }).click();
    const closed = office.getByTestId('report').filter({ hasText: 'Pressing me to decide before the fitting.' });
    await closed.getByText('Read the exchange: courteous, no pressure. Thanked the client.').waitFor();
    await screenshots(office, 'messaging-tools-reports-dismissed');

    // The enquiry inbox as conversations: the house office answers in the thread, and the client reads it there.
    await office.getByRole('link', { name: 'Enquiry conversations' }).first().click();
    await office
      .getByRole('list', { name: 'Your conversations' })
      .getByRole('link', { name: /Margot/ })
      .click();
    await thread(office).getByText('Is a private viewing possible next week?').waitFor();
    await office.getByLabel('Your message').fill('Of course: the salon on Avenue Montaigne can receive you on Tuesday at eleven.');
    await office.getByLabel('Your message').press('Enter');
    await messageWith(office, 'Avenue Montaigne').waitFor();
    await screenshots(office, 'messaging-tools-enquiry-office');
    await c.goto(`${server.url}/account/messages`, { waitUntil: 'networkidle' });
    await c
      .getByRole('list', { name: 'Your conversations' })
      .getByRole('link', { name: /Avenue Montaigne/ })
      .click();
    await messageWith(c, 'Avenue Montaigne').waitFor();
  });

  it('brings earlier messages as she scrolls back, keeping her place', async () => {
    for (let i = 1; i <= 35; i++)
      await api(
        'POST',
        '/messages',
        { senderId: stylist.userId, recipientId: client.userId, conversationId, content: `Note ${i} of the fitting list.` },
        stylist.token,
      );
    await c.goto(`${server.url}/account/messages/${conversationId}`, { waitUntil: 'networkidle' });
    await messageWith(c, 'Note 35 of the fitting list.').waitFor();
    expect(await thread(c).getByText('Note 1 of the fitting list.').count()).toBe(0);
    const scroller = thread(c).locator('xpath=..');
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    await messageWith(c, 'Note 1 of the fitting list.').waitFor();
    // Her place is kept: the earlier page arrived above what she was reading, not in its place.
    expect(await scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
  });
});
