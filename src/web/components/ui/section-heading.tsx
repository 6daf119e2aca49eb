import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { cn } from '../../lib/cn.ts';

type SectionHeadingProps = {
  eyebrow?: string;
  title: ReactNode;
  lede?: ReactNode;
  /** A quiet link at the end of the heading row, such as "View all". */
  action?: { label: string; to: string };
  align?: 'start' | 'center';
  as?: 'h1' | 'h2';
  tone?: 'light' | 'dark';
  id?: string;
  className?: string;
};

export function SectionHeading({
  eyebrow,
  title,
  lede,
  action,
  align = 'start',
  as: Heading = 'h2',
  tone = 'light',
  id,
  className,
}: SectionHeadingProps) {
  const centered = align === 'center';
  const dark = tone === 'dark';
  return (
    <div
      className={cn(
        'flex flex-col gap-6',
        centered ? 'items-center text-center' : 'md:flex-row md:items-end md:justify-between',
        className,
      )}
    >
      <div className={cn('max-w-2xl', centered && 'mx-auto')}>
        {eyebrow && <p className={cn('eyebrow mb-5', dark ? 'text-gold-light' : 'text-gold-deep')}>{eyebrow}</p>}
        <Heading id={id} className={cn('display text-4xl sm:text-5xl lg:text-6xl', dark ? 'text-ivory' : 'text-ink')}>
          {title}
        </Heading>
        {lede && <p className={cn('mt-6 text-base leading-relaxed sm:text-lg', dark ? 'text-ivory/80' : 'text-ink-soft')}>{lede}</p>}
      </div>
      {action && (
        <Link
          to={action.to}
          className={cn(
            'eyebrow shrink-0 border-b pb-1 transition-colors',
            dark ? 'border-ivory/40 text-ivory hover:border-ivory' : 'border-ink/30 text-ink hover:border-ink',
          )}
        >
          {action.label}
        </Link>
      )}
    </div>
  );
}
