import type { BookingRequest } from './api/bookings.ts';

export type BookingPhase = 'pending' | 'confirmed' | 'declined' | 'past' | 'closed';

/**
 * Where a request belongs on the client's page: waiting for an answer, confirmed and ahead, declined (with
 * dates offered), done (completed or missed), or closed (cancelled, expired).
 */
export function phaseOf(r: BookingRequest, now = Date.now()): BookingPhase {
  if (r.status === 'PENDING') return 'pending';
  if (r.status === 'DECLINED') return 'declined';
  if (r.status === 'ACCEPTED' && r.booking) {
    if (r.booking.status === 'CONFIRMED') return Date.parse(r.booking.endTime) > now ? 'confirmed' : 'past';
    if (r.booking.status === 'COMPLETED' || r.booking.status === 'NO_SHOW') return 'past';
  }
  return 'closed';
}

export const STATUS_LABELS: Record<string, string> = {
  PENDING: 'Awaiting an answer',
  ACCEPTED: 'Confirmed',
  DECLINED: 'Declined',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Expired',
  CONFIRMED: 'Confirmed',
  COMPLETED: 'Completed',
  NO_SHOW: 'Missed',
};

/** The label a person reads for a request, taking its booking's own state into account. */
export function statusLabel(r: BookingRequest): string {
  if (r.status === 'ACCEPTED' && r.booking) return STATUS_LABELS[r.booking.status] ?? r.booking.status;
  return STATUS_LABELS[r.status] ?? r.status;
}

/** The session's times: the booking's once confirmed, else what was asked for. */
export function timesOf(r: BookingRequest): { start: string; end: string } {
  if (r.booking) return { start: r.booking.startTime, end: r.booking.endTime };
  return { start: r.requestedDate, end: new Date(Date.parse(r.requestedDate) + r.requestedDuration * 60_000).toISOString() };
}
