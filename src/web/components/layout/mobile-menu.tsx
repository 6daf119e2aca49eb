import { lazy, Suspense, useRef, useState } from 'react';

// The sheet and its dialog machinery are fetched when the menu is first wanted (or about to be: a finger or pointer
// on the button), so no page pays for them before it is drawn.
const loadSheet = () => import('./mobile-menu-sheet.tsx');
const MobileMenuSheet = lazy(loadSheet);

/** The small-screen menu's button; the sheet it opens is mobile-menu-sheet.tsx. */
export function MobileMenu() {
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onPointerEnter={() => void loadSheet()}
        onTouchStart={() => void loadSheet()}
        onFocus={() => void loadSheet()}
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
        className="eyebrow -ml-2 flex items-center gap-3 p-2 text-ink lg:hidden"
      >
        <span aria-hidden="true" className="flex w-5 flex-col gap-[5px]">
          <span className="h-px w-full bg-current" />
          <span className="h-px w-3/4 bg-current" />
        </span>
        Menu
      </button>
      {wanted && (
        <Suspense fallback={null}>
          <MobileMenuSheet open={open} onOpenChange={setOpen} returnFocusTo={button} />
        </Suspense>
      )}
    </>
  );
}
