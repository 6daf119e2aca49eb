import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { Route } from './+types/secure-account';
import { Container } from '../components/ui/container.tsx';
import { Button } from '../components/ui/button.tsx';
import { MfaEnrolment } from '../features/auth/components/mfa-enrolment.tsx';
import { homeFor, safeNextPath } from '../features/auth/next-path.ts';
import { RequireAuth } from '../features/auth/require-auth.tsx';
import { useSession, useSignedInUser } from '../features/auth/session.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Secure your account',
    description: 'Set up two-step verification for your StyleByZaga account.',
    image: 'private-client-salon',
  }),
  { name: 'robots', content: 'noindex' },
];

export default function SecureAccountRoute() {
  return (
    <RequireAuth allowDuringEnrolment>
      <SecureAccount />
    </RequireAuth>
  );
}

const ROLE_NAMES: Record<string, string> = { STYLIST: 'stylist', ADMIN: 'administrator', BRAND_PARTNER: 'partner' };

/**
 * The step an account that must use MFA (stylists, partners, administrators, VIP clients) meets until it
 * has enrolled: every other route answers 403 MFA_ENROLLMENT_REQUIRED until then.
 */
function SecureAccount() {
  const user = useSignedInUser();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'), homeFor(user.userType));
  // Whether enrolment was owed when the page opened: once it succeeds the recovery codes must stay on screen.
  const [owed] = useState(!user.mfaEnabled);
  if (!owed) return <Navigate replace to={next} />;

  const why =
    user.userType === 'CLIENT'
      ? 'As a VIP member, your account holds details that deserve a second lock.'
      : `Every ${ROLE_NAMES[user.userType] ?? 'member'} account of the house is protected by a second step, because it opens other people’s details.`;

  return (
    <Container className="grid gap-16 pt-12 pb-24 sm:pt-16 lg:grid-cols-12 lg:pt-20 lg:pb-32">
      <div className="lg:col-span-4">
        <p className="eyebrow text-gold-deep">One more step</p>
        <h1 className="display mt-6 text-5xl text-ink sm:text-6xl">
          Secure your <em className="italic">account</em>
        </h1>
        <div aria-hidden="true" className="mt-8 h-px w-16 bg-gold" />
        <p className="mt-8 text-lg leading-relaxed text-ink-soft">{why}</p>
        <p className="mt-4 leading-relaxed text-ink-soft">It takes a minute with an authenticator app on your phone.</p>
        <Button variant="ghost" size="sm" className="mt-10" onClick={() => void session.signOut()}>
          Sign out instead
        </Button>
      </div>
      <section aria-labelledby="enrol-heading" className="lg:col-span-7 lg:col-start-6">
        <h2 id="enrol-heading" className="display text-3xl text-ink">
          Two-step verification
        </h2>
        <p className="mt-3 mb-10 leading-relaxed text-ink-soft">Signed in as {user.email}</p>
        <MfaEnrolment startLabel="Begin" onDone={() => void navigate(next, { replace: true })} />
      </section>
    </Container>
  );
}
