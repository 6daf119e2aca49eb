import type { Route } from './+types/account.profile';
import { PageTitle, SettingsSection } from '../features/account/components/settings-section.tsx';
import { ProfileForm } from '../features/account/components/profile-form.tsx';
import { formatDate, USER_TYPE_LABELS } from '../features/account/format.ts';
import { useSignedInUser } from '../features/auth/session.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Profile',
    description: 'Your name, email address and telephone at StyleByZaga.',
    image: 'private-client-salon',
  }),
  { name: 'robots', content: 'noindex' },
];

export default function AccountProfile() {
  const user = useSignedInUser();
  return (
    <>
      <PageTitle eyebrow="Your account" title="Profile" lede="How the house and your stylist address you, and how to reach you." />
      <SettingsSection title="Your details">
        <ProfileForm />
      </SettingsSection>
      <SettingsSection title="Membership">
        <dl className="grid gap-x-10 gap-y-6 sm:grid-cols-3">
          <div>
            <dt className="eyebrow text-stone">Account</dt>
            <dd className="mt-2 font-display text-2xl text-ink">{USER_TYPE_LABELS[user.userType]}</dd>
          </div>
          <div>
            <dt className="eyebrow text-stone">Tier</dt>
            <dd className="mt-2 font-display text-2xl text-ink">{user.tier === 'VIP' ? 'VIP' : 'Private client'}</dd>
          </div>
          <div>
            <dt className="eyebrow text-stone">Member since</dt>
            <dd className="mt-2 font-display text-2xl text-ink">{formatDate(user.createdAt)}</dd>
          </div>
        </dl>
      </SettingsSection>
    </>
  );
}
