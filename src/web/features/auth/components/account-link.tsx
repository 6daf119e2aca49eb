import { Link } from 'react-router';
import { cn } from '../../../lib/cn.ts';
import { useSessionState } from '../session.tsx';

/**
 * "Sign in" or "Account" in the header. Until the session is known (server render, first refresh) it
 * holds its place invisibly, so the header does not shift and never offers sign-in to someone signed in.
 */
export function AccountLink({ className }: { className?: string }) {
  const session = useSessionState();
  const classes = cn('eyebrow inline-block border-b border-ink/30 pb-1 text-ink transition-colors hover:border-ink', className);
  if (session.status === 'unknown')
    return (
      <span aria-hidden="true" className={cn('eyebrow invisible inline-block pb-1', className)}>
        Account
      </span>
    );
  if (session.status === 'signed-out') {
    return (
      <Link to="/sign-in" className={classes}>
        Sign in
      </Link>
    );
  }
  return (
    <Link
      to={session.user.userType === 'ADMIN' ? '/admin' : session.user.userType === 'STYLIST' ? '/studio' : '/account'}
      className={classes}
      aria-label={`Your account, ${session.user.firstName}`}
    >
      Account
    </Link>
  );
}
