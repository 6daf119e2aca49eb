#!/usr/bin/env node
// `npm start`: builds the web app when its build is missing or older than its sources, then runs the platform.
// The server then runs in this very process (tsx's loader), so Ctrl-C reaches it once and PGlite closes cleanly.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = 'build/.built-at';
const SOURCES = ['src/web', 'src/shared', 'react-router.config.ts', 'vite.config.ts', 'package-lock.json'];

/** Newest modification time under the given files and folders. */
function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

const stale = !existsSync('build/server/index.js') || !existsSync(STAMP) || statSync(STAMP).mtimeMs < newestMtime(SOURCES);
if (stale) {
  console.log('StyleByZaga · building the web app (first start or sources changed; about 20–40 s)…');
  const started = Date.now();
  // The build's own listing (every asset, every font file, the bundler's notices) stays quiet unless it fails.
  const build = spawnSync('npx', ['react-router', 'build'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
    console.error('The web build failed; see the output above.');
    process.exit(build.status ?? 1);
  }
  writeFileSync(STAMP, new Date().toISOString());
  console.log(`StyleByZaga · web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// `npm start` without NODE_ENV is the demo: production mode with demo data. A deployment that sets
// NODE_ENV=production itself gets no demo data unless it asks (DEMO_DATA defaults to false there).
if (!process.env.NODE_ENV) process.env.DEMO_DATA ??= 'true';
process.env.NODE_ENV ??= 'production';
const { register } = await import('tsx/esm/api');
register();
await import('../src/server/main.ts');
