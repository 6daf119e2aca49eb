import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, countRows, type TestApp } from '../../test/app.ts';
import { STRONG_PASSWORD, accountOf, uniqueEmail } from '../../test/identity.ts';
import { startSmtpServer } from '../../test/smtp.ts';

describe('with SMTP configured', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let app: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await buildTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://stylebyzaga.test' });
  });
  afterAll(async () => {
    await app.shutdown();
    await smtp.close();
  });

  it('sends the verification link by SMTP, and the link verifies the email once', async () => {
    const email = uniqueEmail('smtp');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { acceptTerms: true, email, password: STRONG_PASSWORD, firstName: 'Inès', lastName: 'Marchetti' },
    });
    expect(res.statusCode).toBe(201);
    const mail = await smtp.nextMailTo(email);
    expect(mail.subject).toMatch(/Confirm your email/);
    expect(mail.from?.text).toContain('StyleByZaga');
    const token = /https:\/\/stylebyzaga\.test\/verify-email\?token=([A-Za-z0-9_-]{43})/.exec(mail.text ?? '')?.[1];
    expect(token).toBeDefined();
    expect(mail.html).toContain(token);
    expect(await countRows(app.db, 'dev_mailbox')).toBe(0);

    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/email/verify', payload: { token } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/email/verify', payload: { token } })).statusCode).toBe(400);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: STRONG_PASSWORD } });
    expect(login.json().user.emailVerified).toBe(true);
  });
});

describe('without SMTP', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.shutdown());

  it('keeps mail in the dev mailbox, readable by admins only', async () => {
    const email = uniqueEmail('dev');
    await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { acceptTerms: true, email, password: STRONG_PASSWORD, firstName: 'Inès', lastName: 'Marchetti' },
    });
    const admin = await accountOf(app, 'ADMIN');
    const client = await accountOf(app, 'CLIENT');
    const res = await app.inject({ method: 'GET', url: '/api/v1/admin/dev-mailbox', headers: admin.auth });
    expect(res.statusCode).toBe(200);
    expect(res.json().smtpConfigured).toBe(false);
    expect(res.json().messages.some((m: { to: string }) => m.to === email)).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/dev-mailbox', headers: client.auth })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/dev-mailbox' })).statusCode).toBe(401);
  });
});
