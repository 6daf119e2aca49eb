import { defineConfig } from 'vitest/config';

/**
 * Browser journeys: one real server and one Chromium per file, files one after another (2 cores). Servers with the
 * default demo start from a copy of one seeded data directory per run (global-setup.ts, helpers.ts `startServer`).
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    setupFiles: ['e2e/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 420_000,
    fileParallelism: false,
  },
});
