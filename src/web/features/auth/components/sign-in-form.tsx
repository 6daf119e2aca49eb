import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { useHydrated } from '../../../lib/use-hydrated.ts';
import { passkeyCeremonyMessage, signInWithPasskey } from '../passkeys.ts';
import { ApiProblem, call, problemMessage, toProblem } from '../../../lib/api/problem.ts';
import { useSession } from '../session.tsx';
import type { AuthResult } from '../session-store.ts';
import { CodeInput } from './code-input.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { PasswordInput } from './password-input.tsx';

type Credentials = { email: string; password: string; mfaCode?: string };

/**
 * Password first; when the account has MFA the server answers MFA_REQUIRED and the form asks for the code
 * (the password stays in memory for that one extra request). A passkey signs in without either.
 */
type SignInFormProps = {
  defaultEmail?: string;
  /** A note above the password step ("You have signed out"); it has served its purpose by the code step. */
  notice?: ReactNode;
  onSignedIn: (result: AuthResult) => void;
};

export function SignInForm({ defaultEmail, notice, onSignedIn }: SignInFormProps) {
  const { api } = useSession();
  const [step, setStep] = useState<'password' | 'code'>('password');
  const credentials = useRef<Credentials>({ email: '', password: '' });
  const codeHeadingId = useId();

  const login = useMutation({
    mutationFn: (input: Credentials) =>
      call(api.POST('/api/v1/auth/login', { params: { header: { 'x-auth-mode': 'cookie' } }, body: input })),
    onSuccess: onSignedIn,
    onError: (error) => {
      if (error instanceof ApiProblem && error.reason === 'MFA_REQUIRED') setStep('code');
    },
  });

  const problem = login.error ? toProblem(login.error) : null;
  // Asking for the code is the next step, not an error.
  const shownProblem = problem?.reason === 'MFA_REQUIRED' ? null : problem;

  function submitPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    credentials.current = { email: String(form.get('email') ?? '').trim(), password: String(form.get('password') ?? '') };
    login.mutate(credentials.current);
  }

  function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const mfaCode = String(new FormData(event.currentTarget).get('code') ?? '').replace(/\s+/g, '');
    login.mutate({ ...credentials.current, mfaCode });
  }

  function startOver() {
    credentials.current = { email: credentials.current.email, password: '' };
    login.reset();
    setStep('password');
  }

  if (step === 'code') {
    const codeError = problem?.reason === 'MFA_INVALID' ? problem.message : undefined;
    return (
      <form onSubmit={submitCode} noValidate aria-labelledby={codeHeadingId} className="space-y-8">
        <div>
          <h2 id={codeHeadingId} className="display text-3xl text-ink">
            Two-step verification
          </h2>
          <p className="mt-3 leading-relaxed text-ink-soft">
            Enter the six-digit code from your authenticator app. If your device is not to hand, one of your recovery codes works once.
          </p>
        </div>
        <FormAlert problem={codeError ? null : shownProblem} />
        <Field label="Authentication code" error={codeError}>
          {(p) => <CodeInput {...p} name="code" required autoFocus placeholder="000000" />}
        </Field>
        <div className="flex flex-col gap-5 sm:flex-row sm:items-center sm:justify-between">
          <Button type="submit" loading={login.isPending} className="w-full sm:w-auto">
            Verify and sign in
          </Button>
          <button
            type="button"
            onClick={startOver}
            className="eyebrow self-start border-b border-ink/30 pb-1 text-ink hover:border-ink sm:self-auto"
          >
            Use another account
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className="space-y-10">
      {notice}
      <form onSubmit={submitPassword} noValidate aria-label="Sign in with your password" className="space-y-8">
        <FormAlert problem={shownProblem} fields={['email', 'password']} />
        <Field label="Email address" error={shownProblem?.field('email')}>
          {(p) => (
            <Input
              {...p}
              name="email"
              type="email"
              autoComplete="username webauthn"
              required
              defaultValue={defaultEmail ?? credentials.current.email}
            />
          )}
        </Field>
        <Field
          label="Password"
          error={shownProblem?.field('password')}
          hint={
            <Link to="/forgot-password" className="link-underline text-ink-soft hover:text-ink">
              Forgotten your password?
            </Link>
          }
        >
          {(p) => <PasswordInput {...p} name="password" autoComplete="current-password" required />}
        </Field>
        <Button type="submit" loading={login.isPending} className="w-full">
          Sign in
        </Button>
      </form>
      <PasskeySignIn onSignedIn={onSignedIn} />
    </div>
  );
}

function PasskeySignIn({ onSignedIn }: { onSignedIn: (result: AuthResult) => void }) {
  const { api } = useSession();
  const hydrated = useHydrated();
  const [message, setMessage] = useState<string | null>(null);
  const passkey = useMutation({
    mutationFn: () => signInWithPasskey(api),
    onMutate: () => setMessage(null),
    onSuccess: onSignedIn,
    onError: (error) => setMessage(passkeyCeremonyMessage(error) ?? problemMessage(toProblem(error))),
  });
  // Decided in the browser only: the server cannot know what the visitor's browser supports.
  if (!hydrated || !browserSupportsWebAuthn()) return null;
  return (
    <div>
      <div className="flex items-center gap-5" aria-hidden="true">
        <span className="h-px flex-1 bg-line" />
        <span className="eyebrow text-stone">or</span>
        <span className="h-px flex-1 bg-line" />
      </div>
      <Button variant="secondary" className="mt-10 w-full" loading={passkey.isPending} onClick={() => passkey.mutate()}>
        Sign in with a passkey
      </Button>
      <p className="mt-4 text-center text-sm text-stone">Face, fingerprint or device PIN; no password needed.</p>
      {message && (
        <p role="alert" className="mt-4 border-l-2 border-danger bg-sand px-5 py-4 text-sm text-ink">
          {message}
        </p>
      )}
    </div>
  );
}
