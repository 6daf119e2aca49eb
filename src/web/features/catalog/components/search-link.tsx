import { Link } from 'react-router';

/** The header's way to search: a link to the search page (which opens with the field ready), so it works before scripts load. */
export function SearchLink() {
  return (
    <Link to="/search" className="eyebrow inline-flex items-center gap-2 py-1 text-ink" aria-label="Search">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.3">
        <circle cx="8.5" cy="8.5" r="6" />
        <path d="m13 13 5 5" />
      </svg>
      <span className="hidden xl:inline">Search</span>
    </Link>
  );
}
