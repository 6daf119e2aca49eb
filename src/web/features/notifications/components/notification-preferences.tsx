import { useEffect, useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { ListError, ListLoading } from '../../../components/ui/list-state.tsx';
import { cn } from '../../../lib/cn.ts';
import { toProblem } from '../../../lib/api/problem.ts';
import { useSession, useSignedInUser } from '../../auth/session.tsx';
import { SettingsSection } from '../../account/components/settings-section.tsx';
import { Switch } from '../../account/components/switch.tsx';
import { TimeZoneSelect } from '../../stylists/components/time-zone-select.tsx';
import {
  useNotificationSettings,
  useUpdateNotificationSettings,
  type Channel,
  type NotificationKind,
  type NotificationSettings,
} from '../api/settings.ts';
import { CHANNELS, KINDS, kindsFor, offers } from '../present.ts';
import { disablePush, enablePush, pushState, type PushState } from '../push.ts';

/**
 * What reaches a person and how: each kind on the site, by e-mail and by push; quiet hours in their own zone; and
 * this device's push subscription. Security and payment notices are shown locked on: they cannot be muted.
 */
export function NotificationPreferences() {
  const settings = useNotificationSettings();
  if (settings.isPending) return <ListLoading rows={6} />;
  if (settings.isError) return <ListError error={settings.error} />;
  return (
    <>
      <ChannelMatrix settings={settings.data} />
      <QuietHours settings={settings.data} />
      <ThisDevice />
    </>
  );
}

function ChannelMatrix({ settings }: { settings: NotificationSettings }) {
  const user = useSignedInUser();
  const update = useUpdateNotificationSettings();
  const [status, setStatus] = useState('');
  // The switch moves at once (the change on its way); the server's answer, or its refusal, settles it.
  const pending = update.isPending ? update.variables?.preferences?.[0] : undefined;
  const enabled = (kind: NotificationKind, channel: Channel) =>
    pending?.kind === kind && pending.channel === channel
      ? pending.enabled
      : (settings.preferences.find((p) => p.kind === kind && p.channel === channel)?.enabled ?? true);
  const problem = update.error ? toProblem(update.error) : null;

  const change = (kind: NotificationKind, channel: Channel, on: boolean) => {
    setStatus('');
    update.mutate(
      { preferences: [{ kind, channel, enabled: on }] },
      {
        onSuccess: () =>
          setStatus(
            `Saved: ${KINDS[kind].label}, ${CHANNELS.find((c) => c.channel === channel)!.label.toLowerCase()} ${on ? 'on' : 'off'}`,
          ),
      },
    );
  };

  return (
    <SettingsSection
      title="What reaches you"
      description="Choose, for each kind of notice, whether it appears on the site, comes by e-mail or as a push notification. A notice switched off everywhere is not kept at all."
      aside={
        <p role="status" aria-live="polite" className="eyebrow text-gold-deep">
          {update.isPending ? 'Saving…' : status ? 'Saved' : ''}
          <span className="sr-only">{status}</span>
        </p>
      }
    >
      <FormAlert problem={problem} className="mb-8" />
      <div role="table" aria-label="Notification preferences" className="border-t border-ink">
        <div role="rowgroup" className="max-sm:sr-only">
          <div role="row" className="grid grid-cols-[1fr_repeat(3,5.5rem)] items-end gap-x-4 border-b border-line py-4">
            <span role="columnheader" className="eyebrow text-stone">
              Notice
            </span>
            {CHANNELS.map((c) => (
              <span key={c.channel} role="columnheader" className="eyebrow text-center text-stone">
                {c.label}
              </span>
            ))}
          </div>
        </div>
        <div role="rowgroup">
          {kindsFor(user.userType).map((kind) => {
            const mandatory = settings.preferences.some((p) => p.kind === kind && p.mandatory);
            return (
              <div
                key={kind}
                role="row"
                className="grid grid-cols-3 gap-x-4 gap-y-5 border-b border-line py-6 sm:grid-cols-[1fr_repeat(3,5.5rem)] sm:items-center"
              >
                <div role="rowheader" className="col-span-3 sm:col-span-1">
                  <p className="flex items-center gap-3 text-ink">
                    {KINDS[kind].label}
                    {mandatory && (
                      <span className="eyebrow inline-flex items-center gap-1.5 text-[0.625rem] text-gold-deep">
                        <LockMark />
                        Always on
                      </span>
                    )}
                  </p>
                  <p className="mt-1 text-sm leading-relaxed text-stone">
                    {KINDS[kind].description}
                    {mandatory && ' They concern your account’s safety or your money, so they always reach you.'}
                  </p>
                </div>
                {CHANNELS.map((c) => (
                  <div role="cell" key={c.channel} className="flex flex-col items-start gap-2 sm:items-center">
                    {offers(kind, c.channel) ? (
                      <ChannelToggle
                        label={`${KINDS[kind].label}: ${c.label.toLowerCase()}`}
                        visibleLabel={c.label}
                        checked={mandatory || enabled(kind, c.channel)}
                        disabled={mandatory}
                        onChange={(on) => change(kind, c.channel, on)}
                      />
                    ) : (
                      <>
                        <span className="eyebrow text-[0.625rem] text-stone sm:hidden">{c.label}</span>
                        <span className="text-stone" aria-label={`${c.label}: not offered`}>
                          —
                        </span>
                      </>
                    )}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </SettingsSection>
  );
}

/** One kind on one channel: a slim switch; its full name ("Payments: e-mail") is for assistive technology. */
function ChannelToggle({
  label,
  visibleLabel,
  checked,
  disabled,
  onChange,
}: {
  label: string;
  visibleLabel: string;
  checked: boolean;
  disabled: boolean;
  onChange: (on: boolean) => void;
}) {
  const id = useId();
  return (
    <>
      <span className="eyebrow text-[0.625rem] text-stone sm:hidden" aria-hidden="true">
        {visibleLabel}
      </span>
      <span className="relative inline-flex shrink-0">
        <input
          id={id}
          type="checkbox"
          role="switch"
          aria-label={label}
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          className="peer absolute inset-0 z-10 cursor-pointer opacity-0 disabled:cursor-not-allowed"
        />
        <span
          aria-hidden="true"
          className="block h-6 w-11 rounded-full border border-stone/60 bg-ivory transition-colors duration-300 ease-maison peer-checked:border-ink peer-checked:bg-ink peer-focus-visible:outline-2 peer-focus-visible:outline-offset-3 peer-focus-visible:outline-focus peer-focus-visible:outline-solid peer-disabled:border-gold-deep/50 peer-disabled:bg-gold-deep/70"
        />
        <span
          aria-hidden="true"
          className="pointer-events-none absolute top-1 left-1 size-4 rounded-full bg-stone transition-transform duration-300 ease-maison peer-checked:translate-x-5 peer-checked:bg-ivory"
        />
      </span>
    </>
  );
}

function LockMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 12" className="size-3" fill="none" stroke="currentColor" strokeWidth="1.1">
      <rect x="2.25" y="5.25" width="7.5" height="5.25" />
      <path d="M4 5.25V3.75a2 2 0 0 1 4 0v1.5" />
    </svg>
  );
}

const browserZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
};

function QuietHours({ settings }: { settings: NotificationSettings }) {
  const update = useUpdateNotificationSettings();
  const [on, setOn] = useState(settings.quietHours !== null);
  const [start, setStart] = useState(settings.quietHours?.start ?? '22:00');
  const [end, setEnd] = useState(settings.quietHours?.end ?? '08:00');
  // Quiet hours are read in the person's own zone: until they have set them, the zone this browser is in.
  const [zone, setZone] = useState(settings.quietHours ? settings.timeZone : browserZone());
  const [saved, setSaved] = useState(false);
  const problem = update.error ? toProblem(update.error) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    update.mutate({ timeZone: zone, quietHours: on ? { start, end } : null }, { onSuccess: () => setSaved(true) });
  };

  return (
    <SettingsSection
      title="Quiet hours"
      description="During these hours e-mail and push notifications wait until morning; notices still appear, silently, on the site. Security and payment notices always come at once."
    >
      <form onSubmit={submit} noValidate aria-label="Quiet hours" className="space-y-8">
        <FormAlert problem={problem} fields={['quietHours.start', 'quietHours.end', 'timeZone']} />
        <div className="border-y border-line">
          <Switch label="Hold notifications overnight" checked={on} onChange={setOn} />
        </div>
        <fieldset disabled={!on} className={cn('grid gap-8 transition-opacity sm:grid-cols-2', !on && 'opacity-50')}>
          <legend className="sr-only">The hours and the zone they are in</legend>
          <Field label="From" error={problem?.field('quietHours.start')}>
            {(p) => <Input {...p} type="time" value={start} onChange={(e) => setStart(e.target.value)} required />}
          </Field>
          <Field label="Until" error={problem?.field('quietHours.end')}>
            {(p) => <Input {...p} type="time" value={end} onChange={(e) => setEnd(e.target.value)} required />}
          </Field>
          <div className="sm:col-span-2">
            <TimeZoneSelect value={zone} onChange={setZone} error={problem?.field('timeZone')} label="In the time zone" />
          </div>
        </fieldset>
        <div className="flex flex-wrap items-center gap-6">
          <Button type="submit" loading={update.isPending}>
            Save quiet hours
          </Button>
          <p role="status" className="text-sm text-stone">
            {saved ? (on ? `Quiet from ${start} until ${end}.` : 'No quiet hours.') : ''}
          </p>
        </div>
      </form>
    </SettingsSection>
  );
}

function ThisDevice() {
  const { api } = useSession();
  const { userId } = useSignedInUser();
  const [state, setState] = useState<PushState | 'unknown'>('unknown');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    void pushState().then(setState, () => setState('unsupported'));
  }, []);

  const act = async (fn: () => Promise<PushState>) => {
    setBusy(true);
    setError('');
    try {
      setState(await fn());
    } catch {
      setError('This browser could not change its notifications just now. Please try again in a moment.');
    } finally {
      setBusy(false);
    }
  };

  const text: Record<PushState | 'unknown', string> = {
    unknown: '',
    unsupported: 'This browser cannot show notifications from StyleByZaga. Notices still wait for you on the site and by e-mail.',
    blocked: 'Notifications are blocked for StyleByZaga in this browser’s settings. Allow them there, then return here.',
    off: 'Push notifications are off on this device.',
    on: 'This device receives push notifications.',
  };

  return (
    <SettingsSection
      title="This device"
      description="Push notifications are discreet by design: a short line and a link, never a name and never the words of a message. Each device is allowed separately."
      aside={
        state === 'on' ? (
          <span className="eyebrow border border-ink bg-ink px-2.5 py-1 text-[0.625rem] text-ivory">On</span>
        ) : state === 'off' ? (
          <span className="eyebrow border border-line px-2.5 py-1 text-[0.625rem] text-ink-soft">Off</span>
        ) : undefined
      }
    >
      <p className="leading-relaxed text-ink" data-testid="push-state">
        {text[state]}
      </p>
      {error && (
        <p role="alert" className="mt-4 text-sm text-danger">
          {error}
        </p>
      )}
      <div className="mt-8">
        {state === 'off' && (
          <Button variant="secondary" loading={busy} onClick={() => void act(() => enablePush(api, userId))}>
            Allow on this device
          </Button>
        )}
        {state === 'on' && (
          <Button variant="secondary" loading={busy} onClick={() => void act(() => disablePush(api))}>
            Stop on this device
          </Button>
        )}
      </div>
    </SettingsSection>
  );
}
