import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode, RefObject } from 'react';
import { cn } from '../../lib/cn.ts';

export type DialogPanelProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where focus goes back when the dialog closes: its trigger, or whatever had focus when it opened. */
  returnFocusTo: RefObject<HTMLElement | null>;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  className?: string;
};

/**
 * A centred panel on a dimmed ivory veil. Radix supplies focus trapping, Escape to close, scroll locking and the ARIA
 * wiring; this file (and Radix with it) loads when a dialog is first wanted (dialog.tsx).
 */
export default function DialogPanel({ open, onOpenChange, returnFocusTo, title, description, children, className }: DialogPanelProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-ink/40 backdrop-blur-[2px] data-[state=open]:animate-fade-in" />
        <RadixDialog.Content
          className={cn(
            'fixed top-1/2 left-1/2 z-50 w-[calc(100%-3rem)] -translate-x-1/2 -translate-y-1/2',
            // A wider panel (a picture library) names its own width; class order cannot override one.
            !className?.includes('max-w-') && 'max-w-lg',
            'border border-line bg-ivory p-8 sm:p-12',
            className,
          )}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocusTo.current?.focus();
          }}
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
    </RadixDialog.Root>
  );
}
