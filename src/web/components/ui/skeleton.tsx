import { cn } from '../../lib/cn.ts';

/** Placeholder shape while data loads; hidden from assistive technology, which gets the busy region instead. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn('animate-pulse bg-sand', className)} />;
}
