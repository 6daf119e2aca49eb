import { lazy, Suspense, useRef, useState } from 'react';
import { cn } from '../../../lib/cn.ts';
import { ProductImage, type ProductPicture } from './product-image.tsx';

// The full-screen viewer loads when the large picture is first pressed (or about to be): the page's first paint never
// waits for its dialog machinery.
const loadViewer = () => import('./gallery-viewer.tsx');
const GalleryViewer = lazy(loadViewer);

/**
 * The product's pictures: one large, the others as thumbnails beside it (below on a phone). The large one opens
 * full-screen (gallery-viewer.tsx).
 */
export function Gallery({ pictures, name }: { pictures: ProductPicture[]; name: string }) {
  const [index, setIndex] = useState(0);
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const enlarge = useRef<HTMLButtonElement>(null);
  const current = pictures[index] ?? pictures[0];
  if (!current) return <div aria-hidden="true" className="aspect-[4/5] bg-veil" />;

  return (
    // The thumbnail column only when there are thumbnails: a lone picture in that grid would sit in the 5rem column.
    <div className={cn('grid gap-4', pictures.length > 1 && 'lg:grid-cols-[5rem_1fr] lg:gap-6')}>
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
      <button
        ref={enlarge}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onPointerEnter={() => void loadViewer()}
        onFocus={() => void loadViewer()}
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
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
      </button>
      {wanted && (
        <Suspense fallback={null}>
          <GalleryViewer
            pictures={pictures}
            name={name}
            index={index}
            setIndex={setIndex}
            open={open}
            setOpen={setOpen}
            returnFocusTo={enlarge}
          />
        </Suspense>
      )}
    </div>
  );
}
