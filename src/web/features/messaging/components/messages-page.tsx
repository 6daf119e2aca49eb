import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ConversationSync } from '../../../../shared/conversation-sync.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ListError, ListLoading } from '../../../components/ui/list-state.tsx';
import { cn } from '../../../lib/cn.ts';
import { useSession, useSignedInUser } from '../../auth/session.tsx';
import {
  fetchMessagesAfter,
  isSearching,
  useConversation,
  useConversations,
  useMarkRead,
  type Conversation,
  type Message,
  type MessageSearch,
} from '../api.ts';
import { useRealtime, type RealtimeEvent } from '../realtime.ts';
import { Composer } from './composer.tsx';
import { EMPTY_SEARCH, InboxSearchForm, MessageResults } from './inbox-search.tsx';
import { dayOf, MessageItem, useNow } from './message-item.tsx';

/** The inbox and, when one is chosen, the conversation beside it (one column on a phone). */
export function MessagesPage({
  base,
  conversationId,
  empty = 'No conversations yet. A booking request or an enquiry about a piece opens one.',
}: {
  base: string;
  conversationId?: string;
  empty?: string;
}) {
  const [search, setSearch] = useState<MessageSearch>(EMPTY_SEARCH);
  const all = useConversations();
  const matching = useConversations(search.words || undefined);
  const queryClient = useQueryClient();
  const { connected } = useRealtime((event) => {
    if (event.type === 'message' || event.type === 'unread')
      void queryClient.invalidateQueries({ queryKey: ['messaging', 'conversations'] });
  });
  // Without a socket, the inbox is read again every few seconds.
  useEffect(() => {
    if (connected) return;
    const t = setInterval(() => void queryClient.invalidateQueries({ queryKey: ['messaging', 'conversations'] }), 8_000);
    return () => clearInterval(t);
  }, [connected, queryClient]);
  const everyone = all.data?.conversations ?? [];
  const searching = isSearching(search);
  // Words match names (and words) through the inbox; the other filters only apply to messages.
  const conversations = search.words ? matching : all;
  const list = conversations.data?.conversations ?? [];
  const selected = everyone.find((c) => c.conversationId === conversationId) ?? list.find((c) => c.conversationId === conversationId);

  return (
    <div className="grid min-h-[32rem] gap-0 border border-line bg-ivory lg:grid-cols-[minmax(18rem,24rem)_1fr]">
      <section aria-label="Conversations" className={cn('min-w-0 border-line lg:border-r', conversationId && 'hidden lg:block')}>
        <InboxSearchForm conversations={everyone} value={search} onSearch={setSearch} />
        {searching && <MessageResults search={search} conversations={everyone} base={base} />}
        {searching && !search.words ? null : (
          <>
            {search.words && <h2 className="eyebrow px-5 pt-5 pb-2 text-[0.625rem] text-gold-deep">Conversations</h2>}
            {conversations.isPending ? (
              <div className="p-6">
                <ListLoading rows={4} />
              </div>
            ) : conversations.isError ? (
              <div className="p-6">
                <ListError error={conversations.error} />
              </div>
            ) : list.length === 0 ? (
              <p className="p-6 text-sm text-stone">{search.words ? 'No conversation matches.' : empty}</p>
            ) : (
              <ul aria-label="Your conversations">
                {list.map((c) => (
                  <li key={c.conversationId}>
                    <Link
                      to={`${base}/${c.conversationId}`}
                      aria-current={c.conversationId === conversationId ? 'page' : undefined}
                      className={cn(
                        'block border-b border-line px-5 py-4 transition-colors hover:bg-sand focus-visible:bg-sand',
                        c.conversationId === conversationId && 'bg-sand',
                      )}
                    >
                      <div className="flex items-baseline justify-between gap-3">
                        <span className={cn('truncate text-ink', c.unreadCount > 0 && 'font-semibold')}>{c.title}</span>
                        <span className="shrink-0 text-xs text-stone">{dayOf(c.lastMessageTimestamp)}</span>
                      </div>
                      {c.subtitle && c.subtitle !== c.title && <div className="truncate text-xs text-gold-deep">{c.subtitle}</div>}
                      <div className="mt-1 flex items-center justify-between gap-3">
                        <span className="truncate text-sm text-ink-soft">{c.lastMessage}</span>
                        {c.unreadCount > 0 && (
                          <span
                            className="inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-ink px-1.5 text-[0.6875rem] text-ivory"
                            aria-label={`${c.unreadCount} unread`}
                          >
                            {c.unreadCount}
                          </span>
                        )}
                      </div>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      <section aria-label="Conversation" className={cn('flex min-h-[32rem] min-w-0 flex-col', !conversationId && 'hidden lg:flex')}>
        {conversationId ? (
          <ConversationView key={conversationId} conversationId={conversationId} summary={selected} base={base} connected={connected} />
        ) : (
          <div className="flex flex-1 flex-col items-center justify-center gap-3 p-10 text-center">
            <span className="h-px w-10 bg-gold" aria-hidden="true" />
            <p className="font-display text-2xl text-ink">Choose a conversation</p>
            <p className="max-w-xs text-sm text-stone">Your exchanges are private to you and the people you write to.</p>
          </div>
        )}
      </section>
    </div>
  );
}

function ConversationView({
  conversationId,
  summary,
  base,
  connected,
}: {
  conversationId: string;
  summary?: Conversation;
  base: string;
  connected: boolean;
}) {
  const user = useSignedInUser();
  const session = useSession();
  const navigate = useNavigate();
  const thread = useConversation(conversationId);
  const markRead = useMarkRead();
  const [live, setLive] = useState<Message[]>([]);
  const [edits, setEdits] = useState<Map<string, Message>>(new Map());
  const [readUpTo, setReadUpTo] = useState<Map<string, number>>(new Map());
  const [typing, setTyping] = useState<{ userId: string; until: number } | undefined>();
  const [announcement, setAnnouncement] = useState('');
  const [replyTo, setReplyTo] = useState<Message | undefined>();
  const now = useNow();
  const [params] = useSearchParams();
  const target = Number(params.get('message')) || undefined;
  const conversation = thread.data?.pages[0]?.conversation ?? summary;
  const names = useMemo(() => new Map((conversation?.members ?? []).map((m) => [m.userId, m.displayName])), [conversation]);

  const fetched = useMemo(() => (thread.data ? [...thread.data.pages].reverse().flatMap((p) => p.messages) : []), [thread.data]);
  const messages = useMemo(() => {
    const bySeq = new Map<number, Message>();
    for (const m of [...fetched, ...live]) bySeq.set(m.seq, edits.get(m.messageId) ?? m);
    return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  }, [fetched, live, edits]);
  const lastSeq = messages.at(-1)?.seq ?? 0;

  const sync = useMemo(
    () =>
      new ConversationSync<Message>(
        (id, after) => fetchMessagesAfter(session.api, user.userId, id, after),
        (_id, fresh) => {
          setLive((prev) => [...prev, ...fresh]);
          const last = fresh.at(-1);
          if (last && last.senderId !== user.userId)
            setAnnouncement(`New message from ${names.get(last.senderId) ?? 'them'}: ${last.content || 'an attachment'}`);
        },
      ),
    // One sync per conversation view (keyed by conversationId).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  useEffect(() => {
    if (thread.data) sync.follow(conversationId, Math.max(...thread.data.pages[0]!.messages.map((m) => m.seq), 0));
  }, [thread.data, sync, conversationId]);

  const { send } = useRealtime((event: RealtimeEvent) => {
    if (event.type === 'resync' || event.type === 'ready') return sync.onEvent(event as never);
    if (event.conversationId !== conversationId) return;
    if (event.type === 'message.updated' && event.message) {
      const m = event.message as Message;
      setEdits((prev) => new Map(prev).set(m.messageId, m));
      return;
    }
    if (event.type === 'receipt') setReadUpTo((prev) => new Map(prev).set(String(event.userId), Number(event.readUpTo)));
    if (event.type === 'typing') setTyping({ userId: String(event.userId), until: Date.parse(String(event.expiresAt)) });
    if (event.type === 'message') setTyping(undefined);
    sync.onEvent(event as never);
  });
  // Without a socket: look for new messages every few seconds.
  useEffect(() => {
    if (connected) return;
    const t = setInterval(() => void sync.repair(conversationId), 4_000);
    return () => clearInterval(t);
  }, [connected, sync, conversationId]);
  useEffect(() => {
    if (!typing) return;
    const t = setTimeout(() => setTyping(undefined), Math.max(0, typing.until - Date.now()));
    return () => clearTimeout(t);
  }, [typing]);

  // What is on screen is read.
  const myRead = conversation?.readUpTo ?? 0;
  const sentRead = useRef(0);
  useEffect(() => {
    if (lastSeq > Math.max(myRead, sentRead.current) && document.visibilityState === 'visible') {
      sentRead.current = lastSeq;
      markRead.mutate({ conversationId, seq: lastSeq });
    }
  }, [lastSeq, myRead, conversationId, markRead]);

  const bottom = useRef<HTMLDivElement>(null);
  const firstSeq = messages[0]?.seq ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  const keepFromBottom = useRef<number | undefined>(undefined);
  // Earlier messages arrived above: keep the reader where they were (their distance from the bottom).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || keepFromBottom.current === undefined) return;
    el.scrollTop = el.scrollHeight - keepFromBottom.current;
    keepFromBottom.current = undefined;
  }, [firstSeq]);
  const shown = useRef<number | undefined>(undefined);
  // Braces: newer browsers' scrollIntoView returns a promise, which React would take for a cleanup function.
  useEffect(() => {
    if (target && shown.current !== target) return;
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [lastSeq, target]);
  // Opened from a search result: load back to the message, then bring it into view.
  useEffect(() => {
    if (!target || shown.current === target || !thread.data) return;
    if (firstSeq > target && thread.hasNextPage) {
      if (!thread.isFetchingNextPage) void thread.fetchNextPage();
      return;
    }
    shown.current = target;
    document.getElementById(`message-${target}`)?.scrollIntoView({ block: 'center' });
  }, [target, firstSeq, thread]);

  if (thread.isError)
    return (
      <div className="p-6">
        <ListError error={thread.error} />
      </div>
    );
  if (!conversation)
    return (
      <div className="p-6">
        <ListLoading rows={3} />
      </div>
    );

  const others = conversation.members.filter((m) => m.userId !== user.userId);
  const otherRead = Math.max(0, ...others.map((m) => readUpTo.get(m.userId) ?? m.readUpTo));
  const myLast = [...messages].reverse().find((m) => m.senderId === user.userId);

  return (
    <>
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-line px-5 py-4">
        <button
          type="button"
          className="eyebrow basis-full text-left text-[0.625rem] text-stone hover:text-ink lg:hidden"
          onClick={() => void navigate(base)}
        >
          <span aria-hidden="true">← </span>All conversations
        </button>
        <div className="min-w-0 flex-1">
          <h2 className="display truncate text-2xl text-ink">{conversation.title}</h2>
          {conversation.subtitle && <p className="truncate text-sm text-ink-soft">{conversation.subtitle}</p>}
        </div>
        <span className="shrink-0 text-xs text-ink-soft" aria-live="off">
          {connected ? 'Live' : 'Updating every few seconds'}
        </span>
      </header>
      <div
        ref={scroller}
        className="flex-1 overflow-y-auto px-5 py-6 [overflow-anchor:none]"
        style={{ maxHeight: '60vh' }}
        onScroll={(e) => {
          // Scrolling back near the top brings the earlier page (the button stays for keyboards).
          if (e.currentTarget.scrollTop < 120 && thread.hasNextPage && !thread.isFetchingNextPage) {
            keepFromBottom.current = e.currentTarget.scrollHeight - e.currentTarget.scrollTop;
            void thread.fetchNextPage();
          }
        }}
      >
        {thread.hasNextPage && (
          <div className="mb-6 text-center">
            <Button
              variant="ghost"
              size="sm"
              loading={thread.isFetchingNextPage}
              onClick={() => {
                const el = scroller.current;
                if (el) keepFromBottom.current = el.scrollHeight - el.scrollTop;
                void thread.fetchNextPage();
              }}
            >
              Earlier messages
            </Button>
          </div>
        )}
        <ol className="space-y-4" aria-label="Messages">
          {messages.map((m) => (
            <MessageItem
              key={m.seq}
              message={m}
              mine={m.senderId === user.userId}
              author={names.get(m.senderId) ?? ''}
              canReport={user.userType !== 'ADMIN'}
              canWrite={conversation.canWrite}
              highlighted={m.seq === target}
              now={now}
              onReply={setReplyTo}
              onChanged={(changed) => {
                setEdits((prev) => new Map(prev).set(changed.messageId, changed));
                if (replyTo?.messageId === changed.messageId && changed.deleted) setReplyTo(undefined);
              }}
            />
          ))}
        </ol>
        {myLast && (
          <p className="mt-2 text-right text-xs text-ink-soft" data-testid="receipt">
            {otherRead >= myLast.seq ? 'Read' : myLast.status === 'DELIVERED' ? 'Delivered' : 'Sent'}
          </p>
        )}
        {typing && (
          <p className="mt-3 text-sm italic text-ink-soft" data-testid="typing">
            {names.get(typing.userId) ?? 'They'} is writing…
          </p>
        )}
        <div ref={bottom} />
      </div>
      <p className="sr-only" aria-live="polite" role="status">
        {announcement}
      </p>
      {conversation.canWrite ? (
        <Composer
          conversation={conversation}
          replyTo={
            replyTo
              ? { message: replyTo, author: replyTo.senderId === user.userId ? 'yourself' : (names.get(replyTo.senderId) ?? '') }
              : undefined
          }
          onCancelReply={() => setReplyTo(undefined)}
          onTyping={() => send({ type: 'typing', conversationId })}
          onSent={(m) => setLive((prev) => [...prev, m])}
        />
      ) : (
        <p className="border-t border-line p-5 text-sm text-ink-soft">You can no longer write in this conversation.</p>
      )}
    </>
  );
}
