import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog, DialogClose, DialogContent } from '../../../components/ui/dialog.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { cn } from '../../../lib/cn.ts';
import { useDeleteMessage, useEditMessage, useReportMessage, type Message } from '../api.ts';

/** Messages can be edited for 15 minutes after sending (the server holds the same rule). */
const EDIT_WINDOW_MS = 15 * 60_000;

/** The time, read again every half minute. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

export const timeOf = (iso: string) => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
export const dayOf = (iso: string) => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' }).format(new Date(iso));

const sizeOf = (bytes?: number) =>
  bytes === undefined ? '' : bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

type Props = {
  message: Message;
  mine: boolean;
  author: string;
  /** The house office reads enquiries; it does not report to itself. */
  canReport: boolean;
  canWrite: boolean;
  highlighted: boolean;
  /** The time now, ticking, so the edit action leaves when the window closes. */
  now: number;
  onReply: (message: Message) => void;
  onChanged: (message: Message) => void;
};

/** One message: its card, words, attachments and reply, and what the reader may do with it (reply, edit, delete, report). */
export function MessageItem({ message, mine, author, canReport, canWrite, highlighted, now, onReply, onChanged }: Props) {
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [reporting, setReporting] = useState(false);
  const editable = mine && !message.deleted && Boolean(message.content) && now - Date.parse(message.timestamp) < EDIT_WINDOW_MS;
  // Spoken names for the actions ("Edit the message you sent at 10:42"); never "your message", the composer's label.
  const who = mine ? `the message you sent at ${timeOf(message.timestamp)}` : `the message from ${author}`;

  return (
    <li
      className={cn('group flex flex-col', mine ? 'items-end' : 'items-start')}
      data-seq={message.seq}
      id={`message-${message.seq}`}
      data-testid="message"
    >
      <span className="sr-only">{mine ? 'You' : author}:</span>
      {message.deleted ? (
        <p className="max-w-[85%] border border-dashed border-line px-4 py-3 text-sm text-stone italic">
          {mine ? 'You deleted this message' : 'This message was deleted'}
        </p>
      ) : (
        <div
          className={cn(
            'max-w-[85%] px-4 py-3 leading-relaxed transition-shadow duration-700',
            mine ? 'bg-ink text-ivory' : 'border border-line bg-sand text-ink',
            highlighted && 'ring-2 ring-gold ring-offset-2 ring-offset-ivory',
          )}
        >
          {message.replyTo && (
            <a
              href={`#message-${message.replyTo.seq}`}
              className={cn('mb-2 block border-l-2 pl-3 text-sm', mine ? 'border-gold text-ivory/75' : 'border-gold-deep text-ink-soft')}
            >
              <span className="sr-only">In reply to: </span>
              {message.replyTo.excerpt || 'A message'}
            </a>
          )}
          {message.card?.type === 'PRODUCT' && <PieceCard card={message.card} onInk={mine} />}
          {message.card?.type === 'BOOKING' && (
            <p className={cn('mb-2 border p-3 text-sm', mine ? 'border-gold/60' : 'border-gold-deep/40')}>
              <span className={cn('eyebrow block', mine ? 'text-gold-light' : 'text-gold-deep')}>Session request</span>
              {message.card.startTime
                ? `${dayOf(message.card.startTime)}, ${timeOf(message.card.startTime)} · ${message.card.durationMinutes ?? 60} min`
                : 'A session'}
            </p>
          )}
          {editing ? (
            <EditForm message={message} onDone={() => setEditing(false)} onChanged={onChanged} />
          ) : (
            message.content && <p className="break-words whitespace-pre-wrap">{message.content}</p>
          )}
          {message.attachments && message.attachments.length > 0 && <Attachments message={message} onInk={mine} />}
        </div>
      )}
      <div className={cn('mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-[0.6875rem] text-stone', mine && 'flex-row-reverse')}>
        <span>
          {timeOf(message.timestamp)}
          {message.editedAt && !message.deleted ? ' · edited' : ''}
        </span>
        {!message.deleted && !editing && (
          <span
            className={cn(
              'flex gap-3 transition-opacity duration-300 [@media(hover:hover)]:opacity-0',
              'group-focus-within:opacity-100 group-hover:opacity-100',
            )}
          >
            {canWrite && <MessageAction label="Reply" describe={`Reply to ${who}`} onClick={() => onReply(message)} />}
            {editable && <MessageAction label="Edit" describe={`Edit ${who}`} onClick={() => setEditing(true)} />}
            {mine && <MessageAction label="Delete" describe={`Delete ${who} for everyone`} onClick={() => setConfirmDelete(true)} />}
            {!mine && canReport && <MessageAction label="Report" describe={`Report ${who}`} onClick={() => setReporting(true)} />}
          </span>
        )}
      </div>
      {mine && <DeleteDialog message={message} open={confirmDelete} onOpenChange={setConfirmDelete} onChanged={onChanged} />}
      {!mine && canReport && <ReportDialog message={message} author={author} open={reporting} onOpenChange={setReporting} />}
    </li>
  );
}

function MessageAction({ label, describe, onClick }: { label: string; describe: string; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={describe}
      className="eyebrow text-[0.625rem] tracking-[0.18em] text-stone underline-offset-4 hover:text-ink hover:underline"
    >
      {label}
    </button>
  );
}

function PieceCard({ card, onInk }: { card: Extract<Message['card'], { type: 'PRODUCT' }>; onInk: boolean }) {
  return (
    <a
      href={card.href ?? '#'}
      className={cn(
        'mb-2 flex w-72 max-w-full items-stretch gap-4 border transition-colors',
        onInk ? 'border-gold/50 bg-ink hover:border-gold' : 'border-line bg-ivory hover:border-ink/40',
      )}
      data-testid="piece-card"
    >
      {card.imageUrl ? (
        <img src={card.imageUrl} alt="" className="h-24 w-[4.5rem] shrink-0 bg-sand object-cover sm:h-28 sm:w-24" loading="lazy" />
      ) : (
        <span className="h-24 w-[4.5rem] shrink-0 bg-sand sm:h-28 sm:w-24" aria-hidden="true" />
      )}
      <span className="flex min-w-0 flex-col justify-center py-3 pr-3 sm:pr-4">
        <span className={cn('eyebrow block truncate text-[0.625rem]', onInk ? 'text-gold-light' : 'text-gold-deep')}>{card.brandName}</span>
        <span className="mt-1 line-clamp-2 font-display text-base leading-snug sm:text-lg">{card.name}</span>
        <span className={cn('mt-2 text-[0.6875rem] tracking-[0.18em] uppercase', onInk ? 'text-ivory/70' : 'text-stone')}>
          View the piece
        </span>
      </span>
    </a>
  );
}

function Attachments({ message, onInk }: { message: Message; onInk: boolean }) {
  const files = message.attachments ?? [];
  const images = files.filter((a) => a.type === 'IMAGE');
  const documents = files.filter((a) => a.type !== 'IMAGE');
  return (
    <div className="mt-2 space-y-2">
      {images.length > 0 && (
        <div className={cn('grid gap-1', images.length > 1 && 'grid-cols-2')}>
          {images.map((a) => (
            <a key={a.attachmentId} href={a.url} target="_blank" rel="noreferrer" className="block">
              <img
                src={images.length > 1 ? (a.thumbnailUrl ?? a.url) : a.url}
                alt={a.name ?? 'Photo'}
                width={a.width}
                height={a.height}
                className={cn('w-auto object-cover', images.length > 1 ? 'aspect-square h-32 w-full' : 'max-h-64')}
                loading="lazy"
              />
            </a>
          ))}
        </div>
      )}
      {documents.map((a) => (
        <a
          key={a.attachmentId}
          href={a.url}
          download
          className={cn('flex items-center gap-3 border px-3 py-2 text-sm', onInk ? 'border-ivory/30' : 'border-line bg-ivory')}
        >
          <span
            className={cn(
              'eyebrow border px-1.5 py-0.5 text-[0.5625rem]',
              onInk ? 'border-gold/60 text-gold-light' : 'border-gold-deep/50 text-gold-deep',
            )}
          >
            PDF
          </span>
          <span className="min-w-0 truncate">{a.name ?? 'Document'}</span>
          <span className={cn('ml-auto shrink-0 text-xs', onInk ? 'text-ivory/60' : 'text-stone')}>{sizeOf(a.size)}</span>
        </a>
      ))}
    </div>
  );
}

function EditForm({ message, onDone, onChanged }: { message: Message; onDone: () => void; onChanged: (m: Message) => void }) {
  const edit = useEditMessage();
  const [text, setText] = useState(message.content);
  const save = (e?: FormEvent) => {
    e?.preventDefault();
    const content = text.trim();
    if (!content || content === message.content) return onDone();
    edit.mutate(
      { messageId: message.messageId, content },
      {
        onSuccess: (m) => {
          onChanged(m);
          onDone();
        },
      },
    );
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape') onDone();
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      save();
    }
  };
  return (
    <form onSubmit={save} className="min-w-[16rem]">
      <label className="sr-only" htmlFor={`edit-${message.messageId}`}>
        Edit the text
      </label>
      <textarea
        id={`edit-${message.messageId}`}
        autoFocus
        rows={3}
        value={text}
        maxLength={10_000}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        className="w-full resize-y border border-gold/50 bg-transparent px-3 py-2 leading-relaxed focus:border-gold focus:outline-none"
      />
      {edit.error && (
        <p role="alert" className="mt-1 text-xs text-danger-light">
          {edit.error.message}
        </p>
      )}
      <div className="mt-2 flex justify-end gap-4 text-[0.625rem] tracking-[0.2em] uppercase">
        <button type="button" onClick={onDone} className="opacity-75 hover:opacity-100">
          Cancel
        </button>
        <button type="submit" className="underline underline-offset-4" disabled={edit.isPending}>
          Save
        </button>
      </div>
    </form>
  );
}

function DeleteDialog({
  message,
  open,
  onOpenChange,
  onChanged,
}: {
  message: Message;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onChanged: (m: Message) => void;
}) {
  const remove = useDeleteMessage();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Delete for everyone?"
        description="The message and its attachments are removed for both of you; a quiet note that it was deleted keeps its place."
        className="max-w-md"
      >
        {remove.error && (
          <p role="alert" className="mb-4 text-sm text-danger">
            {remove.error.message}
          </p>
        )}
        <div className="flex flex-wrap justify-end gap-4">
          <DialogClose asChild>
            <Button variant="secondary" size="sm">
              Keep it
            </Button>
          </DialogClose>
          <Button
            size="sm"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(message.messageId, {
                onSuccess: (m) => {
                  onChanged(m);
                  onOpenChange(false);
                },
              })
            }
          >
            Delete for everyone
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

function ReportDialog({
  message,
  author,
  open,
  onOpenChange,
}: {
  message: Message;
  author: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const report = useReportMessage();
  const { toast } = useToast();
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    report.mutate(
      { messageId: message.messageId, reason: reason.trim() },
      {
        onSuccess: () => {
          onOpenChange(false);
          setReason('');
          toast({ title: 'Thank you', description: 'The house office will review the message in confidence.', tone: 'success' });
        },
      },
    );
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Report this message"
        description={`The house office reviews every report in confidence; ${author} is not told who reported it.`}
        className="max-w-lg"
      >
        <form onSubmit={submit} className="space-y-5">
          <blockquote className="border-l-2 border-gold-deep/50 pl-4 text-sm text-ink-soft italic">
            {message.content ? (message.content.length > 200 ? `${message.content.slice(0, 199)}…` : message.content) : 'An attachment'}
          </blockquote>
          <div>
            <label htmlFor={`report-${message.messageId}`} className="eyebrow text-stone">
              What is wrong
            </label>
            <Textarea
              id={`report-${message.messageId}`}
              rows={3}
              required
              minLength={3}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          {report.error && (
            <p role="alert" className="text-sm text-danger">
              {report.error.message}
            </p>
          )}
          <div className="flex flex-wrap justify-end gap-4">
            <DialogClose asChild>
              <Button variant="secondary" size="sm">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" size="sm" loading={report.isPending} disabled={reason.trim().length < 3}>
              Report the message
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
