import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { components, paths } from '../../../lib/api/schema.d.ts';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';

export type Stylist = components['schemas']['Stylist'];
export type StylistService = components['schemas']['StylistService'];
export type PortfolioItem = components['schemas']['PortfolioItem'];
export type AvailabilitySlot = components['schemas']['AvailabilitySlot'];
export type StylistReview = components['schemas']['StylistReview'];
export type Specialty = components['schemas']['Specialty'];
export type StyleTag = components['schemas']['StyleTag'];
export type ListStylistsQuery = NonNullable<paths['/api/v1/stylists']['get']['parameters']['query']>;

/** ListStylists: approved stylists, filtered; the directory page calls it on the server with the URL's filters. */
export function listStylists(api: ApiClient, query: ListStylistsQuery, headers?: Record<string, string>) {
  return call(api.GET('/api/v1/stylists', { params: { query }, headers }));
}

/** GetStylist: an approved stylist for everyone (and one's own profile whatever its status). */
export function getStylist(api: ApiClient, stylistId: string, headers?: Record<string, string>) {
  return call(api.GET('/api/v1/stylists/{stylistId}', { params: { path: { stylistId } }, headers }));
}

export function getStylistQueryOptions(api: ApiClient, stylistId: string) {
  return queryOptions({ queryKey: ['stylists', stylistId], queryFn: () => getStylist(api, stylistId) });
}

export function useStylist(stylistId: string) {
  const { api } = useSession();
  return useQuery(getStylistQueryOptions(api, stylistId));
}

export type AvailabilityRange = { startDate: string; endDate: string; serviceId?: string };

/** GetStylistAvailability between two instants (at most 62 days), slots the length of the chosen service. */
export function getAvailability(api: ApiClient, stylistId: string, range: AvailabilityRange) {
  return call(
    api.GET('/api/v1/stylists/{stylistId}/availability', {
      params: {
        path: { stylistId },
        query: { startDate: range.startDate, endDate: range.endDate, ...(range.serviceId ? { serviceId: range.serviceId } : {}) },
      },
    }),
  );
}

export function getAvailabilityQueryOptions(api: ApiClient, stylistId: string, range: AvailabilityRange) {
  return queryOptions({
    queryKey: ['stylists', stylistId, 'availability', range.startDate, range.endDate, range.serviceId ?? null],
    queryFn: () => getAvailability(api, stylistId, range),
    staleTime: 30_000,
    placeholderData: (previous) => previous,
  });
}

export function useAvailability(stylistId: string, range: AvailabilityRange | null) {
  const { api } = useSession();
  return useQuery({ ...getAvailabilityQueryOptions(api, stylistId, range ?? { startDate: '', endDate: '' }), enabled: range !== null });
}

/** An approved stylist's reviews, newest first, a page at a time. */
export function getReviewsQueryOptions(api: ApiClient, stylistId: string, pageSize = 10) {
  return infiniteQueryOptions({
    queryKey: ['stylists', stylistId, 'reviews', pageSize],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/stylists/{stylistId}/reviews', {
          params: { path: { stylistId }, query: { maxResults: pageSize, ...(pageParam ? { nextToken: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextToken,
  });
}

export function useStylistReviews(stylistId: string, pageSize?: number) {
  const { api } = useSession();
  return useInfiniteQuery(getReviewsQueryOptions(api, stylistId, pageSize));
}
