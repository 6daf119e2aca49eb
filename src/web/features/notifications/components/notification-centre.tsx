import { useId, useMemo } from 'react';
import { Link } from 'react-router';
import { Button, ButtonLink, buttonClasses } from '../../../components/ui/button.tsx';
import { ListError, ListLoading } from '../../../components/ui/list-state.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { cn } from '../../../lib/cn.ts';
import { useMarkNotificationsRead, useNotificationPages, type Notification } from '../api/notifications.ts';
import { byDay, KINDS, linkLabel, safeLink, timeOfDay } from '../present.ts';
import type { NotificationKind } from '../api/settings.ts';

/**
 * The notification centre: notices newest first under their day, unread ones marked with a gold point; a notice's
 * title leads to what it is about (and reads it), "Mark as read" and "Mark all as read" do only that. Read a page at a
 * time; live through the header's bell, which refreshes this list when a notice arrives.
 */
export function NotificationCentre({ preferencesHref }: { preferencesHref: string }) {
  const pages = useNotificationPages();
  const markRead = useMarkNotificationsRead();
  const items = useMemo(() => pages.data?.pages.flatMap((p) => p.notifications) ?? [], [pages.data]);
  const unread = pages.data?.pages[0]?.unread ?? 0;
  const groups = useMemo(() => byDay(items), [items]);

  if (pages.isPending) return <ListLoading rows={4} />;
  if (pages.isError) return <ListError error={pages.error} />;

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-x-8 gap-y-4 border-b border-ink pb-5">
        <p className="eyebrow text-ink-soft" aria-live="polite" data-testid="unread-summary">
          {unread === 0 ? 'Everything read' : unread === 1 ? 'One unread' : `${unread} unread`}
        </p>
        <div className="flex flex-wrap items-center gap-x-8 gap-y-3">
          {unread > 0 && (
            <Button
              variant="ghost"
              size="sm"
              loading={markRead.isPending && !markRead.variables}
              onClick={() => markRead.mutate(undefined)}
            >
              Mark all as read
            </Button>
          )}
          <Link to={preferencesHref} className={buttonClasses({ variant: 'ghost', size: 'sm' })}>
            Preferences
          </Link>
        </div>
      </div>

      {items.length === 0 ? (
        <EmptyCentre preferencesHref={preferencesHref} />
      ) : (
        <>
          {groups.map((group) => (
            <DayGroup key={group.day} day={group.day} items={group.items} onRead={(id) => markRead.mutate(id)} />
          ))}
          <LoadMore
            shown={items.length}
            hasMore={pages.hasNextPage}
            loading={pages.isFetchingNextPage}
            onMore={() => void pages.fetchNextPage()}
            noun={items.length === 1 ? 'notice' : 'notices'}
          />
        </>
      )}
    </div>
  );
}

function DayGroup({ day, items, onRead }: { day: string; items: Notification[]; onRead: (id: string) => void }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="mt-12 first-of-type:mt-10">
      <h2 id={id} className="eyebrow text-stone">
        {day}
      </h2>
      <ol className="mt-4 border-t border-line">
        {items.map((n) => (
          <NoticeRow key={n.notificationId} notice={n} onRead={() => onRead(n.notificationId)} />
        ))}
      </ol>
    </section>
  );
}

function NoticeRow({ notice, onRead }: { notice: Notification; onRead: () => void }) {
  const titleId = useId();
  const link = safeLink(notice.link);
  const kind = KINDS[notice.kind as NotificationKind];
  const open = () => {
    if (!notice.read) onRead();
  };
  return (
    <li
      className={cn(
        'group relative grid grid-cols-[0.75rem_1fr] gap-x-4 border-b border-line py-7 transition-colors duration-500 ease-maison sm:grid-cols-[1.25rem_1fr_auto] sm:gap-x-6 sm:py-8',
        !notice.read && 'bg-linear-to-r from-sand/70 to-transparent',
      )}
      data-read={notice.read}
      aria-labelledby={titleId}
    >
      <span aria-hidden="true" className="flex justify-center pt-2.5">
        <span className={cn('size-1.5 rounded-full transition-colors duration-500', notice.read ? 'bg-transparent' : 'bg-gold')} />
      </span>
      <div className="min-w-0">
        <p className="eyebrow text-gold-deep">
          {kind?.eyebrow ?? 'Notice'}
          <span className="text-stone">
            {' · '}
            <time dateTime={notice.createdAt}>{timeOfDay(notice.createdAt)}</time>
          </span>
          {!notice.read && <span className="sr-only"> · unread</span>}
        </p>
        <h3 id={titleId} className={cn('display mt-3 text-2xl sm:text-[1.75rem]', notice.read ? 'text-ink-soft' : 'text-ink')}>
          {link ? (
            <Link to={link} onClick={open} className="decoration-1 underline-offset-[0.3em] hover:underline focus-visible:underline">
              {notice.title}
            </Link>
          ) : (
            notice.title
          )}
        </h3>
        {notice.body && <p className="mt-3 max-w-2xl leading-relaxed whitespace-pre-line text-ink-soft">{notice.body}</p>}
        <div className="mt-5 flex flex-wrap items-center gap-x-7 gap-y-3 sm:hidden">
          <Actions link={link} read={notice.read} onOpen={open} onRead={onRead} titleId={titleId} />
        </div>
      </div>
      <div className="hidden flex-col items-end gap-4 pt-1 sm:flex">
        <Actions link={link} read={notice.read} onOpen={open} onRead={onRead} titleId={titleId} />
      </div>
    </li>
  );
}

function Actions({
  link,
  read,
  onOpen,
  onRead,
  titleId,
}: {
  link: string | undefined;
  read: boolean;
  onOpen: () => void;
  onRead: () => void;
  titleId: string;
}) {
  return (
    <>
      {link && (
        <Link
          to={link}
          aria-describedby={titleId}
          onClick={onOpen}
          className="eyebrow border-b border-ink/30 pb-1 whitespace-nowrap text-ink transition-colors hover:border-ink"
        >
          {linkLabel(link)}
        </Link>
      )}
      {!read && (
        <button
          type="button"
          aria-describedby={titleId}
          onClick={onRead}
          className="eyebrow whitespace-nowrap text-stone transition-colors hover:text-ink"
        >
          Mark as read
        </button>
      )}
    </>
  );
}

function EmptyCentre({ preferencesHref }: { preferencesHref: string }) {
  return (
    <div className="py-20 text-center sm:py-28">
      <span aria-hidden="true" className="mx-auto block h-px w-12 bg-gold" />
      <p className="display mt-10 text-4xl text-ink sm:text-5xl">
        All is <em className="italic">quiet</em>
      </p>
      <p className="mx-auto mt-6 max-w-md leading-relaxed text-ink-soft">
        When a stylist answers, a session moves or an order sets out, you will read it here first.
      </p>
      <div className="mt-10">
        <ButtonLink variant="ghost" to={preferencesHref}>
          Choose what reaches you
        </ButtonLink>
      </div>
    </div>
  );
}
