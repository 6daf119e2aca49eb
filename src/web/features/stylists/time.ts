/**
 * Time as the visitor reads it. The API speaks UTC instants; every page shows them in the reader's own zone and says
 * so ("Thu 12 Mar, 15:00 (your time)"), naming another clock by its place's city ("15:00 in Milan"), never by a zone
 * id (src/shared/zone-cities.ts).
 * Pure functions of (instant, zone), so the server render and a test give the same text as the browser.
 */
import { MINUTE, offsetAt, zonedToInstant } from '../../../shared/time.ts';
import { placeName } from '../../../shared/zone-cities.ts';

/** A calendar day in some zone, "2026-03-12". */
export type DayKey = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** The zone this browser runs in; UTC where none can be read (server render). */
export function visitorTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Whether the runtime knows this IANA zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * A clock as copy names it: "Milan time" for a place (its own city when known, else the zone's city: never the zone
 * id), "UTC" for UTC.
 */
export function zoneLabel(zone: string, city?: string | null): string {
  const place = placeName(city, zone);
  return place === 'UTC' ? 'UTC' : `${place} time`;
}

/**
 * "Thu 12 Mar, 15:00 (your time)": pages show times in the reader's own zone and say so; `whose` names another clock
 * ("Milan time") where the zone is not the reader's.
 */
export function formatInstant(iso: string, zone: string, whose = 'your time'): string {
  return `${formatDayTime(iso, zone)} (${whose})`;
}

/** "Thu 12 Mar, 15:00", without the zone (for places that name the zone once, in a heading). */
export function formatDayTime(iso: string, zone: string): string {
  return formatter(zone, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
}

/** "15:00". */
export function formatTime(iso: string, zone: string): string {
  return formatter(zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** "Thu 12 Mar, 15:00–16:00 (your time)" for a start and end on the same local day; the end's day is added otherwise. */
export function formatRange(startIso: string, endIso: string, zone: string, whose = 'your time'): string {
  const sameDay = dayKeyOf(startIso, zone) === dayKeyOf(endIso, zone);
  const end = sameDay ? formatTime(endIso, zone) : formatDayTime(endIso, zone);
  return `${formatDayTime(startIso, zone)}–${end} (${whose})`;
}

/** "Thursday 12 March" for a day key (a calendar day, no zone involved). */
export function formatDayKey(day: DayKey, style: 'long' | 'short' = 'long'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { weekday: 'long', day: 'numeric', month: 'long' } : { weekday: 'short', day: 'numeric', month: 'short' };
  return formatter('UTC', options).format(new Date(`${day}T12:00:00Z`));
}

/** "12 March 2026". */
export function formatDate(iso: string, zone: string): string {
  return formatter(zone, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

/** The calendar day an instant falls on in a zone. */
export function dayKeyOf(iso: string | Date, zone: string): DayKey {
  const parts = formatter(zone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    typeof iso === 'string' ? new Date(iso) : iso,
  );
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The day `n` days after `day` (negative: before). */
export function addDays(day: DayKey, n: number): DayKey {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: DayKey): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The Monday that starts the week of `day`. */
export function startOfWeek(day: DayKey): DayKey {
  return addDays(day, -weekdayIndex(day));
}

/** `count` consecutive days from `start`. */
export function daysFrom(start: DayKey, count: number): DayKey[] {
  return Array.from({ length: count }, (_, i) => addDays(start, i));
}

/** Minutes the zone is ahead of UTC at an instant (Paris in summer: 120). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  return Math.round(offsetAt(instant.getTime(), zone) / MINUTE);
}

/**
 * The UTC instant of a wall-clock time in a zone ("2026-03-29", "10:30", "Europe/Paris"). A time skipped by a
 * spring-forward change moves on by the gap; an hour repeated in autumn means its first occurrence (the server's
 * rule: both use src/shared/time.ts).
 */
export function zonedTimeToInstant(day: DayKey, time: string, zone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(zonedToInstant(Date.UTC(y!, m! - 1, d!, hh!, mm!), zone));
}

/** "HH:MM" of an instant in a zone, for time inputs. */
export function wallTimeOf(iso: string, zone: string): string {
  return formatTime(iso, zone);
}

/** The whole-hour difference between two zones at an instant, as the profile page words it: "6 hours behind you". */
export function describeZoneGap(instant: Date, stylistZone: string, viewerZone: string): string | null {
  const gap = zoneOffsetMinutes(instant, stylistZone) - zoneOffsetMinutes(instant, viewerZone);
  if (gap === 0) return null;
  const hours = Math.abs(gap) / 60;
  const amount = Number.isInteger(hours) ? `${hours} hour${hours === 1 ? '' : 's'}` : `${hours.toFixed(1)} hours`;
  return `${amount} ${gap > 0 ? 'ahead of' : 'behind'} you`;
}

/** "Thu 12 Mar" style short day for an instant in a zone. */
export function formatShortDay(iso: string, zone: string): string {
  return formatter(zone, { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(iso));
}

/** A duration in minutes, as a person says it: "45 min", "1 h", "1 h 30". */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${String(m).padStart(2, '0')}` : `${h} h`;
}
