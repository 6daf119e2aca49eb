import { Link } from 'react-router';
import { cn } from '../../lib/cn.ts';
import { WORDMARK } from './wordmark-outline.ts';

const SYMBOL_ID = 'sbz-wordmark';

/**
 * The house name as drawn outlines of the display serif (scripts/wordmark.mjs); "By" in italic is the only flourish.
 * Outlines rather than text so a page's first paint does not wait for the two faces only the wordmark uses (#12).
 * Drawn once per page ({@link WordmarkSymbol}, in the site shell) and reused by the header, the footer and the menu.
 */
export function Wordmark({ className, tone = 'light' }: { className?: string; tone?: 'light' | 'dark' }) {
  return (
    <Link
      to="/"
      aria-label="StyleByZaga, home"
      className={cn(
        'block text-[1.75rem] leading-none sm:text-[2rem]',
        tone === 'dark' ? 'text-ivory [--wordmark-by:var(--color-gold-light)]' : 'text-ink [--wordmark-by:var(--color-gold-deep)]',
        className,
      )}
    >
      <svg
        viewBox={WORDMARK.viewBox}
        aria-hidden="true"
        focusable="false"
        className="block h-[1em] w-auto overflow-visible"
        style={{ aspectRatio: WORDMARK.aspect }}
      >
        <use href={`#${SYMBOL_ID}`} />
      </svg>
    </Link>
  );
}

/** The wordmark's outlines, once per document, for every {@link Wordmark} to use. */
export function WordmarkSymbol() {
  return (
    <svg aria-hidden="true" focusable="false" width="0" height="0" className="absolute">
      <defs>
        <g id={SYMBOL_ID}>
          <path d={WORDMARK.style} fill="currentColor" />
          <path d={WORDMARK.by} style={{ fill: 'var(--wordmark-by)' }} />
          <path d={WORDMARK.zaga} fill="currentColor" />
        </g>
      </defs>
    </svg>
  );
}
