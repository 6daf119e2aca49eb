import { Link } from 'react-router';
import { buttonClasses } from '../../../components/ui/button.tsx';
import { searchString, withPage, type BrowseState } from '../url-state.ts';

/**
 * Cursor pages as links (so each page has its own address and Back returns to the previous one). A cursor only
 * goes forward; "First page" starts the list again.
 */
export function Pagination({
  state,
  nextToken,
  pathname,
  shown,
}: {
  state: BrowseState;
  nextToken: string | undefined | null;
  pathname: string;
  shown: number;
}) {
  if (!nextToken && !state.after) return null;
  return (
    <nav aria-label="Pages" className="mt-20 flex flex-wrap items-center justify-between gap-6 border-t border-line pt-10">
      <p className="text-sm text-stone">{shown} pieces on this page</p>
      <div className="flex items-center gap-6">
        {state.after && (
          <Link
            to={`${pathname}${searchString(withPage(state, undefined))}`}
            className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink"
          >
            First page
          </Link>
        )}
        {nextToken && (
          <Link to={`${pathname}${searchString(withPage(state, nextToken))}`} className={buttonClasses({ variant: 'secondary' })}>
            Next page
          </Link>
        )}
      </div>
    </nav>
  );
}
