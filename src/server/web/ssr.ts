import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { createRequestHandler, type ServerBuild } from 'react-router';
import { pageSecurityHeaders } from '../http/security-headers.ts';
import { acceptsGzip } from '../http/cached-json.ts';
import { documentKeyOf, gzipWithNonce, keepable, keptDocument, withNonce, type DocumentCache } from './document-cache.ts';
import { sendWebResponse, toWebRequest } from './fetch-bridge.ts';

export interface WebPluginOptions {
  /** The React Router build folder, holding `client/` and `server/index.js`. */
  buildDir: string;
  /** Adds upgrade-insecure-requests to the page policy. */
  production?: boolean;
  /** Pages kept whole by the modules that know when they change (document-cache.ts). */
  documents?: readonly DocumentCache[];
  /**
   * Sends a page visit on a loopback IP address (127.0.0.1, [::1]) to the same page on localhost. For a local server
   * whose passkeys are bound to the RP ID "localhost": browsers refuse passkeys on an IP address, and a session
   * begun on one name is not seen on the other, so the whole visit moves to the name where everything works.
   */
  loopbackToLocalhost?: boolean;
}

/** Paths that belong to the server itself; the web app never answers them, even with a 404 page. */
const SERVER_PREFIXES = ['/api', '/media'];

/** Every method a browser form or fetch can send to a page route. */
const WEB_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * Serves the server-rendered web app: hashed assets with a year-long
 * immutable cache, the other public files with a short one, and every other
 * page path through React Router. Register it last and without
 * fastify-plugin, so its body parsing stays inside this scope.
 */
export async function webPlugin(app: FastifyInstance, opts: WebPluginOptions): Promise<void> {
  const buildDir = resolve(opts.buildDir);
  const clientDir = join(buildDir, 'client');
  const serverEntry = join(buildDir, 'server', 'index.js');
  if (!existsSync(serverEntry)) {
    throw new Error(`The web app is not built (no ${serverEntry}). Run "npm run build" first.`);
  }
  const build = (await import(pathToFileURL(serverEntry).href)) as ServerBuild;
  const handleRequest = createRequestHandler(build, 'production');

  // Pages and static files are compressed; compression lives in this scope only, so small JSON API answers
  // do not pay for its hooks (before @fastify/static, as @fastify/compress requires).
  // Brotli with a 64 KB window instead of 4 MB: a page is about 40 KB, and every concurrent stream holds its own
  // window and hash tables; at 64 concurrent pages the 4 MB default halved throughput (45 against 77 pages/s).
  await app.register(compress, {
    global: true,
    threshold: 1024,
    brotliOptions: {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
        [zlib.constants.BROTLI_PARAM_LGWIN]: 16,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      },
    },
  });

  // One route per file found at start (wildcard: false), so the catch-all below keeps every other path.
  await app.register(fastifyStatic, {
    root: clientDir,
    wildcard: false,
    decorateReply: false,
    index: false,
    cacheControl: false,
    // The build writes .br and .gz beside each text asset at the best compression (vite.config.ts); they are sent
    // as they are, so the fast on-the-fly compression above is used only for pages.
    preCompressed: true,
    setHeaders(reply, path) {
      // File names under assets/ carry a content hash: a changed file is a new URL, so it can be cached forever.
      const hashed = path.startsWith(join(clientDir, 'assets'));
      reply.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    },
  });
  // An asset missing from this build (an old tab asking for last release's chunk) is a plain 404, not a page.
  app.get('/assets/*', { schema: { hide: true } }, async (_request, reply) => reply.code(404).type('text/plain').send('Not found'));

  // Hand React Router the raw body stream: form posts arrive as urlencoded or multipart, which Fastify would refuse.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));

  app.route({
    method: [...WEB_METHODS],
    url: '/*',
    schema: { hide: true },
    handler: async (request, reply) => {
      const path = request.url.split('?', 1)[0] ?? '/';
      if (SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) {
        return reply.callNotFound();
      }
      const onLocalhost =
        opts.loopbackToLocalhost && request.protocol === 'http' && (request.method === 'GET' || request.method === 'HEAD');
      const localhostUrl = onLocalhost ? localhostAddressOf(request.headers.host, request.url) : undefined;
      // 307, not 308: a browser must not remember the move once the server gets a PUBLIC_URL of its own.
      if (localhostUrl) return reply.redirect(localhostUrl, 307);
      const nonce = pageSecurityHeaders(reply, opts.production ?? false);
      const keeping = documentKeyOf(request, opts.documents ?? []);
      const kept = keeping?.cache.get(keeping.key);
      if (kept) {
        for (const [name, value] of kept.headers) reply.header(name, value);
        const gzipped = acceptsGzip(request) ? gzipWithNonce(kept, nonce) : undefined;
        if (gzipped) reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding');
        return reply.status(200).send(gzipped ?? withNonce(kept, nonce));
      }
      const epoch = keeping?.cache.epoch();
      const response = await handleRequest(toWebRequest(request, reply), {
        cspNonce: nonce,
        apiOrigin: internalOrigin(app),
        clientIp: request.ip,
      });
      if (keeping && epoch !== undefined && keepable(response)) {
        const html = await response.text();
        const headers = [...response.headers].filter(([name]) => name !== 'content-length');
        keeping.cache.keep(keeping.key, keptDocument(headers, html, nonce), epoch);
        for (const [name, value] of headers) reply.header(name, value);
        return reply.status(200).send(html);
      }
      return sendWebResponse(reply, response);
    },
  });
}

const LOOPBACK_HOST = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d{1,5})?$/;

/** The same page on localhost when `host` is a loopback IP address (with its port); undefined for any other host. */
export function localhostAddressOf(host: string | undefined, url: string): string | undefined {
  const loopback = LOOPBACK_HOST.exec(host ?? '');
  return loopback ? `http://localhost${loopback[1] ?? ''}${url.startsWith('/') ? url : `/${url}`}` : undefined;
}

/**
 * Where server-side loaders and actions reach this very process's API: the loopback address it listens
 * on, never the Host header (a client could point that anywhere and turn actions into SSRF).
 */
function internalOrigin(app: FastifyInstance): string {
  const address = app.server.address();
  if (address && typeof address === 'object') {
    const host =
      address.family === 'IPv6'
        ? address.address === '::'
          ? '[::1]'
          : `[${address.address}]`
        : address.address === '0.0.0.0'
          ? '127.0.0.1'
          : address.address;
    return `http://${host}:${address.port}`;
  }
  return 'http://127.0.0.1';
}
