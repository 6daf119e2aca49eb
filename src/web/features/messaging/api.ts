import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../lib/api/schema.d.ts';
import { call } from '../../lib/api/problem.ts';
import { useSession, useSignedInUser } from '../auth/session.tsx';

export type Conversation = components['schemas']['Conversation'];
export type Message = components['schemas']['Message'];

export function useConversations(search?: string) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['messaging', 'conversations', search ?? ''],
    queryFn: () => call(api.GET('/api/v1/conversations', { params: { query: { maxResults: 50, ...(search ? { search } : {}) } } })),
    staleTime: 5_000,
  });
}

/** The conversation and its messages, newest page first; older pages come with `fetchNextPage` (scrolling back). */
export function useConversation(conversationId: string) {
  const { api } = useSession();
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: ['messaging', 'conversation', conversationId],
      queryFn: ({ pageParam }) =>
        call(
          api.GET('/api/v1/conversations/{conversationId}', {
            params: { path: { conversationId }, query: { maxResults: 30, ...(pageParam ? { nextToken: pageParam } : {}) } },
          }),
        ),
      initialPageParam: '',
      getNextPageParam: (page) => page.nextToken,
      staleTime: Infinity,
    }),
  );
}

export function useSendMessage(conversation: Conversation) {
  const { api } = useSession();
  const user = useSignedInUser();
  const other =
    conversation.kind === 'HOUSE'
      ? (conversation.participants.find((p) => p !== user.userId) ?? '')
      : (conversation.participants.find((p) => p !== user.userId) ?? '');
  return useMutation({
    mutationFn: (input: { content: string; attachmentIds?: string[]; replyToId?: string; productId?: string }) =>
      call(
        api.POST('/api/v1/messages', {
          body: {
            senderId: user.userId,
            recipientId: other,
            conversationId: conversation.conversationId,
            content: input.content,
            ...(input.attachmentIds?.length ? { attachments: input.attachmentIds.map((attachmentId) => ({ attachmentId })) } : {}),
            ...(input.replyToId ? { replyToId: input.replyToId } : {}),
            ...(input.productId ? { card: { type: 'PRODUCT' as const, productId: input.productId } } : {}),
          },
        }),
      ),
  });
}

export function useMarkRead() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { conversationId: string; seq: number }) =>
      call(
        api.PUT('/api/v1/conversations/{conversationId}/read', {
          params: { path: { conversationId: input.conversationId } },
          body: { seq: input.seq },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['messaging', 'conversations'] }),
  });
}

/** Uploads one file to the conversation (multipart); the answer names it for the next message. */
export async function uploadAttachment(
  token: string | null,
  conversationId: string,
  file: File,
): Promise<components['schemas']['Attachment']> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch(`/api/v1/conversations/${conversationId}/attachments`, {
    method: 'POST',
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const body = (await res.json()) as { message?: string } & components['schemas']['Attachment'];
  if (!res.ok) throw new Error(body.message ?? 'The file could not be attached');
  return body;
}

export async function fetchMessagesAfter(
  api: ReturnType<typeof useSession>['api'],
  userId: string,
  conversationId: string,
  afterSeq: number,
): Promise<Message[]> {
  const out: Message[] = [];
  let nextToken: string | undefined;
  do {
    const page = await call(
      api.GET('/api/v1/messages', {
        params: { query: { userId, conversationId, afterSeq, maxResults: 200, ...(nextToken ? { nextToken } : {}) } },
      }),
    );
    out.push(...page.messages);
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

/** Edits one's own message (the server allows 15 minutes after sending). */
export function useEditMessage() {
  const { api } = useSession();
  return useMutation({
    mutationFn: (input: { messageId: string; content: string }) =>
      call(
        api.PATCH('/api/v1/messages/{messageId}', { params: { path: { messageId: input.messageId } }, body: { content: input.content } }),
      ),
  });
}

/** Deletes one's own message for everyone: a tombstone keeps its place. */
export function useDeleteMessage() {
  const { api } = useSession();
  return useMutation({
    mutationFn: (messageId: string) => call(api.DELETE('/api/v1/messages/{messageId}', { params: { path: { messageId } } })),
  });
}

export function useReportMessage() {
  const { api } = useSession();
  return useMutation({
    mutationFn: (input: { messageId: string; reason: string }) =>
      call(
        api.POST('/api/v1/messages/{messageId}/report', {
          params: { path: { messageId: input.messageId } },
          body: { reason: input.reason },
        }),
      ),
  });
}

export type MessageSearch = { words: string; conversationId: string; hasAttachment: boolean; from: string; to: string };

export const isSearching = (s: MessageSearch) => Boolean(s.words || s.conversationId || s.hasAttachment || s.from || s.to);

/** Messages of one's own conversations matching every filter given (words, one conversation, attachments, dates). */
export function useMessageSearch(search: MessageSearch) {
  const { api } = useSession();
  const user = useSignedInUser();
  // Dates are the reader's own days: from the start of `from` to the end of `to`.
  const startDate = search.from ? new Date(`${search.from}T00:00:00`).toISOString() : undefined;
  const endDate = search.to ? new Date(new Date(`${search.to}T00:00:00`).getTime() + 86_400_000).toISOString() : undefined;
  return useQuery({
    queryKey: ['messaging', 'search', search],
    enabled: isSearching(search),
    queryFn: () =>
      call(
        api.GET('/api/v1/messages', {
          params: {
            query: {
              userId: user.userId,
              maxResults: 50,
              ...(search.words ? { search: search.words } : {}),
              ...(search.conversationId ? { conversationId: search.conversationId } : {}),
              ...(search.hasAttachment ? { hasAttachment: 'true' as const } : {}),
              ...(startDate ? { startDate } : {}),
              ...(endDate ? { endDate } : {}),
            },
          },
        }),
      ),
  });
}

/** Pieces of the catalogue for the composer's picker, as the signed-in member may see them. */
export function usePieceSearch(q: string) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['messaging', 'pieces', q],
    enabled: q.trim().length >= 2,
    queryFn: () => call(api.GET('/api/v1/products/suggest', { params: { query: { q: q.trim(), limit: 6 } } })),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export type Piece = components['schemas']['SuggestOutput']['products'][number];
export type MessageReport = components['schemas']['MessageReport'];
export type ReportStatus = MessageReport['status'];

/** The house office's reports to review, newest first. */
export function useMessageReports(status: ReportStatus | undefined) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['messaging', 'reports', status ?? 'all'],
    queryFn: () =>
      call(api.GET('/api/v1/admin/message-reports', { params: { query: { maxResults: 100, ...(status ? { status } : {}) } } })),
  });
}

export function useReviewReport() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { reportId: string; status: 'DISMISSED' | 'ACTIONED'; note?: string; deleteMessage?: boolean }) =>
      call(
        api.POST('/api/v1/admin/message-reports/{reportId}/review', {
          params: { path: { reportId: input.reportId } },
          body: {
            status: input.status,
            ...(input.note ? { note: input.note } : {}),
            ...(input.deleteMessage ? { deleteMessage: true } : {}),
          },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['messaging', 'reports'] }),
  });
}
