import { Link, useLocation } from 'react-router';
import type { Route } from './+types/account.notification-preferences';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { NotificationPreferences } from '../features/notifications/components/notification-preferences.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Notification preferences', description: 'How StyleByZaga reaches you.', image: 'private-client-atelier' }),
  { name: 'robots', content: 'noindex' },
];

/** Notification preferences, quiet hours and this device's push, in the account and (its own route id) the studio. */
export default function NotificationPreferencesRoute() {
  const studio = useLocation().pathname.startsWith('/studio');
  return (
    <>
      <Link
        to={studio ? '/studio/notifications' : '/account/notifications'}
        className="eyebrow -mt-4 mb-10 inline-flex items-center gap-2 text-stone transition-colors hover:text-ink"
      >
        <span aria-hidden="true">←</span> All notifications
      </Link>
      <PageTitle
        eyebrow="Notifications"
        title="How we reach you"
        lede="On the site, by e-mail or on your devices — and when to stay silent."
      />
      <NotificationPreferences />
    </>
  );
}
