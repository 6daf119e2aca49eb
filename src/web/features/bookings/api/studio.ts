import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../lib/api/schema.d.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';
import type { ListBookingsQuery } from './bookings.ts';

type DeclineBody = paths['/api/v1/matching/decline']['post']['requestBody']['content']['application/json'];

/** A stylist's answer changes the inbox, the calendar and the public availability. */
function useStudioInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['studio'] });
    void queryClient.invalidateQueries({ queryKey: ['stylists'] });
  };
}

/** The stylist's inbox and calendar: requests and bookings, soonest first. */
export function useStylistRequests(query: ListBookingsQuery = {}) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['studio', 'requests', query],
    queryFn: () => call(api.GET('/api/v1/me/stylist/requests', { params: { query } })),
    staleTime: 10_000,
    placeholderData: (previous) => previous,
  });
}

export function useAcceptRequest(stylistId: string) {
  const { api } = useSession();
  const invalidate = useStudioInvalidate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, message, location }: { requestId: string; message?: string; location?: string }) =>
      call(
        api.POST('/api/v1/matching/accept', {
          body: { requestId, stylistId, ...(message ? { message } : {}), ...(location ? { location } : {}) },
        }),
      ),
    onSettled: () => {
      invalidate();
      void queryClient.invalidateQueries({ queryKey: ['bookings'] });
    },
  });
}

export function useDeclineRequest(stylistId: string) {
  const { api } = useSession();
  const invalidate = useStudioInvalidate();
  return useMutation({
    mutationFn: (body: Omit<DeclineBody, 'stylistId'>) => call(api.POST('/api/v1/matching/decline', { body: { ...body, stylistId } })),
    onSuccess: invalidate,
  });
}

export function useCompleteBooking() {
  const { api } = useSession();
  const invalidate = useStudioInvalidate();
  return useMutation({
    mutationFn: ({ requestId, outcome }: { requestId: string; outcome: 'COMPLETED' | 'NO_SHOW' }) =>
      call(api.POST('/api/v1/requests/{requestId}/complete', { params: { path: { requestId } }, body: { outcome } })),
    onSuccess: invalidate,
  });
}
