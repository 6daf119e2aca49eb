import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ListError, ListLoading } from '../../../components/ui/list-state.tsx';
import { cn } from '../../../lib/cn.ts';
import { useMessageSearch, type Conversation, type MessageSearch } from '../api.ts';
import { dayOf } from './message-item.tsx';

export const EMPTY_SEARCH: MessageSearch = { words: '', conversationId: '', hasAttachment: false, from: '', to: '' };

const filterLabel = 'eyebrow text-[0.625rem] text-stone';
const filterControl =
  'mt-1 block w-full border-0 border-b border-stone/60 bg-transparent px-0 py-1.5 text-sm text-ink hover:border-ink focus:border-ink';

/** The inbox's search: words or a name, and (refined) one person, attachments only, and dates. */
export function InboxSearchForm({
  conversations,
  value,
  onSearch,
}: {
  conversations: Conversation[];
  value: MessageSearch;
  onSearch: (s: MessageSearch) => void;
}) {
  const [draft, setDraft] = useState(value);
  const [refining, setRefining] = useState(Boolean(value.conversationId || value.hasAttachment || value.from || value.to));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch({ ...draft, words: draft.words.trim() });
  };
  const set = (patch: Partial<MessageSearch>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <form role="search" className="border-b border-line p-4" onSubmit={submit} aria-label="Search your conversations">
      <div className="flex items-end gap-3">
        <div className="min-w-0 flex-1">
          <label className="sr-only" htmlFor="inbox-search">
            Search conversations
          </label>
          <input
            id="inbox-search"
            type="search"
            placeholder="Search names or words"
            value={draft.words}
            onChange={(e) => set({ words: e.target.value })}
            className="block w-full border-0 border-b border-stone/60 bg-transparent px-0 py-2.5 text-base text-ink placeholder:text-stone hover:border-ink focus:border-ink"
          />
        </div>
        <button
          type="button"
          aria-expanded={refining}
          aria-controls="inbox-refine"
          onClick={() => setRefining((r) => !r)}
          className="eyebrow shrink-0 pb-2.5 text-[0.625rem] text-ink underline-offset-4 hover:underline"
        >
          Refine
        </button>
      </div>
      <div id="inbox-refine" hidden={!refining} className="mt-4 grid grid-cols-2 gap-x-4 gap-y-4">
        <div className="col-span-2">
          <label htmlFor="inbox-with" className={filterLabel}>
            With
          </label>
          <select
            id="inbox-with"
            value={draft.conversationId}
            onChange={(e) => set({ conversationId: e.target.value })}
            className={filterControl}
          >
            <option value="">Anyone</option>
            {conversations.map((c) => (
              <option key={c.conversationId} value={c.conversationId}>
                {c.title}
                {c.subtitle ? ` — ${c.subtitle}` : ''}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="inbox-from" className={filterLabel}>
            From
          </label>
          <input
            id="inbox-from"
            type="date"
            value={draft.from}
            max={draft.to || undefined}
            onChange={(e) => set({ from: e.target.value })}
            className={filterControl}
          />
        </div>
        <div>
          <label htmlFor="inbox-to" className={filterLabel}>
            Until
          </label>
          <input
            id="inbox-to"
            type="date"
            value={draft.to}
            min={draft.from || undefined}
            onChange={(e) => set({ to: e.target.value })}
            className={filterControl}
          />
        </div>
        <label className="col-span-2 flex items-center gap-3 text-sm text-ink">
          <input
            type="checkbox"
            checked={draft.hasAttachment}
            onChange={(e) => set({ hasAttachment: e.target.checked })}
            className="size-4 accent-ink"
          />
          Only messages with photos or documents
        </label>
        <div className="col-span-2 flex items-center justify-between gap-4">
          <button
            type="button"
            className="text-sm text-stone underline underline-offset-4 hover:text-ink"
            onClick={() => {
              setDraft(EMPTY_SEARCH);
              onSearch(EMPTY_SEARCH);
            }}
          >
            Clear
          </button>
          <button
            type="submit"
            className="eyebrow border border-ink px-5 py-2 text-[0.625rem] text-ink transition-colors hover:bg-ink hover:text-ivory"
          >
            Search
          </button>
        </div>
      </div>
    </form>
  );
}

/** Highlights the searched words in an excerpt (whole words, as the server matches them). */
function Excerpt({ text, words }: { text: string; words: string }) {
  const terms = words
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 1)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const short = text.length > 160 ? `${text.slice(0, 159)}…` : text;
  if (!terms.length) return <>{short}</>;
  const parts = short.split(new RegExp(`(${terms.join('|')})`, 'gi'));
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="bg-gold-light/40 text-ink">
            {p}
          </mark>
        ) : (
          p
        ),
      )}
    </>
  );
}

/** Messages matching the search, across the reader's conversations; each opens its conversation at the message. */
export function MessageResults({ search, conversations, base }: { search: MessageSearch; conversations: Conversation[]; base: string }) {
  const results = useMessageSearch(search);
  const byId = new Map(conversations.map((c) => [c.conversationId, c]));
  const found = results.data?.messages ?? [];
  return (
    <section aria-label="Messages found" className="border-b border-line">
      <h2 className="eyebrow px-5 pt-5 pb-2 text-[0.625rem] text-gold-deep">Messages</h2>
      {results.isPending ? (
        <div className="p-5">
          <ListLoading rows={2} />
        </div>
      ) : results.isError ? (
        <div className="p-5">
          <ListError error={results.error} />
        </div>
      ) : found.length === 0 ? (
        <p className="px-5 pb-5 text-sm text-stone">No message matches.</p>
      ) : (
        <ul>
          {found.map((m) => {
            const c = byId.get(m.conversationId);
            return (
              <li key={m.messageId}>
                <Link
                  to={`${base}/${m.conversationId}?message=${m.seq}`}
                  className="block border-t border-line px-5 py-3 transition-colors hover:bg-sand focus-visible:bg-sand"
                  data-testid="message-result"
                >
                  <span className="flex items-baseline justify-between gap-3">
                    <span className="truncate text-sm text-ink">{c?.title ?? 'Conversation'}</span>
                    <span className="shrink-0 text-xs text-stone">{dayOf(m.timestamp)}</span>
                  </span>
                  <span className={cn('mt-1 block text-sm text-ink-soft', !m.content && 'italic')}>
                    {m.content ? (
                      <Excerpt text={m.content} words={search.words} />
                    ) : m.card?.type === 'PRODUCT' ? (
                      `A piece: ${m.card.name ?? ''}`
                    ) : (
                      'An attachment'
                    )}
                  </span>
                  {m.attachments && m.attachments.length > 0 && (
                    <span className="mt-1 block text-[0.6875rem] text-stone">
                      {m.attachments.length === 1 ? (m.attachments[0]!.name ?? '1 attachment') : `${m.attachments.length} attachments`}
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
