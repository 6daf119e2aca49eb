import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { signInPath } from '../../auth/next-path.ts';
import { toProblem } from '../../../lib/api/problem.ts';
import { useSessionState } from '../../auth/session.tsx';
import { useCreateInquiry, type PreferredContact } from '../api/inquiries.ts';

// The push question appears only after a request is sent: its code loads then, not with the page.
const PushInvitation = lazy(() =>
  import('../../notifications/components/push-invitation.tsx').then((m) => ({ default: m.PushInvitation })),
);

const CONTACTS: { value: PreferredContact; label: string }[] = [
  { value: 'EMAIL', label: 'Email' },
  { value: 'PHONE', label: 'Telephone' },
  { value: 'MESSAGE', label: 'Message in my account' },
];

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

type InquiryFormProps = {
  productId: string;
  productName: string;
  /** Words for the first line of the message: "I would like to arrange a private viewing of …". */
  intent: 'viewing' | 'bespoke' | 'question';
  /** Lines the form adds before the client's own words (chosen customisations). */
  preface?: string[];
  submitLabel: string;
  onSent?: () => void;
};

/**
 * A private-viewing request, a bespoke commission or a question: each is an inquiry to the house that presents
 * the piece, answered by its client adviser. Signed-in clients only; others are asked to sign in first.
 */
export function InquiryForm({ productId, productName, intent, preface = [], submitLabel, onSent }: InquiryFormProps) {
  const session = useSessionState();
  const location = useLocation();
  const create = useCreateInquiry(productId);
  const [sent, setSent] = useState(false);
  const problem = create.error ? toProblem(create.error) : null;

  if (session.status !== 'signed-in') {
    return (
      <div className="border border-line bg-sand/50 p-8">
        <p className="leading-relaxed text-ink-soft">
          Requests are answered personally by a client adviser, so we ask you to sign in first.
        </p>
        <ButtonLink to={signInPath(`${location.pathname}${location.search}`)} className="mt-6" variant="secondary">
          Sign in to continue
        </ButtonLink>
      </div>
    );
  }
  if (sent) {
    return (
      <div role="status" className="border-l-2 border-gold bg-sand/60 p-8">
        <p className="display text-2xl text-ink">Your request has been sent</p>
        <p className="mt-3 leading-relaxed text-ink-soft">
          A client adviser of the house will reply in the way you asked, usually within a day.
        </p>
        <Suspense fallback={null}>
          <PushInvitation reason="enquiry" className="mt-6" />
        </Suspense>
      </div>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const own = String(form.get('message') ?? '').trim();
    const opening =
      intent === 'viewing'
        ? `I would like to arrange a private viewing of ${productName}.`
        : intent === 'bespoke'
          ? `I would like to commission ${productName}, made to order.`
          : `A question about ${productName}.`;
    const message = [opening, ...preface, own].filter(Boolean).join('\n');
    const preferredDate = String(form.get('preferredDate') ?? '');
    create.mutate(
      { message, preferredContact: String(form.get('preferredContact')) as PreferredContact, ...(preferredDate ? { preferredDate } : {}) },
      {
        onSuccess: () => {
          setSent(true);
          onSent?.();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} className="space-y-8" noValidate>
      {problem && <FormAlert problem={problem} fields={['message', 'preferredContact', 'preferredDate']} />}
      <Field
        label="Your message"
        hint="Anything the adviser should know: where you are, a timing, a question."
        error={problem?.field('message')}
      >
        {(p) => <Textarea {...p} name="message" rows={4} maxLength={3500} />}
      </Field>
      <fieldset>
        <legend className="eyebrow text-ink-soft">How should we reply?</legend>
        <div className="mt-4 flex flex-wrap gap-x-8 gap-y-3">
          {CONTACTS.map((c, i) => (
            <label key={c.value} className="flex cursor-pointer items-center gap-3 text-sm text-ink">
              <input type="radio" name="preferredContact" value={c.value} defaultChecked={i === 0} className="size-4 accent-ink" />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      {intent !== 'question' && (
        <Field
          label={intent === 'viewing' ? 'Preferred date for the viewing' : 'Needed by (optional)'}
          error={problem?.field('preferredDate')}
        >
          {(p) => <Input {...p} name="preferredDate" type="date" min={today()} />}
        </Field>
      )}
      <Button type="submit" loading={create.isPending} size="lg" className="w-full sm:w-auto">
        {submitLabel}
      </Button>
    </form>
  );
}
