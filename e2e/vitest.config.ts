import { defineConfig } from 'vitest/config';

/** Browser journeys: one real server and one Chromium per file, files one after another (2 cores). */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
