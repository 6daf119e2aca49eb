import { useState } from 'react';
import type { Route } from './+types/studio.calendar';
import { Button } from '../components/ui/button.tsx';
import { useToast } from '../components/ui/toast.tsx';
import { PageTitle, SettingsSection } from '../features/account/components/settings-section.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { toProblem, problemMessage } from '../lib/api/problem.ts';
import { useCompleteBooking, useStylistRequests } from '../features/bookings/api/studio.ts';
import { WeekCalendar, type WeekEvent } from '../features/bookings/components/week-calendar.tsx';
import { useStudioStylist } from '../features/stylists/studio-context.ts';
import { timesOf } from '../features/bookings/status.ts';
import { useSchedule } from '../features/stylists/api/studio.ts';
import { addDays, dayKeyOf, formatRange, startOfWeek, zonedTimeToInstant, type DayKey } from '../features/stylists/time.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Week calendar — Your studio', description: 'Your week.', image: 'private-client-atelier' }),
  { name: 'robots', content: 'noindex' },
];

export default function StudioCalendar() {
  const stylist = useStudioStylist();
  const zone = stylist.timeZone;
  const [start, setStart] = useState<DayKey>(() => startOfWeek(dayKeyOf(new Date(), zone)));
  const from = zonedTimeToInstant(start, '00:00', zone).toISOString();
  const to = zonedTimeToInstant(addDays(start, 7), '00:00', zone).toISOString();
  const week = useStylistRequests({ status: 'PENDING,ACCEPTED', from, to, maxResults: 100 });
  const schedule = useSchedule(stylist.stylistId);
  const events: WeekEvent[] = [
    ...(week.data?.requests ?? [])
      .filter((r) => r.status === 'PENDING' || r.booking?.status === 'CONFIRMED' || r.booking?.status === 'COMPLETED')
      .map((r) => ({
        id: r.requestId,
        startTime: timesOf(r).start,
        endTime: timesOf(r).end,
        title: r.client.displayName,
        detail: r.status === 'PENDING' ? `Request · ${r.serviceName ?? 'Session'}` : (r.serviceName ?? 'Session'),
        tone: r.status === 'PENDING' ? ('pending' as const) : ('confirmed' as const),
      })),
    ...(schedule.data?.windows ?? [])
      .filter((w) => w.status === 'BLOCKED' && w.endTime > from && w.startTime < to)
      .map((w) => ({ id: w.slotId, startTime: w.startTime, endTime: w.endTime, title: 'Blocked', tone: 'blocked' as const })),
  ];
  return (
    <>
      <PageTitle
        eyebrow="The studio"
        title="Week calendar"
        lede="Confirmed sessions in ink, requests awaiting an answer in sand, blocked time in grey."
      />
      {week.isError ? (
        <ListError error={week.error} />
      ) : week.isPending ? (
        <ListLoading rows={4} />
      ) : (
        <WeekCalendar events={events} zone={zone} city={stylist.city} start={start} onStartChange={setStart} />
      )}
      <ToClose />
    </>
  );
}

/** Sessions that have ended but are still CONFIRMED: the stylist says how they went. */
function ToClose() {
  const stylist = useStudioStylist();
  const [now] = useState(() => new Date().toISOString());
  const past = useStylistRequests({ status: 'ACCEPTED', to: now, maxResults: 20 });
  const complete = useCompleteBooking();
  const { toast } = useToast();
  const open = (past.data?.requests ?? []).filter((r) => r.booking?.status === 'CONFIRMED' && r.booking.endTime < now);
  if (open.length === 0) return null;
  return (
    <SettingsSection
      title="To close"
      description="Mark how each past session went; completed sessions can be reviewed by the client."
      className="mt-16 border-t pt-10"
    >
      <ul className="divide-y divide-line border-y border-line">
        {open.map((r) => (
          <li key={r.requestId} className="flex flex-wrap items-center justify-between gap-4 py-5">
            <div>
              <p className="text-ink">{r.client.displayName}</p>
              <p className="text-sm text-stone">{formatRange(timesOf(r).start, timesOf(r).end, stylist.timeZone)}</p>
            </div>
            <div className="flex gap-3">
              {(['COMPLETED', 'NO_SHOW'] as const).map((outcome) => (
                <Button
                  key={outcome}
                  size="sm"
                  variant={outcome === 'COMPLETED' ? 'primary' : 'secondary'}
                  loading={complete.isPending && complete.variables?.requestId === r.requestId && complete.variables.outcome === outcome}
                  onClick={() =>
                    complete.mutate(
                      { requestId: r.requestId, outcome },
                      { onError: (e) => toast({ title: 'Not saved', description: problemMessage(toProblem(e)), tone: 'error' }) },
                    )
                  }
                >
                  {outcome === 'COMPLETED' ? 'Completed' : 'Did not come'}
                </Button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </SettingsSection>
  );
}
