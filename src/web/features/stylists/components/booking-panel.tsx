import { useState } from 'react';
import { formatMoney } from '../../../../shared/money.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { useHydrated } from '../../../lib/use-hydrated.ts';
import { BookingRequestDialog } from '../../bookings/components/booking-request-dialog.tsx';
import { ListError } from '../../../components/ui/list-state.tsx';
import { useAvailability, type AvailabilitySlot, type Stylist, type StylistService } from '../api/stylists.ts';
import {
  addDays,
  dayKeyOf,
  describeZoneGap,
  formatDuration,
  formatInstant,
  formatTime,
  visitorTimeZone,
  zonedTimeToInstant,
  type DayKey,
} from '../time.ts';
import { placeName } from '../../../../shared/zone-cities.ts';
import { serviceKindLabel } from '../vocabulary.ts';
import { AvailabilityCalendar } from './availability-calendar.tsx';
import { ChoiceGroup } from './choice-group.tsx';

/**
 * "Request a session": choose the session, then a time from the stylist's diary drawn in the visitor's own zone,
 * then send. It needs the browser's zone, so the server renders a placeholder and the browser draws it.
 */
export function BookingPanel({ stylist, preselectedServiceId }: { stylist: Stylist; preselectedServiceId?: string | null }) {
  const hydrated = useHydrated();
  if (!hydrated) {
    return (
      <div aria-busy="true" className="space-y-4">
        <Skeleton className="h-16 w-full" />
        <Skeleton className="h-56 w-full" />
      </div>
    );
  }
  return <BookingPanelLive stylist={stylist} preselectedServiceId={preselectedServiceId} />;
}

function BookingPanelLive({ stylist, preselectedServiceId }: { stylist: Stylist; preselectedServiceId?: string | null }) {
  const zone = visitorTimeZone();
  const today = dayKeyOf(new Date(), zone);
  const services = stylist.services.filter((s) => s.active);
  const [serviceId, setServiceId] = useState<string | null>(preselectedServiceId ?? services[0]?.serviceId ?? null);
  const [start, setStart] = useState<DayKey>(today);
  const [slot, setSlot] = useState<AvailabilitySlot | null>(null);
  const [open, setOpen] = useState(false);
  const service: StylistService | null = services.find((s) => s.serviceId === serviceId) ?? null;
  // The week asked for is whole days in the visitor's zone, sent as the instants they begin and end.
  const range = {
    startDate: zonedTimeToInstant(start, '00:00', zone).toISOString(),
    endDate: zonedTimeToInstant(addDays(start, 7), '00:00', zone).toISOString(),
    ...(service ? { serviceId: service.serviceId } : {}),
  };
  const availability = useAvailability(stylist.stylistId, range);
  const gap = describeZoneGap(new Date(), stylist.timeZone, zone);

  return (
    <div className="space-y-10">
      {services.length > 1 && (
        <ChoiceGroup
          legend="Which session?"
          size="sm"
          name="service"
          columns={3}
          choices={services.map((s) => ({
            value: s.serviceId,
            label: s.name,
            description: `${s.name === serviceKindLabel(s.kind) ? '' : `${serviceKindLabel(s.kind)} · `}${formatDuration(s.durationMinutes)} · ${formatMoney(s.price, { compactWhole: true })}`,
          }))}
          value={serviceId ? [serviceId] : []}
          onChange={([v]) => {
            setServiceId(v ?? null);
            setSlot(null);
          }}
        />
      )}
      <div>
        <p className="text-sm leading-relaxed text-stone">
          {stylist.firstName} works from {placeName(stylist.city, stylist.timeZone)}
          {gap ? `, ${gap}` : ', in your time zone'}. Times below are your own.
        </p>
        {availability.isError ? (
          <div className="mt-6">
            <ListError error={availability.error} />
          </div>
        ) : (
          <AvailabilityCalendar
            className="mt-6"
            slots={availability.data?.availability ?? []}
            zone={zone}
            start={start}
            minStart={today}
            maxStart={addDays(today, 84)}
            onStartChange={(d) => {
              setStart(d);
            }}
            selected={slot?.slotId ?? null}
            onSelect={setSlot}
            loading={availability.isPending}
          />
        )}
      </div>
      <div className="flex flex-col gap-6 border-t border-line pt-8 sm:flex-row sm:items-center sm:justify-between">
        <div aria-live="polite">
          {slot ? (
            <>
              <p className="font-display text-2xl text-ink">{formatInstant(slot.startTime, zone)}</p>
              {stylist.timeZone !== zone && (
                <p className="mt-1 text-sm text-stone">
                  {formatTime(slot.startTime, stylist.timeZone)} in {placeName(stylist.city, stylist.timeZone)}, {stylist.firstName}’s time
                </p>
              )}
            </>
          ) : (
            <p className="text-stone">Choose a time to continue.</p>
          )}
        </div>
        <Button size="lg" disabled={!slot} onClick={() => setOpen(true)}>
          Request this time
        </Button>
      </div>
      <BookingRequestDialog
        stylist={stylist}
        slot={slot}
        service={service}
        zone={zone}
        open={open}
        onOpenChange={setOpen}
        onRequested={() => setSlot(null)}
      />
    </div>
  );
}
