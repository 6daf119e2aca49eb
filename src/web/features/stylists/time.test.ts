import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayKeyOf,
  describeZoneGap,
  formatDuration,
  formatInstant,
  formatRange,
  startOfWeek,
  zoneLabel,
  zoneOffsetMinutes,
  zonedTimeToInstant,
} from './time.ts';

describe('formatInstant', () => {
  it.each([
    ['2026-03-12T14:00:00Z', 'Europe/Paris', 'Thu 12 Mar, 15:00 (your time)'],
    ['2026-03-12T14:00:00Z', 'America/New_York', 'Thu 12 Mar, 10:00 (your time)'],
    ['2026-03-12T14:00:00Z', 'Asia/Tokyo', 'Thu 12 Mar, 23:00 (your time)'],
    // Tokyo is already on Friday when London is still on Thursday afternoon.
    ['2026-03-12T16:30:00Z', 'Asia/Tokyo', 'Fri 13 Mar, 01:30 (your time)'],
    ['2026-03-12T14:00:00Z', 'UTC', 'Thu 12 Mar, 14:00 (your time)'],
    // New York is on summer time from 8 March 2026, Paris only from 29 March: a gap of 5 hours, not 6.
    ['2026-03-20T14:00:00Z', 'America/New_York', 'Fri 20 Mar, 10:00 (your time)'],
    ['2026-03-20T14:00:00Z', 'Europe/Paris', 'Fri 20 Mar, 15:00 (your time)'],
    ['2026-07-01T08:00:00Z', 'America/Argentina/Buenos_Aires', 'Wed 1 Jul, 05:00 (your time)'],
  ])('%s in %s reads %s', (iso, zone, expected) => {
    expect(formatInstant(iso, zone)).toBe(expected);
  });
});

describe('formatRange', () => {
  it('names the end time only when it falls on the same local day', () => {
    expect(formatRange('2026-03-12T14:00:00Z', '2026-03-12T15:30:00Z', 'Europe/Paris')).toBe('Thu 12 Mar, 15:00–16:30 (your time)');
    expect(formatRange('2026-03-12T22:30:00Z', '2026-03-12T23:30:00Z', 'Europe/Paris')).toBe(
      'Thu 12 Mar, 23:30–Fri 13 Mar, 00:30 (your time)',
    );
  });
});

describe('zoneLabel', () => {
  it.each([
    ['Europe/Paris', 'Paris time'],
    ['America/Los_Angeles', 'Los Angeles time'],
    ['Asia/Kolkata', 'Mumbai time'],
    ['UTC', 'UTC'],
  ])('%s → %s', (zone, label) => expect(zoneLabel(zone)).toBe(label));
  it('names the stylist’s own city, not the zone’s', () => {
    expect(zoneLabel('Europe/Rome', 'Florence')).toBe('Florence time');
    expect(formatInstant('2026-03-12T14:00:00Z', 'Europe/Rome', 'Florence time')).toBe('Thu 12 Mar, 15:00 (Florence time)');
  });
});

describe('day arithmetic', () => {
  it('finds the local day of an instant', () => {
    expect(dayKeyOf('2026-03-12T23:30:00Z', 'Europe/Paris')).toBe('2026-03-13');
    expect(dayKeyOf('2026-03-12T23:30:00Z', 'America/New_York')).toBe('2026-03-12');
  });
  it('adds days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('starts weeks on Monday', () => {
    expect(startOfWeek('2026-03-12')).toBe('2026-03-09');
    expect(startOfWeek('2026-03-15')).toBe('2026-03-09');
    expect(startOfWeek('2026-03-16')).toBe('2026-03-16');
  });
});

describe('zonedTimeToInstant', () => {
  it.each([
    ['2026-03-12', '15:00', 'Europe/Paris', '2026-03-12T14:00:00.000Z'],
    ['2026-07-12', '15:00', 'Europe/Paris', '2026-07-12T13:00:00.000Z'],
    ['2026-03-12', '09:00', 'America/New_York', '2026-03-12T13:00:00.000Z'],
    ['2026-03-12', '00:30', 'Asia/Tokyo', '2026-03-11T15:30:00.000Z'],
    // Paris springs forward at 02:00 on 29 March 2026: 02:30 does not exist and moves on to 03:30.
    ['2026-03-29', '02:30', 'Europe/Paris', '2026-03-29T01:30:00.000Z'],
    // Paris falls back at 03:00 on 25 October 2026: 02:30 happens twice, the first is meant.
    ['2026-10-25', '02:30', 'Europe/Paris', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25', '12:00', 'Europe/Paris', '2026-10-25T11:00:00.000Z'],
  ])('%s %s in %s is %s', (day, time, zone, expected) => {
    expect(zonedTimeToInstant(day, time, zone).toISOString()).toBe(expected);
  });
});

describe('zone gap', () => {
  it('measures the offset in force at the instant', () => {
    expect(zoneOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'Europe/Paris')).toBe(60);
    expect(zoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'Europe/Paris')).toBe(120);
    expect(zoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });
  it('words the difference from the viewer', () => {
    const winter = new Date('2026-01-15T12:00:00Z');
    expect(describeZoneGap(winter, 'America/New_York', 'Europe/Paris')).toBe('6 hours behind you');
    expect(describeZoneGap(new Date('2026-03-20T12:00:00Z'), 'America/New_York', 'Europe/Paris')).toBe('5 hours behind you');
    expect(describeZoneGap(winter, 'Asia/Kolkata', 'Europe/London')).toBe('5.5 hours ahead of you');
    expect(describeZoneGap(winter, 'Europe/Paris', 'Europe/Rome')).toBeNull();
  });
});

describe('formatDuration', () => {
  it.each([
    [45, '45 min'],
    [60, '1 h'],
    [90, '1 h 30'],
    [240, '4 h'],
  ])('%i → %s', (minutes, text) => expect(formatDuration(minutes)).toBe(text));
});
