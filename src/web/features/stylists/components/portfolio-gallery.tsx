import { lazy, Suspense, useState } from 'react';
import { cn } from '../../../lib/cn.ts';
import { imageSources } from '../images.ts';

// The full-size viewer loads when a picture is first opened (or about to be), not with the profile.
const loadViewer = () => import('./portfolio-viewer.tsx');
const PortfolioViewer = lazy(loadViewer);

export type GalleryItem = { itemId: string; title: string; imageUrl: string; description?: string | null; tags?: readonly string[] | null };

/**
 * The stylist's work as an editorial spread: the first look large, the rest in a quiet grid. Each picture
 * is a button that opens it full size with its caption; Escape or Close returns to the spread.
 */
export function PortfolioGallery({ items, stylistName }: { items: readonly GalleryItem[]; stylistName: string }) {
  const [open, setOpen] = useState<number | null>(null);
  const [wanted, setWanted] = useState(false);
  const [opener, setOpener] = useState<HTMLElement | null>(null);
  if (items.length === 0) return <p className="text-stone">{stylistName} has not published a portfolio yet.</p>;
  return (
    <>
      <ul className="grid grid-cols-2 gap-4 sm:gap-6 lg:grid-cols-4">
        {items.map((item, i) => {
          const src = imageSources(item.imageUrl);
          return (
            <li key={item.itemId} className={cn(i === 0 && 'col-span-2 row-span-2')}>
              <button
                type="button"
                onPointerEnter={() => void loadViewer()}
                onFocus={() => void loadViewer()}
                onClick={(event) => {
                  setOpener(event.currentTarget);
                  setWanted(true);
                  setOpen(i);
                }}
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
      {wanted && (
        <Suspense fallback={null}>
          <PortfolioViewer items={items} stylistName={stylistName} open={open} setOpen={setOpen} returnFocusTo={opener} />
        </Suspense>
      )}
    </>
  );
}
