import type { Route } from './+types/account.preferences';
import { PreferencesForm } from '../features/account/components/preferences-form.tsx';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Preferences & sizes',
    description: 'Your style, sizes, measurements and letters at StyleByZaga.',
    image: 'private-client-atelier',
  }),
  { name: 'robots', content: 'noindex' },
];

export default function AccountPreferences() {
  return (
    <>
      <PageTitle eyebrow="Your account" title="Preferences & sizes" lede="What your stylist should know before the first fitting." />
      <PreferencesForm />
    </>
  );
}
