/**
 * Wall-clock times in a named zone, for scheduled publishing and event times: an editor in Paris who schedules
 * "29 March 2026, 09:00" means 09:00 in Paris that day, whatever the offset is then (CET or CEST). Pure functions.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether the runtime knows this IANA zone. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){0,2}$/.test(zone) && zone !== 'UTC') return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall clock of `instant` in `zone`, as milliseconds of a UTC date with the same fields. */
export function wallClockOf(instant: number, zone: string): number {
  const parts = formatterFor(zone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export type LocalTimeResult = { instant: number } | { error: 'format' | 'zone' | 'skipped' };

/**
 * The instant `local` ("2026-03-29T09:00") happens in `zone`. A time that happens twice (clocks going back) is the
 * first; a time that never happens (skipped when clocks go forward) is an error, so nothing is published an hour
 * off without anybody saying so.
 */
export function instantOfLocal(local: string, zone: string): LocalTimeResult {
  const m = LOCAL.exec(local);
  if (!m) return { error: 'format' };
  if (!isTimeZone(zone)) return { error: 'zone' };
  const [, y, mo, d, h, mi, s] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (new Date(wall).getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59) return { error: 'format' };
  // The offset is one of the offsets in force a day either side; try both, keep those that read back exactly.
  const day = 86_400_000;
  const candidates = [day, -day]
    .map((shift) => wall - (wallClockOf(wall + shift, zone) - (wall + shift)))
    .filter((t) => wallClockOf(t, zone) === wall);
  if (candidates.length === 0) return { error: 'skipped' };
  return { instant: Math.min(...candidates) };
}

/** "2026-03-29T09:00" for an instant in a zone (what an editor typed, shown back). */
export function localOfInstant(instant: number, zone: string): string {
  return new Date(wallClockOf(instant, zone)).toISOString().slice(0, 16);
}
