import * as RadixDialog from '@radix-ui/react-dialog';
import { useState, type MouseEvent, type RefObject } from 'react';
import { cn } from '../../../lib/cn.ts';
import { ProductImage, type ProductPicture } from './product-image.tsx';

type GalleryViewerProps = {
  pictures: ProductPicture[];
  name: string;
  index: number;
  setIndex: (index: number) => void;
  open: boolean;
  setOpen: (open: boolean) => void;
  /** The large picture's button, which takes focus back when the viewer closes. */
  returnFocusTo: RefObject<HTMLButtonElement | null>;
};

/**
 * The full-screen viewer the gallery's large picture opens (loaded when first wanted, gallery.tsx): a press or click
 * magnifies the picture, and the magnified picture follows the pointer.
 */
export default function GalleryViewer({ pictures, name, index, setIndex, open, setOpen, returnFocusTo }: GalleryViewerProps) {
  const current = pictures[index] ?? pictures[0];
  if (!current) return null;
  return (
    <RadixDialog.Root open={open} onOpenChange={setOpen}>
      <RadixDialog.Portal>
        <RadixDialog.Content
          className="fixed inset-0 z-50 flex animate-fade-in flex-col bg-ivory"
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocusTo.current?.focus();
          }}
        >
          <div className="flex items-center justify-between border-b border-line px-6 py-4 sm:px-10">
            <RadixDialog.Title className="eyebrow text-ink-soft">
              {name} · {index + 1} / {pictures.length}
            </RadixDialog.Title>
            <RadixDialog.Description className="sr-only">Press the picture to magnify it; press again to return.</RadixDialog.Description>
            <div className="flex items-center gap-6">
              {pictures.length > 1 && (
                <>
                  <button
                    type="button"
                    className="eyebrow p-2 text-ink"
                    onClick={() => setIndex((index - 1 + pictures.length) % pictures.length)}
                  >
                    Previous
                  </button>
                  <button type="button" className="eyebrow p-2 text-ink" onClick={() => setIndex((index + 1) % pictures.length)}>
                    Next
                  </button>
                </>
              )}
              <RadixDialog.Close className="eyebrow -mr-2 p-2 text-ink">Close</RadixDialog.Close>
            </div>
          </div>
          <ZoomStage key={current.src} picture={current} />
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

function ZoomStage({ picture }: { picture: ProductPicture }) {
  const [zoomed, setZoomed] = useState(false);
  const [origin, setOrigin] = useState('50% 50%');
  const follow = (event: MouseEvent<HTMLElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    setOrigin(
      `${(((event.clientX - box.left) / box.width) * 100).toFixed(1)}% ${(((event.clientY - box.top) / box.height) * 100).toFixed(1)}%`,
    );
  };
  return (
    <div className="flex flex-1 items-center justify-center overflow-hidden p-4 sm:p-10">
      <button
        type="button"
        onClick={(e) => {
          follow(e);
          setZoomed(!zoomed);
        }}
        onMouseMove={zoomed ? follow : undefined}
        aria-pressed={zoomed}
        aria-label={zoomed ? 'Return to the whole picture' : 'Magnify the picture'}
        className={cn('block h-full max-h-full overflow-hidden', zoomed ? 'cursor-zoom-out' : 'cursor-zoom-in')}
      >
        <ProductImage
          picture={picture}
          sizes="100vw"
          priority
          className="h-full max-h-[calc(100dvh-8rem)] aspect-[4/5]"
          imgClassName={cn('object-contain transition-transform duration-500 ease-maison', zoomed && 'scale-[2.2]')}
          imgStyle={{ transformOrigin: origin }}
        />
      </button>
    </div>
  );
}
