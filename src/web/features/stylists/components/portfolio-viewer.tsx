import * as RadixDialog from '@radix-ui/react-dialog';
import { imageSources } from '../images.ts';
import type { GalleryItem } from './portfolio-gallery.tsx';

type PortfolioViewerProps = {
  items: readonly GalleryItem[];
  stylistName: string;
  /** The picture shown, or null when the viewer is closed. */
  open: number | null;
  setOpen: (open: number | null) => void;
  /** The picture's button in the spread, which takes focus back when the viewer closes. */
  returnFocusTo: HTMLElement | null;
};

/** A portfolio picture full size with its caption (loaded when a picture is first opened, portfolio-gallery.tsx). */
export default function PortfolioViewer({ items, stylistName, open, setOpen, returnFocusTo }: PortfolioViewerProps) {
  const current = open === null ? null : items[open];
  return (
    <RadixDialog.Root open={current != null} onOpenChange={(o) => !o && setOpen(null)}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-ink/80 data-[state=open]:animate-fade-in" />
        <RadixDialog.Content
          className="fixed inset-4 z-50 flex flex-col bg-ivory p-6 sm:inset-10 sm:p-10 lg:flex-row lg:gap-12"
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocusTo?.focus();
          }}
        >
          {current && (
            <>
              <div className="min-h-0 flex-1 bg-veil">
                <img
                  src={imageSources(current.imageUrl, 2048).src}
                  srcSet={imageSources(current.imageUrl).srcSet}
                  sizes="80vw"
                  alt={current.description || current.title}
                  className="h-full w-full object-contain"
                />
              </div>
              <div className="mt-6 shrink-0 lg:mt-0 lg:w-72">
                <p className="eyebrow text-gold-deep">
                  {stylistName} · {open! + 1} of {items.length}
                </p>
                <RadixDialog.Title className="display mt-4 text-3xl text-ink">{current.title}</RadixDialog.Title>
                <RadixDialog.Description className="mt-4 leading-relaxed text-ink-soft">
                  {current.description || 'From the portfolio.'}
                </RadixDialog.Description>
                <div className="mt-8 flex gap-3">
                  <button
                    type="button"
                    onClick={() => setOpen((open! - 1 + items.length) % items.length)}
                    className="eyebrow border border-line px-4 py-2 text-ink hover:border-ink"
                  >
                    Previous
                  </button>
                  <button
                    type="button"
                    onClick={() => setOpen((open! + 1) % items.length)}
                    className="eyebrow border border-line px-4 py-2 text-ink hover:border-ink"
                  >
                    Next
                  </button>
                </div>
              </div>
              <RadixDialog.Close className="eyebrow absolute top-3 right-3 bg-ivory p-2 text-ink-soft hover:text-ink">
                Close
              </RadixDialog.Close>
            </>
          )}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
