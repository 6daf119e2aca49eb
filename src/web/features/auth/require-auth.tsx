import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ButtonLink } from '../../components/ui/button.tsx';
import { Container } from '../../components/ui/container.tsx';
import type { components } from '../../lib/api/schema.d.ts';
import { signInPath } from './next-path.ts';
import { useSessionState, useSignedInUser } from './session.tsx';
import { SessionPending } from './components/session-pending.tsx';

// Stable objects: <Navigate> navigates again whenever its props change, and a fresh object is a change.
const NOTICE_STATE = { none: undefined, 'signed-out': { notice: 'signed-out' }, expired: { notice: 'expired' } } as const;

type RequireAuthProps = {
  children: ReactNode;
  /** Shown while the session is still being established (server render, first refresh). */
  fallback?: ReactNode;
  /** The MFA enrolment page itself: reachable while enrolment is still owed. */
  allowDuringEnrolment?: boolean;
};

/**
 * Renders its children for a signed-in visitor. Anyone else goes to sign-in with `next` set to this page;
 * an account that still owes MFA enrolment goes to the enrolment step, because every other route would
 * refuse it anyway (403 MFA_ENROLLMENT_REQUIRED).
 */
export function RequireAuth({ children, fallback, allowDuringEnrolment = false }: RequireAuthProps) {
  const session = useSessionState();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  if (session.status === 'unknown') return fallback ?? <SessionPending />;
  if (session.status === 'signed-out') {
    // Someone who just signed out wants the sign-in page plain, not a promise to return to where they were.
    const to = session.reason === 'signed-out' ? '/sign-in' : signInPath(here);
    return <Navigate replace to={to} state={NOTICE_STATE[session.reason]} />;
  }
  if (session.user.mfaEnrollmentRequired && !allowDuringEnrolment) {
    return <Navigate replace to={`/secure-account?next=${encodeURIComponent(here)}`} />;
  }
  return children;
}

type UserType = components['schemas']['UserType'];

/** Inside <RequireAuth>: renders its children only for the given role, and a quiet refusal otherwise. */
export function RequireRole({ role, children }: { role: UserType; children: ReactNode }) {
  const user = useSignedInUser();
  if (user.userType !== role) return <Reserved />;
  return children;
}

function Reserved() {
  return (
    <Container width="narrow" className="py-24 text-center sm:py-32">
      <p className="eyebrow text-gold-deep">Reserved</p>
      <h1 className="display mt-8 text-5xl text-ink sm:text-6xl">
        This room is <em className="italic">private</em>
      </h1>
      <div aria-hidden="true" className="mx-auto mt-10 h-px w-16 bg-gold" />
      <p className="mx-auto mt-10 max-w-md text-lg leading-relaxed text-ink-soft">
        This part of the house is kept for its administrators. Your own account is a step away.
      </p>
      <div className="mt-12">
        <ButtonLink to="/account">Your account</ButtonLink>
      </div>
    </Container>
  );
}
