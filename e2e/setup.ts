import { afterEach, expect } from 'vitest';
import { watchedPages } from './helpers.ts';

/**
 * No page a user can reach may log a console error, throw, or fail a request: checked after every browser test
 * (not only where a test remembers to ask), so the test that caused a problem is the one that fails.
 */
afterEach(() => {
  const seen = watchedPages.flatMap((p) => p.list);
  expect(seen, 'console errors, page errors or failed requests during this test').toEqual([]);
});
