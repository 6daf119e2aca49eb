/**
 * The notification centre and preferences over HTTP, on a fresh database: paging, reading one or all, another
 * person's notice, preferences that hide a kind from the centre and the bell (and tell open tabs), kinds switched off
 * everywhere, mandatory kinds that cannot be muted, and quiet hours in the person's own zone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../realtime/bus.ts';
import { buildTestApp, countRows, type TestApp } from '../../test/app.ts';
import { accountOf, type TestAccount } from '../../test/identity.ts';
import { notify, quietUntil, type NotifyInput } from './service.ts';

let app: TestApp;
let client: TestAccount;
let other: TestAccount;
const heard: Envelope[] = [];

beforeAll(async () => {
  app = await buildTestApp();
  client = await accountOf(app, 'CLIENT');
  other = await accountOf(app, 'CLIENT');
  app.ctx.adapters.realtime.subscribe((e) => heard.push(e));
}, 120_000);
afterAll(async () => {
  await app?.shutdown();
});

const record = (who: TestAccount, input: Omit<NotifyInput, 'userId'>) =>
  app.db.transaction((tx) => notify(tx, app.ctx, { userId: who.userId, ...input }));

const centre = async (who: TestAccount, query = '') => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/me/notifications${query}`, headers: who.auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{
    notifications: { notificationId: string; title: string; kind: string; read: boolean }[];
    unread: number;
    nextToken?: string;
  }>();
};

const settings = (who: TestAccount, payload: object) =>
  app.inject({ method: 'PUT', url: '/api/v1/me/notification-settings', headers: who.auth, payload });

/** The last bell number published to `who`'s open tabs. */
const lastBell = (who: TestAccount) =>
  heard
    .filter((e) => e.userIds.includes(who.userId) && e.event.type === 'notification')
    .map((e) => (e.event as { unread: number }).unread)
    .at(-1);

describe('the notification centre', () => {
  it('lists newest first a page at a time, reads one and then all, and never another person’s', async () => {
    for (let i = 1; i <= 5; i++) await record(client, { kind: 'order.status', title: `Order news ${i}`, link: `/account/orders/${i}` });
    const first = await centre(client, '?maxResults=2');
    expect(first.unread).toBe(5);
    expect(first.notifications.map((n) => n.title)).toEqual(['Order news 5', 'Order news 4']);
    expect(first.nextToken).toBeDefined();
    const second = await centre(client, `?maxResults=2&nextToken=${first.nextToken}`);
    expect(second.notifications.map((n) => n.title)).toEqual(['Order news 3', 'Order news 2']);
    const last = await centre(client, `?maxResults=2&nextToken=${second.nextToken}`);
    expect(last.notifications.map((n) => n.title)).toEqual(['Order news 1']);
    expect(last.nextToken).toBeUndefined();

    const one = first.notifications[0]!.notificationId;
    const read = await app.inject({ method: 'PUT', url: `/api/v1/me/notifications/${one}/read`, headers: client.auth });
    expect(read.json()).toEqual({ unread: 4 });
    expect(lastBell(client)).toBe(4);
    expect((await centre(client)).notifications.find((n) => n.notificationId === one)?.read).toBe(true);

    // Someone else's notice is not there for them: 404, and it stays unread.
    const theirs = await app.inject({ method: 'PUT', url: `/api/v1/me/notifications/${one}/read`, headers: other.auth });
    expect(theirs.statusCode).toBe(404);
    expect((await centre(other)).notifications).toEqual([]);
    const bad = await app.inject({ method: 'GET', url: '/api/v1/me/notifications?nextToken=not-a-token', headers: client.auth });
    expect(bad.statusCode).toBe(400);

    const all = await app.inject({ method: 'PUT', url: '/api/v1/me/notifications/read', headers: client.auth });
    expect(all.json()).toEqual({ unread: 0 });
    expect(lastBell(client)).toBe(0);
    expect((await centre(client)).notifications.every((n) => n.read)).toBe(true);
  });
});

describe('preferences', () => {
  it('a kind switched off in the app leaves the centre and the bell, and open tabs are told; switched on, it returns', async () => {
    const who = await accountOf(app, 'CLIENT');
    await record(who, { kind: 'booking.answered', title: 'Your session is confirmed', link: '/account/bookings' });
    await record(who, { kind: 'booking.changed', title: 'Your session was moved', link: '/account/bookings' });
    expect((await centre(who)).unread).toBe(2);

    const off = await settings(who, { preferences: [{ kind: 'booking.answered', channel: 'IN_APP', enabled: false }] });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().preferences).toContainEqual({ kind: 'booking.answered', channel: 'IN_APP', enabled: false, mandatory: false });
    const hidden = await centre(who);
    expect(hidden.unread).toBe(1);
    expect(hidden.notifications.map((n) => n.title)).toEqual(['Your session was moved']);
    expect(lastBell(who)).toBe(1);

    // A new notice of the hidden kind is recorded (e-mail and push may still want it) but neither shown nor rung live.
    const quietly = await record(who, { kind: 'booking.answered', title: 'Your session request was declined' });
    expect(quietly).toBeDefined();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(
      heard.some(
        (e) =>
          e.userIds.includes(who.userId) &&
          (e.event as { notification?: { title?: string } }).notification?.title === 'Your session request was declined',
      ),
    ).toBe(false);
    expect((await centre(who)).unread).toBe(1);

    await settings(who, { preferences: [{ kind: 'booking.answered', channel: 'IN_APP', enabled: true }] });
    expect((await centre(who)).unread).toBe(3);
    expect(lastBell(who)).toBe(3);
  });

  it('a kind switched off on every channel is not recorded at all', async () => {
    const who = await accountOf(app, 'CLIENT');
    const everywhere = (['IN_APP', 'EMAIL', 'PUSH'] as const).map((channel) => ({ kind: 'enquiry.answered', channel, enabled: false }));
    expect((await settings(who, { preferences: everywhere })).statusCode).toBe(200);
    const before = await countRows(app.db, 'notifications');
    expect(await record(who, { kind: 'enquiry.answered', title: 'A house answered your enquiry' })).toBeUndefined();
    expect(await countRows(app.db, 'notifications')).toBe(before);
    // Mandatory kinds are recorded whatever was asked.
    expect(await record(who, { kind: 'security', title: 'A new sign-in to your account' })).toBeDefined();
  });

  it('security and payment notices cannot be switched off; they are shown as mandatory', async () => {
    const who = await accountOf(app, 'CLIENT');
    for (const kind of ['security', 'payment.status']) {
      const res = await settings(who, { preferences: [{ kind, channel: 'EMAIL', enabled: false }] });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('ValidationException');
    }
    const read = await app.inject({ method: 'GET', url: '/api/v1/me/notification-settings', headers: who.auth });
    const prefs = read.json<{ preferences: { kind: string; channel: string; enabled: boolean; mandatory: boolean }[] }>().preferences;
    expect(prefs.filter((p) => p.mandatory).map((p) => `${p.kind}/${p.channel}`)).toEqual([
      'payment.status/IN_APP',
      'payment.status/EMAIL',
      'payment.status/PUSH',
      'security/IN_APP',
      'security/EMAIL',
      'security/PUSH',
    ]);
    expect(prefs.every((p) => p.enabled)).toBe(true);
  });

  it('keeps quiet hours and the zone they are read in; refuses an unknown zone and a malformed hour', async () => {
    const who = await accountOf(app, 'CLIENT');
    const saved = await settings(who, { timeZone: 'Asia/Tokyo', quietHours: { start: '22:30', end: '07:00' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ timeZone: 'Asia/Tokyo', quietHours: { start: '22:30', end: '07:00' } });
    expect((await settings(who, { timeZone: 'Mars/Olympus' })).statusCode).toBe(400);
    expect((await settings(who, { quietHours: { start: '25:00', end: '07:00' } })).statusCode).toBe(400);
    const cleared = await settings(who, { quietHours: null });
    expect(cleared.json()).toMatchObject({ timeZone: 'Asia/Tokyo', quietHours: null });
  });
});

describe('quiet hours', () => {
  // [at (UTC), zone, start, end, ends at (UTC) or undefined]
  const cases: [string, string, number, number, string | undefined][] = [
    ['2026-12-05T23:30:00Z', 'UTC', 22 * 60, 7 * 60, '2026-12-06T07:00:00.000Z'],
    ['2026-12-05T06:59:00Z', 'UTC', 22 * 60, 7 * 60, '2026-12-05T07:00:00.000Z'],
    ['2026-12-05T07:00:00Z', 'UTC', 22 * 60, 7 * 60, undefined],
    ['2026-12-05T12:00:00Z', 'UTC', 22 * 60, 7 * 60, undefined],
    // 22:00 in Tokyo is 13:00 UTC: the client's own evening, not the server's.
    ['2026-12-05T13:30:00Z', 'Asia/Tokyo', 22 * 60, 7 * 60, '2026-12-05T22:00:00.000Z'],
    ['2026-12-05T13:30:00Z', 'Europe/Paris', 22 * 60, 7 * 60, undefined],
    // Inside a same-day window (lunch), and the day the clocks move back in New York.
    ['2026-12-05T12:15:00Z', 'Europe/London', 12 * 60, 14 * 60, '2026-12-05T14:00:00.000Z'],
    ['2026-11-01T05:30:00Z', 'America/New_York', 0, 6 * 60, '2026-11-01T11:00:00.000Z'],
    // No window, or an empty one.
    ['2026-12-05T23:30:00Z', 'UTC', 8 * 60, 8 * 60, undefined],
  ];
  it.each(cases)('at %s in %s (%i–%i) ends at %s', (at, zone, start, end, until) => {
    expect(quietUntil(new Date(at), zone, start, end)?.toISOString()).toBe(until);
  });
});
