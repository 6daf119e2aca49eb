import { describe, expect, it } from 'vitest';
import {
  checkBookable,
  computeSlots,
  expandWeekly,
  subtract,
  zonedToInstant,
  type AvailabilityInput,
  type ScheduleRules,
  type WeeklyRange,
} from './availability.ts';

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const wall = (text: string) => Date.parse(`${text}Z`); // a wall-clock time written as if UTC

describe('zonedToInstant: local wall clock → UTC instant', () => {
  // [zone, wall clock, expected UTC instant, what the case is about]
  const cases: [string, string, string, string][] = [
    ['Europe/Paris', '2026-03-28T09:00:00', '2026-03-28T08:00:00Z', 'winter time, the day before spring forward'],
    ['Europe/Paris', '2026-03-29T09:00:00', '2026-03-29T07:00:00Z', 'summer time from the spring-forward Sunday'],
    ['Europe/Paris', '2026-03-29T02:30:00', '2026-03-29T01:30:00Z', 'a skipped time moves forward by the gap (03:30 CEST)'],
    ['Europe/Paris', '2026-10-25T02:30:00', '2026-10-25T00:30:00Z', 'a repeated time takes its first occurrence (CEST)'],
    ['Europe/Paris', '2026-10-25T09:00:00', '2026-10-25T08:00:00Z', 'winter time again after fall back'],
    ['America/New_York', '2026-03-07T09:00:00', '2026-03-07T14:00:00Z', 'EST before the March change'],
    ['America/New_York', '2026-03-08T09:00:00', '2026-03-08T13:00:00Z', 'EDT on the second Sunday of March'],
    ['America/New_York', '2026-03-08T02:15:00', '2026-03-08T07:15:00Z', 'skipped 02:15 becomes 03:15 EDT'],
    ['America/New_York', '2026-11-01T01:30:00', '2026-11-01T05:30:00Z', 'repeated 01:30 takes EDT (first)'],
    ['America/New_York', '2026-11-01T09:00:00', '2026-11-01T14:00:00Z', 'EST after the first Sunday of November'],
    ['Australia/Sydney', '2026-04-04T09:00:00', '2026-04-03T22:00:00Z', 'AEDT (+11): the UTC date is the day before'],
    ['Australia/Sydney', '2026-04-05T09:00:00', '2026-04-04T23:00:00Z', 'AEST (+10) from the first Sunday of April'],
    ['Australia/Sydney', '2026-10-04T09:00:00', '2026-10-03T22:00:00Z', 'AEDT again from the first Sunday of October'],
    ['Asia/Kolkata', '2026-05-04T10:00:00', '2026-05-04T04:30:00Z', 'half-hour zone, no DST'],
    ['Asia/Kathmandu', '2026-05-04T10:00:00', '2026-05-04T04:15:00Z', 'quarter-hour zone'],
    ['UTC', '2026-05-04T10:00:00', '2026-05-04T10:00:00Z', 'UTC itself'],
  ];
  it.each(cases)('%s %s → %s (%s)', (zone, local, expected) => {
    expect(iso(zonedToInstant(wall(local), zone))).toBe(expected);
  });
});

describe('expandWeekly: the weekly schedule in the stylist zone', () => {
  // [zone, weekly ranges, from, to, expected intervals, what]
  const cases: [string, WeeklyRange[], string, string, [string, string][], string][] = [
    [
      'Europe/Paris',
      [{ day: 'SUN', start: '09:00', end: '12:00' }],
      '2026-03-21T00:00:00Z',
      '2026-03-31T00:00:00Z',
      [
        ['2026-03-22T08:00:00Z', '2026-03-22T11:00:00Z'],
        ['2026-03-29T07:00:00Z', '2026-03-29T10:00:00Z'],
      ],
      'same local hours, one hour earlier in UTC after spring forward',
    ],
    [
      'Europe/Paris',
      [{ day: 'SUN', start: '01:00', end: '04:00' }],
      '2026-03-29T00:00:00Z',
      '2026-03-30T00:00:00Z',
      [['2026-03-29T00:00:00Z', '2026-03-29T02:00:00Z']],
      'a range across the skipped hour is two hours long',
    ],
    [
      'Europe/Paris',
      [{ day: 'SUN', start: '01:00', end: '04:00' }],
      '2026-10-25T00:00:00Z',
      '2026-10-26T00:00:00Z',
      [['2026-10-24T23:00:00Z', '2026-10-25T03:00:00Z']],
      'a range across the repeated hour is four hours long',
    ],
    [
      'America/New_York',
      [{ day: 'MON', start: '09:00', end: '17:00' }],
      '2026-10-26T00:00:00Z',
      '2026-11-03T00:00:00Z',
      [
        ['2026-10-26T13:00:00Z', '2026-10-26T21:00:00Z'],
        ['2026-11-02T14:00:00Z', '2026-11-02T22:00:00Z'],
      ],
      'New York Mondays around the November change',
    ],
    [
      'Australia/Sydney',
      [{ day: 'MON', start: '09:00', end: '10:00' }],
      '2026-04-05T00:00:00Z',
      '2026-04-06T00:00:00Z',
      [['2026-04-05T23:00:00Z', '2026-04-06T00:00:00Z']],
      'a Sydney Monday morning is Sunday in UTC',
    ],
    [
      'Asia/Kolkata',
      [
        { day: 'TUE', start: '10:00', end: '12:00' },
        { day: 'TUE', start: '14:00', end: '18:30' },
      ],
      '2026-05-05T00:00:00Z',
      '2026-05-06T00:00:00Z',
      [
        ['2026-05-05T04:30:00Z', '2026-05-05T06:30:00Z'],
        ['2026-05-05T08:30:00Z', '2026-05-05T13:00:00Z'],
      ],
      'several ranges a day in a half-hour zone',
    ],
    [
      'Europe/Paris',
      [{ day: 'FRI', start: '20:00', end: '24:00' }],
      '2026-05-01T00:00:00Z',
      '2026-05-02T00:00:00Z',
      [['2026-05-01T18:00:00Z', '2026-05-01T22:00:00Z']],
      '24:00 is the end of the day',
    ],
  ];
  it.each(cases)('%s %j %s…%s', (zone, weekly, from, to, expected) => {
    const out = expandWeekly({ timeZone: zone, weekly }, t(from), t(to)).map((i) => [iso(i.start), iso(i.end)]);
    expect(out).toEqual(expected);
  });
});

const paris: ScheduleRules = {
  timeZone: 'Europe/Paris',
  weekly: [
    { day: 'MON', start: '09:00', end: '13:00' },
    { day: 'TUE', start: '09:00', end: '13:00' },
  ],
  bufferMinutes: 30,
  minNoticeHours: 24,
  horizonDays: 30,
};
const now = t('2026-05-01T12:00:00Z'); // a Friday
const base: AvailabilityInput = { rules: paris, windows: [], bookings: [], now };

describe('computeSlots: statuses from schedule, windows, bookings, buffers, notice and horizon', () => {
  type Case = [string, Partial<AvailabilityInput>, string, string, number, [string, string][]];
  // [what, input overrides, from, to, slot minutes, expected [start, status]]
  const cases: Case[] = [
    [
      'a plain Monday in Paris (CEST)',
      {},
      '2026-05-04T00:00:00Z',
      '2026-05-05T00:00:00Z',
      60,
      [
        ['07:00', 'AVAILABLE'],
        ['08:00', 'AVAILABLE'],
        ['09:00', 'AVAILABLE'],
        ['10:00', 'AVAILABLE'],
      ],
    ],
    [
      'a booking 08:00–09:00Z with a 30-minute buffer',
      { bookings: [{ start: t('2026-05-04T08:00:00Z'), end: t('2026-05-04T09:30:00Z') }] },
      '2026-05-04T00:00:00Z',
      '2026-05-05T00:00:00Z',
      60,
      [
        ['07:00', 'BOOKED'],
        ['08:00', 'BOOKED'],
        ['09:00', 'BOOKED'],
        ['10:00', 'AVAILABLE'],
      ],
    ],
    [
      'a BLOCKED window removes an hour',
      { windows: [{ kind: 'BLOCKED', start: t('2026-05-04T09:00:00Z'), end: t('2026-05-04T10:00:00Z') }] },
      '2026-05-04T00:00:00Z',
      '2026-05-05T00:00:00Z',
      60,
      [
        ['07:00', 'AVAILABLE'],
        ['08:00', 'AVAILABLE'],
        ['09:00', 'BLOCKED'],
        ['10:00', 'AVAILABLE'],
      ],
    ],
    [
      'an AVAILABLE window opens a Saturday',
      { windows: [{ kind: 'AVAILABLE', start: t('2026-05-09T08:00:00Z'), end: t('2026-05-09T10:00:00Z') }] },
      '2026-05-09T00:00:00Z',
      '2026-05-10T00:00:00Z',
      60,
      [
        ['08:00', 'AVAILABLE'],
        ['09:00', 'AVAILABLE'],
      ],
    ],
    [
      'within the 24 h minimum notice',
      { now: t('2026-05-03T08:30:00Z') },
      '2026-05-04T00:00:00Z',
      '2026-05-05T00:00:00Z',
      60,
      [
        ['07:00', 'BLOCKED'],
        ['08:00', 'BLOCKED'],
        ['09:00', 'AVAILABLE'],
        ['10:00', 'AVAILABLE'],
      ],
    ],
    [
      'beyond the 30-day horizon',
      { now: t('2026-04-04T08:30:00Z') },
      '2026-05-04T00:00:00Z',
      '2026-05-05T00:00:00Z',
      60,
      [
        ['07:00', 'AVAILABLE'],
        ['08:00', 'BLOCKED'],
        ['09:00', 'BLOCKED'],
        ['10:00', 'BLOCKED'],
      ],
    ],
    [
      '90-minute slots do not spill past closing',
      {},
      '2026-05-05T00:00:00Z',
      '2026-05-06T00:00:00Z',
      90,
      [
        ['07:00', 'AVAILABLE'],
        ['08:30', 'AVAILABLE'],
      ],
    ],
  ];
  it.each(cases)('%s', (_what, overrides, from, to, minutes, expected) => {
    const slots = computeSlots({ ...base, ...overrides }, t(from), t(to), minutes);
    expect(slots.map((s) => [iso(s.start).slice(11, 16), s.status])).toEqual(expected);
  });
});

describe('checkBookable: what a request may ask for', () => {
  const cases: [string, Partial<AvailabilityInput>, string, number, string | undefined][] = [
    ['inside Monday hours', {}, '2026-05-04T07:00:00Z', 60, undefined],
    ['a client in Tokyo asks for 16:00 JST = 09:00 Paris', {}, '2026-05-04T16:00:00+09:00', 60, undefined],
    ['in the past', {}, '2026-04-30T07:00:00Z', 60, 'IN_THE_PAST'],
    ['too soon for the notice', {}, '2026-05-02T07:00:00Z', 60, 'TOO_SOON'],
    ['beyond the horizon', {}, '2026-06-08T07:00:00Z', 60, 'BEYOND_HORIZON'],
    ['runs past closing', {}, '2026-05-04T10:30:00Z', 60, 'OUTSIDE_AVAILABILITY'],
    ['on a closed Wednesday', {}, '2026-05-06T08:00:00Z', 60, 'OUTSIDE_AVAILABILITY'],
    [
      'right after a booking, inside its buffer',
      { bookings: [{ start: t('2026-05-04T07:00:00Z'), end: t('2026-05-04T08:30:00Z') }] },
      '2026-05-04T08:00:00Z',
      60,
      'OVERLAPS_BOOKING',
    ],
    [
      'after a booking and its buffer',
      { bookings: [{ start: t('2026-05-04T07:00:00Z'), end: t('2026-05-04T08:30:00Z') }] },
      '2026-05-04T08:30:00Z',
      60,
      undefined,
    ],
    [
      'before a booking, our buffer would run into it',
      { bookings: [{ start: t('2026-05-04T09:00:00Z'), end: t('2026-05-04T10:30:00Z') }] },
      '2026-05-04T07:45:00Z',
      60,
      'OVERLAPS_BOOKING',
    ],
    [
      'before a booking with room for our buffer',
      { bookings: [{ start: t('2026-05-04T09:00:00Z'), end: t('2026-05-04T10:30:00Z') }] },
      '2026-05-04T07:30:00Z',
      60,
      undefined,
    ],
  ];
  it.each(cases)('%s', (_what, overrides, start, minutes, expected) => {
    const s = t(start);
    expect(checkBookable({ ...base, ...overrides }, { start: s, end: s + minutes * 60_000 })).toBe(expected);
  });

  it('a Sydney stylist on the autumn change: 09:00 AEST Sunday is bookable, 09:00 AEDT the day before is not', () => {
    const sydney: AvailabilityInput = {
      rules: {
        timeZone: 'Australia/Sydney',
        weekly: [{ day: 'SUN', start: '09:00', end: '10:00' }],
        bufferMinutes: 0,
        minNoticeHours: 0,
        horizonDays: 30,
      },
      windows: [],
      bookings: [],
      now: t('2026-04-01T00:00:00Z'),
    };
    expect(checkBookable(sydney, { start: t('2026-04-04T23:00:00Z'), end: t('2026-04-05T00:00:00Z') })).toBeUndefined();
    expect(checkBookable(sydney, { start: t('2026-04-04T22:00:00Z'), end: t('2026-04-04T23:00:00Z') })).toBe('OUTSIDE_AVAILABILITY');
  });
});

describe('interval algebra', () => {
  it('subtracts overlapping and touching intervals', () => {
    expect(
      subtract(
        [
          { start: 0, end: 10 },
          { start: 20, end: 30 },
        ],
        [
          { start: 5, end: 22 },
          { start: 25, end: 26 },
        ],
      ),
    ).toEqual([
      { start: 0, end: 5 },
      { start: 22, end: 25 },
      { start: 26, end: 30 },
    ]);
  });
});
