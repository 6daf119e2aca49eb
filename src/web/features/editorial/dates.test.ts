import { describe, expect, it } from 'vitest';
import { formatDate, formatLocal } from './api.ts';

// The Journal's dates are written out by hand (no Intl on the page); they must read exactly as ICU's en-GB long date.
const icu = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

describe('Journal dates', () => {
  it('reads every day of a leap year and a common year as ICU’s en-GB long date, by the UTC day', () => {
    for (const year of [2024, 2026]) {
      for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year; day = new Date(day.getTime() + 86_400_000)) {
        const noon = new Date(day.getTime() + 12 * 3_600_000).toISOString();
        expect(formatDate(noon)).toBe(icu.format(new Date(noon)));
      }
    }
  });

  it('takes the UTC date of a moment given with an offset, and leaves an absent date empty', () => {
    expect(formatDate('2026-03-31T23:30:00-02:00')).toBe('1 April 2026');
    expect(formatDate('2026-12-31T23:59:59.999Z')).toBe('31 December 2026');
    expect(formatDate(undefined)).toBe('');
  });

  it('prints an event’s wall clock as the place reads it', () => {
    expect(formatLocal('2026-03-12T18:30')).toBe('12 March 2026, 18:30');
    expect(formatLocal('2027-01-05T09:00')).toBe('5 January 2027, 09:00');
  });
});
