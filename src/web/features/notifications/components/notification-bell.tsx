import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { cn } from '../../../lib/cn.ts';
import { useSession } from '../../auth/session.tsx';
import { useRealtime, type RealtimeEvent } from '../../messaging/realtime.ts';
import { NOTIFICATIONS_KEY, UNREAD_KEY, useUnreadNotifications } from '../api/notifications.ts';
import { keepPushSubscriptionCurrent } from '../push.ts';

/** Without the socket (it could not open), the bell reads its number over HTTP this often. */
const POLL_WITHOUT_SOCKET_MS = 60_000;

/**
 * The bell in the header for a signed-in person: the number of unread notices, kept live by the tab's one realtime
 * socket (shared with the messages page, never a second one). Each (re)connection reads the number again over HTTP, so
 * nothing missed while the socket was down stays missed; without a socket it is read every minute. Loaded only once
 * someone is signed in (site-header.tsx), so public pages never carry it.
 */
export default function NotificationBell({ href }: { href: string }) {
  const queryClient = useQueryClient();
  const session = useSession();
  const { api } = session;
  const userId = session.status === 'signed-in' ? session.user.userId : undefined;
  const [announcement, setAnnouncement] = useState('');
  // A device whose browser renewed its push subscription keeps receiving notices (the bell is there whenever someone is signed in).
  useEffect(() => (userId ? keepPushSubscriptionCurrent(api, userId) : undefined), [api, userId]);
  const { connected } = useRealtime((event: RealtimeEvent) => {
    if (event.type === 'notification') {
      queryClient.setQueryData(UNREAD_KEY, Number(event.unread) || 0);
      const notice = event.notification as { title?: string } | null;
      if (notice?.title) setAnnouncement(`New notification: ${notice.title}`);
      // The centre, if it is open in this tab, shows the new notice (or another tab's reading) at once.
      void queryClient.invalidateQueries({ queryKey: [...NOTIFICATIONS_KEY, 'list'] });
    }
    if (event.type === 'ready' || event.type === 'resync')
      void queryClient.refetchQueries({ queryKey: UNREAD_KEY }, { cancelRefetch: false });
  });
  const unread = useUnreadNotifications({ pollEveryMs: connected ? undefined : POLL_WITHOUT_SOCKET_MS });
  const count = unread.data ?? 0;
  return (
    <>
      <Link
        to={href}
        className="group relative inline-flex items-center p-1 text-ink"
        aria-label={count ? `Notifications, ${count} unread` : 'Notifications'}
        data-unread={count}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="size-[1.05rem] transition-transform duration-500 ease-maison group-hover:-rotate-6"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.3"
          strokeLinejoin="round"
        >
          <path d="M10 2.75a4.75 4.75 0 0 0-4.75 4.75v3.1L3.75 14.25h12.5l-1.5-3.65V7.5A4.75 4.75 0 0 0 10 2.75Z" />
          <path d="M8.1 16.6a2 2 0 0 0 3.8 0" />
        </svg>
        <span
          aria-hidden="true"
          className={cn(
            'absolute -top-1 -right-2 inline-flex h-[1.05rem] min-w-[1.05rem] items-center justify-center rounded-full bg-ink px-1 text-[0.5625rem] leading-none font-medium text-ivory tabular-nums ring-2 ring-ivory transition-[opacity,transform] duration-300 ease-maison',
            count ? 'scale-100 opacity-100' : 'scale-50 opacity-0',
          )}
        >
          {count > 99 ? '99+' : count || ''}
        </span>
      </Link>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
