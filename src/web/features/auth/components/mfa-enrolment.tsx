import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { call, toProblem } from '../../../lib/api/problem.ts';
import { useSession } from '../session.tsx';
import { CodeInput } from './code-input.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { RecoveryCodes } from './recovery-codes.tsx';

/** The setup key in groups of four, as authenticator apps print it. */
function groupKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * TOTP enrolment: start (a fresh secret), scan the QR code or type the key, confirm with a first code, then
 * the recovery codes, shown this once. Used by the required first-sign-in step and by account security.
 */
type MfaEnrolmentProps = {
  onDone: () => void;
  onCancel?: () => void;
  startLabel?: string;
  /** Asks for a secret at once, for a place where the person already chose to set it up. */
  autoStart?: boolean;
};

export function MfaEnrolment({ onDone, onCancel, startLabel = 'Set up two-step verification', autoStart = false }: MfaEnrolmentProps) {
  const session = useSession();
  const { toast } = useToast();
  const stepsId = useId();

  const setup = useMutation({ mutationFn: () => call(session.api.POST('/api/v1/auth/mfa/setup')) });
  const started = useRef(false);
  const { mutate: start } = setup;
  useEffect(() => {
    // Each setup call makes a new secret; start once, even if an effect runs twice.
    if (!autoStart || started.current) return;
    started.current = true;
    start();
  }, [autoStart, start]);
  const verify = useMutation({
    mutationFn: (code: string) => call(session.api.POST('/api/v1/auth/mfa/verify', { body: { code } })),
    onSuccess: (result) => session.setUser(result.user),
  });

  if (verify.data) {
    return (
      <RecoveryCodes
        codes={verify.data.recoveryCodes}
        onDone={() => {
          toast({
            title: 'Two-step verification is on',
            description: 'You will be asked for a code each time you sign in with your password.',
            tone: 'success',
          });
          onDone();
        }}
      />
    );
  }

  if (!setup.data) {
    const problem = setup.error ? toProblem(setup.error) : null;
    if (autoStart && !problem) {
      return (
        <p role="status" className="text-ink-soft">
          Preparing your setup key…
        </p>
      );
    }
    return (
      <div className="space-y-6">
        <FormAlert problem={problem} />
        <div className="flex flex-wrap items-center gap-6">
          <Button loading={setup.isPending} onClick={() => setup.mutate()}>
            {startLabel}
          </Button>
          {onCancel && (
            <button type="button" onClick={onCancel} className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink">
              Not now
            </button>
          )}
        </div>
      </div>
    );
  }

  const { secret, qrCodeDataUrl } = setup.data;
  const problem = verify.error ? toProblem(verify.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    verify.mutate(String(new FormData(event.currentTarget).get('code') ?? '').replace(/\s+/g, ''));
  }

  async function copyKey() {
    try {
      await navigator.clipboard.writeText(secret);
      toast({ title: 'Setup key copied' });
    } catch {
      toast({ title: 'Could not copy', description: 'Select the key and copy it by hand.', tone: 'error' });
    }
  }

  return (
    <div className="grid gap-10 md:grid-cols-[auto_1fr] md:gap-12">
      <div className="self-start justify-self-start border border-line bg-white p-3">
        {/* A data: URL made by the server; the CSP allows data: images. */}
        <img
          src={qrCodeDataUrl}
          width={176}
          height={176}
          alt="QR code that adds StyleByZaga to your authenticator app"
          className="block size-44"
        />
      </div>
      <div>
        <ol id={stepsId} className="space-y-4 text-ink-soft">
          <li className="flex gap-4">
            <span aria-hidden="true" className="font-display text-2xl leading-none text-gold-deep">
              i.
            </span>
            <span>Open an authenticator app (1Password, Google Authenticator, Authy, or your phone’s own) and add an account.</span>
          </li>
          <li className="flex gap-4">
            <span aria-hidden="true" className="font-display text-2xl leading-none text-gold-deep">
              ii.
            </span>
            <span>Scan the code, or type this setup key:</span>
          </li>
        </ol>
        <div className="mt-4 flex flex-wrap items-center gap-4 border border-line bg-sand px-5 py-4">
          <code data-testid="mfa-secret" aria-label="Setup key" className="font-mono text-sm tracking-wider break-all text-ink">
            {groupKey(secret)}
          </code>
          <button
            type="button"
            onClick={() => void copyKey()}
            className="eyebrow ml-auto border-b border-ink/30 pb-0.5 text-ink hover:border-ink"
          >
            Copy key
          </button>
        </div>
        <form onSubmit={submit} noValidate aria-label="Confirm two-step verification" className="mt-10 space-y-6">
          <FormAlert problem={problem} fields={['code']} />
          <Field label="iii. Enter the six-digit code it shows" error={problem?.field('code')}>
            {(p) => <CodeInput {...p} name="code" inputMode="numeric" required placeholder="000000" maxLength={6} />}
          </Field>
          <div className="flex flex-wrap items-center gap-6">
            <Button type="submit" loading={verify.isPending}>
              Confirm and turn on
            </Button>
            {onCancel && (
              <button type="button" onClick={onCancel} className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink">
                Cancel
              </button>
            )}
          </div>
        </form>
      </div>
    </div>
  );
}
