import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../src/server/test/smtp.ts';
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
 * The identity journey of issue 3, in Chromium against the real platform: sign up, confirm the email from
 * a message a real SMTP server received, sign in, enrol TOTP with a code computed from the secret on the
 * page, sign in again with a code, add a passkey with Chromium's virtual authenticator, sign in with it.
 * Then the house office: an administrator enrols, finds the member, decides a VIP application, reads the
 * audit log and the dev mailbox. Every page: no console errors, no failed requests, axe-core clean.
 */

const PASSWORD = 'velvet-orchid-sunrise-47';
const ADMIN_EMAIL = 'direction@stylebyzaga.test';
const ADMIN_PASSWORD = 'amber-lantern-harbour-93';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let server: RunningServer;
let officeServer: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** WebAuthn binds passkeys to the RP ID "localhost", so the browser must use that name, not 127.0.0.1. */
const onLocalhost = (url: string) => url.replace('127.0.0.1', 'localhost');

beforeAll(async () => {
  ensureWebBuild();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  smtp = await startSmtpServer();
  [server, officeServer, browser] = await Promise.all([
    startServer({ SMTP_URL: smtp.url }),
    // No SMTP here: mail lands in the dev mailbox the office reads.
    startServer({ BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL, BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await Promise.all([server?.stop(), officeServer?.stop()]);
  await smtp?.close();
});

/**
 * Reduced motion: the house's fade-ins then finish at once (app.css), so axe-core never measures the contrast
 * of text caught half-way through appearing, and screenshots never catch it either.
 */
async function openPage(): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' });
  contexts.push(context);
  const page = await context.newPage();
  return { page, problems: watchProblems(page) };
}

/** Full-page screenshots at desktop and phone widths, without the toasts of earlier steps; back to desktop width after. */
async function screenshots(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  for (let i = 0; i < 10 && (await dismiss.count()) > 0; i++)
    await dismiss
      .first()
      .click({ timeout: 2000 })
      .catch(() => undefined);
  await page.evaluate(() => window.scrollTo(0, 0));
  await settle(page);
  await capture(page, join(SCREENSHOT_DIR, `${name}-desktop.png`), { fullPage: true });
  await page.setViewportSize(MOBILE);
  // A new width can choose another file from a srcset; let it arrive rather than abort it by resizing again.
  await imagesSettled(page);
  await capture(page, join(SCREENSHOT_DIR, `${name}-mobile.png`), { fullPage: true });
  await page.setViewportSize(DESKTOP);
  await imagesSettled(page);
}

async function imagesSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await Promise.all(
      Array.from(document.images)
        .filter((img) => !img.complete)
        .map((img) => new Promise((done) => ['load', 'error'].forEach((type) => img.addEventListener(type, done, { once: true })))),
    );
  });
}

/** axe-core judges contrast as drawn: let the pages' fade-ins finish first. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
  });
}

async function expectAxeClean(page: Page): Promise<void> {
  await settle(page);
  expect(await runAxeUnderCsp(page)).toEqual([]);
}

/** The newest mail to `to` whose subject matches, waiting for it to arrive. */
async function mailTo(to: string, subject: RegExp, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = smtp.received.filter((m) => m.subject && subject.test(m.subject) && JSON.stringify(m.to).includes(to)).at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} matching ${subject} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A TOTP code `stepsAhead` 30-second steps from now: each step's code is accepted once. */
const totp = (secret: string, stepsAhead = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

/** Waits until the page's h1 reads `text` (pages change in the browser, after the click returns). */
async function expectHeading(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text }).waitFor();
}

async function signInWithPassword(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function enrolMfa(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  const secretText = await page.getByTestId('mfa-secret').textContent();
  const secret = (secretText ?? '').replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  expect(await page.getByRole('img', { name: /QR code/ }).isVisible()).toBe(true);
  await page.getByLabel(/six-digit code/).fill(await totp(secret));
  await page.getByRole('button', { name: 'Confirm and turn on' }).click();
  const codes = page.getByTestId('recovery-codes').getByRole('listitem');
  await codes.first().waitFor();
  const recoveryCodes = await codes.allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  return { secret, recoveryCodes };
}

describe('a client’s identity journey', () => {
  const email = `ava.laurent.${Date.now()}@example.com`;
  let page: Page;
  let problems: PageProblems;
  let origin: string;
  let secret = '';
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    ({ page, problems } = await openPage());
    origin = onLocalhost(server.url);
  });

  it('signs up as a client', async () => {
    await page.goto(`${origin}/sign-up`, { waitUntil: 'networkidle' });
    expect(await page.title()).toBe('Join the house — StyleByZaga');
    expect(await page.getByRole('radio', { name: /Join as a client/ }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /Join as a stylist/ }).isChecked()).toBe(false);
    await expectAxeClean(page);
    await screenshots(page, 'sign-up');

    // The server's own rules come back as inline field errors.
    await page.getByLabel('First name').fill('Ava');
    await page.getByLabel('Last name').fill('Laurent');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('password');
    await page.getByLabel(/I accept the house’s terms/).check();
    problems.ignoreStatusOf(`${origin}/api/v1/users`);
    await page.getByRole('button', { name: 'Create my account' }).click();
    const passwordError = page.getByText(/at least 12 characters|too common|weak|guess/i).last();
    await passwordError.waitFor();
    await screenshots(page, 'sign-up-error');

    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create my account' }).click();
    await expectHeading(page, /Check your inbox/);
    await screenshots(page, 'sign-up-done');
  });

  it('confirms the email address from the mail the SMTP server received', async () => {
    const mail = await smtp.nextMailTo(email, 15_000);
    expect(mail.subject).toMatch(/Confirm your email/);
    const link = /(https?:\/\/\S+\/verify-email\?token=[A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
    expect(link).toBeTruthy();
    await page.goto(onLocalhost(link!), { waitUntil: 'networkidle' });
    await page.getByText('Your email address is confirmed').waitFor();
    await expectHeading(page, /confirmed/);
    await screenshots(page, 'verify-email');
  });

  it('signs in with the password', async () => {
    await page.getByRole('link', { name: 'Sign in' }).last().click();
    await page.waitForURL(/\/sign-in/);
    await page.waitForLoadState('networkidle');
    await expectAxeClean(page);
    await screenshots(page, 'sign-in');
    await signInWithPassword(page, email, PASSWORD);
    await page.waitForURL(`${origin}/account`);
    await expectHeading(page, 'Profile');
    expect(await page.getByLabel('First name').inputValue()).toBe('Ava');
    // Confirmed: no banner asking for it.
    expect(await page.getByText('Please confirm your email address').count()).toBe(0);
    await expectAxeClean(page);
    await screenshots(page, 'account-profile');
  });

  it('keeps the session across a reload (silent refresh from the httpOnly cookie)', async () => {
    await page.reload({ waitUntil: 'networkidle' });
    await expectHeading(page, 'Profile');
    const cookies = await page.context().cookies();
    const refresh = cookies.find((c) => c.name === 'sbz_refresh');
    expect(refresh?.httpOnly).toBe(true);
    expect(refresh?.path).toBe('/api/v1/auth');
    // The access token lives in memory only.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toMatch(/eyJ/);
  });

  it('saves preferences and sizes', async () => {
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Preferences & sizes' }).click();
    await expectHeading(page, 'Preferences & sizes');
    await page.getByRole('button', { name: 'Add Tailoring' }).click();
    await page.getByRole('button', { name: 'Add Evening' }).click();
    await page.getByLabel('Colours').fill('Midnight blue');
    await page.getByLabel('Colours').press('Enter');
    await page.getByLabel('Tops').fill('38');
    await page.getByLabel('Waist').fill('68');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByText('Preferences saved').first().waitFor();
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.getByRole('list', { name: 'Styles: chosen' }).textContent()).toContain('Tailoring');
    expect(await page.getByLabel('Tops').inputValue()).toBe('38');
    await expectAxeClean(page);
    await screenshots(page, 'account-preferences');
  });

  it('enrols two-step verification with a code computed from the secret shown', async () => {
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Security' }).click();
    await expectHeading(page, 'Security');
    await page.getByRole('button', { name: 'Set up two-step verification' }).click();
    await page.getByTestId('mfa-secret').waitFor();
    await screenshots(page, 'account-security-enrol');
    ({ secret, recoveryCodes } = await enrolMfa(page));
    await expectAxeClean(page);
    await screenshots(page, 'account-security-recovery-codes');
    await page.getByLabel('I have kept these codes somewhere safe.').check();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByText('Two-step verification is on').first().waitFor();
  });

  it('signs out, then signs in again with a TOTP code', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${origin}/sign-in`);
    await page.getByText('You have signed out').waitFor();
    expect((await page.context().cookies()).some((c) => c.name === 'sbz_refresh')).toBe(false);

    // The password alone answers 401 MFA_REQUIRED: that response is the next step, not a failure.
    problems.ignoreStatusOf(`${origin}/api/v1/auth/login`);
    await signInWithPassword(page, email, PASSWORD);
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
    await expectAxeClean(page);
    await screenshots(page, 'sign-in-code');
    // The current step's code was spent on enrolment; the next step's is fresh.
    await page.getByLabel('Authentication code').fill(await totp(secret, 1));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.waitForURL(`${origin}/account`);
    await expectHeading(page, 'Profile');
  });

  it('registers a passkey with Chromium’s virtual authenticator', async () => {
    const cdp = await page.context().newCDPSession(page);
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
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Security' }).click();
    await page.getByRole('list', { name: 'Active sessions' }).waitFor();
    await page.getByLabel('Name (optional)').fill('Studio laptop');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByRole('list', { name: 'Your passkeys' }).getByText('Studio laptop').waitFor();
    expect(await page.getByText('This device').isVisible()).toBe(true);
    await expectAxeClean(page);
    await screenshots(page, 'account-security');
  });

  it('applies for VIP membership', async () => {
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'VIP membership' }).click();
    await expectHeading(page, 'VIP membership');
    await page.getByLabel('Your note').fill('I dress for the opera season in Vienna and Milan and would value a stylist who travels.');
    await page.getByRole('button', { name: 'Send my application' }).click();
    await page.getByText('Under review').waitFor();
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByText('Under review').waitFor();
    await expectAxeClean(page);
    await screenshots(page, 'account-membership');
  });

  it('signs out, then signs in with the passkey', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${origin}/sign-in`);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.waitForURL(`${origin}/account`);
    await expectHeading(page, 'Profile');
    expect(await page.getByLabel('Email address').inputValue()).toBe(email);
  });

  it('resets the password from the emailed link, and the reset still asks for the second factor', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${origin}/sign-in`);
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    await expectHeading(page, 'A new password');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('A link is on its way').waitFor();
    const mail = await mailTo(email, /Reset your password/);
    const link = /(https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
    expect(link).toBeTruthy();
    await page.goto(onLocalhost(link!), { waitUntil: 'networkidle' });
    await page.getByLabel('New password', { exact: true }).fill('quiet-meridian-garden-58');
    // With MFA on, the password alone answers 401 MFA_REQUIRED: the form asks for a code next.
    problems.ignoreStatusOf(`${origin}/api/v1/auth/password/reset`);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByLabel('Authentication code').waitFor();
    await expectAxeClean(page);
    await screenshots(page, 'reset-password-code');
    // A recovery code works once in place of the authenticator's.
    await page.getByLabel('Authentication code').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Confirm and save' }).click();
    await page.waitForURL(`${origin}/sign-in`);
    await page.getByText('Your password has been changed').waitFor();
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.waitForURL(`${origin}/account`);
  });

  it('sends a visitor who is not signed in to sign in, and back afterwards', async () => {
    const { page: stranger, problems: strangerProblems } = await openPage();
    await stranger.goto(`${origin}/account/security`, { waitUntil: 'networkidle' });
    await stranger.waitForURL(`${origin}/sign-in?next=%2Faccount%2Fsecurity`);
    await expectHeading(stranger, /Welcome/);
    expect(strangerProblems.list).toEqual([]);
  });

  it('deletes the account after typing the email address to confirm', async () => {
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Delete account' }).click();
    await expectHeading(page, 'Delete account');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    const confirm = dialog.getByRole('button', { name: 'Delete for good' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Your email address').fill(email);
    await expectAxeClean(page);
    await screenshots(page, 'account-delete');
    await confirm.click();
    await page.waitForURL(`${origin}/`);
    await page.getByText('Your account has been deleted').first().waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
  });

  it('had no console errors or failed requests on the way', () => {
    expect(problems.list).toEqual([]);
  });
});

describe('the house office', () => {
  let page: Page;
  let problems: PageProblems;
  let origin: string;
  const clientEmail = `margaux.${Date.now()}@example.com`;

  beforeAll(async () => {
    origin = onLocalhost(officeServer.url);
    // A client who joined and applied for VIP, through the API as another device would.
    const api = (path: string, body: unknown, token?: string) =>
      fetch(`${officeServer.url}/api/v1${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    expect(
      (
        await api('/users', {
          acceptTerms: true,
          email: clientEmail,
          password: PASSWORD,
          firstName: 'Margaux',
          lastName: 'Delacroix',
          phoneNumber: '+33 6 12 34 56 78',
        })
      ).status,
    ).toBe(201);
    const login = await api('/auth/login', { email: clientEmail, password: PASSWORD });
    const { accessToken } = (await login.json()) as { accessToken: string };
    expect(
      (
        await api(
          '/vip/applications',
          { note: 'A client of the Paris salon since 2019; I would like a stylist for the couture weeks.' },
          accessToken,
        )
      ).status,
    ).toBe(201);
    ({ page, problems } = await openPage());
  });

  it('asks a new administrator to set up two-step verification first', async () => {
    await page.goto(`${origin}/sign-in?next=%2Fadmin`, { waitUntil: 'networkidle' });
    await signInWithPassword(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.waitForURL(/\/secure-account/);
    await expectHeading(page, /Secure your account/);
    await page.getByRole('button', { name: 'Begin' }).click();
    await page.getByTestId('mfa-secret').waitFor();
    await expectAxeClean(page);
    await screenshots(page, 'secure-account');
    await enrolMfa(page);
    await page.getByLabel('I have kept these codes somewhere safe.').check();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.waitForURL(`${origin}/admin`);
  });

  it('lists and filters members', async () => {
    await expectHeading(page, 'Members');
    await page.getByRole('link', { name: 'Margaux Delacroix' }).waitFor();
    await expectAxeClean(page);
    await screenshots(page, 'admin-members');
    await page.getByLabel('Account', { exact: true }).selectOption('ADMIN');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/type=ADMIN/);
    await page.getByRole('link', { name: 'Platform Administrator' }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Margaux Delacroix' }).count()).toBe(0);
  });

  it('opens a member and approves the VIP application there', async () => {
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Members' }).click();
    await page.getByRole('link', { name: 'Margaux Delacroix' }).click();
    await expectHeading(page, 'Margaux Delacroix');
    await page.getByText('+33 6 12 34 56 78').waitFor();
    await page.getByLabel('Internal notes').waitFor();
    await expectAxeClean(page);
    await screenshots(page, 'admin-member');
  });

  it('decides from the VIP approvals queue', async () => {
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'VIP approvals' }).click();
    await expectHeading(page, 'VIP approvals');
    await page.getByText('couture weeks').waitFor();
    await expectAxeClean(page);
    await screenshots(page, 'admin-vip');
    await page.getByLabel('Internal notes').fill('Known to the Paris salon; approved.');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Margaux Delacroix is now a VIP member').first().waitFor();
    await page.getByRole('link', { name: 'Approved' }).click();
    await page.getByText('Known to the Paris salon; approved.').waitFor();
    // Opening a VIP's profile is recorded, and the client will see it.
    await page.getByRole('link', { name: 'Margaux Delacroix' }).click();
    await page.getByText('You opened a VIP profile').waitFor();
  });

  it('browses the audit log with filters', async () => {
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Audit log' }).click();
    await expectHeading(page, 'Audit log');
    await page.locator('tbody code', { hasText: 'vip.approved' }).first().waitFor();
    await expectAxeClean(page);
    await screenshots(page, 'admin-audit');
    await page.getByLabel('Action').fill('auth.*');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/action=auth/);
    await expect
      .poll(async () => {
        const actions = await page.locator('tbody code').allTextContents();
        return actions.length > 0 && actions.every((a) => a.startsWith('auth.'));
      })
      .toBe(true);
  });

  it('reads the dev mailbox, links clickable', async () => {
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Dev mailbox' }).click();
    await expectHeading(page, 'Dev mailbox');
    await page
      .getByRole('link', { name: /Confirm your email/ })
      .first()
      .click();
    const link = page.getByRole('article').getByRole('link', { name: /verify-email\?token=/ });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/\/verify-email\?token=/);
    await expectAxeClean(page);
    await screenshots(page, 'admin-mailbox');
  });

  it('had no console errors or failed requests on the way', () => {
    expect(problems.list).toEqual([]);
  });

  it('sends the new VIP to set up two-step verification, then shows privacy and who looked', async () => {
    const { page: client, problems: clientProblems } = await openPage();
    await client.goto(`${origin}/sign-in`, { waitUntil: 'networkidle' });
    await signInWithPassword(client, clientEmail, PASSWORD);
    await client.waitForURL(/\/secure-account/);
    await client.getByRole('button', { name: 'Begin' }).click();
    await client.getByTestId('mfa-secret').waitFor();
    await enrolMfa(client);
    await client.getByLabel('I have kept these codes somewhere safe.').check();
    await client.getByRole('button', { name: 'Done' }).click();
    await client.waitForURL(`${origin}/account`);
    await client.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Privacy' }).click();
    await expectHeading(client, 'Privacy');
    const privacyMode = client.getByRole('switch', { name: 'Hide my name and contact details' });
    expect(await privacyMode.isChecked()).toBe(true); // approval turns it on
    await client.getByRole('list', { name: 'Profile views' }).getByText('Platform Administrator').waitFor();
    await privacyMode.click();
    await client.getByText('Privacy mode is off').first().waitFor();
    expect(await privacyMode.isChecked()).toBe(false);
    await privacyMode.click();
    await client.getByText('Privacy mode is on').first().waitFor();
    await expectAxeClean(client);
    await screenshots(client, 'account-privacy');
    expect(clientProblems.list).toEqual([]);
  });
});

describe('the threshold pages', () => {
  it('forgot and reset password render with titles, and are axe-clean', async () => {
    const { page, problems } = await openPage();
    const origin = onLocalhost(server.url);
    await page.goto(`${origin}/forgot-password`, { waitUntil: 'networkidle' });
    expect(await page.title()).toBe('Forgotten password — StyleByZaga');
    await expectAxeClean(page);
    await screenshots(page, 'forgot-password');
    await page.goto(`${origin}/reset-password?token=${'x'.repeat(43)}`, { waitUntil: 'networkidle' });
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    await expectAxeClean(page);
    await screenshots(page, 'reset-password');
    expect(problems.list).toEqual([]);
  });

  it('a non-administrator sees no house office', async () => {
    const { page } = await openPage();
    const origin = onLocalhost(server.url);
    await page.goto(`${origin}/admin`, { waitUntil: 'networkidle' });
    // Not signed in: to sign-in, with the way back.
    await page.waitForURL(`${origin}/sign-in?next=%2Fadmin`);
  });
});
