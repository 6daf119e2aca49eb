/**
 * How notices read in the centre and the preferences: the name of each kind, which channels it can take, the day
 * headings of the centre, and where a notice's link leads. Pure, for the table test beside it.
 */
import type { Channel, NotificationKind } from './api/settings.ts';

type UserType = 'CLIENT' | 'STYLIST' | 'ADMIN' | 'BRAND_PARTNER';

export const KINDS: Record<NotificationKind, { label: string; description: string; eyebrow: string }> = {
  message: { label: 'Messages', description: 'A single letter when a message waits unread for a quarter of an hour.', eyebrow: 'Message' },
  'booking.requested': { label: 'Session requests', description: 'A client asks for a session with you.', eyebrow: 'Request' },
  'booking.answered': { label: 'Answers to your requests', description: 'A stylist confirms or declines a session.', eyebrow: 'Session' },
  'booking.changed': {
    label: 'Changes & reminders',
    description: 'A session is moved or cancelled, and the day before.',
    eyebrow: 'Session',
  },
  'order.status': { label: 'Orders & deliveries', description: 'Each step of an order, from the atelier to your door.', eyebrow: 'Order' },
  'payment.status': { label: 'Payments', description: 'Every payment, refund and hold on your account.', eyebrow: 'Payment' },
  'enquiry.received': {
    label: 'Your enquiries received',
    description: 'A house has your enquiry about a piece, and how it will answer.',
    eyebrow: 'Enquiry',
  },
  'enquiry.answered': {
    label: 'Answers from the houses',
    description: 'A house replies to your enquiry about a piece.',
    eyebrow: 'Enquiry',
  },
  security: { label: 'Security', description: 'New sign-ins, passwords and second factors.', eyebrow: 'Security' },
};

export const CHANNELS: { channel: Channel; label: string }[] = [
  { channel: 'IN_APP', label: 'On the site' },
  { channel: 'EMAIL', label: 'E-mail' },
  { channel: 'PUSH', label: 'Push' },
];

/** The kinds a person of this type can receive, in the order the preferences list them. */
export function kindsFor(userType: UserType): NotificationKind[] {
  if (userType === 'CLIENT')
    return [
      'message',
      'booking.answered',
      'booking.changed',
      'order.status',
      'enquiry.received',
      'enquiry.answered',
      'payment.status',
      'security',
    ];
  if (userType === 'STYLIST') return ['message', 'booking.requested', 'booking.changed', 'payment.status', 'security'];
  return ['message', 'payment.status', 'security'];
}

/** Messages are read in the inbox (with its own unread count) and come as an e-mail digest; every other kind takes all three. */
export function offers(kind: NotificationKind, channel: Channel): boolean {
  return kind !== 'message' || channel === 'EMAIL';
}

const dayKey = (d: Date, zone?: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

/** "Today", "Yesterday", "Thursday 3 December", or with the year when it is another year's. */
export function dayHeading(iso: string, now = new Date(), zone?: string): string {
  const at = new Date(iso);
  const key = dayKey(at, zone);
  if (key === dayKey(now, zone)) return 'Today';
  if (key === dayKey(new Date(now.getTime() - 86_400_000), zone)) return 'Yesterday';
  const sameYear = key.slice(0, 4) === dayKey(now, zone).slice(0, 4);
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
  })
    .format(at)
    .replace(',', '');
}

export function timeOfDay(iso: string, zone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** Notices in the order given (newest first), under their day's heading. */
export function byDay<T extends { createdAt: string }>(
  items: readonly T[],
  now = new Date(),
  zone?: string,
): { day: string; items: T[] }[] {
  const groups: { day: string; items: T[] }[] = [];
  for (const item of items) {
    const day = dayHeading(item.createdAt, now, zone);
    const last = groups.at(-1);
    if (last?.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

/** A link inside the site, or nothing: a notice never sends anyone elsewhere. */
export function safeLink(link: string | undefined): string | undefined {
  return link && link.startsWith('/') && !link.startsWith('//') && !link.includes('\\') ? link : undefined;
}

/** What the notice's link opens, said as an action. */
export function linkLabel(link: string): string {
  const path = link.split(/[?#]/, 1)[0]!;
  if (path.startsWith('/account/messages') || path.startsWith('/studio/messages')) return 'Open the conversation';
  if (path.startsWith('/account/bookings')) return 'See your sessions';
  if (path.startsWith('/account/orders/')) return 'See the order';
  if (path.startsWith('/account/orders')) return 'See your orders';
  if (path === '/studio') return 'See the requests';
  if (path.startsWith('/studio/calendar')) return 'Open your calendar';
  if (path.startsWith('/stylists')) return 'Find a stylist';
  return 'Open';
}
