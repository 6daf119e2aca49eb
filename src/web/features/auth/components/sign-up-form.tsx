import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { cn } from '../../../lib/cn.ts';
import type { components } from '../../../lib/api/schema.d.ts';
import { call, toProblem } from '../../../lib/api/problem.ts';
import { useSession } from '../session.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { PasswordInput } from './password-input.tsx';

type CreateUserInput = components['schemas']['CreateUserInputInput'];
export type JoinAs = 'CLIENT' | 'STYLIST';

const FIELDS = ['userType', 'firstName', 'lastName', 'email', 'phoneNumber', 'password', 'acceptTerms'] as const;

const PATHS: ReadonlyArray<{ value: JoinAs; title: string; body: string }> = [
  { value: 'CLIENT', title: 'Join as a client', body: 'A personal stylist, private previews and a wardrobe kept in confidence.' },
  {
    value: 'STYLIST',
    title: 'Join as a stylist',
    body: 'Dress the house’s clients. Stylist accounts are protected by two-step verification.',
  },
];

/** Self sign-up for clients and stylists; on success the parent shows "check your inbox". */
export function SignUpForm({ defaultJoinAs, onJoined }: { defaultJoinAs: JoinAs; onJoined: (email: string, joinAs: JoinAs) => void }) {
  const { api } = useSession();
  const [joinAs, setJoinAs] = useState<JoinAs>(defaultJoinAs);
  const signUp = useMutation({
    mutationFn: (input: CreateUserInput) => call(api.POST('/api/v1/users', { body: input })),
    onSuccess: (result) => onJoined(result.user.email, joinAs),
  });
  const problem = signUp.error ? toProblem(signUp.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const phone = text('phoneNumber');
    signUp.mutate({
      userType: joinAs,
      firstName: text('firstName'),
      lastName: text('lastName'),
      email: text('email'),
      ...(phone ? { phoneNumber: phone } : {}),
      password: String(form.get('password') ?? ''),
      // Left out when unticked, so the server names the missing consent.
      ...(form.get('acceptTerms') ? { acceptTerms: true as const } : {}),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Join StyleByZaga" className="space-y-8">
      <fieldset>
        <legend className="eyebrow text-ink-soft">I would like to</legend>
        <div className="mt-4 grid gap-3 sm:grid-cols-2">
          {PATHS.map((path) => (
            <label
              key={path.value}
              className={cn(
                'relative block cursor-pointer border p-5 transition-colors duration-300 ease-maison has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-3 has-[:focus-visible]:outline-focus',
                joinAs === path.value ? 'border-ink bg-sand' : 'border-line hover:border-stone',
              )}
            >
              <input
                type="radio"
                name="userType"
                value={path.value}
                checked={joinAs === path.value}
                onChange={() => setJoinAs(path.value)}
                className="sr-only"
              />
              <span className="flex items-center justify-between gap-3">
                <span className="font-display text-2xl leading-tight text-ink">{path.title}</span>
                <span
                  aria-hidden="true"
                  className={cn('size-3 shrink-0 rounded-full border', joinAs === path.value ? 'border-ink bg-ink' : 'border-stone')}
                />
              </span>
              <span className="mt-2 block text-sm leading-relaxed text-ink-soft">{path.body}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <FormAlert problem={problem} fields={FIELDS} />
      <div className="grid gap-8 sm:grid-cols-2">
        <Field label="First name" error={problem?.field('firstName')}>
          {(p) => <Input {...p} name="firstName" autoComplete="given-name" required maxLength={80} />}
        </Field>
        <Field label="Last name" error={problem?.field('lastName')}>
          {(p) => <Input {...p} name="lastName" autoComplete="family-name" required maxLength={80} />}
        </Field>
      </div>
      <Field label="Email address" error={problem?.field('email')}>
        {(p) => <Input {...p} name="email" type="email" autoComplete="email" required maxLength={254} />}
      </Field>
      <Field label="Telephone (optional)" hint="International format, e.g. +33 6 12 34 56 78" error={problem?.field('phoneNumber')}>
        {(p) => <Input {...p} name="phoneNumber" type="tel" autoComplete="tel" />}
      </Field>
      <Field
        label="Password"
        hint="At least 12 characters. A phrase of a few unrelated words is strong and easy to remember."
        error={problem?.field('password')}
      >
        {(p) => <PasswordInput {...p} name="password" autoComplete="new-password" required minLength={12} maxLength={128} />}
      </Field>
      <div>
        <label className="flex items-start gap-3 text-sm leading-relaxed text-ink-soft">
          <input
            type="checkbox"
            name="acceptTerms"
            required
            className="mt-1 size-4 accent-ink"
            aria-invalid={problem?.field('acceptTerms') ? true : undefined}
          />
          <span>
            I accept the house’s terms of membership and its privacy notice: how my details are kept, encrypted and shared only as I allow.
          </span>
        </label>
        {problem?.field('acceptTerms') ? <p className="mt-2 text-sm text-danger">{problem.field('acceptTerms')}</p> : null}
      </div>
      <Button type="submit" loading={signUp.isPending} className="w-full">
        {joinAs === 'STYLIST' ? 'Apply to join as a stylist' : 'Create my account'}
      </Button>
      <p className="text-xs leading-relaxed text-stone">
        Your telephone, address and measurements are encrypted and seen only by you, your stylist when you allow it, and the house’s
        administrators.
      </p>
    </form>
  );
}
