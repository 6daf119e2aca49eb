import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { formatMoney } from '../../../../shared/money.ts';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { Dialog, DialogContent } from '../../../components/ui/dialog.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { signInPath } from '../../auth/next-path.ts';
import { toProblem } from '../../../lib/api/problem.ts';
import { useSessionState } from '../../auth/session.tsx';
import type { AvailabilitySlot, Stylist, StylistService } from '../../stylists/api/stylists.ts';
import { placeName } from '../../../../shared/zone-cities.ts';
import { formatDuration, formatInstant, formatTime } from '../../stylists/time.ts';
import { useRequestStylist } from '../api/bookings.ts';

// The push question appears only after a request is sent: its code loads then, not with the page.
const PushInvitation = lazy(() =>
  import('../../notifications/components/push-invitation.tsx').then((m) => ({ default: m.PushInvitation })),
);

type BookingRequestDialogProps = {
  stylist: Stylist;
  slot: AvailabilitySlot | null;
  service: StylistService | null;
  zone: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onRequested: () => void;
};

/**
 * The request itself: the chosen time in the visitor's zone (and the stylist's, when it differs), the session
 * and its price, and a note. Signed-out visitors are sent to sign in and brought back here.
 */
export function BookingRequestDialog({ stylist, slot, service, zone, open, onOpenChange, onRequested }: BookingRequestDialogProps) {
  const session = useSessionState();
  const location = useLocation();
  const [sent, setSent] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        onOpenChange(o);
        if (!o) setSent(false);
      }}
    >
      <DialogContent
        title={sent ? 'Your request is on its way' : `A session with ${stylist.firstName}`}
        description={
          sent ? `${stylist.firstName} usually answers within a day. We will write the moment the time is confirmed.` : undefined
        }
        className="pt-16 sm:pt-12 max-w-xl"
      >
        {sent ? (
          <div className="space-y-8">
            <Suspense fallback={null}>
              <PushInvitation reason="booking" />
            </Suspense>
            <div className="flex flex-wrap gap-4">
              <ButtonLink to="/account/bookings">Your bookings</ButtonLink>
            </div>
          </div>
        ) : !slot ? null : session.status !== 'signed-in' ? (
          <div className="space-y-6">
            <Summary stylist={stylist} slot={slot} service={service} zone={zone} />
            <p className="leading-relaxed text-ink-soft">
              Sign in or join the house to send your request; we will bring you back to this time.
            </p>
            <ButtonLink to={signInPath(`${location.pathname}${location.search}`)}>Sign in to request</ButtonLink>
          </div>
        ) : session.user.userType !== 'CLIENT' ? (
          <div className="space-y-6">
            <Summary stylist={stylist} slot={slot} service={service} zone={zone} />
            <p className="leading-relaxed text-ink-soft">Sessions are requested from a client account.</p>
          </div>
        ) : (
          <RequestForm
            stylist={stylist}
            slot={slot}
            service={service}
            zone={zone}
            onSent={() => {
              setSent(true);
              onRequested();
            }}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}

function Summary({
  stylist,
  slot,
  service,
  zone,
}: {
  stylist: Stylist;
  slot: AvailabilitySlot;
  service: StylistService | null;
  zone: string;
}) {
  const theirs = stylist.timeZone !== zone;
  return (
    <dl className="divide-y divide-line border-y border-line text-sm">
      <div className="flex justify-between gap-6 py-3">
        <dt className="eyebrow text-stone">When</dt>
        <dd className="text-right text-ink">
          {formatInstant(slot.startTime, zone)}
          {theirs && (
            <span className="block text-stone">
              {formatTime(slot.startTime, stylist.timeZone)} for {stylist.firstName} in {placeName(stylist.city, stylist.timeZone)}
            </span>
          )}
        </dd>
      </div>
      <div className="flex justify-between gap-6 py-3">
        <dt className="eyebrow text-stone">Session</dt>
        <dd className="text-right text-ink">
          {service ? `${service.name} · ${formatDuration(service.durationMinutes)}` : `A first conversation · ${formatDuration(60)}`}
        </dd>
      </div>
      <div className="flex justify-between gap-6 py-3">
        <dt className="eyebrow text-stone">Fee</dt>
        <dd className="text-right text-ink">
          {service ? formatMoney(service.price, { compactWhole: true }) : `${formatMoney(stylist.rate, { compactWhole: true })} an hour`}
        </dd>
      </div>
    </dl>
  );
}

function RequestForm({
  stylist,
  slot,
  service,
  zone,
  onSent,
}: {
  stylist: Stylist;
  slot: AvailabilitySlot;
  service: StylistService | null;
  zone: string;
  onSent: () => void;
}) {
  const request = useRequestStylist();
  const problem = request.error ? toProblem(request.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const message = String(new FormData(event.currentTarget).get('message') ?? '').trim();
    request.mutate(
      {
        stylistId: stylist.stylistId,
        requestedDate: slot.startTime,
        ...(service ? { serviceId: service.serviceId, requestedDuration: service.durationMinutes } : { requestedDuration: 60 }),
        ...(message ? { message } : {}),
      },
      { onSuccess: onSent },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-8" aria-label="Request a session">
      <Summary stylist={stylist} slot={slot} service={service} zone={zone} />
      <FormAlert problem={problem} fields={['message']} />
      <Field
        label="A note for your stylist (optional)"
        hint="The occasion, what you would like to bring, anything to know beforehand."
        error={problem?.field('message')}
      >
        {(p) => <Textarea {...p} name="message" rows={4} maxLength={2000} />}
      </Field>
      <p className="text-sm text-stone">Nothing is charged now. {stylist.firstName} confirms the time or suggests another.</p>
      <Button type="submit" loading={request.isPending}>
        Send the request
      </Button>
    </form>
  );
}
