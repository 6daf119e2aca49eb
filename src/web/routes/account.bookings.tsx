import type { Route } from './+types/account.bookings';
import { ButtonLink } from '../components/ui/button.tsx';
import { PageTitle, SettingsSection } from '../features/account/components/settings-section.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { useMyBookings, type BookingRequest } from '../features/bookings/api/bookings.ts';
import { CalendarFeed } from '../features/bookings/components/calendar-feed.tsx';
import { ClientBookingCard } from '../features/bookings/components/client-booking-card.tsx';
import { phaseOf, type BookingPhase } from '../features/bookings/status.ts';
import { visitorTimeZone, zoneLabel } from '../features/stylists/time.ts';
import { useSignedInUser } from '../features/auth/session.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Your sessions', description: 'Your stylist sessions at StyleByZaga.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

const GROUPS: ReadonlyArray<{ phase: BookingPhase; title: string; empty?: string; description?: string }> = [
  { phase: 'confirmed', title: 'Confirmed', empty: 'No session is confirmed yet.' },
  { phase: 'pending', title: 'Awaiting an answer', description: 'Stylists answer within two days; a request without an answer lapses.' },
  { phase: 'declined', title: 'Declined, with other dates', description: 'Take one of the dates offered with a single click.' },
  { phase: 'past', title: 'Past sessions', description: 'Once a session is completed you may leave a review.' },
  { phase: 'closed', title: 'Cancelled & lapsed' },
];

export default function AccountBookings() {
  const user = useSignedInUser();
  const zone = visitorTimeZone();
  const bookings = useMyBookings({ maxResults: 100 });
  if (user.userType !== 'CLIENT') {
    return (
      <>
        <PageTitle eyebrow="Your account" title="Your sessions" />
        <p className="text-ink-soft">Sessions are booked from a client account.</p>
      </>
    );
  }
  const byPhase = new Map<BookingPhase, BookingRequest[]>();
  for (const r of bookings.data?.requests ?? []) byPhase.set(phaseOf(r), [...(byPhase.get(phaseOf(r)) ?? []), r]);
  // Past sessions read newest first; everything ahead, soonest first (the API's order).
  byPhase.get('past')?.reverse();
  byPhase.get('closed')?.reverse();
  return (
    <>
      <PageTitle eyebrow="Your account" title="Your sessions" lede={`Every time is shown in ${zoneLabel(zone)}, your own clock.`} />
      {bookings.isPending ? (
        <ListLoading rows={3} />
      ) : bookings.isError ? (
        <ListError error={bookings.error} />
      ) : bookings.data.requests.length === 0 ? (
        <div className="border-y border-line py-14 text-center">
          <p className="display text-3xl text-ink">No session yet</p>
          <p className="mx-auto mt-4 max-w-md text-ink-soft">Take the style quiz to be introduced, or browse the stylists and request a time.</p>
          <div className="mt-8 flex justify-center gap-6">
            <ButtonLink to="/style-quiz">Take the quiz</ButtonLink>
            <ButtonLink to="/stylists" variant="secondary">
              Browse stylists
            </ButtonLink>
          </div>
        </div>
      ) : (
        GROUPS.filter((g) => byPhase.has(g.phase) || g.empty).map((g) => (
          <SettingsSection key={g.phase} title={g.title} description={g.description}>
            {byPhase.get(g.phase)?.length ? (
              <ul className="space-y-6">
                {byPhase.get(g.phase)!.map((r) => (
                  <li key={r.requestId}>
                    <ClientBookingCard request={r} zone={zone} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-stone">{g.empty}</p>
            )}
          </SettingsSection>
        ))
      )}
      <SettingsSection title="In your own calendar" description="Subscribe once and every confirmed session appears in Apple Calendar, Google or Outlook, updated as it changes.">
        <CalendarFeed />
      </SettingsSection>
    </>
  );
}
