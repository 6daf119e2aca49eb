import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components, paths } from '../../../lib/api/schema.d.ts';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession, useSignedInUser } from '../../auth/session.tsx';

export type BookingRequest = components['schemas']['BookingRequest'];
export type RequestStatus = components['schemas']['RequestStatus'];
export type ListBookingsQuery = NonNullable<paths['/api/v1/me/bookings']['get']['parameters']['query']>;
type RequestStylistBody = paths['/api/v1/matching/request']['post']['requestBody']['content']['application/json'];

/** The signed-in client's requests and bookings, soonest first (`order: 'desc'` for latest first). */
export function getMyBookings(api: ApiClient, query: ListBookingsQuery = {}) {
  return call(api.GET('/api/v1/me/bookings', { params: { query } }));
}

export function getMyBookingsQueryOptions(api: ApiClient, query: ListBookingsQuery = {}) {
  return queryOptions({ queryKey: ['bookings', 'mine', query], queryFn: () => getMyBookings(api, query), staleTime: 10_000 });
}

export function useMyBookings(query: ListBookingsQuery = {}) {
  const { api } = useSession();
  return useQuery(getMyBookingsQueryOptions(api, query));
}

/** One shelf of the client's page (upcoming, awaiting, past…), read a page at a time in the query's order. */
export function getMyBookingsPagesQueryOptions(api: ApiClient, query: Omit<ListBookingsQuery, 'nextToken'>) {
  return infiniteQueryOptions({
    queryKey: ['bookings', 'mine', 'pages', query],
    queryFn: ({ pageParam }) => getMyBookings(api, { ...query, ...(pageParam ? { nextToken: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextToken,
    staleTime: 10_000,
  });
}

export function useMyBookingsPages(query: Omit<ListBookingsQuery, 'nextToken'>) {
  const { api } = useSession();
  return useInfiniteQuery(getMyBookingsPagesQueryOptions(api, query));
}

function useInvalidateBookings() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['bookings'] });
    void queryClient.invalidateQueries({ queryKey: ['studio'] });
    void queryClient.invalidateQueries({ queryKey: ['stylists'] });
  };
}

/** RequestStylist for the signed-in client: a PENDING request the stylist answers. */
export function useRequestStylist() {
  const { api } = useSession();
  const user = useSignedInUser();
  const invalidate = useInvalidateBookings();
  return useMutation({
    mutationFn: (input: Omit<RequestStylistBody, 'clientId'>) =>
      call(api.POST('/api/v1/matching/request', { body: { ...input, clientId: user.userId } })),
    onSuccess: invalidate,
  });
}

/** Cancels a pending request or a confirmed booking (late inside the stylist's policy). */
export function useCancelRequest() {
  const { api } = useSession();
  const invalidate = useInvalidateBookings();
  return useMutation({
    mutationFn: ({ requestId, reason }: { requestId: string; reason?: string }) =>
      call(api.POST('/api/v1/requests/{requestId}/cancel', { params: { path: { requestId } }, body: reason ? { reason } : {} })),
    onSuccess: invalidate,
  });
}

/** Moves a request or booking to another start (taking a proposed alternative is the same call). */
export function useRescheduleRequest() {
  const { api } = useSession();
  const invalidate = useInvalidateBookings();
  return useMutation({
    mutationFn: ({
      requestId,
      requestedDate,
      requestedDuration,
    }: {
      requestId: string;
      requestedDate: string;
      requestedDuration?: number;
    }) =>
      call(
        api.POST('/api/v1/requests/{requestId}/reschedule', {
          params: { path: { requestId } },
          body: { requestedDate, ...(requestedDuration ? { requestedDuration } : {}) },
        }),
      ),
    onSuccess: invalidate,
  });
}

/** One review of a completed booking. */
export function useReviewBooking() {
  const { api } = useSession();
  const invalidate = useInvalidateBookings();
  return useMutation({
    mutationFn: ({ requestId, rating, text }: { requestId: string; rating: number; text: string }) =>
      call(api.POST('/api/v1/requests/{requestId}/review', { params: { path: { requestId } }, body: { rating, text } })),
    onSuccess: invalidate,
  });
}

/** The private .ics feed of one's bookings; created on first read. */
export function useCalendarFeed() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['bookings', 'calendar-feed'],
    queryFn: () => call(api.GET('/api/v1/me/calendar-feed')),
    staleTime: Infinity,
  });
}

export function useRotateCalendarFeed() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/me/calendar-feed/rotate')),
    onSuccess: (feed) => queryClient.setQueryData(['bookings', 'calendar-feed'], feed),
  });
}
