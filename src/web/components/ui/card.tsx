import type { HTMLAttributes } from 'react';
import { cn } from '../../lib/cn.ts';

type CardProps = HTMLAttributes<HTMLDivElement> & { tone?: 'ivory' | 'sand' };

/** A quiet panel: a hairline and room to breathe, never a drop shadow. */
export function Card({ tone = 'ivory', className, ...rest }: CardProps) {
  return <div className={cn('border border-line p-8 md:p-10', tone === 'sand' ? 'bg-sand' : 'bg-ivory', className)} {...rest} />;
}
