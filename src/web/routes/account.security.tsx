import type { Route } from './+types/account.security';
import { MfaSettings } from '../features/account/components/mfa-settings.tsx';
import { PasskeySettings } from '../features/account/components/passkey-settings.tsx';
import { SessionsSettings } from '../features/account/components/sessions-settings.tsx';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Security',
    description: 'Two-step verification, passkeys and signed-in devices for your StyleByZaga account.',
    image: 'private-client-salon',
  }),
  { name: 'robots', content: 'noindex' },
];

export default function AccountSecurity() {
  return (
    <>
      <PageTitle eyebrow="Your account" title="Security" lede="The locks on your account, and every device that holds a key." />
      <MfaSettings />
      <PasskeySettings />
      <SessionsSettings />
    </>
  );
}
