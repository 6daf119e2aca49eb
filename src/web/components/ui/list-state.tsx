import { Skeleton } from './skeleton.tsx';
import { problemMessage, toProblem } from '../../lib/api/problem.ts';

/** Loading rows and the error line every admin list shares. */
export function ListLoading({ rows = 5 }: { rows?: number }) {
  return (
    <div aria-busy="true" className="space-y-3">
      <p role="status" className="sr-only">
        Loading
      </p>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-12 w-full" />
      ))}
    </div>
  );
}

export function ListError({ error }: { error: unknown }) {
  return (
    <p role="alert" className="border-l-2 border-danger bg-sand px-5 py-4 text-sm text-ink">
      {problemMessage(toProblem(error))}
    </p>
  );
}
