import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
    mutationFn: (input: { content: string; attachmentIds?: string[] }) =>
      call(
        api.POST('/api/v1/messages', {
          body: {
            senderId: user.userId,
            recipientId: other,
            conversationId: conversation.conversationId,
            content: input.content,
            ...(input.attachmentIds?.length ? { attachments: input.attachmentIds.map((attachmentId) => ({ attachmentId })) } : {}),
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
