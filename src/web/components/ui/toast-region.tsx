import * as RadixToast from '@radix-ui/react-toast';
import { cn } from '../../lib/cn.ts';
import type { QueuedToast, ToastTone } from './toast.tsx';

const toneAccent: Record<ToastTone, string> = {
  neutral: 'border-l-gold',
  success: 'border-l-gold-deep',
  error: 'border-l-danger',
};

/**
 * The toasts in one polite live region (Radix announces them and pauses their timers on hover and focus). F8 moves
 * focus into the region, Radix's default hotkey. Loaded with the first toast (toast.tsx), never with the page.
 */
export default function ToastRegion({ toasts, dismiss }: { toasts: readonly QueuedToast[]; dismiss: (id: number) => void }) {
  return (
    <RadixToast.Provider duration={6000} swipeDirection="right">
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
      {/* Rendered in the browser only (the region is lazy): Radix's inline style on it is applied through the CSSOM, which the CSP allows. */}
      <RadixToast.Viewport className="fixed right-0 bottom-0 z-[60] m-0 flex w-full max-w-sm list-none flex-col gap-3 p-6 outline-none" />
    </RadixToast.Provider>
  );
}
