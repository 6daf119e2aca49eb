import * as RadixDialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { cn } from '../../../lib/cn.ts';
import { imageSources } from '../images.ts';

export type GalleryItem = { itemId: string; title: string; imageUrl: string; description?: string | null; tags?: readonly string[] | null };

/**
 * The stylist's work as an editorial spread: the first look large, the rest in a quiet grid. Each picture
 * is a button that opens it full size with its caption; Escape or Close returns to the spread.
 */
export function PortfolioGallery({ items, stylistName }: { items: readonly GalleryItem[]; stylistName: string }) {
  const [open, setOpen] = useState<number | null>(null);
  if (items.length === 0) return <p className="text-stone">{stylistName} has not published a portfolio yet.</p>;
  const current = open === null ? null : items[open];
  return (
    <>
      <ul className="grid grid-cols-2 gap-4 sm:gap-6 lg:grid-cols-4">
        {items.map((item, i) => {
          const src = imageSources(item.imageUrl);
          return (
            <li key={item.itemId} className={cn(i === 0 && 'col-span-2 row-span-2')}>
              <button
                type="button"
                onClick={() => setOpen(i)}
                className="group block w-full text-left"
                aria-label={`Open “${item.title}” full size`}
              >
                <span className="block overflow-hidden bg-veil">
                  <img
                    src={src.src}
                    srcSet={src.srcSet}
                    sizes={i === 0 ? '(min-width: 1024px) 45vw, 100vw' : '(min-width: 1024px) 22vw, 50vw'}
                    alt=""
                    width={960}
                    height={1200}
                    loading="lazy"
                    decoding="async"
                    className="aspect-[4/5] w-full object-cover transition-transform duration-700 ease-maison group-hover:scale-[1.02]"
                  />
                </span>
                <span className={cn('mt-3 block font-display text-ink', i === 0 ? 'text-2xl' : 'text-lg')}>{item.title}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <RadixDialog.Root open={current != null} onOpenChange={(o) => !o && setOpen(null)}>
        <RadixDialog.Portal>
          <RadixDialog.Overlay className="fixed inset-0 z-40 bg-ink/80 data-[state=open]:animate-fade-in" />
          <RadixDialog.Content className="fixed inset-4 z-50 flex flex-col bg-ivory p-6 sm:inset-10 sm:p-10 lg:flex-row lg:gap-12">
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
    </>
  );
}
