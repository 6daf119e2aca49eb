import { useLocation } from 'react-router';
import type { Route } from './+types/account.notifications';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { NotificationCentre } from '../features/notifications/components/notification-centre.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Notifications', description: 'Your notices from StyleByZaga.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

/** The notification centre, in the account and (same file, its own route id) in the studio. */
export default function NotificationsRoute() {
  const studio = useLocation().pathname.startsWith('/studio');
  return (
    <>
      <PageTitle
        eyebrow="Notifications"
        title={
          <>
            From the <em className="italic">house</em>
          </>
        }
        lede={
          studio
            ? 'Requests, changes to your diary and news of your payments, in one place.'
            : 'Answers from your stylists and the houses, your sessions and your orders, in one place.'
        }
      />
      <NotificationCentre preferencesHref={studio ? '/studio/notifications/preferences' : '/account/notifications/preferences'} />
    </>
  );
}
