import type { FormEvent } from 'react';
import { useState } from 'react';
import type { Route } from './+types/account.membership';
import { Badge } from '../components/ui/badge.tsx';
import { Button, ButtonLink } from '../components/ui/button.tsx';
import { Field } from '../components/ui/field.tsx';
import { Skeleton } from '../components/ui/skeleton.tsx';
import { Textarea } from '../components/ui/textarea.tsx';
import { useToast } from '../components/ui/toast.tsx';
import { useApplyForVip, useMyVipApplications } from '../features/account/api/vip.ts';
import { PageTitle, SettingsSection } from '../features/account/components/settings-section.tsx';
import { formatDate } from '../features/account/format.ts';
import { FormAlert } from '../components/ui/form-alert.tsx';
import { problemMessage, toProblem } from '../lib/api/problem.ts';
import { useSignedInUser } from '../features/auth/session.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'VIP membership', description: 'Apply for VIP membership of StyleByZaga.', image: 'private-client-atelier' }),
  { name: 'robots', content: 'noindex' },
];

const BENEFITS = [
  { title: 'Privacy mode', body: 'Stylists and partners see an alias, never your name, until you choose.' },
  { title: 'First sight', body: 'Private previews of each collection before it reaches the salon.' },
  { title: 'Your record', body: 'See every time the house’s administrators open your profile.' },
];

export default function AccountMembership() {
  const user = useSignedInUser();
  if (user.userType !== 'CLIENT') {
    return <PageTitle eyebrow="Your account" title="VIP membership" lede="VIP membership is offered to the house’s clients." />;
  }
  if (user.tier === 'VIP') {
    return (
      <>
        <PageTitle
          eyebrow="VIP member"
          title={
            <>
              You are a <em className="italic">VIP member</em>
            </>
          }
          lede="Thank you for your confidence. Your privacy settings are a step away."
        />
        <ButtonLink to="/account/privacy">Privacy settings</ButtonLink>
      </>
    );
  }
  return (
    <>
      <PageTitle eyebrow="Your account" title="VIP membership" lede="For clients who ask more of the house, and of its discretion." />
      <ul className="mb-14 grid gap-8 border-t border-line pt-10 sm:grid-cols-3">
        {BENEFITS.map((b, i) => (
          <li key={b.title}>
            <span aria-hidden="true" className="font-display text-3xl text-gold-deep">
              {String(i + 1).padStart(2, '0')}
            </span>
            <p className="mt-3 font-display text-2xl text-ink">{b.title}</p>
            <p className="mt-2 text-sm leading-relaxed text-ink-soft">{b.body}</p>
          </li>
        ))}
      </ul>
      <Application />
    </>
  );
}

function Application() {
  const applications = useMyVipApplications();
  if (applications.isPending) return <Skeleton className="h-40 w-full" />;
  if (applications.isError) {
    return (
      <p role="alert" className="text-danger">
        {problemMessage(toProblem(applications.error))}
      </p>
    );
  }
  const latest = applications.data[0];
  if (latest?.status === 'PENDING') {
    return (
      <SettingsSection title="Your application" aside={<Badge tone="gold">Under review</Badge>}>
        <p className="leading-relaxed text-ink-soft">
          Received {formatDate(latest.createdAt)}. The house reviews each application personally; you will hear from us by email.
        </p>
        <blockquote className="mt-8 border-l-2 border-gold pl-6 font-display text-xl leading-relaxed text-ink-soft italic">
          {latest.note}
        </blockquote>
      </SettingsSection>
    );
  }
  return (
    <SettingsSection
      title="Apply"
      description={
        latest?.status === 'DECLINED'
          ? `Your application of ${formatDate(latest.createdAt)} was not accepted on ${formatDate(latest.decidedAt)}. You are welcome to apply again.`
          : 'Tell us a little about yourself and how the house can serve you. A member of the house reads every application.'
      }
    >
      <ApplyForm />
    </SettingsSection>
  );
}

function ApplyForm() {
  const apply = useApplyForVip();
  const { toast } = useToast();
  const [length, setLength] = useState(0);
  const problem = apply.error ? toProblem(apply.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply.mutate(String(new FormData(event.currentTarget).get('note') ?? '').trim(), {
      onSuccess: () =>
        toast({
          title: 'Thank you',
          description: 'Your application has reached the house. You will hear from us by email.',
          tone: 'success',
        }),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Apply for VIP membership" className="space-y-8">
      <FormAlert problem={problem} fields={['note']} />
      <Field label="Your note" hint={`At least 20 characters · ${length} / 2000`} error={problem?.field('note')}>
        {(p) => (
          <Textarea
            {...p}
            name="note"
            rows={6}
            required
            minLength={20}
            maxLength={2000}
            onChange={(e) => setLength(e.target.value.trim().length)}
          />
        )}
      </Field>
      <Button type="submit" loading={apply.isPending}>
        Send my application
      </Button>
    </form>
  );
}
