import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import type { Route } from './+types/forgot-password';
import { Button } from '../components/ui/button.tsx';
import { Field } from '../components/ui/field.tsx';
import { Input } from '../components/ui/input.tsx';
import { AuthFrame } from '../features/auth/components/auth-frame.tsx';
import { FormAlert, Notice } from '../components/ui/form-alert.tsx';
import { call, toProblem } from '../lib/api/problem.ts';
import { useSession } from '../features/auth/session.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Forgotten password',
    description: 'Ask for a link to choose a new StyleByZaga password.',
    image: 'private-client-salon',
  }),
  { name: 'robots', content: 'noindex' },
];

export default function ForgotPassword() {
  const { api } = useSession();
  const request = useMutation({
    mutationFn: (email: string) => call(api.POST('/api/v1/auth/password/forgot', { body: { email } })).then(() => email),
  });
  const problem = request.error ? toProblem(request.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.mutate(String(new FormData(event.currentTarget).get('email') ?? '').trim());
  }

  return (
    <AuthFrame
      eyebrow="Private client area"
      title={
        <>
          A new <em className="italic">password</em>
        </>
      }
      lede={<p>Tell us the address you joined with and we will send a link to choose a new password.</p>}
      image="private-client-salon"
      footer={
        <p>
          Remembered it?{' '}
          <Link to="/sign-in" className="link-underline text-ink">
            Return to sign in
          </Link>
        </p>
      }
    >
      {request.isSuccess ? (
        <Notice title="A link is on its way">
          If an account exists for <strong className="font-medium text-ink">{request.data}</strong>, an email with a link to choose a new
          password will arrive in a moment. The link is valid for thirty minutes and works once.
        </Notice>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Request a password reset link" className="space-y-8">
          <FormAlert problem={problem} fields={['email']} />
          <Field label="Email address" error={problem?.field('email')}>
            {(p) => <Input {...p} name="email" type="email" autoComplete="email" required />}
          </Field>
          <Button type="submit" loading={request.isPending} className="w-full">
            Send the link
          </Button>
        </form>
      )}
    </AuthFrame>
  );
}
