import { Button } from './button.tsx';

/** "Show more" under a list read a page at a time, and a count of what is shown. */
export function LoadMore({
  shown,
  hasMore,
  loading,
  onMore,
  noun,
}: {
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
  noun: string;
}) {
  return (
    <div className="mt-10 flex flex-wrap items-center justify-between gap-6">
      <p className="text-sm text-stone" aria-live="polite">
        {shown} {noun}
        {hasMore ? ' shown' : ''}
      </p>
      {hasMore && (
        <Button variant="secondary" size="sm" loading={loading} onClick={onMore}>
          Show more
        </Button>
      )}
    </div>
  );
}
