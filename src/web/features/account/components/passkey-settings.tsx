import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '../../../components/ui/dialog.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { DialogTitleText } from './dialog-title-text.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import type { components } from '../../../lib/api/schema.d.ts';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { passkeyCeremonyMessage } from '../../auth/passkeys.ts';
import { problemMessage, toProblem } from '../../../lib/api/problem.ts';
import { useAddPasskey, usePasskeys, useRemovePasskey } from '../api/passkeys.ts';
import { formatAgo, formatDate } from '../format.ts';
import { SettingsSection } from './settings-section.tsx';

type Passkey = components['schemas']['Passkey'];

/** Passkeys: the list, a form to add one on this device, and removal with a confirmation. */
export function PasskeySettings() {
  const passkeys = usePasskeys();
  return (
    <SettingsSection
      title="Passkeys"
      description="Sign in with your face, fingerprint or device PIN instead of a password. A passkey stays on your device and cannot be phished."
    >
      {passkeys.isPending ? (
        <div aria-busy="true" className="space-y-3">
          <Skeleton className="h-16 w-full" />
        </div>
      ) : passkeys.isError ? (
        <p role="alert" className="text-danger">
          {problemMessage(toProblem(passkeys.error))}
        </p>
      ) : passkeys.data.length === 0 ? (
        <p className="text-stone">No passkeys yet.</p>
      ) : (
        <ul aria-label="Your passkeys" className="divide-y divide-line border-y border-line">
          {passkeys.data.map((passkey) => (
            <PasskeyRow key={passkey.passkeyId} passkey={passkey} />
          ))}
        </ul>
      )}
      <AddPasskey />
    </SettingsSection>
  );
}

function PasskeyRow({ passkey }: { passkey: Passkey }) {
  const remove = useRemovePasskey();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  return (
    <li className="flex flex-wrap items-center justify-between gap-4 py-5">
      <div>
        <p className="font-display text-xl text-ink">{passkey.name}</p>
        <p className="mt-1 text-sm text-stone">
          Added {formatDate(passkey.createdAt)}
          {passkey.lastUsedAt ? ` · last used ${formatAgo(passkey.lastUsedAt)}` : ' · not used yet'}
        </p>
      </div>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button variant="ghost" size="sm" aria-label={`Remove passkey ${passkey.name}`}>
            Remove
          </Button>
        </DialogTrigger>
        <DialogContent
          title={<DialogTitleText>Remove this passkey?</DialogTitleText>}
          description={`“${passkey.name}” will no longer sign you in. You can add it again later.`}
        >
          {remove.isError && <FormAlert problem={toProblem(remove.error)} className="mb-6" />}
          <div className="flex flex-wrap gap-4">
            <Button
              size="sm"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(passkey.passkeyId, {
                  onSuccess: () => {
                    setOpen(false);
                    toast({ title: 'Passkey removed' });
                  },
                })
              }
            >
              Remove passkey
            </Button>
            <DialogClose asChild>
              <Button variant="secondary" size="sm">
                Keep it
              </Button>
            </DialogClose>
          </div>
        </DialogContent>
      </Dialog>
    </li>
  );
}

function AddPasskey() {
  const add = useAddPasskey();
  const { toast } = useToast();
  const [ceremonyMessage, setCeremonyMessage] = useState<string | null>(null);
  // Settings render only in the browser (after the session is known), so this check is safe here.
  if (!browserSupportsWebAuthn()) {
    return <p className="mt-8 text-sm text-stone">This browser does not support passkeys.</p>;
  }
  const problem = add.error && !ceremonyMessage ? toProblem(add.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '').trim();
    setCeremonyMessage(null);
    add.mutate(name || undefined, {
      onSuccess: (passkey) => {
        form.reset();
        toast({ title: 'Passkey added', description: `“${passkey.name}” can now sign you in.`, tone: 'success' });
      },
      onError: (error) => setCeremonyMessage(passkeyCeremonyMessage(error) ?? null),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Add a passkey" className="mt-10 space-y-6">
      {ceremonyMessage && (
        <p role="alert" className="border-l-2 border-danger bg-sand px-5 py-4 text-sm text-ink">
          {ceremonyMessage}
        </p>
      )}
      <FormAlert problem={problem} fields={['name']} />
      <div className="flex flex-col gap-6 sm:flex-row sm:items-end">
        <Field label="Name (optional)" error={problem?.field('name')} className="flex-1">
          {(p) => <Input {...p} name="name" maxLength={60} placeholder="e.g. My MacBook" />}
        </Field>
        <Button type="submit" variant="secondary" loading={add.isPending}>
          Add a passkey
        </Button>
      </div>
    </form>
  );
}
