import { useState, type FormEvent } from 'react';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog, DialogContent } from '../../../components/ui/dialog.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { fieldControlClasses, Input } from '../../../components/ui/input.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { cn } from '../../../lib/cn.ts';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { toProblem } from '../../../lib/api/problem.ts';
import type { Stylist } from '../../stylists/api/stylists.ts';
import { addDays, dayKeyOf, formatInstant, formatRange, zoneLabel, zonedTimeToInstant } from '../../stylists/time.ts';
import type { BookingRequest } from '../api/bookings.ts';
import { useAcceptRequest, useDeclineRequest } from '../api/studio.ts';
import { formatDuration } from '../../stylists/time.ts';
import { statusLabel, timesOf } from '../status.ts';

/** One request in the stylist's inbox: who, when (in the stylist's zone), what, the note; accept or decline. */
export function RequestInboxCard({ request: r, stylist }: { request: BookingRequest; stylist: Stylist }) {
  const zone = stylist.timeZone;
  const { start, end } = timesOf(r);
  return (
    <article aria-label={`Request from ${r.client.displayName}`} className="border border-line bg-ivory p-6 sm:p-8">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="eyebrow text-stone">
            {r.serviceName ?? 'Session'} · {formatDuration(r.requestedDuration)}
          </p>
          <h3 className="display mt-2 text-3xl text-ink">{r.client.displayName}</h3>
          {r.status === 'PENDING' && !r.client.email && (
            <p className="mt-1 text-sm text-stone">
              {r.client.isAlias
                ? 'A private client; their name and contact details are shared once you accept.'
                : 'Their full name and contact details are shared once you accept.'}
            </p>
          )}
        </div>
        <Badge tone={r.status === 'PENDING' ? 'gold' : r.status === 'ACCEPTED' ? 'ink' : 'neutral'}>{statusLabel(r)}</Badge>
      </div>
      <p className="mt-4 text-lg text-ink" data-testid="request-time">
        {formatRange(start, end, zone)}
      </p>
      {r.message && <blockquote className="mt-4 border-l-2 border-gold pl-4 leading-relaxed text-ink-soft">“{r.message}”</blockquote>}
      {r.status === 'PENDING' && (
        <>
          <p className="mt-4 text-sm text-stone">Answer before {formatInstant(r.expiresAt, zone)}, or the request lapses.</p>
          <div className="mt-6 flex flex-wrap items-center gap-4 border-t border-line pt-6">
            <AcceptButton request={r} stylist={stylist} />
            <DeclineButton request={r} stylist={stylist} />
          </div>
        </>
      )}
    </article>
  );
}

function AcceptButton({ request: r, stylist }: { request: BookingRequest; stylist: Stylist }) {
  const [open, setOpen] = useState(false);
  const accept = useAcceptRequest(stylist.stylistId);
  const { toast } = useToast();
  const problem = accept.error ? toProblem(accept.error) : null;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const message = String(form.get('message') ?? '').trim();
    const location = String(form.get('location') ?? '').trim();
    accept.mutate(
      { requestId: r.requestId, message, location },
      {
        onSuccess: () => {
          setOpen(false);
          toast({ title: 'Session confirmed', description: `${r.client.displayName} is told at once.`, tone: 'success' });
        },
      },
    );
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button size="sm" onClick={() => setOpen(true)}>
        Accept
      </Button>
      <DialogContent
        className="pt-16 sm:pt-12"
        title={`Confirm ${r.client.displayName}`}
        description={formatRange(timesOf(r).start, timesOf(r).end, stylist.timeZone)}
      >
        <form onSubmit={submit} className="space-y-6" aria-label="Accept the request">
          <FormAlert problem={problem} fields={['message', 'location']} />
          <Field label="Where (optional)" hint="An address, a hotel, or “by video”." error={problem?.field('location')}>
            {(p) => <Input {...p} name="location" maxLength={300} />}
          </Field>
          <Field label="A note for the client (optional)" error={problem?.field('message')}>
            {(p) => <Textarea {...p} name="message" rows={3} maxLength={2000} />}
          </Field>
          <Button type="submit" loading={accept.isPending}>
            Confirm the session
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}

type Alternative = { day: string; time: string };

/** Decline with a reason and up to three other times, written in the stylist's own zone. */
function DeclineButton({ request: r, stylist }: { request: BookingRequest; stylist: Stylist }) {
  const zone = stylist.timeZone;
  const [open, setOpen] = useState(false);
  const tomorrow = addDays(dayKeyOf(new Date(), zone), 1);
  const [alternatives, setAlternatives] = useState<Alternative[]>([
    { day: addDays(dayKeyOf(r.requestedDate, zone) > tomorrow ? dayKeyOf(r.requestedDate, zone) : tomorrow, 1), time: '10:00' },
  ]);
  const decline = useDeclineRequest(stylist.stylistId);
  const { toast } = useToast();
  const problem = decline.error ? toProblem(decline.error) : null;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    const alternativeDates = alternatives.filter((a) => a.day && a.time).map((a) => zonedTimeToInstant(a.day, a.time, zone).toISOString());
    decline.mutate(
      { requestId: r.requestId, ...(reason ? { reason } : {}), alternativeDates },
      {
        onSuccess: () => {
          setOpen(false);
          toast({
            title: 'Declined',
            description: alternativeDates.length ? `${r.client.displayName} can take one of your dates with one click.` : undefined,
            tone: 'success',
          });
        },
      },
    );
  }
  const update = (i: number, patch: Partial<Alternative>) =>
    setAlternatives(alternatives.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        Decline or offer other dates
      </Button>
      <DialogContent
        title="Offer other dates"
        description={`Times in ${zoneLabel(zone, stylist.city)}, your schedule’s clock; ${r.client.displayName} sees them in their own.`}
        className="pt-16 sm:pt-12 max-h-[90dvh] overflow-y-auto"
      >
        <form onSubmit={submit} className="space-y-6" aria-label="Decline the request">
          <FormAlert problem={problem} fields={['reason']} />
          <Field label="Reason (optional)" error={problem?.field('reason')}>
            {(p) => <Textarea {...p} name="reason" rows={2} maxLength={1000} placeholder="e.g. I am at the shows that week" />}
          </Field>
          <fieldset>
            <legend className="eyebrow text-ink-soft">Other times you can offer</legend>
            <ul className="mt-3 space-y-3">
              {alternatives.map((a, i) => (
                <li key={i} className="flex flex-wrap items-center gap-3">
                  <input
                    type="date"
                    aria-label={`Alternative ${i + 1}: day`}
                    value={a.day}
                    min={tomorrow}
                    onChange={(e) => update(i, { day: e.target.value })}
                    className={cn(fieldControlClasses, 'w-44!')}
                  />
                  <input
                    type="time"
                    aria-label={`Alternative ${i + 1}: time`}
                    step={900}
                    value={a.time}
                    onChange={(e) => update(i, { time: e.target.value })}
                    className={cn(fieldControlClasses, 'w-36!')}
                  />
                  <button
                    type="button"
                    onClick={() => setAlternatives(alternatives.filter((_, j) => j !== i))}
                    className="eyebrow px-2 py-2 text-ink-soft hover:text-ink"
                    aria-label={`Remove alternative ${i + 1}`}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
            {alternatives.length < 3 && (
              <button
                type="button"
                onClick={() => setAlternatives([...alternatives, { day: alternatives.at(-1)?.day ?? tomorrow, time: '15:00' }])}
                className="eyebrow mt-4 border-b border-ink/30 pb-1 text-ink hover:border-ink"
              >
                Add a time
              </button>
            )}
          </fieldset>
          <Button type="submit" loading={decline.isPending}>
            {alternatives.length ? 'Decline and offer these times' : 'Decline'}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}
