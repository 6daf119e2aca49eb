import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['src/server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two files at a time. Vitest's default is one worker per core minus one, which on CI's two cores is a single
    // worker and a second core left nearly idle; every file has its own database (a PGlite copy or a PostgreSQL
    // database from the template), so files never share state.
    maxWorkers: 2,
    // Each worker imports the server's modules once and runs file after file with them, instead of importing the whole
    // graph again for every file (that import was ~40% of a run's time). Safe because every file builds its own app and
    // database, and module-level state is either keyed by the app (WeakMaps) or put back by the test that changed it
    // (payments' test orders restore the real order port).
    isolate: false,
  },
});
