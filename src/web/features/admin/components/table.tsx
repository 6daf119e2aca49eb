import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cn } from '../../../lib/cn.ts';

/**
 * A ledger-like table: hairlines between rows, small caps heads; it scrolls sideways on a phone. The frame is
 * positioned so that visually hidden labels in its cells (absolutely positioned) scroll with it instead of widening
 * the whole page.
 */
export function Table({ caption, children, className }: { caption: string; children: ReactNode; className?: string }) {
  return (
    <div className={cn('relative -mx-6 overflow-x-auto px-6 sm:mx-0 sm:px-0', className)}>
      <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th scope="col" className={cn('eyebrow border-b border-ink/70 py-3 pr-6 font-medium text-ink-soft last:pr-0', className)} {...rest} />
  );
}

export function Td({ className, ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn('border-b border-line py-4 pr-6 align-top text-ink-soft last:pr-0', className)} {...rest} />;
}

export function Tr(props: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className="transition-colors hover:bg-sand/60" {...props} />;
}
