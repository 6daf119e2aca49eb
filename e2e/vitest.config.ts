import { defineConfig } from 'vitest/config';

/** Browser journeys: one real server and one Chromium per file, files one after another (2 cores). */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    setupFiles: ['e2e/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 420_000,
    fileParallelism: false,
  },
});
