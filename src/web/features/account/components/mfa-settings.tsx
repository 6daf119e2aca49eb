import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog, DialogContent, DialogTrigger } from '../../../components/ui/dialog.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { DialogTitleText } from './dialog-title-text.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { CodeInput } from '../../auth/components/code-input.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { MfaEnrolment } from '../../auth/components/mfa-enrolment.tsx';
import { call, toProblem } from '../../../lib/api/problem.ts';
import { useSession, useSignedInUser } from '../../auth/session.tsx';
import { SettingsSection } from './settings-section.tsx';

/** Mirrors the server's rule (identity/policy.ts mustEnrolMfa): these accounts cannot turn MFA off. */
function mfaIsRequired(user: { userType: string; tier: string }): boolean {
  return user.userType !== 'CLIENT' || user.tier === 'VIP';
}

/** Two-step verification: enrol with QR and key, recovery codes once, or turn it off with a current code. */
export function MfaSettings() {
  const user = useSignedInUser();
  // Stays 'enrolling' after success until the recovery codes are put away.
  const [enrolling, setEnrolling] = useState(false);
  const on = user.mfaEnabled && !enrolling;

  return (
    <SettingsSection
      title="Two-step verification"
      aside={user.mfaEnabled ? <Badge tone="gold">On</Badge> : <Badge>Off</Badge>}
      description={
        on
          ? 'Signing in with your password also asks for a code from your authenticator app. Passkeys already prove both.'
          : 'A second lock: after your password, a six-digit code from an authenticator app on your phone.'
      }
    >
      {enrolling ? (
        <MfaEnrolment autoStart onDone={() => setEnrolling(false)} onCancel={user.mfaEnabled ? undefined : () => setEnrolling(false)} />
      ) : on ? (
        <MfaOn required={mfaIsRequired(user)} />
      ) : (
        <Button onClick={() => setEnrolling(true)}>Set up two-step verification</Button>
      )}
    </SettingsSection>
  );
}

function MfaOn({ required }: { required: boolean }) {
  const session = useSession();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const disable = useMutation({
    mutationFn: (code: string) => call(session.api.POST('/api/v1/auth/mfa/disable', { body: { code } })),
    onSuccess: (result) => {
      session.setUser(result.user);
      setOpen(false);
      toast({ title: 'Two-step verification is off', description: 'Your recovery codes no longer work.' });
    },
  });
  const problem = disable.error ? toProblem(disable.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    disable.mutate(String(new FormData(event.currentTarget).get('code') ?? '').replace(/\s+/g, ''));
  }

  return (
    <div className="space-y-6 text-ink-soft">
      <p>Your ten recovery codes were shown when you set this up. To receive new ones, turn two-step verification off and on again.</p>
      {required ? (
        <p className="text-sm text-stone">Your account type requires two-step verification, so it cannot be turned off.</p>
      ) : (
        <Dialog
          open={open}
          onOpenChange={(next) => {
            setOpen(next);
            if (!next) disable.reset();
          }}
        >
          <DialogTrigger asChild>
            <Button variant="secondary" size="sm">
              Turn off
            </Button>
          </DialogTrigger>
          <DialogContent
            title={<DialogTitleText>Turn off two-step verification?</DialogTitleText>}
            description="Your account will be protected by your password alone. Confirm with a current code from your app."
          >
            <form onSubmit={submit} noValidate className="space-y-6">
              <FormAlert problem={problem} fields={['code']} />
              <Field label="Authentication code" error={problem?.field('code')}>
                {(p) => <CodeInput {...p} name="code" required autoFocus placeholder="000000" />}
              </Field>
              <Button type="submit" loading={disable.isPending}>
                Turn off
              </Button>
            </form>
          </DialogContent>
        </Dialog>
      )}
    </div>
  );
}
