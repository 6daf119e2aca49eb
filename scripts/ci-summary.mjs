#!/usr/bin/env node
// Sums every Vitest JSON report under a folder into the closing line of CI: `N passed, N failed, N skipped`,
// printed last. Exit code 1 when anything failed.
//
//   node scripts/ci-summary.mjs <dir> [--expect pglite/unit.json]…
//
// A run must never pass silently, so these count as failures too:
// - an expected report that is missing (its step crashed, timed out or never ran): 1 failed each;
// - a report that is not valid JSON, or not a Vitest report: 1 failed;
// - a test file that failed without a failed test (an import or syntax error, a crashed worker): 1 failed each,
//   and a report that says `success: false` with nothing else to show for it: 1 failed;
// - no report at all: 1 failed.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const USAGE = 'Usage: node scripts/ci-summary.mjs <report-dir> [--expect relative/path.json]…';

/** Every *.json file under `dir`, as paths relative to it, sorted. */
function findReports(dir) {
  const found = [];
  const walk = (d) => {
    // Symbolic links are not followed: only files the test runs wrote count.
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.json')) found.push(relative(dir, path));
    }
  };
  if (existsSync(dir)) walk(dir);
  return found.sort();
}

const count = (v) => (Number.isFinite(v) && v > 0 ? v : 0);

/** Counts of one parsed Vitest JSON report, plus why it failed without failed tests, if it did. */
function countReport(report) {
  const passed = count(report.numPassedTests);
  const skipped = count(report.numPendingTests) + count(report.numTodoTests);
  let failed = count(report.numFailedTests);
  const notes = [];
  // A file that failed before any test ran (import error, crash) fails no test: count each such file once.
  for (const file of Array.isArray(report.testResults) ? report.testResults : []) {
    const assertions = Array.isArray(file.assertionResults) ? file.assertionResults : [];
    if (file.status === 'failed' && !assertions.some((a) => a.status === 'failed')) {
      failed += 1;
      notes.push(`${file.name ?? 'a test file'} failed outside any test${file.message ? `: ${String(file.message).split('\n')[0]}` : ''}`);
    }
  }
  if (report.success === false && failed === 0) {
    failed = 1;
    notes.push('the report says the run was unsuccessful');
  }
  return { passed, failed, skipped, notes };
}

function summarize(dir, expected = []) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const lines = [];
  const reports = findReports(dir);
  for (const name of reports) {
    let report;
    try {
      report = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (err) {
      totals.failed += 1;
      lines.push(`${name}: unreadable report (${err instanceof Error ? err.message : String(err)}): counted as 1 failed`);
      continue;
    }
    if (typeof report !== 'object' || report === null || typeof report.numTotalTests !== 'number') {
      totals.failed += 1;
      lines.push(`${name}: not a Vitest JSON report: counted as 1 failed`);
      continue;
    }
    const c = countReport(report);
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
    lines.push(`${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
    for (const note of c.notes) lines.push(`  ${note}`);
  }
  for (const name of expected) {
    if (!reports.includes(name)) {
      totals.failed += 1;
      lines.push(`${name}: missing (the step crashed or did not run): counted as 1 failed`);
    }
  }
  if (reports.length === 0 && expected.length === 0) {
    totals.failed += 1;
    lines.push(`no test report under ${dir}: counted as 1 failed`);
  }
  return { totals, lines };
}

function main(argv) {
  const expected = [];
  let dir;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--expect' && argv[i + 1]) expected.push(argv[++i]);
    else if (!argv[i].startsWith('-') && dir === undefined) dir = argv[i];
    else {
      console.error(USAGE);
      return 2;
    }
  }
  if (!dir) {
    console.error(USAGE);
    return 2;
  }
  const { totals, lines } = summarize(dir, expected);
  for (const line of lines) console.log(line);
  // The closing line CI reads: always last, always this shape.
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  return totals.failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
