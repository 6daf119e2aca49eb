import { cn } from '../../../lib/cn.ts';

/** The discreet mark of a piece reserved for private clients: a gold hairline, a small star, never a banner. */
export function VipBadge({
  className,
  label = 'Private clients',
  tone = 'light',
}: {
  className?: string;
  label?: string;
  tone?: 'light' | 'dark';
}) {
  return (
    <span
      className={cn(
        'eyebrow inline-flex items-center gap-2 border border-gold px-2.5 py-1 text-[0.625rem]',
        tone === 'dark' ? 'bg-ink text-gold-light' : 'bg-ivory/95 text-gold-deep',
        className,
      )}
    >
      <span aria-hidden="true" className="text-[0.7rem] leading-none">
        ✦
      </span>
      {label}
    </span>
  );
}

/** Limited and numbered editions, said quietly. */
export function ExclusivityNote({
  limitedEdition,
  editionSize,
  className,
}: {
  limitedEdition?: boolean;
  editionSize?: number | null;
  className?: string;
}) {
  if (!limitedEdition && !editionSize) return null;
  return (
    <p className={cn('eyebrow text-gold-deep', className)}>
      {editionSize ? `Numbered edition of ${editionSize.toLocaleString('en-GB')}` : 'Limited edition'}
    </p>
  );
}
