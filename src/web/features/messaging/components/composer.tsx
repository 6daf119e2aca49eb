import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog, DialogContent } from '../../../components/ui/dialog.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { cn } from '../../../lib/cn.ts';
import { useSession } from '../../auth/session.tsx';
import { PushInvitation } from '../../notifications/components/push-invitation.tsx';
import { uploadAttachment, usePieceSearch, useSendMessage, type Conversation, type Message, type Piece } from '../api.ts';

const MAX_FILES = 10;
const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,application/pdf';

const money = (price: Piece['price'], onRequest: boolean) =>
  onRequest
    ? 'Price on request'
    : new Intl.NumberFormat(undefined, { style: 'currency', currency: price.currency, maximumFractionDigits: 0 }).format(price.amount);

type Props = {
  conversation: Conversation;
  replyTo: { message: Message; author: string } | undefined;
  onCancelReply: () => void;
  onTyping: () => void;
  onSent: (m: Message) => void;
};

/** Writes a message: words, up to ten photos or PDFs (previewed before sending), a piece of the catalogue, a reply. */
export function Composer({ conversation, replyTo, onCancelReply, onTyping, onSent }: Props) {
  const session = useSession();
  const sendMessage = useSendMessage(conversation);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [piece, setPiece] = useState<Piece | undefined>();
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // Once a message is on its way, hearing back matters: the moment to offer push notifications.
  const [sentOne, setSentOne] = useState(false);
  const lastTyping = useRef(0);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useEffect(() => {
    if (replyTo) textarea.current?.focus();
  }, [replyTo]);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy || (!text.trim() && !files.length && !piece)) return;
    setBusy(true);
    setError('');
    try {
      const token = await session.token();
      const attachmentIds = [];
      for (const f of files) attachmentIds.push((await uploadAttachment(token, conversation.conversationId, f)).attachmentId);
      const sent = await sendMessage.mutateAsync({
        content: text,
        attachmentIds,
        ...(replyTo ? { replyToId: replyTo.message.messageId } : {}),
        ...(piece ? { productId: piece.productId } : {}),
      });
      onSent(sent.message);
      setSentOne(true);
      setText('');
      setFiles([]);
      setPiece(undefined);
      onCancelReply();
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
    if (e.key === 'Escape' && replyTo) onCancelReply();
  };

  return (
    <form onSubmit={submit} className="border-t border-line bg-ivory p-4 sm:px-5" aria-label="Write a message">
      {sentOne && <PushInvitation reason="message" className="mb-4" />}
      {error && (
        <p role="alert" className="mb-3 text-sm text-danger">
          {error}
        </p>
      )}
      {replyTo && (
        <div
          className="mb-3 flex items-start gap-3 border-l-2 border-gold-deep bg-sand/70 py-2 pr-2 pl-3 text-sm"
          data-testid="replying-to"
        >
          <div className="min-w-0 flex-1">
            <p className="eyebrow text-[0.625rem] text-gold-deep">Replying to {replyTo.author}</p>
            <p className="truncate text-ink-soft">{replyTo.message.content || 'An attachment'}</p>
          </div>
          <button
            type="button"
            onClick={onCancelReply}
            className="px-2 text-lg leading-none text-stone hover:text-ink"
            aria-label="Cancel the reply"
          >
            ×
          </button>
        </div>
      )}
      {(files.length > 0 || piece) && (
        <ul className="mb-3 flex flex-wrap gap-2" aria-label="To be sent with the message">
          {piece && (
            <li className="flex h-20 items-center gap-3 border border-line bg-sand/60 pr-2" data-testid="chosen-piece">
              {piece.image ? (
                <img src={piece.image.url} alt="" className="h-20 w-16 object-cover" />
              ) : (
                <span className="h-20 w-16 bg-sand" aria-hidden="true" />
              )}
              <span className="max-w-[11rem] min-w-0">
                <span className="eyebrow block truncate text-[0.625rem] text-gold-deep">{piece.brandName}</span>
                <span className="block truncate text-sm text-ink">{piece.name}</span>
              </span>
              <RemoveButton label={`Remove ${piece.name}`} onClick={() => setPiece(undefined)} />
            </li>
          )}
          {files.map((f, i) => (
            <FilePreview key={`${f.name}-${i}`} file={f} onRemove={() => setFiles((prev) => prev.filter((_, j) => j !== i))} />
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-text`} className="sr-only">
        Your message
      </label>
      <textarea
        ref={textarea}
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
        className="w-full resize-none border border-line bg-ivory px-4 py-3 leading-relaxed text-ink placeholder:text-stone focus:border-ink focus:outline-none"
      />
      <div className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-3">
        <label className="eyebrow cursor-pointer border-b border-ink/30 pb-0.5 text-[0.625rem] text-ink focus-within:border-ink hover:border-ink">
          Attach photos or PDFs
          <input
            type="file"
            multiple
            accept={ACCEPT}
            className="sr-only"
            onChange={(e) => {
              const chosen = [...(e.target.files ?? [])];
              setFiles((prev) => [...prev, ...chosen].slice(0, MAX_FILES));
              if (files.length + chosen.length > MAX_FILES) setError(`At most ${MAX_FILES} attachments per message`);
              e.target.value = '';
            }}
          />
        </label>
        <button
          type="button"
          onClick={() => setPicking(true)}
          className="eyebrow border-b border-ink/30 pb-0.5 text-[0.625rem] text-ink hover:border-ink"
          aria-haspopup="dialog"
        >
          Share a piece
        </button>
        <Button type="submit" size="sm" loading={busy} className="ml-auto">
          Send
        </Button>
      </div>
      <PiecePicker
        open={picking}
        onOpenChange={setPicking}
        onPick={(p) => {
          setPiece(p);
          setPicking(false);
          textarea.current?.focus();
        }}
      />
    </form>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      className="flex size-6 shrink-0 items-center justify-center bg-ivory/90 text-base leading-none text-ink-soft hover:text-ink"
    >
      ×
    </button>
  );
}

function FilePreview({ file, onRemove }: { file: File; onRemove: () => void }) {
  const isImage = file.type.startsWith('image/');
  const url = useMemo(() => (isImage ? URL.createObjectURL(file) : undefined), [file, isImage]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return (
    <li className="relative h-20" data-testid="attachment-preview">
      {url ? (
        <img src={url} alt={file.name} className="h-20 w-20 border border-line object-cover" />
      ) : (
        <span className="flex h-20 w-36 flex-col justify-center gap-1 border border-line bg-sand/60 px-3 pr-7">
          <span className="eyebrow text-[0.5625rem] text-gold-deep">PDF</span>
          <span className="truncate text-xs text-ink">{file.name}</span>
        </span>
      )}
      <span className="absolute top-0 right-0">
        <RemoveButton label={`Remove ${file.name}`} onClick={onRemove} />
      </span>
    </li>
  );
}

/** Searches the catalogue (as the member may see it) to share one piece as a card. */
function PiecePicker({ open, onOpenChange, onPick }: { open: boolean; onOpenChange: (o: boolean) => void; onPick: (p: Piece) => void }) {
  const [q, setQ] = useState('');
  const found = usePieceSearch(q);
  const pieces = found.data?.products ?? [];
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Share a piece"
        description="Search the boutique; the piece appears in the conversation as a card."
        className="max-w-xl"
      >
        <div role="search">
          <label htmlFor="piece-search" className="sr-only">
            Search the catalogue
          </label>
          <Input
            id="piece-search"
            type="search"
            autoFocus
            placeholder="A house, a piece, a colour…"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.preventDefault();
            }}
          />
        </div>
        <div className="mt-4 max-h-[50vh] min-h-40 overflow-y-auto" aria-live="polite">
          {q.trim().length < 2 ? (
            <p className="py-8 text-center text-sm text-stone">Type two letters or more.</p>
          ) : found.isError ? (
            <p className="py-8 text-center text-sm text-danger">The boutique could not be searched. Try again in a moment.</p>
          ) : found.isPending ? (
            <p className="py-8 text-center text-sm text-stone">Searching…</p>
          ) : pieces.length === 0 ? (
            <p className="py-8 text-center text-sm text-stone">No piece matches “{q.trim()}”.</p>
          ) : (
            <ul aria-label="Pieces" className="divide-y divide-line">
              {pieces.map((p) => (
                <li key={p.productId}>
                  <button
                    type="button"
                    onClick={() => onPick(p)}
                    className={cn(
                      'flex w-full items-center gap-4 py-3 text-left transition-colors hover:bg-sand/60 focus-visible:bg-sand/60',
                    )}
                    aria-label={`Share ${p.name} by ${p.brandName}`}
                  >
                    {p.image ? (
                      <img src={p.image.url} alt="" className="h-20 w-16 shrink-0 bg-sand object-cover" loading="lazy" />
                    ) : (
                      <span className="h-20 w-16 shrink-0 bg-sand" aria-hidden="true" />
                    )}
                    <span className="min-w-0 flex-1">
                      <span className="eyebrow block truncate text-[0.625rem] text-gold-deep">{p.brandName}</span>
                      <span className="mt-1 block truncate font-display text-lg text-ink">{p.name}</span>
                      <span className="block text-sm text-stone">{money(p.price, p.priceOnRequest)}</span>
                    </span>
                    <span className="eyebrow pr-2 text-[0.625rem] text-ink">Share</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </DialogContent>
    </Dialog>
  );
}
