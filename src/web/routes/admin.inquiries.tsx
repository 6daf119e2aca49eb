import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Route } from './+types/admin.inquiries';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Field } from '../components/ui/field.tsx';
import { Textarea } from '../components/ui/textarea.tsx';
import { useToast } from '../components/ui/toast.tsx';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { formatDate } from '../features/account/format.ts';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { LoadMore } from '../components/ui/load-more.tsx';
import { FormAlert } from '../components/ui/form-alert.tsx';
import { toProblem } from '../lib/api/problem.ts';
import { useSignedInUser } from '../features/auth/session.tsx';
import { useAnswerInquiry, useInquiries, type Inquiry, type InquiryStatus } from '../features/catalog/api/inquiries.ts';
import { cn } from '../lib/cn.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Inquiries',
    description: 'Private-viewing requests and questions from clients.',
    image: 'private-client-salon',
  }),
  { name: 'robots', content: 'noindex' },
];

const TABS: { status: InquiryStatus | undefined; label: string }[] = [
  { status: 'OPEN', label: 'Open' },
  { status: 'ANSWERED', label: 'Answered' },
  { status: 'CLOSED', label: 'Closed' },
  { status: undefined, label: 'All' },
];

const CONTACT: Record<Inquiry['preferredContact'], string> = { EMAIL: 'by email', PHONE: 'by telephone', MESSAGE: 'by message' };

/** The inquiry inbox: a partner answers their own house's clients, an administrator sees every house's. */
export default function AdminInquiries() {
  const user = useSignedInUser();
  const [params] = useSearchParams();
  const raw = params.get('status');
  const status = raw === 'all' ? undefined : TABS.some((t) => t.status === raw) ? (raw as InquiryStatus) : 'OPEN';
  const inquiries = useInquiries(status);
  const rows = inquiries.data?.pages.flatMap((p) => p.inquiries) ?? [];
  return (
    <>
      <PageTitle
        eyebrow={user.userType === 'ADMIN' ? 'The house office' : 'Partner area'}
        title="Inquiries"
        lede="Private-viewing requests, commissions and questions. Clients in privacy mode appear under their alias."
      />
      <p className="-mt-8 mb-10 text-sm text-ink-soft">
        Every enquiry is also a conversation with its client: answer here, or{' '}
        <Link to={user.userType === 'ADMIN' ? '/admin/messages' : '/partner/messages'} className="link-underline text-ink">
          write in the conversation
        </Link>
        .
      </p>
      <nav aria-label="Inquiry status" className="mb-10 flex gap-8 border-b border-line">
        {TABS.map((t) => {
          const current = t.status === status;
          return (
            <Link
              key={t.label}
              to={`?status=${t.status ?? 'all'}`}
              aria-current={current ? 'page' : undefined}
              className={cn(
                'eyebrow -mb-px border-b pb-3',
                current ? 'border-ink text-ink' : 'border-transparent text-stone hover:text-ink',
              )}
            >
              {t.label}
            </Link>
          );
        })}
      </nav>
      {inquiries.isPending ? (
        <ListLoading />
      ) : inquiries.isError ? (
        <ListError error={inquiries.error} />
      ) : rows.length === 0 ? (
        <p className="border-y border-line py-10 text-center text-stone">No inquiry here.</p>
      ) : (
        <>
          <ul aria-label="Inquiries" className="space-y-6">
            {rows.map((i) => (
              <InquiryCard key={i.inquiryId} inquiry={i} />
            ))}
          </ul>
          <LoadMore
            shown={rows.length}
            noun={rows.length === 1 ? 'inquiry' : 'inquiries'}
            hasMore={inquiries.hasNextPage}
            loading={inquiries.isFetchingNextPage}
            onMore={() => void inquiries.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}

function InquiryCard({ inquiry }: { inquiry: Inquiry }) {
  const answer = useAnswerInquiry();
  const { toast } = useToast();
  const [close, setClose] = useState(false);
  const problem = answer.error ? toProblem(answer.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('answer') ?? '').trim();
    answer.mutate(
      { inquiryId: inquiry.inquiryId, answer: text, close },
      { onSuccess: () => toast({ title: 'Answer sent', description: `${inquiry.clientName} — ${inquiry.productName}`, tone: 'success' }) },
    );
  }

  return (
    <li className="border border-line bg-ivory p-6 sm:p-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="eyebrow text-stone">
            {inquiry.brandName} · {formatDate(inquiry.createdAt)}
          </p>
          <h2 className="mt-2 font-display text-2xl text-ink">
            <Link to={`/products/${inquiry.productSlug}`} className="hover:underline">
              {inquiry.productName}
            </Link>
          </h2>
          <p className="mt-1 text-sm text-ink-soft">
            From {inquiry.clientName}, who prefers a reply {CONTACT[inquiry.preferredContact]}
            {inquiry.preferredDate ? `, and would like ${formatDate(inquiry.preferredDate)}` : ''}.
          </p>
        </div>
        <Badge tone={inquiry.status === 'OPEN' ? 'gold' : 'neutral'}>
          {inquiry.status === 'OPEN' ? 'Open' : inquiry.status === 'ANSWERED' ? 'Answered' : 'Closed'}
        </Badge>
      </div>
      <blockquote className="mt-6 border-l-2 border-line pl-5 leading-relaxed whitespace-pre-line text-ink">{inquiry.message}</blockquote>
      {inquiry.answer && (
        <div className="mt-6 bg-sand/60 p-5">
          <p className="eyebrow text-gold-deep">Answer{inquiry.answeredAt ? ` · ${formatDate(inquiry.answeredAt)}` : ''}</p>
          <p className="mt-2 leading-relaxed whitespace-pre-line text-ink-soft">{inquiry.answer}</p>
        </div>
      )}
      {inquiry.status !== 'CLOSED' && (
        <form onSubmit={submit} className="mt-6 space-y-4" noValidate>
          {problem && <FormAlert problem={problem} fields={['answer']} />}
          <Field label={inquiry.answer ? 'Write again' : 'Your answer'} error={problem?.field('answer')}>
            {(p) => <Textarea {...p} name="answer" rows={3} required maxLength={4000} />}
          </Field>
          <div className="flex flex-wrap items-center justify-between gap-4">
            <label className="flex items-center gap-3 text-sm text-ink">
              <input type="checkbox" checked={close} onChange={(e) => setClose(e.target.checked)} className="size-4 accent-ink" />
              Close the inquiry with this answer
            </label>
            <Button type="submit" size="sm" loading={answer.isPending}>
              Send the answer
            </Button>
          </div>
        </form>
      )}
    </li>
  );
}
