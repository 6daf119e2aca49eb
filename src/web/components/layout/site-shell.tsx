import type { ReactNode } from 'react';
import { ToastProvider } from '../ui/toast.tsx';
import { SiteFooter } from './site-footer.tsx';
import { SiteHeader } from './site-header.tsx';
import { SkipLink } from './skip-link.tsx';
import { WordmarkSymbol } from './wordmark.tsx';

/**
 * Everything around a page. The app and the root error boundary both render
 * it, so even an error page keeps the house's navigation.
 */
export function SiteShell({ children }: { children: ReactNode }) {
  return (
    <ToastProvider>
      <SkipLink />
      <WordmarkSymbol />
      <SiteHeader />
      {/* tabIndex lets the skip link move focus here, not only scroll. */}
      <main id="content" tabIndex={-1} className="outline-none">
        {children}
      </main>
      <SiteFooter />
    </ToastProvider>
  );
}
