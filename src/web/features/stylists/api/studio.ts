import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../lib/api/schema.d.ts';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { ApiProblem, call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';

type Body<P extends keyof paths, M extends 'post' | 'put'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type CreateStylistBody = Body<'/api/v1/stylists', 'post'>;
export type UpdateStylistBody = Body<'/api/v1/stylists/{stylistId}', 'put'>;
export type UpdateScheduleBody = Body<'/api/v1/stylists/{stylistId}/schedule', 'put'>;
export type UpdateWindowsBody = Body<'/api/v1/stylists/{stylistId}/availability', 'put'>;
export type ServiceBody = Body<'/api/v1/stylists/{stylistId}/services', 'post'>;
export type PortfolioBody = Body<'/api/v1/stylists/{stylistId}/portfolio', 'post'>;

/*
 * The signed-in stylist's own profile as the studio edits it: profile, schedule, services, portfolio and replies
 * to reviews. Requests and bookings (the inbox and calendar) live with the bookings feature.
 */

/** The signed-in stylist's own profile, or null before it is created. */
export async function getMyStylist(api: ApiClient) {
  try {
    return (await call(api.GET('/api/v1/me/stylist'))).stylist;
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
}

export function getMyStylistQueryOptions(api: ApiClient) {
  return queryOptions({ queryKey: ['studio', 'profile'], queryFn: () => getMyStylist(api) });
}

export function useMyStylist() {
  const { api } = useSession();
  return useQuery(getMyStylistQueryOptions(api));
}

function useStudioInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['studio'] });
    void queryClient.invalidateQueries({ queryKey: ['stylists'] });
  };
}

export function useCreateStylist() {
  const { api } = useSession();
  const invalidate = useStudioInvalidate();
  return useMutation({ mutationFn: (body: CreateStylistBody) => call(api.POST('/api/v1/stylists', { body })), onSuccess: invalidate });
}

export function useUpdateStylist(stylistId: string) {
  const { api } = useSession();
  const invalidate = useStudioInvalidate();
  return useMutation({
    mutationFn: (body: UpdateStylistBody) => call(api.PUT('/api/v1/stylists/{stylistId}', { params: { path: { stylistId } }, body })),
    onSuccess: invalidate,
  });
}

/** Weekly schedule, upcoming date windows and the cancellation policy. */
export function useSchedule(stylistId: string) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['studio', 'schedule', stylistId],
    queryFn: () => call(api.GET('/api/v1/stylists/{stylistId}/schedule', { params: { path: { stylistId } } })),
  });
}

export function useUpdateSchedule(stylistId: string) {
  const { api } = useSession();
  const invalidate = useStudioInvalidate();
  return useMutation({
    mutationFn: (body: UpdateScheduleBody) =>
      call(api.PUT('/api/v1/stylists/{stylistId}/schedule', { params: { path: { stylistId } }, body })),
    onSuccess: invalidate,
  });
}

export function useUpdateWindows(stylistId: string) {
  const { api } = useSession();
  const invalidate = useStudioInvalidate();
  return useMutation({
    mutationFn: (body: UpdateWindowsBody) =>
      call(api.PUT('/api/v1/stylists/{stylistId}/availability', { params: { path: { stylistId } }, body })),
    onSuccess: invalidate,
  });
}

export function useUpdateCancellationPolicy(stylistId: string) {
  const { api } = useSession();
  const invalidate = useStudioInvalidate();
  return useMutation({
    mutationFn: (freeCancellationHours: number) =>
      call(
        api.PUT('/api/v1/stylists/{stylistId}/cancellation-policy', { params: { path: { stylistId } }, body: { freeCancellationHours } }),
      ),
    onSuccess: invalidate,
  });
}

export function useAddService(stylistId: string) {
  const { api } = useSession();
  const invalidate = useStudioInvalidate();
  return useMutation({
    mutationFn: (body: ServiceBody) => call(api.POST('/api/v1/stylists/{stylistId}/services', { params: { path: { stylistId } }, body })),
    onSuccess: invalidate,
  });
}

export function useUpdateService(stylistId: string) {
  const { api } = useSession();
  const invalidate = useStudioInvalidate();
  return useMutation({
    mutationFn: ({ serviceId, body }: { serviceId: string; body: ServiceBody }) =>
      call(api.PUT('/api/v1/stylists/{stylistId}/services/{serviceId}', { params: { path: { stylistId, serviceId } }, body })),
    onSuccess: invalidate,
  });
}

export function useWithdrawService(stylistId: string) {
  const { api } = useSession();
  const invalidate = useStudioInvalidate();
  return useMutation({
    mutationFn: (serviceId: string) =>
      call(api.DELETE('/api/v1/stylists/{stylistId}/services/{serviceId}', { params: { path: { stylistId, serviceId } } })),
    onSuccess: invalidate,
  });
}

export function useAddPortfolioItem(stylistId: string) {
  const { api } = useSession();
  const invalidate = useStudioInvalidate();
  return useMutation({
    mutationFn: (body: PortfolioBody) =>
      call(api.POST('/api/v1/stylists/{stylistId}/portfolio', { params: { path: { stylistId } }, body })),
    onSuccess: invalidate,
  });
}

export function useRemovePortfolioItem(stylistId: string) {
  const { api } = useSession();
  const invalidate = useStudioInvalidate();
  return useMutation({
    mutationFn: (itemId: string) =>
      call(api.DELETE('/api/v1/stylists/{stylistId}/portfolio/{itemId}', { params: { path: { stylistId, itemId } } })),
    onSuccess: invalidate,
  });
}

export function useReplyToReview(stylistId: string) {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reviewId, reply }: { reviewId: string; reply: string }) =>
      call(api.POST('/api/v1/reviews/{reviewId}/reply', { params: { path: { reviewId } }, body: { reply } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['stylists', stylistId, 'reviews'] }),
  });
}
