import { afterEach, beforeEach, expect } from 'vitest';
import { watchedPages, type PageProblems } from './helpers.ts';

/**
 * No page a user can reach may log a console error, throw, or fail a request: checked after every browser test
 * (not only where a test remembers to ask). Only what was logged during this test counts, so the test that
 * caused a problem is the one that fails, and the next test starts clean.
 */
const seenBefore = new Map<PageProblems, number>();

beforeEach(() => {
  for (const p of watchedPages) seenBefore.set(p, p.list.length);
});

afterEach(() => {
  const fresh = watchedPages.flatMap((p) => p.list.slice(seenBefore.get(p) ?? 0));
  expect(fresh, 'console errors, page errors or failed requests during this test').toEqual([]);
});
