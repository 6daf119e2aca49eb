import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { cn } from '../../lib/cn.ts';

/** Radix supplies focus trapping, Escape to close, scroll locking and the ARIA wiring. */
export const Dialog = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
export const DialogClose = RadixDialog.Close;

type DialogContentProps = {
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  className?: string;
};

/** A centred panel on a dimmed ivory veil; the title is required so the dialog always has a name. */
export function DialogContent({ title, description, children, className }: DialogContentProps) {
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-ink/40 backdrop-blur-[2px] data-[state=open]:animate-fade-in" />
      <RadixDialog.Content
        className={cn(
          'fixed top-1/2 left-1/2 z-50 w-[calc(100%-3rem)] max-w-lg -translate-x-1/2 -translate-y-1/2',
          'border border-line bg-ivory p-8 sm:p-12',
          className,
        )}
      >
        <RadixDialog.Title className="display text-3xl text-ink">{title}</RadixDialog.Title>
        {description ? (
          <RadixDialog.Description className="mt-4 leading-relaxed text-ink-soft">{description}</RadixDialog.Description>
        ) : (
          // Radix warns when a dialog has no description; say explicitly that this one has none.
          <RadixDialog.Description className="sr-only">{title}</RadixDialog.Description>
        )}
        {children && <div className="mt-8">{children}</div>}
        <RadixDialog.Close className="eyebrow absolute top-5 right-5 p-2 text-ink-soft hover:text-ink" aria-label="Close">
          Close
        </RadixDialog.Close>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}
