import { Link, useSearchParams } from 'react-router';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { ListError, ListLoading } from '../../../components/ui/list-state.tsx';
import { toProblem } from '../../../lib/api/problem.ts';
import { cn } from '../../../lib/cn.ts';
import { formatDateTime } from '../../account/format.ts';
import { useFailedJobs, useJobAction, type FailedJobStatus, type JobView } from '../api/jobs.ts';

const STATUSES: ReadonlyArray<{ value: FailedJobStatus; label: string }> = [
  { value: 'dead', label: 'Stopped' },
  { value: 'retrying', label: 'Retrying' },
];

/** Failed background jobs by status (tabs in the URL), each with its last error and the two ways out. */
export function FailedJobs() {
  const [params] = useSearchParams();
  const status = STATUSES.find((s) => s.value === params.get('status'))?.value ?? 'dead';
  const jobs = useFailedJobs(status);
  const action = useJobAction();
  const counts = jobs.data?.counts;

  return (
    <>
      <nav aria-label="Job status" className="mb-12">
        <ul className="flex flex-wrap gap-x-8 gap-y-3 border-b border-line">
          {STATUSES.map((s) => (
            <li key={s.value}>
              <Link
                to={`?status=${s.value}`}
                aria-current={s.value === status ? 'page' : undefined}
                className={cn(
                  'eyebrow -mb-px block border-b py-3',
                  s.value === status ? 'border-ink text-ink' : 'border-transparent text-ink-soft hover:text-ink',
                )}
              >
                {s.label}
                {counts && <span className="ml-2 text-stone">{counts[s.value]}</span>}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {counts && (
        <p className="mb-8 text-sm text-stone">
          {counts.pending} waiting their turn · {counts.running} running now
        </p>
      )}
      {action.error && <FormAlert problem={toProblem(action.error)} className="mb-8" />}
      {jobs.isPending ? (
        <ListLoading rows={3} />
      ) : jobs.isError ? (
        <ListError error={jobs.error} />
      ) : jobs.data.jobs.length === 0 ? (
        <p className="border-y border-line py-10 text-center text-stone">
          {status === 'dead' ? 'Nothing has stopped. Every job went through.' : 'No job is waiting for another try.'}
        </p>
      ) : (
        <ul className="space-y-6">
          {jobs.data.jobs.map((job) => (
            <JobRow
              key={job.jobId}
              job={job}
              busy={action.isPending && action.variables?.jobId === job.jobId}
              onAction={(kind) => action.mutate({ jobId: job.jobId, action: kind })}
            />
          ))}
        </ul>
      )}
    </>
  );
}

function JobRow({ job, busy, onAction }: { job: JobView; busy: boolean; onAction: (kind: 'retry' | 'discard') => void }) {
  return (
    <li className="border border-line bg-ivory p-6 md:p-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h2 className="font-mono text-sm break-all text-ink">{job.name}</h2>
          <p className="mt-1 text-xs text-stone">
            {job.attempts} of {job.maxAttempts} tries ·{' '}
            {job.status === 'dead' ? `stopped ${formatDateTime(job.updatedAt)}` : `next try ${formatDateTime(job.runAt)}`}
          </p>
        </div>
        <Badge tone={job.status === 'dead' ? 'ink' : 'gold'}>{job.status === 'dead' ? 'Stopped' : 'Retrying'}</Badge>
      </div>
      {job.lastError && (
        <pre className="mt-5 overflow-x-auto border-l-2 border-line bg-sand px-4 py-3 text-xs leading-relaxed whitespace-pre-wrap text-ink-soft">
          {job.lastError}
        </pre>
      )}
      <div className="mt-6 flex flex-wrap gap-3">
        <Button size="sm" loading={busy} onClick={() => onAction('retry')} aria-label={`Run again ${job.name}`}>
          Run again
        </Button>
        <Button size="sm" variant="secondary" disabled={busy} onClick={() => onAction('discard')} aria-label={`Discard ${job.name}`}>
          Discard
        </Button>
      </div>
      <p className="mt-4 text-xs text-stone">
        Created {formatDateTime(job.createdAt)} · job {job.jobId}
      </p>
    </li>
  );
}
