import { lazy, Suspense, useRef, useState } from 'react';
import { useToast } from '../../../components/ui/toast.tsx';
import { useHydrated } from '../../../lib/use-hydrated.ts';
import { useBag } from './bag-store.ts';

// The sheet (its dialog machinery, checkout and request actions) is fetched when the bag is first wanted, or about to
// be (a pointer or finger on the button): no page pays for it before it is drawn.
const loadDrawer = () => import('./bag-drawer.tsx');
const BagDrawer = lazy(loadDrawer);

/** The bag in the header: its count, and the sheet it opens (bag-drawer.tsx). */
export function BagButton() {
  const items = useBag();
  const hydrated = useHydrated();
  const count = items.reduce((n, i) => n + i.quantity, 0);
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const { dismissAll } = useToast();
  const openDrawer = () => {
    // "Added to your bag" has done its work once the bag is open; left up, it would cover the bag's main button.
    dismissAll();
    setWanted(true);
    setOpen(true);
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onPointerEnter={() => void loadDrawer()}
        onTouchStart={() => void loadDrawer()}
        onFocus={() => void loadDrawer()}
        onClick={openDrawer}
        className="eyebrow inline-flex items-center gap-2 whitespace-nowrap text-ink transition-colors sm:border-b sm:border-ink/30 sm:pb-1 sm:hover:border-ink"
      >
        {/* A phone shows the bag as a small mark; the word is still its name. */}
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 sm:hidden" fill="none" stroke="currentColor" strokeWidth="1.3">
          <path d="M4 7h12l-1 10H5L4 7Z" />
          <path d="M7.5 7V5.5a2.5 2.5 0 0 1 5 0V7" />
        </svg>
        <span className="max-sm:sr-only">Bag</span>
        {/* The count is known only in the browser (the bag lives in this browser's storage). */}
        {hydrated && (
          <span className="text-stone tabular-nums">
            {count}
            <span className="sr-only"> {count === 1 ? 'piece' : 'pieces'}</span>
          </span>
        )}
      </button>
      {wanted && (
        <Suspense fallback={null}>
          <BagDrawer open={open} onOpenChange={setOpen} returnFocusTo={button} />
        </Suspense>
      )}
    </>
  );
}
