import { createContext, lazy, Suspense, use, useCallback, useMemo, useState, type ReactNode } from 'react';

export type ToastTone = 'neutral' | 'success' | 'error';

export type ToastMessage = {
  title: string;
  description?: string;
  tone?: ToastTone;
};

type ToastContextValue = {
  toast: (message: ToastMessage) => void;
  /** Clears every toast: a drawer opening at the screen's edge must not sit under one (its main button would be hidden). */
  dismissAll: () => void;
};

const ToastContext = createContext<ToastContextValue | null>(null);

/** Shows a toast from anywhere below `ToastProvider`. */
export function useToast(): ToastContextValue {
  const value = use(ToastContext);
  if (!value) throw new Error('useToast must be used inside <ToastProvider>');
  return value;
}

export type QueuedToast = ToastMessage & { id: number };

// The live region and its Radix machinery load with the first toast: most visits never show one, and none needs it
// before the page is drawn.
const ToastRegion = lazy(() => import('./toast-region.tsx'));

/** Holds the toasts; their region (toast-region.tsx) is fetched when the first one is queued. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<QueuedToast[]>([]);
  // Once shown, the region stays mounted, so a later toast is announced by the same live region.
  const [regionWanted, setRegionWanted] = useState(false);
  const toast = useCallback((message: ToastMessage) => {
    setRegionWanted(true);
    setToasts((current) => [...current, { ...message, id: Date.now() + Math.random() }]);
  }, []);
  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((t) => t.id !== id)), []);
  const dismissAll = useCallback(() => setToasts([]), []);
  const value = useMemo(() => ({ toast, dismissAll }), [toast, dismissAll]);

  return (
    <ToastContext value={value}>
      {children}
      {regionWanted && (
        <Suspense fallback={null}>
          <ToastRegion toasts={toasts} dismiss={dismiss} />
        </Suspense>
      )}
    </ToastContext>
  );
}
