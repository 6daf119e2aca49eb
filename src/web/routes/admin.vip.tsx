import { Link } from 'react-router';
import type { Route } from './+types/admin.vip';
import { Badge } from '../components/ui/badge.tsx';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { formatDate } from '../features/account/format.ts';
import { useVipApplications, type VipApplicationStatus } from '../features/admin/api/vip-applications.ts';
import { DecisionForm } from '../features/admin/components/decision-form.tsx';
import { DecisionQueue, useQueueStatus, type QueueStatus } from '../features/admin/components/decision-queue.tsx';
import type { components } from '../lib/api/schema.d.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'VIP approvals — The house office',
    description: 'VIP applications to StyleByZaga.',
    image: 'private-client-salon',
  }),
  { name: 'robots', content: 'noindex' },
];

type VipApplication = components['schemas']['VipApplication'];

const STATUSES: ReadonlyArray<QueueStatus<VipApplicationStatus>> = [
  { value: 'PENDING', label: 'Awaiting decision' },
  { value: 'APPROVED', label: 'Approved' },
  { value: 'DECLINED', label: 'Declined' },
];

export default function AdminVip() {
  const status = useQueueStatus(STATUSES);
  const applications = useVipApplications(status);
  return (
    <>
      <PageTitle
        eyebrow="The house office"
        title="VIP approvals"
        lede="Each application is read in full. Approval makes the client VIP at once, turns privacy mode on and asks them to set up two-step verification."
      />
      <DecisionQueue
        label="Application status"
        statuses={STATUSES}
        status={status}
        query={applications}
        rows={applications.data?.pages.flatMap((p) => p.applications) ?? []}
        noun={['application', 'applications']}
        caughtUp="No application is waiting. All caught up."
        none="None yet."
      >
        {(a) => <ApplicationCard key={a.applicationId} application={a} />}
      </DecisionQueue>
    </>
  );
}

function ApplicationCard({ application: a }: { application: VipApplication }) {
  const name = a.applicant ? `${a.applicant.firstName} ${a.applicant.lastName}` : 'A client';
  return (
    <li className="border border-line bg-ivory p-8 md:p-10">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Link
            to={`/admin/members/${a.userId}`}
            className="font-display text-2xl text-ink underline decoration-line underline-offset-4 hover:decoration-ink"
          >
            {name}
          </Link>
          <p className="mt-1 text-sm text-stone">
            {a.applicant?.email} · applied {formatDate(a.createdAt)}
          </p>
        </div>
        {a.status === 'PENDING' ? (
          <Badge tone="gold">Awaiting decision</Badge>
        ) : (
          <Badge tone={a.status === 'APPROVED' ? 'ink' : 'neutral'}>{a.status === 'APPROVED' ? 'Approved' : 'Declined'}</Badge>
        )}
      </div>
      <blockquote className="mt-6 border-l-2 border-gold pl-6 font-display text-xl leading-relaxed text-ink-soft italic">
        {a.note}
      </blockquote>
      {a.status === 'PENDING' ? (
        <div className="mt-8 border-t border-line pt-8">
          <DecisionForm applicationId={a.applicationId} applicantName={name} />
        </div>
      ) : (
        <p className="mt-6 text-sm text-stone">
          {a.status === 'APPROVED' ? 'Approved' : 'Declined'} {formatDate(a.decidedAt)}
          {a.decidedBy ? ` by ${a.decidedBy.name}` : ''}
          {a.decisionNotes ? ` — “${a.decisionNotes}”` : ''}
        </p>
      )}
    </li>
  );
}
