import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration } from 'react-router';
import type { Route } from './+types/root';
import stylesheet from './app.css?url';
import { SiteShell } from './components/layout/site-shell.tsx';
import { ErrorPage } from './components/editorial/error-page.tsx';
import { SessionProvider } from './features/auth/session.tsx';
import { ServerBagSync } from './features/orders/bag-sync.tsx';
import { useNonce } from './lib/nonce.tsx';
import { pageMeta } from './lib/seo.ts';
import { SITE_DESCRIPTION } from './lib/site.ts';

export const links: Route.LinksFunction = () => [
  // No font preloads: the two faces (73 KB) then shared a phone's slow line with the stylesheet and the hero picture
  // and held the first paint back (#12). The stylesheet asks for them; text shows in the fallback until they arrive
  // (font-display: swap, fonts.css).
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'manifest', href: '/manifest.webmanifest' },
];

/** The public origin, for the absolute URLs that Open Graph and canonical links need. */
export function loader({ request }: Route.LoaderArgs) {
  return { origin: new URL(request.url).origin };
}

export const meta: Route.MetaFunction = (args) => {
  if (args.error) {
    const notFound = isRouteErrorResponse(args.error) && args.error.status === 404;
    return [
      { title: notFound ? 'Page not found — StyleByZaga' : 'Something went amiss — StyleByZaga' },
      { name: 'robots', content: 'noindex' },
    ];
  }
  return pageMeta(args, { description: SITE_DESCRIPTION, image: 'maison-hero' });
};

/** The document, shared by the app and the error boundary. */
export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#faf7f0" />
        {/*
          The one render-blocking file, with a precedence so React puts it at the top of <head> (after the font and
          hero image preloads), not after the links and module preloads React hoists there: a phone on HTTP/1.1 asks
          for it first instead of behind a dozen scripts.
        */}
        <link rel="stylesheet" href={stylesheet} precedence="site" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  // One cache per browser session (and per server render), never shared between visitors.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } }));
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <ServerBagSync />
        <SiteShell>
          <Outlet />
        </SiteShell>
      </SessionProvider>
    </QueryClientProvider>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <SiteShell>
        <ErrorPage status={404} />
      </SiteShell>
    );
  }
  // Details stay in the server log; in development the stack helps whoever is at the keyboard.
  const detail = import.meta.env.DEV && error instanceof Error ? error.stack : undefined;
  return (
    <SiteShell>
      <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} detail={detail} />
    </SiteShell>
  );
}
