import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { cn } from '../../../lib/cn.ts';
import { ListError, ListLoading } from '../../../components/ui/list-state.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';

export interface QueueStatus<S extends string> {
  value: S;
  label: string;
}

/** The status in the URL (`?status=`) when it is one of `statuses`, else the first (the queue still to decide). */
export function useQueueStatus<S extends string>(statuses: ReadonlyArray<QueueStatus<S>>): S {
  const [params] = useSearchParams();
  return statuses.find((s) => s.value === params.get('status'))?.value ?? statuses[0]!.value;
}

interface PagedQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/**
 * A house-office queue of things to decide (stylist vetting, VIP applications): status tabs kept in the URL, then
 * the loading, error, empty or list state, with "load more".
 */
export function DecisionQueue<S extends string, T>({
  label,
  statuses,
  status,
  query,
  rows,
  noun,
  caughtUp,
  none,
  children,
}: {
  /** Accessible name of the status tabs. */
  label: string;
  statuses: ReadonlyArray<QueueStatus<S>>;
  status: S;
  query: PagedQuery;
  rows: readonly T[];
  /** Singular and plural, for "Showing 3 applications". */
  noun: [string, string];
  /** The empty text of the first status (nothing left to decide). */
  caughtUp: string;
  /** The empty text of the other statuses. */
  none: string;
  children: (row: T) => ReactNode;
}) {
  return (
    <>
      <nav aria-label={label} className="mb-12">
        <ul className="flex flex-wrap gap-x-8 gap-y-3 border-b border-line">
          {statuses.map((s) => (
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
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {query.isPending ? (
        <ListLoading rows={3} />
      ) : query.isError ? (
        <ListError error={query.error} />
      ) : rows.length === 0 ? (
        <p className="border-y border-line py-10 text-center text-stone">{status === statuses[0]!.value ? caughtUp : none}</p>
      ) : (
        <>
          <ul className="space-y-6">{rows.map(children)}</ul>
          <LoadMore
            shown={rows.length}
            noun={rows.length === 1 ? noun[0] : noun[1]}
            hasMore={query.hasNextPage}
            loading={query.isFetchingNextPage}
            onMore={() => void query.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}
