import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { Route } from './+types/account.delete';
import { Button } from '../components/ui/button.tsx';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '../components/ui/dialog.tsx';
import { Field } from '../components/ui/field.tsx';
import { Input } from '../components/ui/input.tsx';
import { DialogTitleText } from '../features/account/components/dialog-title-text.tsx';
import { useToast } from '../components/ui/toast.tsx';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { FormAlert } from '../components/ui/form-alert.tsx';
import { call, toProblem } from '../lib/api/problem.ts';
import { useSession, useSignedInUser } from '../features/auth/session.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Delete account', description: 'Delete your StyleByZaga account.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

export default function AccountDelete() {
  const user = useSignedInUser();
  const session = useSession();
  const navigate = useNavigate();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const erase = useMutation({
    mutationFn: () => call(session.api.DELETE('/api/v1/users/{userId}', { params: { path: { userId: user.userId } } })),
    onSuccess: async () => {
      // The server has erased the account and ended every session. Leave the private area first, so it does
      // not answer the ended session by sending this person to sign in.
      await navigate('/', { replace: true });
      session.forget();
      toast({ title: 'Your account has been deleted', description: 'Thank you for the time you spent with the house.' });
    },
  });
  const confirmed = typed.trim().toLowerCase() === user.email.toLowerCase();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirmed) erase.mutate();
  }

  return (
    <>
      <PageTitle
        eyebrow="Your account"
        title="Delete account"
        lede="If you leave, we erase what we know about you. This cannot be undone."
      />
      <div className="max-w-2xl space-y-5 leading-relaxed text-ink-soft">
        <p>
          Your name, email address, telephone, address, date of birth, measurements, preferences, passkeys and sessions are erased at once
          and for good.
        </p>
        <p>
          Records the law asks us to keep, such as invoices for past orders, stay under an anonymous reference that no longer leads to you.
        </p>
      </div>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) {
            setTyped('');
            erase.reset();
          }
        }}
      >
        <DialogTrigger asChild>
          <Button variant="secondary" className="mt-12 border-danger! text-danger! hover:bg-danger! hover:text-ivory!">
            Delete my account
          </Button>
        </DialogTrigger>
        <DialogContent
          title={<DialogTitleText>Delete your account?</DialogTitleText>}
          description="Everything listed on this page is erased immediately. Type your email address to confirm."
        >
          <form onSubmit={submit} noValidate className="space-y-6">
            <FormAlert problem={erase.error ? toProblem(erase.error) : null} />
            <Field label="Your email address" hint={<span className="break-all">{user.email}</span>}>
              {(p) => (
                <Input {...p} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} autoFocus />
              )}
            </Field>
            <div className="flex flex-wrap gap-4">
              <Button
                type="submit"
                size="sm"
                disabled={!confirmed}
                loading={erase.isPending}
                className="border-danger! bg-danger! hover:opacity-90"
              >
                Delete for good
              </Button>
              <DialogClose asChild>
                <Button variant="secondary" size="sm">
                  Keep my account
                </Button>
              </DialogClose>
            </div>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
