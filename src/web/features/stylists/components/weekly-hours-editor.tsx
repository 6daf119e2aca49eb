import { fieldControlClasses } from '../../../components/ui/input.tsx';
import { cn } from '../../../lib/cn.ts';

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
const WEEKDAY_NAMES: Record<Weekday, string> = {
  MON: 'Monday',
  TUE: 'Tuesday',
  WED: 'Wednesday',
  THU: 'Thursday',
  FRI: 'Friday',
  SAT: 'Saturday',
  SUN: 'Sunday',
};

export type HoursRange = { day: Weekday; start: string; end: string };

/**
 * Opening hours per weekday, several ranges a day ("09:00–12:30, 14:00–19:00"). Native time inputs, so the
 * keyboard and a phone's wheel both work; a range whose end is not after its start is marked at once.
 */
export function WeeklyHoursEditor({
  value,
  onChange,
  errorFor,
}: {
  value: readonly HoursRange[];
  onChange: (next: HoursRange[]) => void;
  errorFor?: (index: number) => string | undefined;
}) {
  const indexed = value.map((r, i) => ({ ...r, i }));
  const update = (i: number, patch: Partial<HoursRange>) => onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <ul className="divide-y divide-line border-y border-line">
      {WEEKDAYS.map((day) => {
        const ranges = indexed.filter((r) => r.day === day);
        return (
          <li key={day} className="grid gap-4 py-5 sm:grid-cols-[9rem_1fr_auto] sm:items-start">
            <p className="pt-3 font-display text-xl text-ink">{WEEKDAY_NAMES[day]}</p>
            {ranges.length === 0 ? (
              <p className="pt-3 text-sm text-stone">Closed</p>
            ) : (
              <ul className="space-y-3">
                {ranges.map((r) => {
                  const invalid = r.end <= r.start;
                  const error = errorFor?.(r.i) ?? (invalid ? 'The end must come after the start.' : undefined);
                  return (
                    <li key={r.i}>
                      <div className="flex flex-wrap items-center gap-3">
                        <input
                          type="time"
                          step={900}
                          value={r.start}
                          aria-label={`${WEEKDAY_NAMES[day]}: from`}
                          aria-invalid={error ? true : undefined}
                          onChange={(e) => update(r.i, { start: e.target.value })}
                          className={cn(fieldControlClasses, 'w-36! tabular-nums')}
                        />
                        <span aria-hidden="true" className="text-stone">
                          –
                        </span>
                        <input
                          type="time"
                          step={900}
                          value={r.end}
                          aria-label={`${WEEKDAY_NAMES[day]}: until`}
                          aria-invalid={error ? true : undefined}
                          onChange={(e) => update(r.i, { end: e.target.value })}
                          className={cn(fieldControlClasses, 'w-36! tabular-nums')}
                        />
                        <button
                          type="button"
                          onClick={() => onChange(value.filter((_, j) => j !== r.i))}
                          className="eyebrow px-2 py-2 text-ink-soft hover:text-ink"
                          aria-label={`Remove ${WEEKDAY_NAMES[day]} ${r.start}–${r.end}`}
                        >
                          Remove
                        </button>
                      </div>
                      {error && (
                        <p role="alert" className="mt-1 text-sm text-danger">
                          {error}
                        </p>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            <button
              type="button"
              onClick={() => {
                const last = ranges.at(-1);
                const start = last ? last.end : '09:00';
                const end = last ? (last.end < '20:00' ? addHours(last.end, 2) : '23:45') : '18:00';
                onChange([...value, { day, start, end }]);
              }}
              className="eyebrow justify-self-start border-b border-ink/30 pb-1 text-ink hover:border-ink sm:mt-3"
              aria-label={`Add hours on ${WEEKDAY_NAMES[day]}`}
            >
              Add hours
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function addHours(time: string, hours: number): string {
  const [h, m] = time.split(':').map(Number);
  return `${String(Math.min(23, h! + hours)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
