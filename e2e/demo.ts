import type { Page } from 'playwright-core';
import { totp } from '../src/server/test/identity.ts';

/**
 * The demo's people, as `npm start` seeds them and the README lists them, and what the journeys sign in with: one
 * place, so a journey never carries its own copy of a password or an address.
 */
export const DEMO_PASSWORD = 'velvet-orchid-sunrise-47';
export const DEMO = {
  client: 'layla.rahman@demo.stylebyzaga.test',
  vip: 'isabelle.fontaine@demo.stylebyzaga.test',
  stylist: 'camille.laurent@demo.stylebyzaga.test',
  admin: 'helene.marchal@demo.stylebyzaga.test',
} as const;

/** The demo client's address in Paris, for orders placed through the API. */
export { PARIS_ADDRESS } from '../src/server/test/addresses.ts';

/** Signs in on the sign-in page (with the demo password unless given), to go to `next` (the caller waits for where it lands). */
export async function signInPage(page: Page, baseUrl: string, email: string, next: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`, { waitUntil: 'networkidle' });
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * Staff, stylists and VIPs enrol a second factor at their first sign-in: signs in, enrols an authenticator on the
 * secure-account page, keeps the recovery codes, and waits until the page has moved on to where it was going.
 * Returns the authenticator's secret (for later codes).
 */
export async function signInEnrolling(page: Page, baseUrl: string, email: string, next: string, password = DEMO_PASSWORD): Promise<string> {
  await signInPage(page, baseUrl, email, next, password);
  await page.waitForURL(/\/secure-account/);
  await page.getByRole('button', { name: 'Begin' }).click();
  const secret = ((await page.getByTestId('mfa-secret').textContent()) ?? '').replace(/\s+/g, '');
  await page.getByLabel(/six-digit code/).fill(await totp(secret));
  await page.getByRole('button', { name: 'Confirm and turn on' }).click();
  await page.getByTestId('recovery-codes').getByRole('listitem').first().waitFor();
  await page.getByLabel('I have kept these codes somewhere safe.').check();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/secure-account'));
  return secret;
}
