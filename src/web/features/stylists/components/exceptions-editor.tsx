import { useState, type FormEvent } from 'react';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { fieldControlClasses } from '../../../components/ui/input.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { cn } from '../../../lib/cn.ts';
import { SettingsSection } from '../../account/components/settings-section.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { toProblem } from '../../../lib/api/problem.ts';
import { useUpdateWindows } from '../api/studio.ts';
import type { AvailabilitySlot } from '../api/stylists.ts';
import { addDays, dayKeyOf, formatRange, zoneLabel, zonedTimeToInstant } from '../time.ts';

type Draft = { day: string; start: string; end: string; status: 'AVAILABLE' | 'BLOCKED' };

/**
 * Date-specific exceptions to the week: BLOCKED takes time away (a holiday, the shows), AVAILABLE adds time the
 * weekly hours do not have (a Sunday in Milan). Saving replaces the upcoming list as a whole.
 */
export function ExceptionsEditor({
  stylistId,
  zone,
  city,
  windows,
}: {
  stylistId: string;
  zone: string;
  city?: string;
  windows: readonly AvailabilitySlot[];
}) {
  const save = useUpdateWindows(stylistId);
  const { toast } = useToast();
  const tomorrow = addDays(dayKeyOf(new Date(), zone), 1);
  const [draft, setDraft] = useState<Draft>({ day: tomorrow, start: '09:00', end: '18:00', status: 'BLOCKED' });
  const problem = save.error ? toProblem(save.error) : null;
  const existing = windows
    .filter((w) => w.status === 'AVAILABLE' || w.status === 'BLOCKED')
    .map((w) => ({ startTime: w.startTime, endTime: w.endTime, status: w.status as 'AVAILABLE' | 'BLOCKED' }));

  function store(next: typeof existing, done: string) {
    save.mutate({ availability: next }, { onSuccess: () => toast({ title: done, tone: 'success' }) });
  }

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (draft.end <= draft.start) return;
    const window = {
      startTime: zonedTimeToInstant(draft.day, draft.start, zone).toISOString(),
      endTime: zonedTimeToInstant(draft.day, draft.end, zone).toISOString(),
      status: draft.status,
    };
    store([...existing, window], draft.status === 'BLOCKED' ? 'Time blocked' : 'Time added');
  }

  return (
    <SettingsSection title="Exceptions" description={`Days that differ from your week, in ${zoneLabel(zone, city)}.`}>
      {existing.length === 0 ? (
        <p className="text-stone">No exception ahead.</p>
      ) : (
        <ul className="divide-y divide-line border-y border-line">
          {windows.map((w, i) => (
            <li key={w.slotId} className="flex flex-wrap items-center justify-between gap-4 py-4">
              <span className="flex items-center gap-4">
                <Badge tone={w.status === 'BLOCKED' ? 'neutral' : 'gold'}>{w.status === 'BLOCKED' ? 'Blocked' : 'Extra time'}</Badge>
                <span className="text-ink">{formatRange(w.startTime, w.endTime, zone)}</span>
              </span>
              <button
                type="button"
                onClick={() =>
                  store(
                    existing.filter((_, j) => j !== i),
                    'Exception removed',
                  )
                }
                className="eyebrow px-2 py-2 text-ink-soft hover:text-ink"
                disabled={save.isPending}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="mt-8 space-y-4" aria-label="Add an exception">
        <FormAlert problem={problem} />
        <div className="flex flex-wrap items-end gap-4">
          <label className="block">
            <span className="eyebrow block text-ink-soft">Day</span>
            <input
              type="date"
              min={tomorrow}
              value={draft.day}
              onChange={(e) => setDraft({ ...draft, day: e.target.value })}
              className={cn(fieldControlClasses, 'w-44!')}
            />
          </label>
          <label className="block">
            <span className="eyebrow block text-ink-soft">From</span>
            <input
              type="time"
              step={900}
              value={draft.start}
              onChange={(e) => setDraft({ ...draft, start: e.target.value })}
              className={cn(fieldControlClasses, 'w-36!')}
            />
          </label>
          <label className="block">
            <span className="eyebrow block text-ink-soft">Until</span>
            <input
              type="time"
              step={900}
              value={draft.end}
              aria-invalid={draft.end <= draft.start || undefined}
              onChange={(e) => setDraft({ ...draft, end: e.target.value })}
              className={cn(fieldControlClasses, 'w-36!')}
            />
          </label>
          <label className="block">
            <span className="eyebrow block text-ink-soft">Kind</span>
            <select
              value={draft.status}
              onChange={(e) => setDraft({ ...draft, status: e.target.value as Draft['status'] })}
              className={cn(fieldControlClasses, 'w-44! cursor-pointer')}
            >
              <option value="BLOCKED">Blocked</option>
              <option value="AVAILABLE">Extra time</option>
            </select>
          </label>
          <Button type="submit" variant="secondary" size="sm" loading={save.isPending} disabled={draft.end <= draft.start}>
            Add
          </Button>
        </div>
        {draft.end <= draft.start && <p className="text-sm text-danger">The end must come after the start.</p>}
      </form>
    </SettingsSection>
  );
}
