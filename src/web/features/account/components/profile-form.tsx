import type { FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { toProblem } from '../../../lib/api/problem.ts';
import { useSignedInUser } from '../../auth/session.tsx';
import { useUpdateMe } from '../api/update-user.ts';
import { detailsChangeFrom } from '../details-change.ts';

const FIELDS = ['firstName', 'lastName', 'email', 'phoneNumber'] as const;

/** Names, email and telephone. A new email address applies once confirmed from the link sent to it. */
export function ProfileForm() {
  const user = useSignedInUser();
  const { toast } = useToast();
  const update = useUpdateMe();
  const problem = update.error ? toProblem(update.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const change = detailsChangeFrom(new FormData(event.currentTarget), user);
    update.mutate(change, {
      // A new address applies only once confirmed from the link sent to it; until then the account keeps the old one.
      onSuccess: (result) =>
        toast({
          title: 'Profile saved',
          description:
            change.email && change.email.toLowerCase() !== result.user.email
              ? `We have sent a link to ${change.email}. Your address changes once you follow it.`
              : result.user.emailVerified
                ? undefined
                : `We have sent a confirmation link to ${result.user.email}.`,
          tone: 'success',
        }),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Profile" className="space-y-8">
      <FormAlert problem={problem} fields={FIELDS} />
      <div className="grid gap-8 sm:grid-cols-2">
        <Field label="First name" error={problem?.field('firstName')}>
          {(p) => <Input {...p} name="firstName" autoComplete="given-name" required maxLength={80} defaultValue={user.firstName} />}
        </Field>
        <Field label="Last name" error={problem?.field('lastName')}>
          {(p) => <Input {...p} name="lastName" autoComplete="family-name" required maxLength={80} defaultValue={user.lastName} />}
        </Field>
      </div>
      <Field label="Email address" hint="Changing it sends a confirmation link to the new address." error={problem?.field('email')}>
        {(p) => <Input {...p} name="email" type="email" autoComplete="email" required maxLength={254} defaultValue={user.email} />}
      </Field>
      <Field
        label="Telephone"
        hint="International format, e.g. +33 6 12 34 56 78. Leave empty to remove it."
        error={problem?.field('phoneNumber')}
      >
        {(p) => <Input {...p} name="phoneNumber" type="tel" autoComplete="tel" defaultValue={user.phoneNumber ?? ''} />}
      </Field>
      <Button type="submit" loading={update.isPending}>
        Save profile
      </Button>
    </form>
  );
}
