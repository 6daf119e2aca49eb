/**
 * Availability as pure time arithmetic, no database: the weekly schedule is expanded day by day in the stylist's
 * IANA zone (so 09:00 stays 09:00 local across daylight-saving changes), date-specific AVAILABLE windows are added,
 * BLOCKED windows removed, then confirmed bookings (with the buffer after each), minimum notice and the booking
 * horizon are applied. All instants are epoch milliseconds (UTC); only wall-clock times live in the zone.
 */
import { DAY, HOUR, MINUTE, offsetAt, wallClock, zonedToInstant } from '../../../shared/time.ts';

export { offsetAt, wallClock, zonedToInstant };

export type Day = 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN';
export interface WeeklyRange {
  day: Day;
  /** "HH:MM" wall clock, 00:00–23:59 */
  start: string;
  /** "HH:MM" wall clock, after start; "24:00" is the end of the day */
  end: string;
}
export interface ScheduleRules {
  timeZone: string;
  weekly: readonly WeeklyRange[];
  bufferMinutes: number;
  minNoticeHours: number;
  horizonDays: number;
}
export interface Interval {
  start: number;
  end: number;
}
export interface Window extends Interval {
  kind: 'AVAILABLE' | 'BLOCKED';
}
export type SlotStatus = 'AVAILABLE' | 'BOOKED' | 'BLOCKED';
export interface Slot extends Interval {
  status: SlotStatus;
}

const DAYS: readonly Day[] = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

// Zone arithmetic (offsets, wall clocks, wall clock → instant) is shared with the web app: src/shared/time.ts.

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

// ───────────────────────────── interval algebra ─────────────────────────────

/** Sorted, disjoint, non-empty intervals. */
export function normalise(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** `a` minus `b`; both normalised. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const i of a) {
    let start = i.start;
    while (j < b.length && b[j]!.end <= start) j++;
    let k = j;
    while (k < b.length && b[k]!.start < i.end) {
      if (b[k]!.start > start) out.push({ start, end: b[k]!.start });
      start = Math.max(start, b[k]!.end);
      k++;
    }
    if (start < i.end) out.push({ start, end: i.end });
  }
  return out;
}

export function intersect(a: readonly Interval[], range: Interval): Interval[] {
  return a.flatMap((i) => {
    const start = Math.max(i.start, range.start);
    const end = Math.min(i.end, range.end);
    return end > start ? [{ start, end }] : [];
  });
}

const overlaps = (list: readonly Interval[], i: Interval) => list.some((x) => x.start < i.end && i.start < x.end);
const contains = (list: readonly Interval[], i: Interval) => list.some((x) => x.start <= i.start && i.end <= x.end);

// ───────────────────────────── schedule ─────────────────────────────

/** The weekly ranges as instants for every local day touching [from, to). */
export function expandWeekly(rules: Pick<ScheduleRules, 'timeZone' | 'weekly'>, from: number, to: number): Interval[] {
  if (!rules.weekly.length || to <= from) return [];
  const firstWall = wallClock(from, rules.timeZone);
  const lastWall = wallClock(to, rules.timeZone);
  const firstDay = Math.floor(firstWall / DAY) * DAY - DAY;
  const out: Interval[] = [];
  for (let day = firstDay; day <= lastWall + DAY; day += DAY) {
    const weekday = DAYS[new Date(day).getUTCDay()]!;
    for (const r of rules.weekly) {
      if (r.day !== weekday) continue;
      const start = zonedToInstant(day + minutesOf(r.start) * MINUTE, rules.timeZone);
      const end = zonedToInstant(day + minutesOf(r.end) * MINUTE, rules.timeZone);
      if (end > start && end > from && start < to) out.push({ start, end });
    }
  }
  return normalise(out);
}

/** Everything a stylist's time is made of between `from` and `to`. */
export interface AvailabilityInput {
  rules: ScheduleRules;
  windows: readonly Window[];
  /** Confirmed bookings as their blocks: [start, end + the buffer in force when accepted). */
  bookings: readonly Interval[];
  now: number;
}

interface Layers {
  /** Schedule ∪ AVAILABLE windows − BLOCKED windows */
  open: Interval[];
  blocked: Interval[];
  bookings: Interval[];
  /** Bookable at all: after min notice, before the horizon */
  bookableRange: Interval;
}

function layers(input: AvailabilityInput, from: number, to: number): Layers {
  const margin = DAY;
  const scheduled = expandWeekly(input.rules, from - margin, to + margin);
  const added = input.windows.filter((w) => w.kind === 'AVAILABLE');
  const blocked = normalise(input.windows.filter((w) => w.kind === 'BLOCKED'));
  const open = subtract(normalise([...scheduled, ...added]), blocked);
  return {
    open,
    blocked,
    bookings: normalise(input.bookings),
    bookableRange: { start: input.now + input.rules.minNoticeHours * HOUR, end: input.now + input.rules.horizonDays * DAY },
  };
}

/** Why a session [start, end) cannot be requested, or undefined when it can. */
export type Unbookable = 'IN_THE_PAST' | 'TOO_SOON' | 'BEYOND_HORIZON' | 'OUTSIDE_AVAILABILITY' | 'OVERLAPS_BOOKING';

export function checkBookable(input: AvailabilityInput, session: Interval, ignoreBooking?: Interval): Unbookable | undefined {
  if (session.start < input.now) return 'IN_THE_PAST';
  const l = layers(input, session.start, session.end);
  if (session.start < l.bookableRange.start) return 'TOO_SOON';
  if (session.end > l.bookableRange.end) return 'BEYOND_HORIZON';
  if (!contains(l.open, session)) return 'OUTSIDE_AVAILABILITY';
  const buffer = input.rules.bufferMinutes * MINUTE;
  const block = { start: session.start, end: session.end + buffer };
  const others = ignoreBooking ? l.bookings.filter((b) => !(b.start === ignoreBooking.start && b.end === ignoreBooking.end)) : l.bookings;
  // Buffers on both sides: an earlier booking's block ends with its buffer; ours must leave ours before the next.
  if (overlaps(others, block)) return 'OVERLAPS_BOOKING';
  return undefined;
}

/**
 * Slots of `slotMinutes` between `from` and `to`: open time is cut into consecutive slots from the start of each
 * open stretch. A slot is BOOKED when a confirmed booking (or its buffer) touches it, BLOCKED when it falls
 * before the minimum notice or after the horizon, AVAILABLE when a session of that length could be requested
 * there. BLOCKED windows inside the schedule show as BLOCKED slots, so a calendar can grey them out.
 */
export function computeSlots(input: AvailabilityInput, from: number, to: number, slotMinutes: number): Slot[] {
  const l = layers(input, from, to);
  const step = slotMinutes * MINUTE;
  const buffer = input.rules.bufferMinutes * MINUTE;
  const slots: Slot[] = [];
  const scheduled = normalise([...expandWeekly(input.rules, from - DAY, to + DAY), ...input.windows.filter((w) => w.kind === 'AVAILABLE')]);
  const blockedInSchedule = intersectAll(scheduled, l.blocked);
  const stretches = normalise([...l.open, ...blockedInSchedule]);
  for (const stretch of stretches) {
    for (let start = stretch.start; start + step <= stretch.end; start += step) {
      const end = start + step;
      if (start < from || end > to) continue;
      const slot = { start, end };
      let status: SlotStatus;
      if (overlaps(l.bookings, slot)) status = 'BOOKED';
      else if (overlaps(blockedInSchedule, slot) || !contains(l.open, slot)) status = 'BLOCKED';
      else if (start < l.bookableRange.start || end > l.bookableRange.end || start < input.now) status = 'BLOCKED';
      else if (overlaps(l.bookings, { start, end: end + buffer })) status = 'BOOKED';
      else status = 'AVAILABLE';
      slots.push({ start, end, status });
    }
  }
  return slots;
}

function intersectAll(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  return normalise(b.flatMap((x) => intersect(a, x)));
}

/** The first `count` AVAILABLE slots (for matching). */
export function nextAvailable(input: AvailabilityInput, from: number, to: number, slotMinutes: number, count: number): Slot[] {
  return computeSlots(input, from, to, slotMinutes)
    .filter((s) => s.status === 'AVAILABLE')
    .slice(0, count);
}

export const MAX_RANGE_DAYS = 62;
export { DAY, HOUR, MINUTE };
