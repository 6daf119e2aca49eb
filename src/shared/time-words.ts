/**
 * A moment as a letter words it: in the reader's own time, the place's city named where it differs. Never a zone id,
 * never UTC ("Europe/Paris — 12:00 UTC" means nothing to a client). Pure, so the mails and their tests agree.
 */
import { offsetAt } from './time.ts';
import { placeName } from './zone-cities.ts';

/** Where a moment happens: the place's zone and, when known, its city ("Milan" in Europe/Rome). */
export interface Place {
  zone: string;
  city?: string | null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function format(at: Date, zone: string, options: Intl.DateTimeFormatOptions): string {
  const key = `${zone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: zone })));
  // ICU puts a comma after the weekday ("Tuesday, 5 May"); a letter reads "Tuesday 5 May".
  return f.format(at).replace(/^(\p{L}+),/u, '$1');
}

const DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
const SHORT_DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' };
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/**
 * "Tuesday 5 May 2026 at 09:00 your time (15:00 in Milan)" for a reader whose zone is known and differs from the
 * place's; "Tuesday 5 May 2026 at 15:00, Milan time" when the reader's clock reads the same as the place's, or when
 * the reader's zone is not known. When the place is on another day, its day is named too.
 */
export function describeWhen(at: Date, place: Place, readerZone?: string | null): string {
  const city = placeName(place.city, place.zone);
  const sameClock = !readerZone || offsetAt(at.getTime(), readerZone) === offsetAt(at.getTime(), place.zone);
  if (sameClock) return `${format(at, place.zone, DAY)} at ${format(at, place.zone, CLOCK)}, ${city} time`;
  const theirs = format(at, place.zone, CLOCK);
  const sameDay = format(at, readerZone, DAY) === format(at, place.zone, DAY);
  const there = sameDay ? theirs : `${format(at, place.zone, SHORT_DAY)}, ${theirs}`;
  return `${format(at, readerZone, DAY)} at ${format(at, readerZone, CLOCK)} your time (${there} in ${city})`;
}
