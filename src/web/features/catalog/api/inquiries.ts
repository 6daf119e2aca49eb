import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';
import { bag, type BagItem } from '../bag/bag-store.ts';
import { formatPrice } from '../components/price.tsx';

import type { CreateInquiryInput, InquiryStatus } from './types.ts';

export type { CreateInquiryInput, Inquiry, InquiryStatus } from './types.ts';
export type PreferredContact = CreateInquiryInput['preferredContact'];

export function createInquiry(api: ApiClient, productId: string, input: CreateInquiryInput) {
  return call(api.POST('/api/v1/products/{productId}/inquiries', { params: { path: { productId } }, body: input }));
}

export function useCreateInquiry(productId: string) {
  const { api } = useSession();
  return useMutation({ mutationFn: (input: CreateInquiryInput) => createInquiry(api, productId, input) });
}

/**
 * Sends each piece of the bag as its own inquiry (each may belong to another house, with its own adviser). A piece
 * leaves the bag as soon as its request is accepted, so a retry after a failure never sends one twice.
 */
export function useRequestBag() {
  const { api } = useSession();
  return useMutation({
    mutationFn: async (items: readonly BagItem[]) => {
      let sent = 0;
      for (const item of items) {
        const detail = [
          item.variantLabel,
          `quantity ${item.quantity}`,
          item.price ? `shown at ${formatPrice(item.price)}` : 'price on request',
        ]
          .filter(Boolean)
          .join(', ');
        await createInquiry(api, item.productId, {
          message: `I would like to acquire ${item.name} (${detail}). Please confirm availability and delivery.`,
          preferredContact: 'EMAIL',
        });
        bag.remove(item);
        sent += 1;
      }
      return sent;
    },
  });
}

const PAGE_SIZE = 20;

/** The inquiry inbox: a partner sees their own house's, an administrator everyone's. */
export function getInquiriesQueryOptions(api: ApiClient, status: InquiryStatus | undefined) {
  return infiniteQueryOptions({
    queryKey: ['catalog', 'inquiries', status ?? 'all'],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/inquiries', {
          params: { query: { maxResults: PAGE_SIZE, ...(status ? { status } : {}), ...(pageParam ? { nextToken: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextToken,
  });
}

export function useInquiries(status: InquiryStatus | undefined) {
  const { api } = useSession();
  return useInfiniteQuery(getInquiriesQueryOptions(api, status));
}

export function useAnswerInquiry() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ inquiryId, answer, close }: { inquiryId: string; answer: string; close: boolean }) =>
      call(api.POST('/api/v1/inquiries/{inquiryId}/answer', { params: { path: { inquiryId } }, body: { answer, close } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['catalog', 'inquiries'] }),
  });
}
