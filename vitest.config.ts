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
  },
});
