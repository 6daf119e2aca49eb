import { describe, expect, it } from 'vitest';
import { byDay, dayHeading, kindsFor, linkLabel, offers, safeLink } from './present.ts';

describe('the centre’s day headings', () => {
  const now = new Date('2026-12-05T10:00:00Z');
  it.each([
    ['2026-12-05T00:30:00Z', 'Europe/Paris', 'Today'],
    ['2026-12-04T23:30:00Z', 'Europe/Paris', 'Today'], // 00:30 on the 5th in Paris
    ['2026-12-04T23:30:00Z', 'UTC', 'Yesterday'],
    ['2026-12-03T09:00:00Z', 'UTC', 'Thursday 3 December'],
    ['2025-12-31T09:00:00Z', 'UTC', 'Wednesday 31 December 2025'],
  ])('%s in %s is “%s”', (iso, zone, heading) => {
    expect(dayHeading(iso, now, zone)).toBe(heading);
  });

  it('groups notices, newest first, under their day', () => {
    const items = ['2026-12-05T09:00:00Z', '2026-12-05T08:00:00Z', '2026-12-04T08:00:00Z'].map((createdAt) => ({ createdAt }));
    expect(byDay(items, now, 'UTC').map((g) => [g.day, g.items.length])).toEqual([
      ['Today', 2],
      ['Yesterday', 1],
    ]);
  });
});

describe('kinds and channels', () => {
  it('offers each person the kinds they can receive, payments and security always', () => {
    expect(kindsFor('CLIENT')).not.toContain('booking.requested');
    expect(kindsFor('STYLIST')).toContain('booking.requested');
    expect(kindsFor('STYLIST')).not.toContain('order.status');
    for (const type of ['CLIENT', 'STYLIST', 'ADMIN', 'BRAND_PARTNER'] as const) {
      expect(kindsFor(type)).toEqual(expect.arrayContaining(['payment.status', 'security']));
    }
  });
  it('messages come by e-mail only (the inbox has its own count); the rest take every channel', () => {
    expect(offers('message', 'EMAIL')).toBe(true);
    expect(offers('message', 'IN_APP')).toBe(false);
    expect(offers('message', 'PUSH')).toBe(false);
    expect(offers('booking.answered', 'PUSH')).toBe(true);
  });
});

describe('links', () => {
  it.each([
    ['/account/bookings', '/account/bookings'],
    ['/account/orders/ZG-2026-000123', '/account/orders/ZG-2026-000123'],
    ['https://evil.test/', undefined],
    ['//evil.test/', undefined],
    ['/\\evil.test', undefined],
    [undefined, undefined],
  ])('%s stays %s', (link, safe) => {
    expect(safeLink(link)).toBe(safe);
  });
  it.each([
    ['/account/messages/0193', 'Open the conversation'],
    ['/account/bookings', 'See your sessions'],
    ['/account/orders/ZG-2026-000123', 'See the order'],
    ['/studio', 'See the requests'],
    ['/studio/calendar', 'Open your calendar'],
    ['/somewhere', 'Open'],
  ])('%s reads “%s”', (link, label) => {
    expect(linkLabel(link)).toBe(label);
  });
});
