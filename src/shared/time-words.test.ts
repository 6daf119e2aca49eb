import { describe, expect, it } from 'vitest';
import { describeWhen } from './time-words.ts';
import { cityOfPlace, placeName, zoneCitiesByRegion, zoneCity, ZONE_CITIES, findZoneCity } from './zone-cities.ts';

describe('zoneCity: the city a zone is known by, never its id', () => {
  it.each([
    ['Europe/Paris', 'Paris'],
    ['Europe/Rome', 'Milan'],
    ['Asia/Kolkata', 'Mumbai'],
    ['Asia/Calcutta', 'Mumbai'],
    ['America/Argentina/Buenos_Aires', 'Buenos Aires'],
    ['America/Port_of_Spain', 'Port of Spain'],
    ['UTC', 'UTC'],
    ['Etc/UTC', 'UTC'],
  ])('%s → %s', (zone, city) => expect(zoneCity(zone)).toBe(city));

  it('prefers the person’s own city over the zone’s', () => {
    expect(placeName('Mumbai', 'Asia/Kolkata')).toBe('Mumbai');
    expect(placeName('  ', 'Europe/Rome')).toBe('Milan');
    expect(placeName(null, 'Europe/Zurich')).toBe('Geneva');
  });

  it('lists only zones the runtime knows, each city once', () => {
    for (const c of ZONE_CITIES) expect(() => new Intl.DateTimeFormat('en-GB', { timeZone: c.zone }), c.zone).not.toThrow();
    expect(new Set(ZONE_CITIES.map((c) => c.city)).size).toBe(ZONE_CITIES.length);
  });

  it('reads a listed city from a place, else names the zone’s', () => {
    expect(cityOfPlace('The StyleByZaga salon, Paris', 'Europe/Paris')).toBe('Paris');
    expect(cityOfPlace('A private residence, Cologny', 'Europe/Zurich')).toBe('Geneva');
    expect(cityOfPlace('Claridge’s, Brook Street, London', 'Europe/London')).toBe('London');
  });

  it('groups by region and finds cities without accents or case', () => {
    expect(zoneCitiesByRegion().map((g) => g.region)).toEqual(['Europe', 'The Americas', 'Middle East & Africa', 'Asia', 'Oceania']);
    expect(zoneCitiesByRegion('sao').flatMap((g) => g.cities.map((c) => c.city))).toEqual(['São Paulo']);
    expect(zoneCitiesByRegion('MILAN')[0]).toMatchObject({ region: 'Europe', cities: [{ city: 'Milan', zone: 'Europe/Rome' }] });
    expect(zoneCitiesByRegion('jp').flatMap((g) => g.cities.map((c) => c.city))).toEqual(['Tokyo', 'Osaka', 'Kyoto']);
    expect(zoneCitiesByRegion('atlantis')).toEqual([]);
    expect(findZoneCity('Europe/Rome', 'florence')?.city).toBe('Florence');
    expect(findZoneCity('Europe/Rome', 'Bologna')?.city).toBe('Milan');
  });
});

describe('describeWhen: the reader’s time, the place’s city', () => {
  const milan = { zone: 'Europe/Rome', city: 'Milan' };
  it.each([
    // [instant, place, reader zone, words, what the case is about]
    [
      '2026-05-05T13:00:00Z',
      milan,
      null,
      'Tuesday 5 May 2026 at 15:00, Milan time',
      'reader’s zone unknown: the place’s time, named by its city',
    ],
    ['2026-05-05T13:00:00Z', milan, 'Europe/Rome', 'Tuesday 5 May 2026 at 15:00, Milan time', 'same zone'],
    ['2026-05-05T13:00:00Z', milan, 'Europe/Paris', 'Tuesday 5 May 2026 at 15:00, Milan time', 'another zone on the same clock'],
    [
      '2026-05-05T13:00:00Z',
      milan,
      'America/New_York',
      'Tuesday 5 May 2026 at 09:00 your time (15:00 in Milan)',
      'the reader’s clock first, the place’s in brackets',
    ],
    [
      '2026-05-05T13:00:00Z',
      { zone: 'Asia/Kolkata', city: 'Mumbai' },
      'Europe/London',
      'Tuesday 5 May 2026 at 14:00 your time (18:30 in Mumbai)',
      'the stylist’s city, not the zone’s (Kolkata)',
    ],
    [
      '2026-05-05T16:00:00Z',
      { zone: 'Asia/Tokyo', city: '' },
      'America/Los_Angeles',
      'Tuesday 5 May 2026 at 09:00 your time (Wednesday 6 May, 01:00 in Tokyo)',
      'the place is already on the next day',
    ],
    [
      '2026-03-20T14:00:00Z',
      { zone: 'Europe/Paris' },
      'America/New_York',
      'Friday 20 March 2026 at 10:00 your time (15:00 in Paris)',
      'New York on summer time, Paris not yet: 5 hours, not 6',
    ],
  ] as [string, { zone: string; city?: string }, string | null, string, string][])(
    '%s in %o for a reader in %s: %s (%s)',
    (iso, place, reader, words) => {
      const text = describeWhen(new Date(iso), place, reader);
      expect(text).toBe(words);
      expect(text).not.toMatch(/UTC|\//);
    },
  );
});
