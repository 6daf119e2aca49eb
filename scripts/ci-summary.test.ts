// scripts/ci-summary.mjs decides whether CI is green: run it as CI does, on fixture reports shaped like Vitest 4's.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('./ci-summary.mjs', import.meta.url));
const dirs: string[] = [];

function reportDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ci-summary-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

function summary(dir: string, expected: string[] = []) {
  const run = spawnSync(process.execPath, [SCRIPT, dir, ...expected.flatMap((e) => ['--expect', e])], { encoding: 'utf8' });
  const lines = run.stdout.trimEnd().split('\n');
  return { code: run.status, last: lines.at(-1), stdout: run.stdout };
}

/** A Vitest JSON report with the counters CI reads, and one file per `files` entry. */
const vitestReport = (passed: number, failed: number, pending = 0, todo = 0, files: unknown[] = []) => ({
  numPassedTests: passed,
  numFailedTests: failed,
  numPendingTests: pending,
  numTodoTests: todo,
  numTotalTests: passed + failed + pending + todo,
  success: failed === 0 && !files.some((f) => (f as { status: string }).status === 'failed'),
  testResults: files,
});

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('ci-summary', () => {
  it('sums every report, pending and todo as skipped, and passes when nothing failed', () => {
    const dir = reportDir({
      'pglite/unit.json': vitestReport(40, 0, 2, 1),
      'pglite/e2e.json': vitestReport(3, 0),
      'postgres/unit.json': vitestReport(38, 0, 1),
    });
    const result = summary(dir, ['pglite/unit.json', 'pglite/e2e.json', 'postgres/unit.json']);
    expect(result.last).toBe('81 passed, 0 failed, 4 skipped');
    expect(result.code).toBe(0);
  });

  it('fails on a failed test and prints the closing line last', () => {
    const result = summary(reportDir({ 'pglite/unit.json': vitestReport(10, 2), 'postgres/unit.json': vitestReport(12, 0) }));
    expect(result.last).toBe('22 passed, 2 failed, 0 skipped');
    expect(result.code).toBe(1);
  });

  it('counts a missing expected report (a crashed step) as one failure', () => {
    const result = summary(reportDir({ 'pglite/unit.json': vitestReport(5, 0) }), ['pglite/unit.json', 'postgres/unit.json']);
    expect(result.last).toBe('5 passed, 1 failed, 0 skipped');
    expect(result.stdout).toContain('postgres/unit.json: missing');
    expect(result.code).toBe(1);
  });

  it('counts a test file that failed outside any test (import error) as one failure', () => {
    const broken = { name: '/repo/src/broken.test.ts', status: 'failed', message: 'Cannot find module', assertionResults: [] };
    const fine = { name: '/repo/src/fine.test.ts', status: 'passed', assertionResults: [{ status: 'passed' }] };
    const result = summary(reportDir({ 'unit.json': vitestReport(1, 0, 0, 0, [broken, fine]) }));
    expect(result.last).toBe('1 passed, 1 failed, 0 skipped');
    expect(result.code).toBe(1);
  });

  it('counts an unsuccessful report with no failed test as one failure', () => {
    const result = summary(reportDir({ 'unit.json': { ...vitestReport(3, 0), success: false } }));
    expect(result.last).toBe('3 passed, 1 failed, 0 skipped');
    expect(result.code).toBe(1);
  });

  it('counts an unreadable report as one failure', () => {
    const result = summary(reportDir({ 'unit.json': '{"numPassedTests": 3,' }));
    expect(result.last).toBe('0 passed, 1 failed, 0 skipped');
    expect(result.code).toBe(1);
  });

  it('counts a JSON file that is not a Vitest report as one failure', () => {
    const result = summary(reportDir({ 'unit.json': vitestReport(2, 0), 'other.json': { hello: 'world' } }));
    expect(result.last).toBe('2 passed, 1 failed, 0 skipped');
    expect(result.code).toBe(1);
  });

  it('never passes on an empty folder', () => {
    const result = summary(reportDir({}));
    expect(result.last).toBe('0 passed, 1 failed, 0 skipped');
    expect(result.code).toBe(1);
  });
});
