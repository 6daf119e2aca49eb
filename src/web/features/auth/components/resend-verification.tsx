import { useMutation } from '@tanstack/react-query';
import { Button } from '../../../components/ui/button.tsx';
import { call, problemMessage, toProblem } from '../../../lib/api/problem.ts';
import { useSession } from '../session.tsx';

/** Sends a fresh confirmation link to the signed-in account's address. */
export function ResendVerification({ variant = 'primary' }: { variant?: 'primary' | 'secondary' | 'ghost' }) {
  const session = useSession();
  const resend = useMutation({ mutationFn: () => call(session.api.POST('/api/v1/auth/email/resend')) });
  const email = session.status === 'signed-in' ? session.user.email : undefined;
  return (
    <div className="space-y-4">
      <Button
        variant={variant}
        size={variant === 'ghost' ? 'sm' : 'md'}
        loading={resend.isPending}
        disabled={resend.isSuccess}
        onClick={() => resend.mutate()}
      >
        {resend.isSuccess ? 'Link sent' : 'Send a new link'}
      </Button>
      <div aria-live="polite" className="text-sm text-ink-soft">
        {resend.isSuccess && <p>A new link is on its way to {email}.</p>}
        {resend.isError && <p className="text-danger">{problemMessage(toProblem(resend.error))}</p>}
      </div>
    </div>
  );
}
