import { Link } from 'react-router';
import { cn } from '../../../lib/cn.ts';

/** The header's way to search: a link to the search page (which opens with the field ready), so it works before scripts load. */
export function SearchLink({ className }: { className?: string }) {
  return (
    <Link to="/search" className={cn('eyebrow inline-flex items-center gap-2 p-1 text-ink', className)} aria-label="Search">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.3">
        <circle cx="8.5" cy="8.5" r="6" />
        <path d="m13 13 5 5" />
      </svg>
      <span className="hidden xl:inline">Search</span>
    </Link>
  );
}
