import { Link } from 'react-router';
import { cn } from '../../lib/cn.ts';

/** The house name set in the display serif; "By" in italic is the only flourish. */
export function Wordmark({ className, tone = 'light' }: { className?: string; tone?: 'light' | 'dark' }) {
  return (
    <Link
      to="/"
      aria-label="StyleByZaga, home"
      className={cn(
        'font-display text-[1.75rem] leading-none font-medium tracking-[0.01em] sm:text-[2rem]',
        tone === 'dark' ? 'text-ivory' : 'text-ink',
        className,
      )}
    >
      Style<span className={cn('font-normal italic', tone === 'dark' ? 'text-gold-light' : 'text-gold-deep')}>By</span>Zaga
    </Link>
  );
}
