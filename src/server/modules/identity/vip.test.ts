import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { listDevMail } from '../mail/service.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { accountOf, signUp, type TestAccount } from '../../test/identity.ts';

let app: TestApp;
let admin: TestAccount;
beforeAll(async () => {
  app = await buildTestApp();
  admin = await accountOf(app, 'ADMIN');
});
afterAll(() => app.shutdown());

const NOTE = 'I have been a loyal client for years and would love a dedicated stylist.';

const apply = (account: TestAccount, payload: object = { note: NOTE }) =>
  app.inject({ method: 'POST', url: '/api/v1/vip/applications', headers: account.auth, payload });
const decide = (applicationId: string, payload: object, who: TestAccount = admin) =>
  app.inject({ method: 'POST', url: `/api/v1/vip/applications/${applicationId}/decision`, headers: who.auth, payload });
const list = (who: TestAccount, query = '') => app.inject({ method: 'GET', url: `/api/v1/vip/applications${query}`, headers: who.auth });

async function userRow(userId: string) {
  const [row] = await queryRows<{ tier: string; privacy_mode: boolean }>(
    app.db,
    sql`select tier, privacy_mode from users where id = ${userId}`,
  );
  return row!;
}

async function auditOf(userId: string, action: string) {
  return queryRows<{ actor_id: string | null; details: Record<string, unknown> }>(
    app.db,
    sql`select actor_id, details from audit_log where target_user_id = ${userId} and action = ${action}`,
  );
}

describe('applying', () => {
  it('records one pending application per client', async () => {
    const client = await signUp(app);
    const first = await apply(client);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ userId: client.userId, note: NOTE, status: 'PENDING' });
    expect(first.json().applicant).toBeUndefined();
    const second = await apply(client);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('ConflictException');
    expect(await auditOf(client.userId, 'vip.applied')).toHaveLength(1);
  });

  it.each([
    ['a short note', { note: 'Too short' }, 'body.note'],
    ['a note over 2000 characters', { note: 'x'.repeat(2001) }, 'body.note'],
    ['a note padded to length with spaces', { note: `   ${'a'.repeat(10)}   ` }, 'body.note'],
    ['a status', { note: NOTE, status: 'APPROVED' }, 'body'],
    ['a tier', { note: NOTE, tier: 'VIP' }, 'body'],
  ])('refuses %s', async (_label, payload, field) => {
    const client = await signUp(app);
    const res = await apply(client, payload);
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fieldErrors)).toContain(field);
    expect((await list(client)).json().applications).toEqual([]);
  });

  it('is for clients only, and not for those already VIP', async () => {
    const stylist = await accountOf(app, 'STYLIST');
    expect((await apply(stylist)).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/v1/vip/applications', payload: { note: NOTE } })).statusCode).toBe(401);
    const vip = await accountOf(app, 'CLIENT', { vip: true });
    const res = await apply(vip);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/already a VIP/);
  });
});

describe('listing', () => {
  it("shows a client their own applications only, without the admin's notes", async () => {
    const a = await signUp(app);
    const b = await signUp(app);
    const mine = (await apply(a)).json();
    await apply(b);
    await decide(mine.applicationId, { decision: 'DECLINE', notes: 'Internal: spend history too short' });
    const res = await list(a);
    expect(res.statusCode).toBe(200);
    const applications = res.json().applications;
    expect(applications).toHaveLength(1);
    expect(applications[0]).toMatchObject({ applicationId: mine.applicationId, status: 'DECLINED' });
    expect(applications[0].decisionNotes).toBeUndefined();
    expect(applications[0].decidedBy).toBeUndefined();
    expect(JSON.stringify(res.json())).not.toContain('Internal');
  });

  it('gives admins every application, filtered by status, page by page, newest first', async () => {
    const clients = [
      await signUp(app, { firstName: 'Iris' }),
      await signUp(app, { firstName: 'Jade' }),
      await signUp(app, { firstName: 'Kira' }),
    ];
    const ids: string[] = [];
    for (const c of clients) ids.push((await apply(c)).json().applicationId);

    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const res = await list(admin, `?status=PENDING&maxResults=2${nextToken ? `&nextToken=${nextToken}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.applications.length).toBeLessThanOrEqual(2);
      for (const application of body.applications) {
        expect(application.status).toBe('PENDING');
        seen.push(application.applicationId);
      }
      nextToken = body.nextToken;
    } while (nextToken);
    expect(new Set(seen).size).toBe(seen.length);
    // Newest first: the three just made lead, in reverse order of creation.
    expect(seen.slice(0, 3)).toEqual([...ids].reverse());

    const first = (await list(admin, '?status=PENDING&maxResults=1')).json().applications[0];
    expect(first.applicant).toMatchObject({ firstName: 'Kira', lastName: 'Laurent', tier: 'STANDARD', email: clients[2]!.email });
    expect((await list(admin, '?status=APPROVED')).json().applications.every((a: { status: string }) => a.status === 'APPROVED')).toBe(
      true,
    );
  });

  it('refuses bad filters and tokens, and other roles', async () => {
    expect((await list(admin, '?status=MAYBE')).statusCode).toBe(400);
    expect((await list(admin, '?nextToken=not-a-token')).statusCode).toBe(400);
    expect((await list(admin, '?maxResults=500')).statusCode).toBe(400);
    expect((await list(admin, '?userId=x')).statusCode).toBe(400);
    expect((await list(await accountOf(app, 'STYLIST'))).statusCode).toBe(403);
    expect((await list(await accountOf(app, 'BRAND_PARTNER'))).statusCode).toBe(403);
  });
});

describe('deciding', () => {
  it('approval makes the client VIP with privacy on, audits, mails, and holds them at MFA enrolment', async () => {
    const client = await signUp(app);
    const { applicationId } = (await apply(client)).json();
    const res = await decide(applicationId, { decision: 'APPROVE', notes: 'Long-standing client, verified by the concierge' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'APPROVED',
      decisionNotes: 'Long-standing client, verified by the concierge',
      decidedBy: { userId: admin.userId, name: 'Noor Haddad' },
    });
    expect(res.json().applicant.tier).toBe('VIP');
    expect(await userRow(client.userId)).toEqual({ tier: 'VIP', privacy_mode: true });

    const [entry] = await auditOf(client.userId, 'vip.approved');
    expect(entry).toMatchObject({ actor_id: admin.userId, details: { applicationId, from: 'STANDARD', to: 'VIP' } });
    const mail = (await listDevMail(app.db, app.ctx.keys, 20)).find((m) => m.to === client.email && m.subject.includes('VIP'));
    expect(mail?.subject).toBe('Welcome to StyleByZaga VIP');
    expect(mail?.text).not.toContain('verified by the concierge');

    // The same access token, next request: a VIP must enrol MFA before anything else.
    const blocked = await list(client);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().reason).toBe('MFA_ENROLLMENT_REQUIRED');
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: client.auth });
    expect(me.json().user).toMatchObject({ tier: 'VIP', mfaEnrollmentRequired: true, privacyMode: true });

    const again = await decide(applicationId, { decision: 'DECLINE', notes: 'Changed my mind' });
    expect(again.statusCode).toBe(409);
    expect(await userRow(client.userId)).toMatchObject({ tier: 'VIP' });
  });

  it('decline leaves the tier alone, tells the client, and lets them apply again', async () => {
    const client = await signUp(app);
    const { applicationId } = (await apply(client)).json();
    const res = await decide(applicationId, { decision: 'DECLINE', notes: 'Not yet' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('DECLINED');
    expect(await userRow(client.userId)).toEqual({ tier: 'STANDARD', privacy_mode: false });
    expect(await auditOf(client.userId, 'vip.declined')).toHaveLength(1);
    expect(
      (await listDevMail(app.db, app.ctx.keys, 20)).some((m) => m.to === client.email && m.subject === 'Your StyleByZaga VIP application'),
    ).toBe(true);
    expect((await apply(client)).statusCode).toBe(201);
  });

  it('undoes the approval when the client cannot be told', async () => {
    const client = await signUp(app);
    const { applicationId } = (await apply(client)).json();
    const send = app.ctx.mailer.send;
    app.ctx.mailer.send = async () => {
      throw new Error('SMTP down');
    };
    try {
      expect((await decide(applicationId, { decision: 'APPROVE', notes: 'Welcome' })).statusCode).toBe(500);
    } finally {
      app.ctx.mailer.send = send;
    }
    expect(await userRow(client.userId)).toEqual({ tier: 'STANDARD', privacy_mode: false });
    expect(await auditOf(client.userId, 'vip.approved')).toHaveLength(0);
    expect((await decide(applicationId, { decision: 'APPROVE', notes: 'Welcome' })).statusCode).toBe(200);
  });

  it('refuses non-admins, unknown ids, bad input, and applicants no longer active', async () => {
    const client = await signUp(app);
    const { applicationId } = (await apply(client)).json();
    expect((await decide(applicationId, { decision: 'APPROVE', notes: 'Self-approved' }, client)).statusCode).toBe(403);
    expect((await decide(applicationId, { decision: 'APPROVE', notes: 'x' }, await accountOf(app, 'STYLIST'))).statusCode).toBe(403);
    expect((await decide('0195f3a2-7c1d-7b8e-9a4f-2d3c4b5a6e7f', { decision: 'APPROVE', notes: 'x' })).statusCode).toBe(404);
    expect((await decide('not-a-uuid', { decision: 'APPROVE', notes: 'x' })).statusCode).toBe(400);
    expect((await decide(applicationId, { decision: 'MAYBE', notes: 'x' })).statusCode).toBe(400);
    expect((await decide(applicationId, { decision: 'APPROVE' })).statusCode).toBe(400);
    expect((await decide(applicationId, { decision: 'APPROVE', notes: 'x', tier: 'VIP' })).statusCode).toBe(400);
    expect(await userRow(client.userId)).toMatchObject({ tier: 'STANDARD' });

    expect((await app.inject({ method: 'DELETE', url: `/api/v1/users/${client.userId}`, headers: client.auth })).statusCode).toBe(200);
    const res = await decide(applicationId, { decision: 'APPROVE', notes: 'Too late' });
    expect(res.statusCode).toBe(409);
    expect(await userRow(client.userId)).toMatchObject({ tier: 'STANDARD' });
  });
});
