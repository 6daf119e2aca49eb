import { useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { Route } from './+types/sign-in';
import { Button, ButtonLink } from '../components/ui/button.tsx';
import { AuthFrame } from '../features/auth/components/auth-frame.tsx';
import { Notice } from '../components/ui/form-alert.tsx';
import { SignInForm } from '../features/auth/components/sign-in-form.tsx';
import { homeFor, safeNextPath } from '../features/auth/next-path.ts';
import { hasQuizAnswers } from '../features/stylists/quiz-memory.ts';
import { useSession } from '../features/auth/session.tsx';
import type { AuthResult } from '../features/auth/session-store.ts';
import { pageMeta } from '../lib/seo.ts';
import { useHydrated } from '../lib/use-hydrated.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Sign in',
    description: 'Sign in to your StyleByZaga private client account.',
    image: 'private-client-salon',
  }),
  { name: 'robots', content: 'noindex' },
];

type SignInState = { notice?: string; email?: string } | null;

const NOTICES: Record<string, { title: string; body: string }> = {
  'signed-out': { title: 'You have signed out', body: 'Until next time. Your session has ended on this device.' },
  expired: { title: 'Your session has ended', body: 'For your security, please sign in again to continue.' },
  'password-reset': {
    title: 'Your password has been changed',
    body: 'Every earlier session has been signed out. Sign in with your new password.',
  },
  joined: { title: 'Welcome to the house', body: 'Confirm your email address from the link we sent, then sign in.' },
};

export default function SignIn() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const wanted = params.get('next');
  // Where to go when nothing was asked for depends on who signs in: each role lands where its work is.
  // (The quiz answers live in this browser's storage: read only on sign-in, never while rendering.)
  const nextFor = (userType: string, quizWaiting = false) => safeNextPath(wanted, homeFor(userType, quizWaiting));
  const next = nextFor(session.status === 'signed-in' ? session.user.userType : 'CLIENT');
  // The note a navigation left ("You have signed out") lives in the browser's history entry, which a reload keeps but
  // the server never sees: read before hydration, it would draw a page the server did not (React error #418).
  const hydrated = useHydrated();
  const state = hydrated ? (location.state as SignInState) : null;
  const notice = state?.notice ? NOTICES[state.notice] : undefined;
  // Set when this page's own form succeeded, so the "already signed in" panel does not flash before leaving.
  const [leaving, setLeaving] = useState(false);

  function signedIn(result: AuthResult) {
    setLeaving(true);
    session.signIn(result);
    const target = nextFor(result.user.userType, hasQuizAnswers());
    const to = result.user.mfaEnrollmentRequired ? `/secure-account?next=${encodeURIComponent(target)}` : target;
    void navigate(to, { replace: true });
  }

  if (session.status === 'signed-in' && !leaving) {
    return (
      <AuthFrame
        eyebrow="Private client area"
        title={
          <>
            Welcome <em className="italic">back</em>
          </>
        }
        image="private-client-salon"
      >
        <p className="text-lg leading-relaxed text-ink-soft">
          You are signed in as {session.user.firstName} {session.user.lastName}.
        </p>
        <div className="mt-10 flex flex-col gap-4 sm:flex-row">
          <ButtonLink to={next}>Continue</ButtonLink>
          <Button variant="secondary" onClick={() => void session.signOut()}>
            Sign out
          </Button>
        </div>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame
      eyebrow="Private client area"
      title={
        <>
          Welcome <em className="italic">back</em>
        </>
      }
      lede={<p>Your stylist, your wardrobe notes and your appointments, kept in confidence.</p>}
      image="private-client-salon"
      caption="The salon, Avenue Montaigne"
      footer={
        <p>
          New to StyleByZaga?{' '}
          <Link to="/sign-up" className="link-underline text-ink">
            Join the house
          </Link>
        </p>
      }
    >
      <SignInForm
        defaultEmail={state?.email}
        notice={notice && <Notice title={notice.title}>{notice.body}</Notice>}
        onSignedIn={signedIn}
      />
    </AuthFrame>
  );
}
