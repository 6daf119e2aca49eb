import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode, RefObject } from 'react';
import { Button } from '../../../components/ui/button.tsx';

type FilterSheetProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The Filters button, which takes focus back when the sheet closes. */
  returnFocusTo: RefObject<HTMLButtonElement | null>;
  /** How many pieces the filters in force find, when known. */
  total: number | undefined;
  /** The facet sidebar. */
  children: ReactNode;
};

/** The facet sidebar as a sheet on a phone; loaded when Filters is first pressed (browse-view.tsx). */
export default function FilterSheet({ open, onOpenChange, returnFocusTo, total, children }: FilterSheetProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-ink/40 data-[state=open]:animate-fade-in" />
        <RadixDialog.Content
          className="fixed inset-y-0 left-0 z-50 flex w-full max-w-sm animate-fade-in flex-col bg-ivory"
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocusTo.current?.focus();
          }}
        >
          <div className="flex items-center justify-between border-b border-line px-6 py-5">
            <RadixDialog.Title className="display text-3xl text-ink">Refine</RadixDialog.Title>
            <RadixDialog.Description className="sr-only">Filter the pieces shown by house, colour, size and price.</RadixDialog.Description>
            <RadixDialog.Close className="eyebrow -mr-2 p-2 text-ink">Close</RadixDialog.Close>
          </div>
          <div className="flex-1 overflow-y-auto px-6 py-8">{children}</div>
          <div className="border-t border-line p-6">
            <Button className="w-full" onClick={() => onOpenChange(false)}>
              Show {total !== undefined ? `${total} ` : ''}pieces
            </Button>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
