import { cn } from '../../lib/cn.ts';

type Step = { title: string; body: string };

// Literal class names, so Tailwind finds them when it scans this file.
const COLUMNS: Record<number, string> = { 2: 'lg:grid-cols-2', 3: 'lg:grid-cols-3', 4: 'lg:grid-cols-4' };

/** A short process told in three or four numbered movements, divided by hairlines. */
export function NumberedSteps({
  steps,
  tone = 'light',
  className,
}: {
  steps: readonly Step[];
  tone?: 'light' | 'dark';
  className?: string;
}) {
  const dark = tone === 'dark';
  return (
    <ol className={cn('grid gap-x-8 sm:grid-cols-2', COLUMNS[steps.length] ?? 'lg:grid-cols-3', className)}>
      {steps.map((step, index) => (
        <li key={step.title} className={cn('border-t pt-8 pr-2 pb-4', dark ? 'border-ivory/20' : 'border-line')}>
          <span aria-hidden="true" className={cn('display text-5xl', dark ? 'text-gold-light' : 'text-gold-deep')}>
            {String(index + 1).padStart(2, '0')}
          </span>
          <h3 className={cn('display mt-6 text-2xl', dark ? 'text-ivory' : 'text-ink')}>{step.title}</h3>
          <p className={cn('mt-3 text-sm leading-relaxed', dark ? 'text-ivory/80' : 'text-ink-soft')}>{step.body}</p>
        </li>
      ))}
    </ol>
  );
}
