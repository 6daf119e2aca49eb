import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Route } from './+types/admin.audit';
import { Button } from '../components/ui/button.tsx';
import { Field } from '../components/ui/field.tsx';
import { Input } from '../components/ui/input.tsx';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { formatDateTime } from '../features/account/format.ts';
import { useAuditLog, type AuditFilters } from '../features/admin/api/audit-log.ts';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { LoadMore } from '../components/ui/load-more.tsx';
import { Table, Td, Th, Tr } from '../features/admin/components/table.tsx';
import { FormAlert } from '../components/ui/form-alert.tsx';
import { toProblem } from '../lib/api/problem.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Audit log — The house office', description: 'The StyleByZaga audit log.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

/** `datetime-local` values are the administrator's local time; the API wants an instant. */
function toInstant(local: string | null): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function filtersFrom(params: URLSearchParams): AuditFilters {
  const pick = (key: string) => params.get(key)?.trim() || undefined;
  const filters: AuditFilters = {
    action: pick('action'),
    actorId: pick('actor'),
    targetUserId: pick('target'),
    from: toInstant(pick('from') ?? null),
    to: toInstant(pick('to') ?? null),
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
}

const FIELDS = ['action', 'actorId', 'targetUserId', 'from', 'to'];

function DetailList({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return <span className="text-stone">—</span>;
  return (
    <dl className="space-y-0.5 text-xs">
      {entries.map(([key, value]) => (
        <div key={key} className="flex gap-2">
          <dt className="text-stone">{key}</dt>
          <dd className="font-mono break-all text-ink-soft">{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function AdminAudit() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const log = useAuditLog(filters);
  const rows = log.data?.pages.flatMap((p) => p.entries) ?? [];
  const problem = log.error ? toProblem(log.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget))
      if (typeof value === 'string' && value.trim()) next.set(key, value.trim());
    setParams(next);
  }

  return (
    <>
      <PageTitle
        eyebrow="The house office"
        title="Audit log"
        lede="Sign-ins and failures, two-step changes, roles, VIP decisions and every administrator’s look at a VIP profile. Newest first."
      />
      <form key={params.toString()} onSubmit={submit} role="search" aria-label="Filter the audit log" className="mb-12 space-y-8">
        <FormAlert problem={problem?.code === 'ValidationException' ? problem : null} fields={FIELDS} />
        <div className="grid gap-8 sm:grid-cols-3">
          <Field label="Action" hint="Exact, or a prefix with *, e.g. auth.* or vip.*" error={problem?.field('action')}>
            {(p) => <Input {...p} name="action" defaultValue={params.get('action') ?? ''} placeholder="auth.*" spellCheck={false} />}
          </Field>
          <Field label="By (member id)" error={problem?.field('actorId')}>
            {(p) => <Input {...p} name="actor" defaultValue={params.get('actor') ?? ''} spellCheck={false} />}
          </Field>
          <Field label="About (member id)" error={problem?.field('targetUserId')}>
            {(p) => <Input {...p} name="target" defaultValue={params.get('target') ?? ''} spellCheck={false} />}
          </Field>
          <Field label="From" error={problem?.field('from')}>
            {(p) => <Input {...p} name="from" type="datetime-local" defaultValue={params.get('from') ?? ''} />}
          </Field>
          <Field label="Until" error={problem?.field('to')}>
            {(p) => <Input {...p} name="to" type="datetime-local" defaultValue={params.get('to') ?? ''} />}
          </Field>
          <div className="flex items-end gap-6">
            <Button type="submit" size="sm" className="h-12">
              Filter
            </Button>
            {params.size > 0 && (
              <Link to="/admin/audit" className="eyebrow mb-3 border-b border-ink/30 pb-0.5 text-ink hover:border-ink">
                Clear
              </Link>
            )}
          </div>
        </div>
      </form>

      {log.isPending ? (
        <ListLoading />
      ) : log.isError ? (
        problem?.code === 'ValidationException' ? null : (
          <ListError error={log.error} />
        )
      ) : rows.length === 0 ? (
        <p className="border-y border-line py-10 text-center text-stone">Nothing recorded for these filters.</p>
      ) : (
        <>
          <Table caption="Audit log entries, newest first">
            <thead>
              <tr>
                <Th>When</Th>
                <Th>Action</Th>
                <Th>By</Th>
                <Th>About</Th>
                <Th>Details</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <Tr key={e.entryId}>
                  <Td className="whitespace-nowrap">{formatDateTime(e.at)}</Td>
                  <Td>
                    <code className="font-mono text-xs text-ink">{e.action}</code>
                  </Td>
                  <Td>
                    {e.actorId ? (
                      <Link
                        to={`/admin/members/${e.actorId}`}
                        className="text-ink underline decoration-line underline-offset-4 hover:decoration-ink"
                      >
                        {e.actorName ?? 'A member'}
                      </Link>
                    ) : (
                      <span className="text-stone">Anonymous</span>
                    )}
                    {e.ip && <span className="block text-xs text-stone">{e.ip}</span>}
                  </Td>
                  <Td>
                    {e.targetUserId ? (
                      <Link
                        to={`/admin/members/${e.targetUserId}`}
                        className="text-ink underline decoration-line underline-offset-4 hover:decoration-ink"
                      >
                        {e.targetName ?? 'A member'}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </Td>
                  <Td>
                    <DetailList details={e.details} />
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
          <LoadMore
            shown={rows.length}
            noun={rows.length === 1 ? 'entry' : 'entries'}
            hasMore={log.hasNextPage}
            loading={log.isFetchingNextPage}
            onMore={() => void log.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}
