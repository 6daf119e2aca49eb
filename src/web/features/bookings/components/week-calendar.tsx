import { useState } from 'react';
import { cn } from '../../../lib/cn.ts';
import { addDays, dayKeyOf, daysFrom, formatDayKey, formatTime, zoneLabel, zoneOffsetMinutes, type DayKey } from '../../stylists/time.ts';

export type WeekEvent = {
  id: string;
  startTime: string;
  endTime: string;
  title: string;
  detail?: string;
  tone: 'confirmed' | 'pending' | 'blocked';
};

type WeekCalendarProps = {
  events: readonly WeekEvent[];
  zone: string;
  /** The city the zone is named by (the stylist's own). */
  city?: string;
  start: DayKey;
  onStartChange: (start: DayKey) => void;
  /** Hours drawn on the grid (24 h clock); events outside are still listed on phones. */
  fromHour?: number;
  toHour?: number;
};

const HOUR_REM = 3;

const TONES: Record<WeekEvent['tone'], string> = {
  confirmed: 'border-l-gold-deep bg-ink text-ivory',
  pending: 'border-l-gold bg-sand text-ink',
  blocked: 'border-l-stone bg-line/60 text-ink-soft',
};

/** Minutes after local midnight of an instant in a zone. */
function minuteOfDay(iso: string, zone: string): number {
  const d = new Date(iso);
  const local = d.getTime() + zoneOffsetMinutes(d, zone) * 60_000;
  return Math.floor((local % 86_400_000) / 60_000);
}

/**
 * The stylist's week as a diary: on a wide screen a time grid with sessions as blocks, on a phone one list per
 * day. Times are the stylist's own zone, named in the heading.
 */
export function WeekCalendar({ events, zone, city, start, onStartChange, fromHour = 7, toHour = 22 }: WeekCalendarProps) {
  const days = daysFrom(start, 7);
  const [today] = useState(() => dayKeyOf(new Date(), zone));
  const byDay = new Map<DayKey, WeekEvent[]>();
  for (const e of events) {
    const key = dayKeyOf(e.startTime, zone);
    byDay.set(
      key,
      [...(byDay.get(key) ?? []), e].sort((a, b) => a.startTime.localeCompare(b.startTime)),
    );
  }
  const hours = Array.from({ length: toHour - fromHour }, (_, i) => fromHour + i);
  return (
    <section aria-label="Week calendar">
      <div className="flex flex-wrap items-center justify-between gap-4 pb-5">
        <div>
          <p className="font-display text-2xl text-ink" aria-live="polite">
            {formatDayKey(start, 'short')} – {formatDayKey(days[6]!, 'short')}
          </p>
          <p className="mt-1 text-sm text-stone">In {zoneLabel(zone, city)}</p>
        </div>
        <div className="flex gap-2">
          <button
            type="button"
            onClick={() => onStartChange(addDays(start, -7))}
            className="eyebrow border border-line px-4 py-2.5 text-ink hover:border-ink"
          >
            Previous week
          </button>
          <button
            type="button"
            onClick={() => onStartChange(addDays(start, 7))}
            className="eyebrow border border-line px-4 py-2.5 text-ink hover:border-ink"
          >
            Next week
          </button>
        </div>
      </div>

      {/* Phones: a list per day. */}
      <ol className="divide-y divide-line border-y border-line lg:hidden">
        {days.map((day) => {
          const list = byDay.get(day) ?? [];
          return (
            <li key={day} className="py-4">
              <h3 className="eyebrow text-stone">
                {formatDayKey(day)}
                {day === today && <span className="text-gold-deep"> · Today</span>}
              </h3>
              {list.length === 0 ? (
                <p className="mt-2 text-sm text-stone">Free</p>
              ) : (
                <ul className="mt-3 space-y-2">
                  {list.map((e) => (
                    <li key={e.id} className={cn('border-l-2 px-4 py-3 text-sm', TONES[e.tone])}>
                      <span className="tabular-nums">
                        {formatTime(e.startTime, zone)}–{formatTime(e.endTime, zone)}
                      </span>{' '}
                      · {e.title}
                      {e.detail && <span className="block opacity-80">{e.detail}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>

      {/* Wide screens: a time grid. */}
      <div className="hidden lg:block">
        <div className="grid grid-cols-[3.5rem_repeat(7,minmax(0,1fr))] border-b border-ink/70">
          <span />
          {days.map((day) => {
            const [weekday, ...rest] = formatDayKey(day, 'short').split(' ');
            return (
              <div key={day} className="px-2 pb-3 text-center" aria-current={day === today ? 'date' : undefined}>
                <span className={cn('eyebrow block', day === today ? 'text-gold-deep' : 'text-stone')}>
                  {day === today ? 'Today' : weekday}
                </span>
                <span className={cn('font-display text-xl text-ink', day === today && 'border-b border-gold pb-0.5')}>
                  {rest.join(' ')}
                </span>
              </div>
            );
          })}
        </div>
        <div className="relative grid grid-cols-[3.5rem_repeat(7,minmax(0,1fr))]">
          <div>
            {hours.map((h) => (
              <div key={h} className="pr-2 text-right text-xs text-stone tabular-nums" style={{ height: `${HOUR_REM}rem` }}>
                {String(h).padStart(2, '0')}:00
              </div>
            ))}
          </div>
          {days.map((day) => (
            <div key={day} className={cn('relative border-l border-line', day === today && 'bg-sand/50')}>
              {hours.map((h) => (
                <div key={h} className="border-b border-line/70" style={{ height: `${HOUR_REM}rem` }} />
              ))}
              <ul>
                {(byDay.get(day) ?? []).map((e) => {
                  const top = Math.max(0, minuteOfDay(e.startTime, zone) - fromHour * 60);
                  const length = Math.max(30, (new Date(e.endTime).getTime() - new Date(e.startTime).getTime()) / 60_000);
                  return (
                    <li
                      key={e.id}
                      className={cn('absolute inset-x-1 overflow-hidden border-l-2 px-2 py-1 text-xs leading-snug', TONES[e.tone])}
                      style={{ top: `${(top / 60) * HOUR_REM}rem`, height: `${(length / 60) * HOUR_REM}rem` }}
                    >
                      <span className="tabular-nums">{formatTime(e.startTime, zone)}</span> {e.title}
                      {e.detail && <span className="block truncate opacity-80">{e.detail}</span>}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}
