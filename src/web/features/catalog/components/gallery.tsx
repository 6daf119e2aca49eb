import * as RadixDialog from '@radix-ui/react-dialog';
import { useState, type MouseEvent } from 'react';
import { cn } from '../../../lib/cn.ts';
import { ProductImage, type ProductPicture } from './product-image.tsx';

/**
 * The product's pictures: one large, the others as thumbnails beside it (below on a phone). The large one opens
 * full-screen; there a press or click magnifies it, and the magnified picture follows the pointer.
 */
export function Gallery({ pictures, name }: { pictures: ProductPicture[]; name: string }) {
  const [index, setIndex] = useState(0);
  const [open, setOpen] = useState(false);
  const current = pictures[index] ?? pictures[0];
  if (!current) return <div aria-hidden="true" className="aspect-[4/5] bg-veil" />;

  return (
    <div className="grid gap-4 lg:grid-cols-[5rem_1fr] lg:gap-6">
      {pictures.length > 1 && (
        <ul aria-label={`Pictures of ${name}`} className="order-2 flex gap-3 overflow-x-auto lg:order-1 lg:flex-col">
          {pictures.map((picture, i) => (
            <li key={picture.src} className="shrink-0">
              <button
                type="button"
                onClick={() => setIndex(i)}
                aria-label={`Show picture ${i + 1} of ${pictures.length}`}
                aria-current={i === index ? 'true' : undefined}
                className={cn(
                  'block w-16 border transition-colors lg:w-20',
                  i === index ? 'border-ink' : 'border-transparent hover:border-line',
                )}
              >
                <ProductImage picture={picture} alt="" sizes="80px" className="aspect-[4/5]" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <RadixDialog.Root open={open} onOpenChange={setOpen}>
        <RadixDialog.Trigger
          className="group relative order-1 block cursor-zoom-in lg:order-2"
          aria-label={`Enlarge picture ${index + 1} of ${name}`}
        >
          <ProductImage
            picture={current}
            sizes="(min-width: 1024px) 50vw, 100vw"
            priority
            className="aspect-[4/5]"
            imgClassName="transition-transform duration-[1200ms] ease-maison group-hover:scale-[1.02]"
          />
          <span
            aria-hidden="true"
            className="eyebrow absolute right-4 bottom-4 bg-ivory/90 px-3 py-1.5 text-[0.625rem] text-ink opacity-0 transition-opacity group-hover:opacity-100 group-focus-visible:opacity-100"
          >
            Enlarge
          </span>
        </RadixDialog.Trigger>
        <RadixDialog.Portal>
          <RadixDialog.Content className="fixed inset-0 z-50 flex animate-fade-in flex-col bg-ivory">
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
    </div>
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
