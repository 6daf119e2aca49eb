/**
 * Zone arithmetic for the server and the web app alike: a stylist's weekly hours are wall-clock times in an IANA zone,
 * the API speaks UTC instants. Pure functions on epoch milliseconds, with Intl as the only source of zone rules.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function formattedWallClock(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
}

// Every zone changes its offset on a quarter-hour boundary, so the offset is constant within each UTC quarter hour:
// computing it once per (zone, quarter hour) turns hundreds of Intl calls per availability request into a few.
const QUARTER = 15 * 60_000;
const offsetsByZone = new Map<string, Map<number, number>>();

/** Offset of `timeZone` from UTC at `instant`, in ms (Paris in summer: +2 h). */
export function offsetAt(instant: number, timeZone: string): number {
  const bucket = Math.floor(instant / QUARTER);
  let offsets = offsetsByZone.get(timeZone);
  if (!offsets) offsetsByZone.set(timeZone, (offsets = new Map()));
  let offset = offsets.get(bucket);
  if (offset === undefined) {
    offset = formattedWallClock(bucket * QUARTER, timeZone) - bucket * QUARTER;
    if (offsets.size > 20_000) offsets.clear();
    offsets.set(bucket, offset);
  }
  return offset;
}

/** The wall clock of `instant` in `timeZone`, as if it were UTC (epoch ms). */
export function wallClock(instant: number, timeZone: string): number {
  return instant + offsetAt(instant, timeZone);
}

/**
 * The instant a wall-clock time (given as if UTC) happens in `timeZone`. Times that occur twice (the hour repeated
 * when clocks go back) take the first occurrence; times that never occur (skipped when clocks go forward) move
 * forward by the gap, as a calendar would (02:30 on the spring-forward night in Paris is 03:30 CEST).
 */
export function zonedToInstant(wall: number, timeZone: string): number {
  const before = offsetAt(wall - DAY / 2, timeZone);
  const after = offsetAt(wall + DAY / 2, timeZone);
  const candidates = [wall - before, wall - after].filter((t) => wallClock(t, timeZone) === wall);
  if (candidates.length) return Math.min(...candidates);
  return wall - before; // in the gap: the pre-transition offset lands after the gap
}
