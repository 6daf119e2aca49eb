import type { ReactNode } from 'react';
import { cn } from '../../lib/cn.ts';

type BadgeTone = 'neutral' | 'gold' | 'ink';

const tones: Record<BadgeTone, string> = {
  neutral: 'border-line text-ink-soft',
  gold: 'border-gold text-gold-deep',
  ink: 'border-ink bg-ink text-ivory',
};

export function Badge({ tone = 'neutral', className, children }: { tone?: BadgeTone; className?: string; children: ReactNode }) {
  return (
    <span className={cn('eyebrow inline-flex items-center border px-2.5 py-1 text-[0.625rem]', tones[tone], className)}>{children}</span>
  );
}
