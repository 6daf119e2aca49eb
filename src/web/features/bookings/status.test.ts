import { describe, expect, it } from 'vitest';
import type { BookingRequest } from './api/bookings.ts';
import { phaseOf, statusLabel, timesOf } from './status.ts';

const NOW = Date.parse('2026-03-12T12:00:00Z');

function request(patch: Partial<BookingRequest>): BookingRequest {
  return {
    requestId: 'r1',
    status: 'PENDING',
    clientId: 'c1',
    client: { displayName: 'Margot H.', isAlias: false },
    stylistId: 's1',
    stylist: { stylistId: 's1', firstName: 'Sakura', lastName: 'Ishida', timeZone: 'Asia/Tokyo', city: 'Kyoto' },
    requestedDate: '2026-03-14T01:00:00.000Z',
    requestedDuration: 90,
    expiresAt: '2026-03-13T12:00:00.000Z',
    alternativeDates: [],
    freeCancellationUntil: '2026-03-12T01:00:00.000Z',
    reviewed: false,
    createdAt: '2026-03-11T12:00:00.000Z',
    ...patch,
  };
}

const booking = (status: 'CONFIRMED' | 'COMPLETED' | 'CANCELLED' | 'NO_SHOW', endTime = '2026-03-14T02:30:00.000Z') => ({
  bookingId: 'b1',
  clientId: 'c1',
  stylistId: 's1',
  startTime: '2026-03-14T01:00:00.000Z',
  endTime,
  status,
});

describe('where a request belongs on the client’s page', () => {
  it.each<[string, Partial<BookingRequest>, ReturnType<typeof phaseOf>, string]>([
    ['pending', {}, 'pending', 'Awaiting an answer'],
    ['declined', { status: 'DECLINED', alternativeDates: ['2026-03-16T02:00:00.000Z'] }, 'declined', 'Declined'],
    ['confirmed and ahead', { status: 'ACCEPTED', booking: booking('CONFIRMED') }, 'confirmed', 'Confirmed'],
    ['confirmed but over', { status: 'ACCEPTED', booking: booking('CONFIRMED', '2026-03-12T11:00:00.000Z') }, 'past', 'Confirmed'],
    ['completed', { status: 'ACCEPTED', booking: booking('COMPLETED') }, 'past', 'Completed'],
    ['missed', { status: 'ACCEPTED', booking: booking('NO_SHOW') }, 'past', 'Missed'],
    ['booking cancelled', { status: 'CANCELLED', booking: booking('CANCELLED') }, 'closed', 'Cancelled'],
    ['expired', { status: 'EXPIRED' }, 'closed', 'Expired'],
  ])('%s', (_, patch, phase, label) => {
    const r = request(patch);
    expect(phaseOf(r, NOW)).toBe(phase);
    expect(statusLabel(r)).toBe(label);
  });

  it('uses the booking’s times once confirmed, else the requested start and duration', () => {
    expect(timesOf(request({}))).toEqual({ start: '2026-03-14T01:00:00.000Z', end: '2026-03-14T02:30:00.000Z' });
    expect(
      timesOf(
        request({
          status: 'ACCEPTED',
          booking: { ...booking('CONFIRMED'), startTime: '2026-03-15T01:00:00.000Z', endTime: '2026-03-15T02:30:00.000Z' },
        }),
      ),
    ).toEqual({
      start: '2026-03-15T01:00:00.000Z',
      end: '2026-03-15T02:30:00.000Z',
    });
  });
});
