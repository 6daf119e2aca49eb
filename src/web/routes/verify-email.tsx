import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { Route } from './+types/verify-email';
import { ButtonLink } from '../components/ui/button.tsx';
import { AuthFrame } from '../features/auth/components/auth-frame.tsx';
import { ResendVerification } from '../features/auth/components/resend-verification.tsx';
import { call, toProblem } from '../lib/api/problem.ts';
import { useSession } from '../features/auth/session.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Confirm your email',
    description: 'Confirm the email address of your StyleByZaga account.',
    image: 'private-client-atelier',
  }),
  { name: 'robots', content: 'noindex' },
  { name: 'referrer', content: 'no-referrer' },
];

/**
 * Confirms the address from the emailed link. The request is made by the page's script, not on the server:
 * mail scanners that fetch links without running scripts do not spend the single-use token.
 */
export default function VerifyEmail() {
  const session = useSession();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verify = useMutation({
    mutationFn: () => call(session.api.POST('/api/v1/auth/email/verify', { body: { token } })),
  });
  const started = useRef(false);
  const { mutate } = verify;
  useEffect(() => {
    if (started.current || !token) return;
    started.current = true;
    mutate();
  }, [token, mutate]);

  const signedIn = session.status === 'signed-in';
  const { reloadUser } = session;
  useEffect(() => {
    if (verify.isSuccess && signedIn) void reloadUser().catch(() => undefined);
  }, [verify.isSuccess, signedIn, reloadUser]);

  if (verify.isSuccess) {
    return (
      <AuthFrame
        eyebrow="Email confirmed"
        title={
          <>
            Thank you, <em className="italic">confirmed</em>
          </>
        }
        image="private-client-atelier"
      >
        <p role="status" className="text-lg leading-relaxed text-ink-soft">
          Your email address is confirmed. Letters from your stylist and the house will reach you there.
        </p>
        <div className="mt-12">
          {signedIn ? <ButtonLink to="/account">Go to your account</ButtonLink> : <ButtonLink to="/sign-in">Sign in</ButtonLink>}
        </div>
      </AuthFrame>
    );
  }

  if (verify.isError || !token) {
    const problem = verify.error ? toProblem(verify.error) : null;
    const expired = !token || problem?.field('token') !== undefined;
    return (
      <AuthFrame
        eyebrow="Email confirmation"
        title={
          <>
            This link has <em className="italic">expired</em>
          </>
        }
        image="private-client-atelier"
      >
        <p role="alert" className="text-lg leading-relaxed text-ink-soft">
          {expired
            ? 'This confirmation link has expired or was already used. Links are valid for thirty minutes and work once.'
            : problem?.message}
        </p>
        <div className="mt-12">
          {signedIn ? (
            <ResendVerification />
          ) : (
            <>
              <p className="leading-relaxed text-ink-soft">Sign in and we will send you a new link from your account.</p>
              <ButtonLink to="/sign-in?next=%2Faccount" className="mt-8">
                Sign in
              </ButtonLink>
            </>
          )}
        </div>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame
      eyebrow="Email confirmation"
      title={
        <>
          One <em className="italic">moment</em>
        </>
      }
      image="private-client-atelier"
    >
      <p role="status" aria-busy="true" className="text-lg leading-relaxed text-ink-soft">
        Confirming your email address…
      </p>
    </AuthFrame>
  );
}
