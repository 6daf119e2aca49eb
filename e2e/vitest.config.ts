import { defineConfig } from 'vitest/config';

/**
 * Browser journeys: one real server and one Chromium per file, two files at a time (E2E_WORKERS): a journey spends most
 * of its time waiting for pages to load and settle, so a second one uses what the first leaves idle. Servers with the
 * default demo start from a copy of one seeded data directory per run, and all share one folder of generated pictures
 * (global-setup.ts, helpers.ts `startServer`).
 */
const workers = Number(process.env.E2E_WORKERS ?? 2);

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    setupFiles: ['e2e/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 420_000,
    fileParallelism: workers > 1,
    maxWorkers: workers,
  },
});
