import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { SettingsSection } from '../../account/components/settings-section.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { toProblem } from '../../../lib/api/problem.ts';
import { useUpdateCancellationPolicy, useUpdateSchedule, type UpdateScheduleBody } from '../api/studio.ts';
import { TimeZoneSelect } from './time-zone-select.tsx';
import { WeeklyHoursEditor, type HoursRange } from './weekly-hours-editor.tsx';

type Schedule = { timeZone: string; weekly: HoursRange[]; bufferMinutes: number; minNoticeHours: number; horizonDays: number };

/** The weekly hours, in the stylist's own zone, with the buffer, notice and horizon that shape every slot. */
export function ScheduleEditor({ stylistId, schedule, city }: { stylistId: string; schedule: Schedule; city?: string }) {
  const save = useUpdateSchedule(stylistId);
  const { toast } = useToast();
  const [weekly, setWeekly] = useState<HoursRange[]>(schedule.weekly);
  const [timeZone, setTimeZone] = useState(schedule.timeZone);
  const problem = save.error ? toProblem(save.error) : null;
  const invalid = weekly.some((r) => r.end <= r.start);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (invalid) return;
    const form = new FormData(event.currentTarget);
    const body: UpdateScheduleBody = {
      timeZone,
      weekly: [...weekly].sort((a, b) => a.day.localeCompare(b.day) || a.start.localeCompare(b.start)),
      bufferMinutes: Number(form.get('bufferMinutes')),
      minNoticeHours: Number(form.get('minNoticeHours')),
      horizonDays: Number(form.get('horizonDays')),
    };
    save.mutate(body, {
      onSuccess: () => toast({ title: 'Schedule saved', description: 'Clients see the new open times at once.', tone: 'success' }),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Weekly schedule">
      <SettingsSection
        title="Weekly hours"
        description="The hours you take sessions, in your own time zone. Clients see them converted to theirs."
      >
        <FormAlert problem={problem} fields={['timeZone', 'bufferMinutes', 'minNoticeHours', 'horizonDays']} className="mb-8" />
        <div className="mb-8 max-w-md">
          <TimeZoneSelect
            value={timeZone}
            city={city}
            onChange={setTimeZone}
            error={problem?.field('timeZone')}
            label="The city whose clock you keep"
          />
        </div>
        <WeeklyHoursEditor
          value={weekly}
          onChange={setWeekly}
          errorFor={(i) => problem?.field(`weekly.${i}.end`) ?? problem?.field(`weekly.${i}.start`)}
        />
      </SettingsSection>
      <SettingsSection title="Rhythm" description="Time between sessions, how much notice you need, and how far ahead clients may book.">
        <div className="grid gap-8 sm:grid-cols-3">
          <Field label="Buffer between sessions" error={problem?.field('bufferMinutes')}>
            {(p) => (
              <Select {...p} name="bufferMinutes" defaultValue={String(schedule.bufferMinutes)}>
                {[0, 15, 30, 45, 60, 90, 120].map((m) => (
                  <option key={m} value={m}>
                    {m === 0 ? 'None' : `${m} minutes`}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Minimum notice (hours)" error={problem?.field('minNoticeHours')}>
            {(p) => <Input {...p} name="minNoticeHours" type="number" min={0} max={720} defaultValue={schedule.minNoticeHours} />}
          </Field>
          <Field label="Bookable ahead (days)" error={problem?.field('horizonDays')}>
            {(p) => <Input {...p} name="horizonDays" type="number" min={1} max={365} defaultValue={schedule.horizonDays} />}
          </Field>
        </div>
      </SettingsSection>
      <div className="border-t border-line pt-10 pb-14">
        <Button type="submit" loading={save.isPending} disabled={invalid}>
          Save the schedule
        </Button>
      </div>
    </form>
  );
}

/** Free cancellation until N hours before a session; after that a client's cancellation is marked late. */
export function CancellationPolicyEditor({ stylistId, hours }: { stylistId: string; hours: number }) {
  const save = useUpdateCancellationPolicy(stylistId);
  const { toast } = useToast();
  const problem = save.error ? toProblem(save.error) : null;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = Number(new FormData(event.currentTarget).get('freeCancellationHours'));
    save.mutate(value, { onSuccess: () => toast({ title: 'Policy saved', tone: 'success' }) });
  }
  return (
    <SettingsSection
      title="Cancellation policy"
      description="Clients may cancel or move a session free of charge until this many hours before it."
    >
      <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-6" aria-label="Cancellation policy">
        <Field label="Free until (hours before)" error={problem?.field('freeCancellationHours')} className="w-56">
          {(p) => <Input {...p} name="freeCancellationHours" type="number" min={0} max={720} defaultValue={hours} />}
        </Field>
        <Button type="submit" variant="secondary" loading={save.isPending}>
          Save the policy
        </Button>
      </form>
    </SettingsSection>
  );
}
