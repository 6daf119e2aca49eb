import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * One folder per browser-test run, shared by the files (each in its own process, up to two at a time): the
 * first server that needs the seeded demo makes it there once, and every later server starts from a copy
 * (e2e/helpers.ts `startServer`). Removed when the run ends.
 */
export default function setup(project: TestProject) {
  const runDir = mkdtempSync(join(tmpdir(), 'sbz-e2e-run-'));
  project.provide('e2eRunDir', runDir);
  return () => rmSync(runDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eRunDir: string;
  }
}
