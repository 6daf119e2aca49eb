import * as RadixToast from '@radix-ui/react-toast';
import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react';
import { cn } from '../../lib/cn.ts';
import { useHydrated } from '../../lib/use-hydrated.ts';

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

type QueuedToast = ToastMessage & { id: number };

const toneAccent: Record<ToastTone, string> = {
  neutral: 'border-l-gold',
  success: 'border-l-gold-deep',
  error: 'border-l-danger',
};

/**
 * Holds the toasts and renders them in one polite live region (Radix
 * announces them and pauses their timers on hover and focus). F8 moves focus
 * into the region, Radix's default hotkey.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<QueuedToast[]>([]);
  const toast = useCallback((message: ToastMessage) => {
    setToasts((current) => [...current, { ...message, id: Date.now() + Math.random() }]);
  }, []);
  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((t) => t.id !== id)), []);
  const dismissAll = useCallback(() => setToasts([]), []);
  const value = useMemo(() => ({ toast, dismissAll }), [toast, dismissAll]);
  // Radix renders the viewport with an inline style attribute, which the CSP forbids in server HTML;
  // mounted after hydration, React applies it through the CSSOM, which the CSP allows.
  const hydrated = useHydrated();

  return (
    <ToastContext value={value}>
      <RadixToast.Provider duration={6000} swipeDirection="right">
        {children}
        {toasts.map((t) => (
          <RadixToast.Root
            key={t.id}
            type={t.tone === 'error' ? 'foreground' : 'background'}
            onOpenChange={(open) => {
              if (!open) dismiss(t.id);
            }}
            className={cn(
              'relative border border-l-2 border-line bg-ivory p-5 pr-12 shadow-[0_20px_60px_-30px_rgb(20_19_15/0.35)]',
              toneAccent[t.tone ?? 'neutral'],
            )}
          >
            <RadixToast.Title className="display text-xl text-ink">{t.title}</RadixToast.Title>
            {t.description && (
              <RadixToast.Description className="mt-1 text-sm leading-relaxed text-ink-soft">{t.description}</RadixToast.Description>
            )}
            <RadixToast.Close aria-label="Dismiss" className="absolute top-4 right-4 p-1 text-lg leading-none text-ink-soft hover:text-ink">
              <span aria-hidden="true">×</span>
            </RadixToast.Close>
          </RadixToast.Root>
        ))}
        {hydrated && (
          <RadixToast.Viewport className="fixed right-0 bottom-0 z-[60] m-0 flex w-full max-w-sm list-none flex-col gap-3 p-6 outline-none" />
        )}
      </RadixToast.Provider>
    </ToastContext>
  );
}
