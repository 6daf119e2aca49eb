import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Route } from './+types/admin.message-reports';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Field } from '../components/ui/field.tsx';
import { FormAlert } from '../components/ui/form-alert.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { Textarea } from '../components/ui/textarea.tsx';
import { useToast } from '../components/ui/toast.tsx';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { formatDateTime } from '../features/account/format.ts';
import { useMessageReports, useReviewReport, type MessageReport, type ReportStatus } from '../features/messaging/api.ts';
import { toProblem } from '../lib/api/problem.ts';
import { cn } from '../lib/cn.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Reported messages',
    description: 'Messages reported by members, for the house office to review.',
    image: 'private-client-salon',
  }),
  { name: 'robots', content: 'noindex' },
];

const TABS: { status: ReportStatus | undefined; label: string }[] = [
  { status: 'OPEN', label: 'To review' },
  { status: 'ACTIONED', label: 'Actioned' },
  { status: 'DISMISSED', label: 'Dismissed' },
  { status: undefined, label: 'All' },
];

const STATUS: Record<ReportStatus, string> = { OPEN: 'To review', ACTIONED: 'Actioned', DISMISSED: 'Dismissed' };

/** Reported messages: the house office reads the message and the reason, then dismisses or acts, with a note. */
export default function AdminMessageReports() {
  const [params] = useSearchParams();
  const raw = params.get('status');
  const status = raw === 'all' ? undefined : TABS.some((t) => t.status === raw) ? (raw as ReportStatus) : 'OPEN';
  const reports = useMessageReports(status);
  const rows = reports.data?.reports ?? [];
  return (
    <>
      <PageTitle
        eyebrow="The house office"
        title="Reported messages"
        lede="Members report messages in confidence. Read the message and the reason, then dismiss the report or act on it; the note stays with the report."
      />
      <nav aria-label="Report status" className="mb-10 flex gap-8 overflow-x-auto border-b border-line">
        {TABS.map((t) => {
          const current = t.status === status;
          return (
            <Link
              key={t.label}
              to={`?status=${t.status ?? 'all'}`}
              aria-current={current ? 'page' : undefined}
              className={cn(
                'eyebrow -mb-px shrink-0 border-b pb-3',
                current ? 'border-ink text-ink' : 'border-transparent text-stone hover:text-ink',
              )}
            >
              {t.label}
            </Link>
          );
        })}
      </nav>
      {reports.isPending ? (
        <ListLoading />
      ) : reports.isError ? (
        <ListError error={reports.error} />
      ) : rows.length === 0 ? (
        <p className="border-y border-line py-10 text-center text-stone">
          {status === 'OPEN' ? 'Nothing to review. Every report has been read.' : 'No report here.'}
        </p>
      ) : (
        <ul aria-label="Reports" className="space-y-6">
          {rows.map((r) => (
            <ReportCard key={r.reportId} report={r} />
          ))}
        </ul>
      )}
    </>
  );
}

function ReportCard({ report }: { report: MessageReport }) {
  const review = useReviewReport();
  const { toast } = useToast();
  const [deleteMessage, setDeleteMessage] = useState(false);
  const [decision, setDecision] = useState<'DISMISSED' | 'ACTIONED' | undefined>();
  const problem = review.error ? toProblem(review.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Which of the two buttons sent the form decides.
    const decision = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'ACTIONED' ? 'ACTIONED' : 'DISMISSED';
    setDecision(decision);
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim();
    review.mutate(
      { reportId: report.reportId, status: decision, ...(note ? { note } : {}), deleteMessage: decision === 'ACTIONED' && deleteMessage },
      {
        onSuccess: () =>
          toast({
            title: decision === 'ACTIONED' ? 'Report actioned' : 'Report dismissed',
            description: `The message from ${report.senderName}`,
            tone: 'success',
          }),
      },
    );
  }

  return (
    <li className="border border-line bg-ivory p-6 sm:p-8" data-testid="report">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="eyebrow text-stone">Reported {formatDateTime(report.createdAt)}</p>
          <h2 className="mt-2 font-display text-2xl text-ink">A message from {report.senderName}</h2>
          <p className="mt-1 text-sm text-ink-soft">Reported by {report.reporterName}</p>
        </div>
        <Badge tone={report.status === 'OPEN' ? 'gold' : 'neutral'}>{STATUS[report.status]}</Badge>
      </div>
      <figure className="mt-6">
        <blockquote
          className={cn(
            'border-l-2 border-line pl-5 leading-relaxed whitespace-pre-line',
            report.content ? 'text-ink' : 'text-stone italic',
          )}
        >
          {report.content || 'The message has been deleted.'}
        </blockquote>
      </figure>
      <div className="mt-6 bg-sand/60 p-5">
        <p className="eyebrow text-gold-deep">Why it was reported</p>
        <p className="mt-2 leading-relaxed whitespace-pre-line text-ink-soft">{report.reason}</p>
      </div>
      {report.status !== 'OPEN' ? (
        <div className="mt-6 border-t border-line pt-5 text-sm">
          <p className="eyebrow text-stone">
            {STATUS[report.status]}
            {report.reviewedAt ? ` · ${formatDateTime(report.reviewedAt)}` : ''}
          </p>
          <p className="mt-2 leading-relaxed text-ink-soft">{report.reviewNote ?? 'No note was left.'}</p>
        </div>
      ) : (
        <form onSubmit={submit} className="mt-6 space-y-4" noValidate>
          {problem && <FormAlert problem={problem} fields={['note']} />}
          <Field label="Review note" hint="For the house office: what was decided, and why." error={problem?.field('note')}>
            {(p) => <Textarea {...p} name="note" rows={2} maxLength={1000} />}
          </Field>
          <label className="flex items-center gap-3 text-sm text-ink">
            <input
              type="checkbox"
              checked={deleteMessage}
              onChange={(e) => setDeleteMessage(e.target.checked)}
              className="size-4 accent-ink"
            />
            Delete the message for everyone when acting on it
          </label>
          <div className="flex flex-wrap justify-end gap-4">
            <Button type="submit" variant="secondary" size="sm" value="DISMISSED" loading={review.isPending && decision === 'DISMISSED'}>
              Dismiss
            </Button>
            <Button type="submit" size="sm" value="ACTIONED" loading={review.isPending && decision === 'ACTIONED'}>
              Act on the report
            </Button>
          </div>
        </form>
      )}
    </li>
  );
}
