import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContextOptions, type Page, type Response } from 'playwright-core';
import { expect, inject } from 'vitest';
import { CHROMIUM_PATH, PLAYWRIGHT_CHROMIUM_ARGS } from './chromium.ts';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const SCREENSHOT_DIR = join(ROOT, 'e2e', 'screenshots');

export const DESKTOP = { width: 1440, height: 900 } as const;
export const MOBILE = { width: 390, height: 844 } as const;

export { CHROMIUM_PATH } from './chromium.ts';

/** Debian's Chromium, headless, with the flags the Lighthouse bench shares (e2e/chromium.ts). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: PLAYWRIGHT_CHROMIUM_ARGS });
}

/** Builds the web app when no build exists; the server only serves pages from a build. */
export function ensureWebBuild(): void {
  if (existsSync(join(ROOT, 'build', 'server', 'index.js')) && process.env.E2E_REBUILD !== '1') return;
  // Vitest sets NODE_ENV=test, which would bundle React's development build (and its dev-only warnings) into the pages.
  const result = spawnSync('npx', ['react-router', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('react-router build failed');
}

/** A TCP port nobody is listening on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export type RunningServer = { url: string; stop: () => Promise<void> };

/**
 * Starts the whole platform as `npm start` would (src/server/main.ts) on a
 * free port with a fresh data directory, and waits until it is healthy.
 *
 * A server with the default demo data starts from a copy of a data directory seeded once per run (migrations and
 * the whole demo, about a minute on a loaded machine) instead of seeding again: each server still gets its own
 * database, identical to a freshly seeded one. Settings that change the database or the demo data start from empty.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sbz-e2e-'));
  const template = usesSeededTemplate(env) ? await seededTemplate() : undefined;
  if (template) await cp(template, dataDir, { recursive: true });
  await shareGeneratedImages(dataDir);
  return runServer(dataDir, env);
}

/**
 * Every server of the run reads and writes one folder of generated demo pictures: a picture is a pure function of the
 * generator's version and its path, written to a temporary name and renamed (media/store.ts), so servers can share
 * what one of them rendered. Without it each file's fresh server renders the same hundreds of pictures again, the
 * largest share of a browser run's processor time.
 */
async function shareGeneratedImages(dataDir: string): Promise<void> {
  const runDir = inject('e2eRunDir');
  if (!runDir) return;
  const shared = join(runDir, 'generated-media');
  await mkdir(shared, { recursive: true });
  await mkdir(join(dataDir, 'media'), { recursive: true });
  await rm(join(dataDir, 'media', 'generated'), { recursive: true, force: true });
  await symlink(shared, join(dataDir, 'media', 'generated'), 'dir');
}

/** Whether a server with these settings would seed exactly what the shared template holds. */
function usesSeededTemplate(env: Record<string, string>): boolean {
  const changesData = Object.keys(env).some(
    (k) => k === 'DATABASE_URL' || k.startsWith('DEMO_') || k === 'DATA_KEY' || k === 'JWT_PRIVATE_KEY',
  );
  return !changesData && process.env.E2E_SEED_TEMPLATE !== '0';
}

let templateReady: Promise<string | undefined> | undefined;

/**
 * The seeded data directory of this run, made once by the first server that needs it. Files run in their own
 * processes, up to two at a time: the folder on disk is what they share, and a `seeding.claimed` folder made with mkdir
 * (which only one process can create) says who seeds it; the others wait for `seeded` to appear. e2e/global-setup.ts names
 * the run's folder and removes it at the end.
 */
function seededTemplate(): Promise<string | undefined> {
  templateReady ??= (async () => {
    const runDir = inject('e2eRunDir');
    if (!runDir) return undefined;
    const template = join(runDir, 'seeded');
    if (existsSync(template)) return template;
    const building = join(runDir, 'seeding');
    try {
      // The claim: a folder that stays, so a file starting after the seeding ended cannot claim it again.
      await mkdir(join(runDir, 'seeding.claimed'));
      await mkdir(building);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      return waitForTemplate(template);
    }
    const server = await runServer(building, {}, { keepDataDir: true });
    // SIGTERM: the server closes the embedded database cleanly, so the copy is a consistent, unlocked data directory.
    await server.stop();
    await rename(building, template);
    return template;
  })();
  return templateReady;
}

/** Waits for another file's server to finish seeding the run's template (the seeding server's own start limit, plus a margin). */
async function waitForTemplate(template: string): Promise<string> {
  const deadline = Date.now() + (Number(process.env.E2E_START_TIMEOUT_SECONDS ?? 300) + 60) * 1000;
  while (!existsSync(template)) {
    if (Date.now() > deadline) throw new Error(`No seeded template at ${template}: the file that seeds it did not finish`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return template;
}

async function runServer(dataDir: string, env: Record<string, string>, options: { keepDataDir?: boolean } = {}): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // One browser loads dozens of assets and images per page from one address; the journeys are not about throttling.
      RATE_LIMIT_MAX: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopProcess(child);
    if (!options.keepDataDir) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, () => output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, stop };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  // Seeding the demo takes a minute on a busy shared machine; the wait is generous so load never fails a journey.
  const seconds = Number(process.env.E2E_START_TIMEOUT_SECONDS ?? 300);
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}) before it was healthy:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/v1/healthz`);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server was not healthy within ${seconds} s:\n${output()}`);
}

/** SIGTERM lets the server close its database cleanly; SIGKILL only if it hangs. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Everything that went wrong while a page was open: console errors, page errors, failed or >= 400 requests. */
export type PageProblems = { list: string[]; ignoreStatusOf: (url: string) => void };

const PASSIVE_RESOURCES = new Set(['image', 'media', 'font']);

/** Every page watched in this file: e2e/setup.ts fails the test during which any of them logged a problem. */
export const watchedPages: PageProblems[] = [];

export function watchProblems(page: Page): PageProblems {
  const list: string[] = [];
  const expected = new Set<string>();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium also reports every >= 400 response on the console; those are judged by status below.
    if (message.text().startsWith('Failed to load resource') && expected.has(message.location().url)) return;
    list.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => list.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText;
    // An image or font still loading when the journey moves on is cancelled by the browser: not a failure.
    if (reason === 'net::ERR_ABORTED' && PASSIVE_RESOURCES.has(request.resourceType())) return;
    // So is the browser's own favicon fetch, cancelled when a journey navigates before it completes.
    if (reason === 'net::ERR_ABORTED' && new URL(request.url()).pathname.startsWith('/favicon')) return;
    // The app cancels a fetch it no longer needs: React Router a navigation's data request (`*.data`) replaced by a newer
    // one, TanStack Query a query whose tab was left. The visitor sees the newer answer, so that is not a failure either;
    // a fetch that really fails has another reason (refused, reset) or an HTTP status, both still reported.
    if (reason === 'net::ERR_ABORTED' && (request.resourceType() === 'fetch' || request.resourceType() === 'xhr')) return;
    list.push(`request failed: ${request.method()} ${request.url()} (${reason})`);
  });
  page.on('response', (response: Response) => {
    if (response.status() >= 400 && !expected.has(response.url())) list.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const problems: PageProblems = {
    list,
    // A 404 page's own document is meant to answer 404; its browser console line is the same fact.
    ignoreStatusOf: (url) => {
      expected.add(url);
    },
  };
  watchedPages.push(problems);
  return problems;
}

/**
 * Scrolls to the bottom a screen at a time, letting each screen's lazy images
 * finish (the server renders a generated image on first request, which takes
 * a moment), then back to the top: full-page screenshots show every picture,
 * and every image response is judged by watchProblems.
 */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const settled = (img: HTMLImageElement) =>
      img.complete
        ? Promise.resolve()
        : new Promise<void>((done) => {
            img.addEventListener('load', () => done(), { once: true });
            img.addEventListener('error', () => done(), { once: true });
          });
    const deadline = Date.now() + 45_000;
    for (let y = 0; y < document.documentElement.scrollHeight && Date.now() < deadline; y += window.innerHeight) {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
      await Promise.all(
        Array.from(document.images)
          .filter((img) => img.getBoundingClientRect().top < window.innerHeight * 2)
          .map(settled),
      );
    }
    window.scrollTo(0, 0);
  });
}

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: string[] };

/** Runs axe-core in the page (open it in a context with `bypassCSP`, or the CSP blocks the injected script) and returns its violations in a form that reads well in a failed assertion. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axe.source });
  return axeViolations(page);
}

/**
 * Runs axe-core in a page that keeps its real CSP: the script is evaluated through the DevTools protocol,
 * which the page's CSP does not govern. For journeys whose pages must also prove they break no CSP rule.
 */
export async function runAxeUnderCsp(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return axeViolations(page);
}

function axeViolations(page: Page): Promise<AxeViolation[]> {
  return page.evaluate(async () => {
    const result = await window.axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}

export type Viewport = { width: number; height: number };

/**
 * Whether journeys write their screenshots: yes on a developer's machine (look at them), no in CI (CI=true), where
 * nobody opens them and encoding ~230 full-page PNGs costs minutes of a two-core run. `E2E_SCREENSHOTS=1` or `=0`
 * decides either way. Everything a screenshot step checks (settled network, the page fitting its width) still runs.
 */
export const WRITES_SCREENSHOTS = process.env.E2E_SCREENSHOTS ? process.env.E2E_SCREENSHOTS !== '0' : process.env.CI !== 'true';

/** `page.screenshot`, when this run writes screenshots (WRITES_SCREENSHOTS). */
export async function capture(page: Page, path: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (WRITES_SCREENSHOTS) await page.screenshot({ path, fullPage: options.fullPage ?? false, animations: 'disabled' });
}

/** `desktop` or `mobile`: how a screenshot's file name says at which width it was taken. */
export const viewportLabel = (viewport: Viewport): 'desktop' | 'mobile' => (viewport.width < 500 ? 'mobile' : 'desktop');

/**
 * A page in a context of its own (its own cookies and storage: one visitor), watched by watchProblems so e2e/setup.ts
 * fails the test during which it logs a problem. Desktop, Paris time and British English unless told otherwise; the
 * context closes with the browser.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext({
    viewport: DESKTOP,
    reducedMotion: 'reduce',
    timezoneId: 'Europe/Paris',
    locale: 'en-GB',
    ...options,
  });
  const page = await context.newPage();
  return { page, problems: watchProblems(page) };
}

/** What sticks out past `width` outside a frame that scrolls sideways on its own (`.overflow-x-auto`), named so a failure says where to look. */
export function overflowing(page: Page, width: number): Promise<string[]> {
  return page.evaluate(
    (limit) =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > limit + 1 && !e.closest('.overflow-x-auto'))
        .map(
          (e) =>
            `${e.tagName.toLowerCase()}.${(e.getAttribute('class') ?? '').slice(0, 50)} (right edge ${Math.round(e.getBoundingClientRect().right)} px)`,
        )
        .slice(0, 6),
    width,
  );
}

/** The page never scrolls sideways at its viewport's width (wide tables scroll inside their own frame). */
export async function expectFitsWidth(page: Page): Promise<void> {
  const width = page.viewportSize()?.width ?? DESKTOP.width;
  // Judged once the page has settled at its new width: right after a resize, components that follow the width in
  // script (and the frames React renders for them) may not have run yet. What a visitor sees stays is what counts.
  const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
  await expect
    .poll(scrollWidth, { timeout: 3000, interval: 100 })
    .toBeLessThanOrEqual(width)
    .catch(async () => {
      const wide = await overflowing(page, width);
      expect(await scrollWidth(), wide.join(' | ')).toBeLessThanOrEqual(width);
    });
}

export type ScreenshotOptions = {
  /** `current`: one picture at the page's own viewport, for a journey walked once per width. Default: 1440 and 390 px. */
  only?: 'current';
  /** The page must fit 390 px (and its own width): true unless a page is known to be wider on purpose. */
  checkWidth?: boolean;
  /** The whole page (default) or only the screen. */
  fullPage?: boolean;
};

/**
 * Screenshots of what the page shows now, in e2e/screenshots as `<name>-desktop.png` and `<name>-mobile.png`: at
 * 1440 px, then at 390 px, where the page must fit the phone's width (checked as the house office's phone test
 * does), then back to the page's own viewport. Waits for the network to settle first so pictures are in.
 */
export async function screenshots(page: Page, name: string, options: ScreenshotOptions = {}): Promise<void> {
  const own = page.viewportSize() ?? DESKTOP;
  const take = async (viewport: Viewport) => {
    await page.waitForLoadState('networkidle');
    const path = join(SCREENSHOT_DIR, `${name}-${viewportLabel(viewport)}.png`);
    await capture(page, path, { fullPage: options.fullPage ?? true });
    if (options.checkWidth !== false) await expectFitsWidth(page);
  };
  if (options.only === 'current') return take(own);
  for (const viewport of [DESKTOP, MOBILE]) {
    if (page.viewportSize()?.width !== viewport.width) await page.setViewportSize(viewport);
    await take(viewport);
  }
  if (page.viewportSize()?.width !== own.width) await page.setViewportSize(own);
}
