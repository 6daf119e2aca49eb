import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Route } from './+types/reset-password';
import { Button, ButtonLink } from '../components/ui/button.tsx';
import { Field } from '../components/ui/field.tsx';
import { AuthFrame } from '../features/auth/components/auth-frame.tsx';
import { CodeInput } from '../features/auth/components/code-input.tsx';
import { FormAlert } from '../components/ui/form-alert.tsx';
import { PasswordInput } from '../features/auth/components/password-input.tsx';
import { ApiProblem, call, toProblem } from '../lib/api/problem.ts';
import { useSession } from '../features/auth/session.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Choose a new password',
    description: 'Choose a new password for your StyleByZaga account.',
    image: 'private-client-salon',
  }),
  { name: 'robots', content: 'noindex' },
  // The link carries a secret token: no other site may learn it from a Referer header.
  { name: 'referrer', content: 'no-referrer' },
];

export default function ResetPassword() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  // MFA accounts: the server asks for a code before it accepts the new password (a reset never bypasses MFA).
  const [needsCode, setNeedsCode] = useState(false);
  const password = useRef('');

  const reset = useMutation({
    mutationFn: (input: { password: string; mfaCode?: string }) =>
      call(session.api.POST('/api/v1/auth/password/reset', { body: { token, ...input } })),
    onSuccess: () => {
      // Every session ended on the server, this tab's included.
      if (session.status === 'signed-in') session.forget();
      void navigate('/sign-in', { replace: true, state: { notice: 'password-reset' } });
    },
    onError: (error) => {
      if (error instanceof ApiProblem && (error.reason === 'MFA_REQUIRED' || error.reason === 'MFA_INVALID')) setNeedsCode(true);
    },
  });
  const problem = reset.error ? toProblem(reset.error) : null;
  const tokenProblem = problem?.field('token');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (!needsCode) password.current = String(form.get('password') ?? '');
    const code = String(form.get('code') ?? '').replace(/\s+/g, '');
    reset.mutate({ password: password.current, ...(needsCode && code ? { mfaCode: code } : {}) });
  }

  if (!token || tokenProblem) {
    return (
      <AuthFrame
        eyebrow="Private client area"
        title={
          <>
            This link has <em className="italic">expired</em>
          </>
        }
        image="private-client-salon"
      >
        <p className="text-lg leading-relaxed text-ink-soft">
          {tokenProblem ? 'This link has expired or was already used.' : 'This address is missing its link.'} Links are valid for thirty
          minutes and work once; please ask for a new one.
        </p>
        <div className="mt-12">
          <ButtonLink to="/forgot-password">Send a new link</ButtonLink>
        </div>
      </AuthFrame>
    );
  }

  const codeError = problem?.reason === 'MFA_INVALID' ? problem.message : undefined;
  const formProblem = problem?.reason === 'MFA_REQUIRED' || codeError ? null : problem;

  return (
    <AuthFrame
      eyebrow="Private client area"
      title={
        <>
          Choose a new <em className="italic">password</em>
        </>
      }
      lede={<p>When it is saved, every device signed in to your account is signed out.</p>}
      image="private-client-salon"
      footer={
        <p>
          <Link to="/sign-in" className="link-underline text-ink">
            Return to sign in
          </Link>
        </p>
      }
    >
      <form onSubmit={submit} noValidate aria-label="Choose a new password" className="space-y-8">
        <FormAlert problem={formProblem} fields={['password', 'mfaCode']} />
        {needsCode ? (
          <>
            <p className="leading-relaxed text-ink-soft">
              Your account is protected by two-step verification. Enter a code from your authenticator app, or a recovery code, to confirm
              it is you.
            </p>
            <Field label="Authentication code" error={codeError ?? problem?.field('mfaCode')}>
              {(p) => <CodeInput {...p} name="code" required autoFocus placeholder="000000" />}
            </Field>
          </>
        ) : (
          <Field
            label="New password"
            hint="At least 12 characters. A phrase of a few unrelated words is strong and easy to remember."
            error={problem?.field('password')}
          >
            {(p) => <PasswordInput {...p} name="password" autoComplete="new-password" required minLength={12} maxLength={128} />}
          </Field>
        )}
        <Button type="submit" loading={reset.isPending} className="w-full">
          {needsCode ? 'Confirm and save' : 'Save the new password'}
        </Button>
      </form>
    </AuthFrame>
  );
}
