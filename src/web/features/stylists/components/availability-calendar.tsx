import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { cn } from '../../../lib/cn.ts';
import { addDays, dayKeyOf, daysFrom, formatDayKey, formatTime, zoneLabel, type DayKey } from '../time.ts';

export type CalendarSlot = { slotId: string; startTime: string; endTime: string; status: 'AVAILABLE' | 'BOOKED' | 'BLOCKED' };

type AvailabilityCalendarProps = {
  slots: readonly CalendarSlot[];
  /** The zone the times are shown in: the visitor's own. */
  zone: string;
  /** First day shown (in `zone`). */
  start: DayKey;
  days?: number;
  /** Earliest first day the visitor may page back to. */
  minStart?: DayKey;
  maxStart?: DayKey;
  onStartChange: (start: DayKey) => void;
  selected?: string | null;
  onSelect: (slot: CalendarSlot) => void;
  loading?: boolean;
  className?: string;
};

/**
 * A week of open times, drawn in the visitor's zone and saying so. Each open time is a toggle button (Tab
 * moves through them, Space or Enter picks one); booked and blocked times are simply absent, as a diary
 * shows only what can be had.
 */
export function AvailabilityCalendar({
  slots,
  zone,
  start,
  days = 7,
  minStart,
  maxStart,
  onStartChange,
  selected,
  onSelect,
  loading,
  className,
}: AvailabilityCalendarProps) {
  const dayList = daysFrom(start, days);
  const byDay = new Map<DayKey, CalendarSlot[]>();
  for (const slot of slots) {
    if (slot.status !== 'AVAILABLE') continue;
    const key = dayKeyOf(slot.startTime, zone);
    const list = byDay.get(key) ?? [];
    list.push(slot);
    byDay.set(key, list);
  }
  for (const list of byDay.values()) list.sort((a, b) => a.startTime.localeCompare(b.startTime));
  const last = dayList.at(-1)!;
  const canBack = !minStart || start > minStart;
  const canForward = !maxStart || start < maxStart;
  const openCount = dayList.reduce((n, d) => n + (byDay.get(d)?.length ?? 0), 0);

  return (
    <div className={cn('border-t border-line', className)}>
      <div className="flex flex-wrap items-center justify-between gap-4 py-5">
        <div>
          <p className="font-display text-2xl text-ink" aria-live="polite">
            {formatDayKey(start, 'short')} – {formatDayKey(last, 'short')}
          </p>
          <p className="mt-1 text-sm text-stone">Times in {zoneLabel(zone)}, your own clock</p>
        </div>
        <div className="flex gap-2">
          <PagerButton label="Earlier week" disabled={!canBack} onClick={() => onStartChange(maxOf(addDays(start, -days), minStart))}>
            ‹
          </PagerButton>
          <PagerButton label="Later week" disabled={!canForward} onClick={() => onStartChange(addDays(start, days))}>
            ›
          </PagerButton>
        </div>
      </div>
      {loading ? (
        <div aria-busy="true" className="grid gap-3 pb-6 sm:grid-cols-7">
          <p role="status" className="sr-only">
            Loading open times
          </p>
          {dayList.map((d) => (
            <Skeleton key={d} className="h-32" />
          ))}
        </div>
      ) : (
        <>
          <ol className="grid gap-px border-y border-line bg-line sm:grid-cols-7">
            {dayList.map((day) => {
              const open = byDay.get(day) ?? [];
              const [weekday, ...rest] = formatDayKey(day, 'short').split(' ');
              return (
                <li key={day} className="bg-ivory px-3 py-4 sm:min-h-48">
                  <h3 className="flex items-baseline gap-2 sm:block sm:text-center">
                    <span className="eyebrow text-stone">{weekday}</span>
                    <span className="font-display text-xl text-ink sm:mt-1 sm:block">{rest.join(' ')}</span>
                  </h3>
                  {open.length === 0 ? (
                    <p className="mt-3 text-sm text-stone sm:text-center">
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">No open time</span>
                    </p>
                  ) : (
                    <ul className="mt-3 flex flex-wrap gap-2 sm:flex-col">
                      {open.map((slot) => {
                        const isSelected = slot.slotId === selected;
                        return (
                          <li key={slot.slotId}>
                            <button
                              type="button"
                              aria-pressed={isSelected}
                              aria-label={`${formatDayKey(day)}, ${formatTime(slot.startTime, zone)}`}
                              onClick={() => onSelect(slot)}
                              className={cn(
                                'w-full min-w-16 border px-3 py-2 text-sm tabular-nums transition-colors duration-300 ease-maison',
                                isSelected ? 'border-ink bg-ink text-ivory' : 'border-line text-ink hover:border-ink',
                              )}
                            >
                              {formatTime(slot.startTime, zone)}
                            </button>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
          {openCount === 0 && (
            <p className="py-5 text-sm text-stone">
              No open time this week. Try the week after, or send a note and the stylist will suggest a date.
            </p>
          )}
        </>
      )}
    </div>
  );
}

function maxOf(day: DayKey, floor: DayKey | undefined): DayKey {
  return floor && day < floor ? floor : day;
}

function PagerButton({ label, disabled, onClick, children }: { label: string; disabled: boolean; onClick: () => void; children: string }) {
  return (
    <button
      type="button"
      aria-label={label}
      disabled={disabled}
      onClick={onClick}
      className="grid size-11 place-items-center border border-line font-display text-2xl leading-none text-ink transition-colors hover:border-ink disabled:cursor-not-allowed disabled:opacity-40"
    >
      <span aria-hidden="true">{children}</span>
    </button>
  );
}
