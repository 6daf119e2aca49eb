import { useId, type ReactNode } from 'react';
import { cn } from '../../../lib/cn.ts';

type SettingsSectionProps = {
  title: ReactNode;
  description?: ReactNode;
  /** A badge or status beside the title ("On", "VIP"). */
  aside?: ReactNode;
  children: ReactNode;
  className?: string;
};

/** One group of settings: a serif title with its explanation, then the controls; sections are divided by a hairline. */
export function SettingsSection({ title, description, aside, children, className }: SettingsSectionProps) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={cn('border-t border-line pt-10 pb-14 first:border-t-0 first:pt-0', className)}>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h2 id={id} className="display text-3xl text-ink">
          {title}
        </h2>
        {aside}
      </div>
      {description && <div className="mt-3 max-w-2xl leading-relaxed text-ink-soft">{description}</div>}
      <div className="mt-8">{children}</div>
    </section>
  );
}

/** The title block at the head of an account or admin page; the page's only h1. */
export function PageTitle({ eyebrow, title, lede }: { eyebrow: string; title: ReactNode; lede?: ReactNode }) {
  return (
    <header className="mb-14">
      <p className="eyebrow text-gold-deep">{eyebrow}</p>
      <h1 className="display mt-5 text-4xl text-ink sm:text-5xl">{title}</h1>
      {lede && <p className="mt-5 max-w-2xl text-lg leading-relaxed text-ink-soft">{lede}</p>}
    </header>
  );
}
