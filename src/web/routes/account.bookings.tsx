import { useState } from 'react';
import type { Route } from './+types/account.bookings';
import { ButtonLink } from '../components/ui/button.tsx';
import { PageTitle, SettingsSection } from '../features/account/components/settings-section.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { LoadMore } from '../components/ui/load-more.tsx';
import { useMyBookingsPages, type BookingRequest, type ListBookingsQuery } from '../features/bookings/api/bookings.ts';
import { CalendarFeed } from '../features/bookings/components/calendar-feed.tsx';
import { ClientBookingCard } from '../features/bookings/components/client-booking-card.tsx';
import { visitorTimeZone } from '../features/stylists/time.ts';
import { useSignedInUser } from '../features/auth/session.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Your sessions', description: 'Your stylist sessions at StyleByZaga.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

type Shelf = {
  id: string;
  title: string;
  description?: string;
  /** What the API is asked for; `now` is the moment the page opened. */
  query: (now: string) => Omit<ListBookingsQuery, 'nextToken'>;
  /** Keeps only what belongs on this shelf (a declined request matters while its offered dates are ahead). */
  keep?: (r: BookingRequest, now: number) => boolean;
  noun: string;
};

const PAGE = 10;

/**
 * The client's page in the order a client reads it: what is coming, what awaits an answer, what was declined
 * with other dates to take, then what is behind them, newest first. Each shelf is its own paged query, so a
 * client with a long history still sees the next session first.
 */
const SHELVES: readonly Shelf[] = [
  {
    id: 'upcoming',
    title: 'Upcoming',
    noun: 'upcoming sessions',
    query: (now) => ({ status: ['ACCEPTED'], from: now, order: 'asc', maxResults: PAGE }),
  },
  {
    id: 'pending',
    title: 'Awaiting an answer',
    description: 'Each stylist answers before the time shown; a request without an answer lapses.',
    noun: 'requests',
    query: () => ({ status: ['PENDING'], order: 'asc', maxResults: 50 }),
  },
  {
    id: 'declined',
    title: 'Declined, with other dates',
    description: 'Take one of the dates offered with a single click.',
    noun: 'declined requests',
    query: () => ({ status: ['DECLINED'], order: 'desc', maxResults: 20 }),
    keep: (r, now) => r.alternativeDates.some((d) => Date.parse(d) > now),
  },
  {
    id: 'past',
    title: 'Past sessions',
    description: 'Once a session is completed you may leave a review.',
    noun: 'past sessions',
    query: (now) => ({ status: ['ACCEPTED'], to: now, order: 'desc', maxResults: PAGE }),
  },
  {
    id: 'closed',
    title: 'Cancelled & lapsed',
    noun: 'cancelled or lapsed',
    query: () => ({ status: ['CANCELLED', 'EXPIRED'], order: 'desc', maxResults: PAGE }),
  },
];

export default function AccountBookings() {
  const user = useSignedInUser();
  // One instant for every shelf, so a session is on exactly one of "upcoming" and "past".
  const [now] = useState(() => new Date().toISOString());
  if (user.userType !== 'CLIENT') {
    return (
      <>
        <PageTitle eyebrow="Your account" title="Your sessions" />
        <p className="text-ink-soft">Sessions are booked from a client account.</p>
      </>
    );
  }
  return <ClientSessions now={now} />;
}

function ClientSessions({ now }: { now: string }) {
  const zone = visitorTimeZone();
  // Five shelves, always in this order (hooks are called unconditionally).
  const [upcoming, pending, declined, past, closed] = SHELVES as [Shelf, Shelf, Shelf, Shelf, Shelf];
  const shelves = [
    { shelf: upcoming, result: useShelf(upcoming, now) },
    { shelf: pending, result: useShelf(pending, now) },
    { shelf: declined, result: useShelf(declined, now) },
    { shelf: past, result: useShelf(past, now) },
    { shelf: closed, result: useShelf(closed, now) },
  ];
  const loading = shelves.some((s) => s.result.pending);
  const failed = shelves.find((s) => s.result.error);
  const empty = !loading && !failed && shelves.every((s) => s.result.items.length === 0);
  return (
    <>
      <PageTitle
        eyebrow="Your account"
        title="Your sessions"
        lede="Every time is shown in your own time, as this device’s clock reads it."
      />
      {loading ? (
        <ListLoading rows={3} />
      ) : failed ? (
        <ListError error={failed.result.error} />
      ) : empty ? (
        <div className="border-y border-line py-14 text-center">
          <p className="display text-3xl text-ink">No session yet</p>
          <p className="mx-auto mt-4 max-w-md text-ink-soft">
            Take the style quiz to be introduced, or browse the stylists and request a time.
          </p>
          <div className="mt-8 flex flex-wrap justify-center gap-6">
            <ButtonLink to="/style-quiz">Take the quiz</ButtonLink>
            <ButtonLink to="/stylists" variant="secondary">
              Browse stylists
            </ButtonLink>
          </div>
        </div>
      ) : (
        shelves.map(({ shelf, result }) =>
          result.items.length === 0 && shelf.id !== 'upcoming' ? null : (
            <SettingsSection key={shelf.id} title={shelf.title} description={shelf.description}>
              {result.items.length ? (
                <ul className="space-y-6">
                  {result.items.map((r) => (
                    <li key={r.requestId}>
                      <ClientBookingCard request={r} zone={zone} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-stone">
                  No session is booked ahead yet
                  {shelves.some((s) => s.shelf.id === 'pending' && s.result.items.length) ? '; your requests are below.' : '.'}
                </p>
              )}
              {(result.hasMore || result.items.length > PAGE) && (
                <LoadMore
                  shown={result.items.length}
                  hasMore={result.hasMore}
                  loading={result.loadingMore}
                  onMore={result.more}
                  noun={shelf.noun}
                />
              )}
            </SettingsSection>
          ),
        )
      )}
      <SettingsSection
        title="In your own calendar"
        description="Subscribe once and every confirmed session appears in Apple Calendar, Google or Outlook, updated as it changes."
      >
        <CalendarFeed />
      </SettingsSection>
    </>
  );
}

/** One shelf's requests so far, and how to read the next page. */
function useShelf(shelf: Shelf, now: string) {
  const query = useMyBookingsPages(shelf.query(now));
  const at = Date.parse(now);
  const items = (query.data?.pages ?? []).flatMap((p) => p.requests).filter((r) => !shelf.keep || shelf.keep(r, at));
  return {
    items,
    pending: query.isPending,
    error: query.isError ? query.error : undefined,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    more: () => void query.fetchNextPage(),
  };
}
