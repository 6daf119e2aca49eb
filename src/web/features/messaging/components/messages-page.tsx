import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ConversationSync } from '../../../../shared/conversation-sync.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { ListError, ListLoading } from '../../../components/ui/list-state.tsx';
import { cn } from '../../../lib/cn.ts';
import { useSession, useSignedInUser } from '../../auth/session.tsx';
import {
  fetchMessagesAfter,
  uploadAttachment,
  useConversation,
  useConversations,
  useMarkRead,
  useSendMessage,
  type Conversation,
  type Message,
} from '../api.ts';
import { useRealtime, type RealtimeEvent } from '../realtime.ts';

const timeOf = (iso: string) => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
const dayOf = (iso: string) => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' }).format(new Date(iso));

/** The inbox and, when one is chosen, the conversation beside it (one column on a phone). */
export function MessagesPage({ base, conversationId }: { base: string; conversationId?: string }) {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const conversations = useConversations(query || undefined);
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
  const list = conversations.data?.conversations ?? [];
  const selected = list.find((c) => c.conversationId === conversationId);

  return (
    <div className="grid min-h-[32rem] gap-0 border border-line bg-ivory lg:grid-cols-[minmax(16rem,22rem)_1fr]">
      <section aria-label="Conversations" className={cn('border-line lg:border-r', conversationId && 'hidden lg:block')}>
        <form
          role="search"
          className="border-b border-line p-4"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery(search.trim());
          }}
        >
          <label className="sr-only" htmlFor="inbox-search">
            Search conversations
          </label>
          <Input
            id="inbox-search"
            type="search"
            placeholder="Search names or words"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </form>
        {conversations.isPending ? (
          <div className="p-6">
            <ListLoading rows={4} />
          </div>
        ) : conversations.isError ? (
          <div className="p-6">
            <ListError error={conversations.error} />
          </div>
        ) : list.length === 0 ? (
          <p className="p-6 text-ink-soft">
            {query ? 'Nothing matches your search.' : 'No conversations yet. A booking request or an enquiry about a piece opens one.'}
          </p>
        ) : (
          <ul>
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
                    <span className="shrink-0 text-xs text-ink-soft">{dayOf(c.lastMessageTimestamp)}</span>
                  </div>
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
      </section>
      <section aria-label="Conversation" className={cn('flex min-h-[32rem] flex-col', !conversationId && 'hidden lg:flex')}>
        {conversationId ? (
          <ConversationView key={conversationId} conversationId={conversationId} summary={selected} base={base} connected={connected} />
        ) : (
          <div className="flex flex-1 items-center justify-center p-10 text-center text-ink-soft">Choose a conversation.</div>
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
  // Braces: newer browsers' scrollIntoView returns a promise, which React would take for a cleanup function.
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [lastSeq]);

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
      <header className="flex items-center gap-4 border-b border-line px-5 py-4">
        <button type="button" className="text-sm text-ink-soft underline lg:hidden" onClick={() => void navigate(base)}>
          All conversations
        </button>
        <div className="min-w-0">
          <h2 className="display truncate text-2xl text-ink">{conversation.title}</h2>
          {conversation.subtitle && <p className="truncate text-sm text-ink-soft">{conversation.subtitle}</p>}
        </div>
        <span className="ml-auto text-xs text-ink-soft" aria-live="off">
          {connected ? 'Live' : 'Updating every few seconds'}
        </span>
      </header>
      <div className="flex-1 overflow-y-auto px-5 py-6" style={{ maxHeight: '60vh' }}>
        {thread.hasNextPage && (
          <div className="mb-6 text-center">
            <Button variant="ghost" size="sm" loading={thread.isFetchingNextPage} onClick={() => void thread.fetchNextPage()}>
              Earlier messages
            </Button>
          </div>
        )}
        <ol className="space-y-4" aria-label="Messages">
          {messages.map((m) => (
            <MessageBubble key={m.seq} message={m} mine={m.senderId === user.userId} author={names.get(m.senderId) ?? ''} />
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
          onTyping={() => send({ type: 'typing', conversationId })}
          onSent={(m) => setLive((prev) => [...prev, m])}
        />
      ) : (
        <p className="border-t border-line p-5 text-sm text-ink-soft">You can no longer write in this conversation.</p>
      )}
    </>
  );
}

function MessageBubble({ message, mine, author }: { message: Message; mine: boolean; author: string }) {
  return (
    <li className={cn('flex flex-col', mine ? 'items-end' : 'items-start')} data-seq={message.seq}>
      <span className="sr-only">{mine ? 'You' : author}:</span>
      <div className={cn('max-w-[85%] px-4 py-3 leading-relaxed', mine ? 'bg-ink text-ivory' : 'border border-line bg-sand text-ink')}>
        {message.deleted ? (
          <em className="opacity-70">Message deleted</em>
        ) : (
          <>
            {message.replyTo && <p className="mb-2 border-l-2 border-gold pl-2 text-sm opacity-80">{message.replyTo.excerpt}</p>}
            {message.card?.type === 'PRODUCT' && (
              <a href={message.card.href ?? '#'} className="mb-2 block border border-gold/60 p-3 text-sm">
                <span className="eyebrow block text-gold">{message.card.brandName}</span>
                {message.card.name}
              </a>
            )}
            {message.card?.type === 'BOOKING' && (
              <p className="mb-2 border border-gold/60 p-3 text-sm">
                <span className="eyebrow block text-gold">Session request</span>
                {message.card.startTime
                  ? `${dayOf(message.card.startTime)}, ${timeOf(message.card.startTime)} · ${message.card.durationMinutes ?? 60} min`
                  : 'A session'}
              </p>
            )}
            {message.content && <p className="whitespace-pre-wrap break-words">{message.content}</p>}
            {message.attachments?.map((a) =>
              a.type === 'IMAGE' ? (
                <a key={a.attachmentId} href={a.url} target="_blank" rel="noreferrer" className="mt-2 block">
                  <img src={a.url} alt={a.name ?? 'Photo'} width={a.width} height={a.height} className="max-h-64 w-auto" loading="lazy" />
                </a>
              ) : (
                <a key={a.attachmentId} href={a.url} className="mt-2 block underline" download>
                  {a.name ?? 'Document'} (PDF)
                </a>
              ),
            )}
          </>
        )}
      </div>
      <span className="mt-1 text-[0.6875rem] text-ink-soft">
        {timeOf(message.timestamp)}
        {message.editedAt && !message.deleted ? ' · edited' : ''}
      </span>
    </li>
  );
}

function Composer({ conversation, onTyping, onSent }: { conversation: Conversation; onTyping: () => void; onSent: (m: Message) => void }) {
  const session = useSession();
  const sendMessage = useSendMessage(conversation);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const lastTyping = useRef(0);
  const id = useId();

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy || (!text.trim() && !files.length)) return;
    setBusy(true);
    setError('');
    try {
      const token = await session.token();
      const attachmentIds = [];
      for (const f of files) attachmentIds.push((await uploadAttachment(token, conversation.conversationId, f)).attachmentId);
      const sent = await sendMessage.mutateAsync({ content: text, attachmentIds });
      onSent(sent.message);
      setText('');
      setFiles([]);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Your message could not be sent');
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <form onSubmit={submit} className="border-t border-line p-4">
      {error && (
        <p role="alert" className="mb-3 text-sm text-danger">
          {error}
        </p>
      )}
      {files.length > 0 && <p className="mb-2 text-sm text-ink-soft">{files.map((f) => f.name).join(', ')}</p>}
      <label htmlFor={`${id}-text`} className="sr-only">
        Your message
      </label>
      <textarea
        id={`${id}-text`}
        rows={2}
        value={text}
        maxLength={10_000}
        placeholder="Write a message — Enter to send, Shift+Enter for a new line"
        onKeyDown={onKeyDown}
        onChange={(e) => {
          setText(e.target.value);
          if (Date.now() - lastTyping.current > 2_000) {
            lastTyping.current = Date.now();
            onTyping();
          }
        }}
        className="w-full resize-none border border-line bg-ivory px-4 py-3 leading-relaxed text-ink focus:border-ink focus:outline-none"
      />
      <div className="mt-3 flex items-center justify-between gap-3">
        <label className="cursor-pointer text-sm text-ink underline">
          Attach photos or PDFs
          <input
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp,image/avif,application/pdf"
            className="sr-only"
            onChange={(e) => setFiles([...(e.target.files ?? [])].slice(0, 10))}
          />
        </label>
        <Button type="submit" size="sm" loading={busy}>
          Send
        </Button>
      </div>
    </form>
  );
}
