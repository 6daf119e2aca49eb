import { reactRouter } from '@react-router/dev/vite';
import tailwindcss from '@tailwindcss/vite';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { defineConfig, type Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|webmanifest|txt|xml)$/;

/**
 * Writes a `.br` (brotli at its best quality) and a `.gz` beside every text file of the browser build, once, at build
 * time; the server sends them as they are (@fastify/static `preCompressed`, src/server/web/ssr.ts). Compressing on the
 * fly has to be fast, so it is light (brotli 4); at build time the best costs nothing per request and makes the
 * JavaScript a phone downloads about an eighth smaller than gzip.
 */
function precompress(): Plugin {
  return {
    name: 'sbz-precompress',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    async writeBundle(options, bundle) {
      const dir = options.dir;
      if (!dir) return;
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(
        files.map(async (name) => {
          const path = join(dir, name);
          const body = await readFile(path);
          if (body.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            }),
            gzipAsync(body, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
        }),
      );
    },
  };
}

// Every public page needs React, React Router, TanStack Query and the site's shell (header, session, bag count) before
// anything else: each set as one file instead of two dozen small ones, so a phone on a slow network makes a handful
// of requests rather than forty, each with its own headers and round trip.
const SHELL = new RegExp(
  [
    'lib/(cn|nonce|seo|site|use-hydrated|api/(authed-client|client|problem))\\.tsx?(\\?|$)',
    'root\\.tsx(\\?|$)',
    'components/layout/(site-shell|site-header|site-footer|skip-link|wordmark|mobile-menu)\\.tsx(\\?|$)',
    'components/ui/(button|container|toast)\\.tsx(\\?|$)',
    'components/editorial/error-page\\.tsx(\\?|$)',
    'components/media/preload-picture\\.ts(\\?|$)',
    'features/auth/(session|session-store|next-path|components/account-link)\\.tsx?(\\?|$)',
    'features/catalog/bag/bag-(store|button)\\.tsx?(\\?|$)',
    'features/orders/(bag-sync|api)\\.tsx?(\\?|$)',
  ]
    .map((path) => `src[\\\\/]web[\\\\/]${path.replaceAll('/', '[\\\\/]')}`)
    .join('|'),
);
const chunkGroups = [
  { name: 'framework', test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/, priority: 3 },
  { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 2 },
  { name: 'shell', test: SHELL, priority: 1 },
];

export default defineConfig({
  plugins: [tailwindcss(), reactRouter(), precompress()],
  environments: {
    client: { build: { rolldownOptions: { output: { codeSplitting: { groups: chunkGroups } } } } },
  },
  // Favicon and web manifest sit with the web app they belong to, not at the repository root.
  publicDir: fileURLToPath(new URL('./src/web/public', import.meta.url)),
  resolve: {
    alias: { '~': fileURLToPath(new URL('./src/web', import.meta.url)) },
  },
});
