/**
 * The Journal's desk in the house office (#15): an administrator grants the house-editor permission to a partner's
 * staff account, who then reaches the Journal's pages of the house office and nothing else of it; the editor saves a
 * piece twice, compares the versions, restores one (confirmed), and meets the conflict when someone saved since;
 * pictures come from the media library, a new one uploaded from the picker; a stylist writes an article in the studio
 * and submits it for review. Every new screen is photographed at 1440 and 390 px.
 */
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../src/server/test/identity.ts';
import { DEMO, DEMO_PASSWORD, signInEnrolling } from './demo.ts';
import { ensureWebBuild, launchBrowser, openPage, type PageProblems, type RunningServer, screenshots, startServer } from './helpers.ts';

const EDITOR = 'bastien.roche@demo.stylebyzaga.test';
let server: RunningServer;
let browser: Browser;
let admin: Page;
let editor: Page;
let editorProblems: PageProblems;
let adminSecret = '';
let pieceUrl = '';

beforeAll(async () => {
  ensureWebBuild();
  [server, browser] = await Promise.all([startServer({ NODE_ENV: 'test' }), launchBrowser()]);
  admin = (await openPage(browser)).page;
  const opened = await openPage(browser);
  editor = opened.page;
  editorProblems = opened.problems;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The admin's API session (for a save made "by someone else"), with a code the browser has not used. */
let apiToken = '';
async function adminToken(): Promise<string> {
  // One session for the file: a second factor's code is accepted once, so a second login in the same minute would fail.
  if (apiToken) return apiToken;
  for (const ahead of [1, 2]) {
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO.admin, password: DEMO_PASSWORD, mfaCode: await totp(adminSecret, ahead) }),
    });
    if (res.ok) return (apiToken = ((await res.json()) as { accessToken: string }).accessToken);
  }
  throw new Error('could not open an API session');
}

describe('the Journal’s desk', () => {
  it('an administrator grants the house-editor permission; the editor reaches the Journal’s pages and no other', async () => {
    adminSecret = await signInEnrolling(admin, server.url, DEMO.admin, '/admin/editors');
    await admin.getByRole('heading', { level: 1, name: 'House editors' }).waitFor();
    await admin.getByRole('link', { name: 'House editors' }).first().waitFor();
    await admin.getByText('Nobody holds it yet').waitFor();

    // Bad input names the field.
    await admin.getByRole('button', { name: 'Find', exact: true }).click();
    await admin.getByText('Enter at least two letters of a name, or a full email address').waitFor();
    expect(await admin.getByLabel('Name or email').getAttribute('aria-invalid')).toBe('true');

    // A full email address finds the account at once (a name is matched across every account).
    await admin.getByLabel('Name or email').fill(EDITOR);
    await admin.getByRole('button', { name: 'Find', exact: true }).click();
    await admin.getByRole('button', { name: 'Make Bastien Roche a house editor' }).click();
    await admin.getByRole('list', { name: 'House editors' }).getByRole('link', { name: 'Bastien Roche' }).waitFor();
    await admin.getByRole('list', { name: 'Staff found' }).getByText('House editor').waitFor();
    await screenshots(admin, 'editorial-office-editors');

    await signInEnrolling(editor, server.url, EDITOR, '/admin/journal');
    await editor.getByRole('heading', { level: 1, name: 'The Journal' }).waitFor();
    const nav = editor.getByRole('navigation', { name: 'Administration' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Journal']);
    await editor.getByRole('link', { name: 'The quiet season' }).waitFor();
    await screenshots(editor, 'editorial-office-editor-journal');
    // Any other room of the house office sends the editor back to the Journal.
    await editor.goto(`${server.url}/admin/orders`, { waitUntil: 'networkidle' });
    await editor.waitForURL(/\/admin\/journal$/);
    await editor.getByRole('heading', { level: 1, name: 'The Journal' }).waitFor();
  }, 300_000);

  it('every save is a version: the editor compares two, restores one, and meets the conflict when someone saved since', async () => {
    await editor.goto(`${server.url}/admin/journal/new`, { waitUntil: 'networkidle' });
    // Bad input: a piece with no title is refused, the error naming the field.
    editorProblems.ignoreStatusOf(`${server.url}/api/v1/content`);
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await editor.getByRole('alert').filter({ hasText: 'Title:' }).waitFor();

    await editor.getByLabel('Title').fill('Notes on navy');
    await editor.getByLabel('Standfirst').fill('Why the house’s stylists reach for navy before black.');
    await editor.getByRole('textbox', { name: 'Body' }).click();
    await editor.keyboard.type('Navy forgives the evening light.');
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await editor.waitForURL(/\/admin\/journal\/[0-9a-f-]{36}$/);
    pieceUrl = editor.url();
    await editor.getByText('Version 1 · draft').waitFor();

    await editor.getByLabel('Title').fill('Notes on navy, revised');
    await editor.getByRole('textbox', { name: 'Body' }).click();
    await editor.keyboard.press('End');
    await editor.keyboard.type(' And it travels.');
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await editor.getByText('Version 2 · draft').waitFor();

    const versions = editor.getByRole('list', { name: 'Versions' });
    await expect.poll(() => versions.getByRole('listitem').count()).toBe(2);
    expect(await versions.textContent()).toContain('Bastien Roche');
    await editor.getByLabel('Compare version').selectOption('1');
    await editor.getByLabel('With version').selectOption('2');
    await editor.getByRole('button', { name: 'Compare', exact: true }).click();
    const diff = editor.getByRole('region', { name: 'Changes from version 1 to version 2' });
    await diff.getByText('Notes on navy, revised').waitFor();
    await diff.getByText('Navy forgives the evening light. And it travels.').waitFor();
    await screenshots(editor, 'editorial-office-versions');

    // Restore, confirmed first.
    await editor.getByRole('button', { name: 'Restore version 1' }).click();
    const dialog = editor.getByRole('dialog', { name: 'Restore version 1?' });
    await dialog.waitFor();
    await screenshots(editor, 'editorial-office-restore', { fullPage: false });
    await dialog.getByRole('button', { name: 'Restore this version' }).click();
    await editor.getByText('Version 3 · draft').waitFor();
    expect(await editor.getByLabel('Title').inputValue()).toBe('Notes on navy');
    await expect.poll(() => editor.getByRole('list', { name: 'Versions' }).getByRole('listitem').count()).toBe(3);
    await editor.getByText('Restored version 1').waitFor();

    // Someone saves version 4 meanwhile; the editor, still on version 3, tries to restore version 2.
    const contentId = pieceUrl.split('/').pop()!;
    const token = await adminToken();
    const saved = await fetch(`${server.url}/api/v1/content/${contentId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Notes on navy, by the desk', expectedVersion: 3 }),
    });
    expect(saved.status).toBe(200);
    editorProblems.ignoreStatusOf(`${server.url}/api/v1/content/${contentId}/versions/2/restore`);
    await editor.getByRole('button', { name: 'Restore version 2' }).click();
    await editor.getByRole('dialog', { name: 'Restore version 2?' }).getByRole('button', { name: 'Restore this version' }).click();
    const conflict = editor.getByRole('alert').filter({ hasText: 'Someone saved this piece after you opened it' });
    await conflict.getByText(/now version 4, “Notes on navy, by the desk”/).waitFor();
    await conflict.getByRole('button', { name: 'Load the newer version' }).click();
    await editor.getByText('Version 4 · draft').waitFor();
    expect(await editor.getByLabel('Title').inputValue()).toBe('Notes on navy, by the desk');
  }, 300_000);

  it('pictures come from the media library, and a new one is uploaded from the picker', async () => {
    await editor.goto(pieceUrl, { waitUntil: 'networkidle' });
    await editor.getByText('Version 4 · draft').waitFor();

    await editor.getByRole('button', { name: 'Change the picture' }).click();
    const picker = editor.getByRole('dialog', { name: 'The featured image' });
    await picker.getByRole('button', { name: 'journal riviera' }).waitFor();
    await screenshots(editor, 'editorial-office-picker', { fullPage: false });

    // Something that is not a picture is refused, saying which file and why.
    editorProblems.ignoreStatusOf(`${server.url}/api/v1/media`);
    await picker
      .locator('input[type=file]')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
    await picker.getByRole('alert').filter({ hasText: 'The picture “notes.txt” was not added' }).waitFor();

    const photo = await sharp({ create: { width: 1200, height: 675, background: { r: 27, g: 38, b: 69 }, channels: 3 } })
      .jpeg()
      .toBuffer();
    await picker.locator('input[type=file]').setInputFiles({ name: 'navy.jpg', mimeType: 'image/jpeg', buffer: photo });
    await picker.getByText('One picture chosen').waitFor();
    await picker.getByRole('button', { name: /\(your upload\)/ }).waitFor();
    await picker.getByRole('button', { name: 'Use this picture' }).click();
    await picker.waitFor({ state: 'hidden' });

    // A picture in the body, with its caption, and a gallery of two.
    await editor.getByRole('textbox', { name: 'Body' }).click();
    await editor.keyboard.press('End');
    await editor.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Image' }).click();
    const image = editor.getByRole('dialog', { name: 'A picture for the body' });
    await image.getByRole('button', { name: 'journal riviera' }).click();
    await image.getByLabel('Caption').fill('The Riviera at six.');
    await image.getByRole('button', { name: 'Use this picture' }).click();
    await image.waitFor({ state: 'hidden' });
    await editor.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Gallery' }).click();
    const gallery = editor.getByRole('dialog', { name: 'Pictures for a gallery' });
    await gallery.getByRole('button', { name: 'journal tailoring' }).click();
    await gallery.getByRole('button', { name: 'journal cashmere' }).click();
    await gallery.getByText('2 chosen').waitFor();
    await gallery.getByRole('button', { name: 'Use these pictures' }).click();
    await gallery.waitFor({ state: 'hidden' });
    expect(await editor.locator('.ProseMirror img[src="/media/generated/editorial/journal-riviera-1280.jpg"]').count()).toBe(1);
    expect(await editor.locator('[data-gallery]').count()).toBe(1);

    await editor.getByRole('button', { name: 'Save draft' }).click();
    await editor.getByText('Version 5 · draft').waitFor();
    const contentId = pieceUrl.split('/').pop()!;
    const token = await adminToken();
    const saved = (await (
      await fetch(`${server.url}/api/v1/content/${contentId}`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { content: { featuredImage: string; body: string } };
    expect(saved.content.featuredImage).toMatch(/^\/media\/uploads\/[0-9a-f-]{36}\/\d+\.jpg$/);
    expect(saved.content.body).toContain('journal-riviera-1280.jpg');
    expect(saved.content.body).toContain('The Riviera at six.');
    expect(saved.content.body).toContain('journal-cashmere-1280.jpg');
    await screenshots(editor, 'editorial-office-editor');
  }, 300_000);

  it('a stylist writes an article in the studio and submits it; the house sees it awaiting review', async () => {
    const { page: stylist } = await openPage(browser);
    await signInEnrolling(stylist, server.url, DEMO.stylist, '/studio/journal');
    await stylist.getByRole('heading', { level: 1, name: 'Your articles' }).waitFor();
    await stylist.getByRole('link', { name: 'Write an article' }).click();
    await stylist.getByRole('heading', { level: 1, name: 'A new article' }).waitFor();
    expect(await stylist.getByLabel('Kind').isDisabled()).toBe(true);
    expect(await stylist.getByRole('button', { name: 'Publish now' }).count()).toBe(0);
    await stylist.getByLabel('Title').fill('Packing for a week in Kyoto');
    await stylist.getByRole('textbox', { name: 'Body' }).click();
    await stylist.keyboard.type('Three jackets, one of them linen, and shoes you can take off at every door.');
    await stylist.getByRole('button', { name: 'Save draft' }).click();
    await stylist.waitForURL(/\/studio\/journal\/[0-9a-f-]{36}$/);
    await stylist.getByRole('button', { name: 'Submit for review' }).click();
    await stylist.getByText(/with the house editors for review/).waitFor();
    await screenshots(stylist, 'editorial-office-studio-article');
    await stylist.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: 'Journal' }).click();
    await stylist.getByRole('cell', { name: 'With the house for review' }).waitFor();
    await screenshots(stylist, 'editorial-office-studio-journal');

    await editor.goto(`${server.url}/admin/journal`, { waitUntil: 'networkidle' });
    await editor.getByRole('row', { name: /Packing for a week in Kyoto.*awaiting review/ }).waitFor();
  }, 300_000);

  it('an administrator withdraws the permission, confirmed first; the editor is then refused', async () => {
    await admin.goto(`${server.url}/admin/editors`, { waitUntil: 'networkidle' });
    await admin.getByRole('button', { name: 'Withdraw Bastien Roche’s permission' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Withdraw the permission?' });
    await dialog.waitFor();
    await screenshots(admin, 'editorial-office-withdraw', { fullPage: false });
    await dialog.getByRole('button', { name: 'Withdraw the permission' }).click();
    await admin.getByText('Nobody holds it yet').waitFor();

    await editor.goto(`${server.url}/admin/journal`, { waitUntil: 'networkidle' });
    await editor.getByRole('heading', { name: /This room is/ }).waitFor();
  }, 300_000);
});
