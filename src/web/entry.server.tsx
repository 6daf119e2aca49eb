import { PassThrough } from 'node:stream';
import { createReadableStreamFromReadable } from '@react-router/node';
import { isbot } from 'isbot';
import type { RenderToPipeableStreamOptions } from 'react-dom/server';
import { renderToPipeableStream } from 'react-dom/server';
import type { AppLoadContext, EntryContext } from 'react-router';
import { ServerRouter } from 'react-router';
import { hydrateAfterLoadStream } from './lib/hydrate-after-load.server.ts';
import { NonceContext } from './lib/nonce.tsx';

/**
 * The reading pages, which a first visit lands on and Lighthouse measures: their scripts are fetched once the page is
 * drawn (hydrate-after-load.server.ts, decision 016). Every other page (signing in, the quiz, the bag and checkout,
 * the account, studio and offices) hydrates at once: people type there, and a password manager fills and submits a
 * form before the page's `load`, which must not meet a page without its behaviour.
 */
const READING_PAGES = new Set([
  'routes/home',
  'routes/shop',
  'routes/shop.category',
  'routes/search',
  'routes/product',
  'routes/collection',
  'routes/stylists',
  'routes/stylist-profile',
  'routes/concierge',
  'routes/journal',
  'routes/journal.article',
]);

/** How long deferred loader data may stream before the render gives up on it. */
export const streamTimeout = 5_000;

/**
 * Renders a document. The CSP nonce from the load context goes to every
 * inline script React or React Router emits (hydration data, streamed
 * chunks, scroll restoration); without it the browser's CSP blocks them.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
): Response | Promise<Response> {
  // A HEAD answer has headers only (RFC 9110 §9.3.2): skip rendering entirely.
  if (request.method.toUpperCase() === 'HEAD') {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }

  const nonce = loadContext.cspNonce;
  const userAgent = request.headers.get('user-agent');
  // Crawlers get the complete document at once; people get the shell as soon as it is ready.
  const readyOption: keyof RenderToPipeableStreamOptions =
    (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? 'onAllReady' : 'onShellReady';

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    let statusCode = responseStatusCode;
    // Abort a little after streamTimeout so rejected boundaries still get flushed.
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1_000);

    const { pipe, abort } = renderToPipeableStream(
      <NonceContext value={nonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceContext>,
      {
        nonce,
        [readyOption]() {
          shellRendered = true;
          const body = new PassThrough({
            final(callback) {
              clearTimeout(timeoutId);
              timeoutId = undefined;
              callback();
            },
          });
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: statusCode }));
          const page = routerContext.staticHandlerContext.matches.at(-1)?.route.id;
          if (page !== undefined && READING_PAGES.has(page)) {
            // A reading page's scripts are fetched once it is drawn (hydrate-after-load.server.ts).
            const scripts = hydrateAfterLoadStream();
            scripts.pipe(body);
            pipe(scripts);
          } else {
            pipe(body);
          }
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          statusCode = 500;
          // Errors before the shell are logged by React Router's document handler; only log the later ones.
          if (shellRendered) console.error(error);
        },
      },
    );
  });
}
