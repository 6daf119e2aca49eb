import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog, DialogContent } from '../../../components/ui/dialog.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { toProblem } from '../../../lib/api/problem.ts';
import { useAvailability, type AvailabilitySlot } from '../../stylists/api/stylists.ts';
import { AvailabilityCalendar } from '../../stylists/components/availability-calendar.tsx';
import { StarInput } from '../../stylists/components/rating-stars.tsx';
import { StylistPortrait } from '../../stylists/components/stylist-portrait.tsx';
import { addDays, dayKeyOf, formatInstant, formatRange, formatTime, zonedTimeToInstant, type DayKey } from '../../stylists/time.ts';
import { placeName } from '../../../../shared/zone-cities.ts';
import { useCancelRequest, useRequestStylist, useRescheduleRequest, useReviewBooking, type BookingRequest } from '../api/bookings.ts';
import { phaseOf, statusLabel, timesOf } from '../status.ts';

/** One request or booking on the client's page, with what can be done with it now. */
export function ClientBookingCard({ request: r, zone }: { request: BookingRequest; zone: string }) {
  // The moment the card was drawn: what is "late" or "ahead" is judged against it.
  const [now] = useState(() => Date.now());
  const phase = phaseOf(r, now);
  const { start, end } = timesOf(r);
  const name = `${r.stylist.firstName} ${r.stylist.lastName}`;
  const theirs = r.stylist.timeZone !== zone;
  return (
    <article
      aria-label={`${r.serviceName ?? 'Session'} with ${name}`}
      className="grid gap-6 border border-line bg-ivory p-6 sm:grid-cols-[7rem_1fr] sm:gap-8 sm:p-8"
    >
      <StylistPortrait url={r.stylist.portraitUrl} name={name} sizes="7rem" className="hidden w-28 self-start sm:block" />
      <div className="min-w-0">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <p className="eyebrow text-stone">{r.serviceName ?? 'Session'}</p>
            <h3 className="display mt-2 text-3xl text-ink">
              <Link to={`/stylists/${r.stylistId}`} className="hover:underline hover:decoration-line hover:underline-offset-4">
                {name}
              </Link>
            </h3>
          </div>
          <Badge tone={phase === 'confirmed' ? 'ink' : phase === 'pending' ? 'gold' : 'neutral'}>{statusLabel(r)}</Badge>
        </div>
        <p className="mt-4 text-lg text-ink" data-testid="booking-time">
          {formatRange(start, end, zone)}
        </p>
        {theirs && (
          <p className="mt-1 text-sm text-stone">
            {formatTime(start, r.stylist.timeZone)} in {placeName(r.stylist.city, r.stylist.timeZone)} for {r.stylist.firstName}
          </p>
        )}
        {r.booking?.location && <p className="mt-2 text-sm text-ink-soft">{r.booking.location}</p>}
        {phase === 'pending' && (
          <p className="mt-3 text-sm text-stone">
            {r.stylist.firstName} will answer before {formatInstant(r.expiresAt, zone)}.
          </p>
        )}
        {r.status === 'DECLINED' && <Declined request={r} zone={zone} now={now} />}
        {r.cancellation && (
          <p className="mt-3 text-sm text-stone">
            Cancelled {formatInstant(r.cancellation.cancelledAt, zone)}
            {r.cancellation.reason ? ` — “${r.cancellation.reason}”` : ''}
            {r.cancellation.late ? ' (inside the cancellation window)' : ''}
          </p>
        )}
        {(phase === 'pending' || phase === 'confirmed') && (
          <div className="mt-6 flex flex-wrap items-center gap-4 border-t border-line pt-6">
            <RescheduleButton request={r} zone={zone} now={now} />
            <CancelButton request={r} zone={zone} now={now} />
          </div>
        )}
        {phase === 'past' && r.booking?.status === 'COMPLETED' && !r.reviewed && <ReviewForm request={r} />}
        {phase === 'past' && r.reviewed && <p className="mt-4 text-sm text-stone">Thank you for your review.</p>}
      </div>
    </article>
  );
}

/** The stylist's reason and the dates offered instead: each a one-click request for the same session. */
function Declined({ request: r, zone, now }: { request: BookingRequest; zone: string; now: number }) {
  const rebook = useRequestStylist();
  const { toast } = useToast();
  const [chosen, setChosen] = useState<string | null>(null);
  const problem = rebook.error ? toProblem(rebook.error) : null;
  const upcoming = r.alternativeDates.filter((d) => Date.parse(d) > now);
  return (
    <div className="mt-4 space-y-4">
      {r.declineReason && (
        <blockquote className="border-l-2 border-gold pl-4 font-display text-lg text-ink-soft italic">“{r.declineReason}”</blockquote>
      )}
      {upcoming.length > 0 && (
        <div>
          <p className="eyebrow text-stone">{r.stylist.firstName} suggests instead</p>
          <ul className="mt-3 flex flex-wrap gap-3">
            {upcoming.map((date) => (
              <li key={date}>
                <Button
                  variant="secondary"
                  size="sm"
                  loading={rebook.isPending && chosen === date}
                  disabled={rebook.isPending || rebook.isSuccess}
                  onClick={() => {
                    setChosen(date);
                    rebook.mutate(
                      {
                        stylistId: r.stylistId,
                        requestedDate: date,
                        requestedDuration: r.requestedDuration,
                        ...(r.serviceId ? { serviceId: r.serviceId } : {}),
                        ...(r.message ? { message: r.message } : {}),
                      },
                      {
                        onSuccess: () =>
                          toast({
                            title: 'Requested',
                            description: `${formatInstant(date, zone)} is with ${r.stylist.firstName} to confirm.`,
                            tone: 'success',
                          }),
                      },
                    );
                  }}
                >
                  Take {formatInstant(date, zone)}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <FormAlert problem={problem} />
    </div>
  );
}

function CancelButton({ request: r, zone, now }: { request: BookingRequest; zone: string; now: number }) {
  const [open, setOpen] = useState(false);
  const cancel = useCancelRequest();
  const { toast } = useToast();
  const problem = cancel.error ? toProblem(cancel.error) : null;
  const late = r.status === 'ACCEPTED' && Date.parse(r.freeCancellationUntil) < now;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    cancel.mutate(
      { requestId: r.requestId, ...(reason ? { reason } : {}) },
      {
        onSuccess: () => {
          setOpen(false);
          toast({ title: r.status === 'PENDING' ? 'Request withdrawn' : 'Session cancelled', tone: 'success' });
        },
      },
    );
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)}>
        {r.status === 'PENDING' ? 'Withdraw the request' : 'Cancel'}
      </Button>
      <DialogContent
        className="pt-16 sm:pt-12"
        title={r.status === 'PENDING' ? 'Withdraw this request?' : 'Cancel this session?'}
        description={
          r.status === 'PENDING'
            ? `${r.stylist.firstName} will be told the time is no longer needed.`
            : late
              ? `The free cancellation window closed ${formatInstant(r.freeCancellationUntil, zone)}; ${r.stylist.firstName}'s policy may apply.`
              : `Free until ${formatInstant(r.freeCancellationUntil, zone)}.`
        }
      >
        <form onSubmit={submit} className="space-y-6">
          <FormAlert problem={problem} fields={['reason']} />
          <Field label="A word for your stylist (optional)" error={problem?.field('reason')}>
            {(p) => <Textarea {...p} name="reason" rows={3} maxLength={1000} />}
          </Field>
          <Button type="submit" loading={cancel.isPending}>
            {r.status === 'PENDING' ? 'Withdraw' : 'Cancel the session'}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function RescheduleButton({ request: r, zone, now }: { request: BookingRequest; zone: string; now: number }) {
  const [open, setOpen] = useState(false);
  const late = r.status === 'ACCEPTED' && Date.parse(r.freeCancellationUntil) < now;
  if (late) return null;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        Another time
      </Button>
      {open && (
        <DialogContent
          title="Choose another time"
          description={`${r.stylist.firstName}’s open times, in your zone.`}
          className="pt-16 sm:pt-12 max-h-[90dvh] max-w-4xl overflow-y-auto"
        >
          <Reschedule request={r} zone={zone} onDone={() => setOpen(false)} />
        </DialogContent>
      )}
    </Dialog>
  );
}

function Reschedule({ request: r, zone, onDone }: { request: BookingRequest; zone: string; onDone: () => void }) {
  const today = dayKeyOf(new Date(), zone);
  const [start, setStart] = useState<DayKey>(dayKeyOf(r.requestedDate, zone) > today ? dayKeyOf(r.requestedDate, zone) : today);
  const [slot, setSlot] = useState<AvailabilitySlot | null>(null);
  const availability = useAvailability(r.stylistId, {
    startDate: zonedTimeToInstant(start, '00:00', zone).toISOString(),
    endDate: zonedTimeToInstant(addDays(start, 7), '00:00', zone).toISOString(),
    ...(r.serviceId ? { serviceId: r.serviceId } : {}),
  });
  const move = useRescheduleRequest();
  const { toast } = useToast();
  const problem = move.error ? toProblem(move.error) : null;
  return (
    <div className="space-y-6">
      <AvailabilityCalendar
        slots={availability.data?.availability ?? []}
        zone={zone}
        start={start}
        minStart={today}
        onStartChange={setStart}
        selected={slot?.slotId}
        onSelect={setSlot}
        loading={availability.isPending}
      />
      <FormAlert problem={problem} />
      <Button
        disabled={!slot}
        loading={move.isPending}
        onClick={() =>
          slot &&
          move.mutate(
            { requestId: r.requestId, requestedDate: slot.startTime, requestedDuration: r.requestedDuration },
            {
              onSuccess: () => {
                toast({ title: 'Moved', description: formatInstant(slot.startTime, zone), tone: 'success' });
                onDone();
              },
            },
          )
        }
      >
        {slot ? `Move to ${formatInstant(slot.startTime, zone)}` : 'Choose a time'}
      </Button>
    </div>
  );
}

function ReviewForm({ request: r }: { request: BookingRequest }) {
  const [rating, setRating] = useState(0);
  const [unrated, setUnrated] = useState(false);
  const review = useReviewBooking();
  const { toast } = useToast();
  const problem = review.error ? toProblem(review.error) : null;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (rating === 0) {
      setUnrated(true);
      return;
    }
    const text = String(new FormData(event.currentTarget).get('text') ?? '').trim();
    review.mutate(
      { requestId: r.requestId, rating, text },
      {
        onSuccess: () => toast({ title: 'Thank you', description: `Your review of ${r.stylist.firstName} is published.`, tone: 'success' }),
      },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="mt-6 space-y-6 border-t border-line pt-6" aria-label={`Review ${r.stylist.firstName}`}>
      <p className="font-display text-2xl text-ink">How was your session?</p>
      <FormAlert problem={problem} fields={['rating', 'text']} />
      <StarInput
        name={`rating-${r.requestId}`}
        legend="Your rating"
        value={rating}
        onChange={(n) => {
          setRating(n);
          setUnrated(false);
        }}
        error={unrated ? 'Choose from one to five stars.' : problem?.field('rating')}
      />
      <Field label="In a few words" error={problem?.field('text')}>
        {(p) => <Textarea {...p} name="text" rows={3} required maxLength={4000} />}
      </Field>
      <Button type="submit" size="sm" loading={review.isPending}>
        Publish the review
      </Button>
    </form>
  );
}
