#!/usr/bin/env node
// `npm test`: lint, format, typecheck, OpenAPI freshness and the web build, then unit + API tests and the browser tests
// (when Chromium is present). Every step runs even after a failure, so one run shows everything that is wrong; the exit
// code is non-zero if any failed.
//
// The static checks are single-threaded programs, so they run two at a time (one per core) with their output held
// and printed whole when each ends. The unit + API tests then run beside the browser tests: a browser journey spends
// much of its time waiting for pages to load and settle (about half a core each), and the unit tests, niced so the
// journeys' timed waits come first, take what they leave. The unit tests' output is held and printed whole when they
// end; the browser tests print as they go. With TEST_REPORT_DIR set, each Vitest run also writes a JSON report there
// (.ci/run sums them); with TEST_UNIT_DONE_MARKER set, that file is created when the unit tests end (.ci/run then
// starts the PostgreSQL run, beside the browser tests still running).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const reportDir = process.env.TEST_REPORT_DIR ? resolve(process.env.TEST_REPORT_DIR) : undefined;
if (reportDir) mkdirSync(reportDir, { recursive: true });
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Vitest arguments that add a JSON report beside the console output when asked to. */
const vitestReport = (name) =>
  reportDir ? ['--reporter=default', '--reporter=json', `--outputFile.json=${join(reportDir, `${name}.json`)}`] : [];

// Two lanes of checks, one per core. The web build follows the typecheck in its lane: both write generated route
// types under .react-router/, which tsc must never read half-written. The build comes before the tests: the SSR
// bridge's tests render the real build.
const lanes = [
  [
    { name: 'typecheck', cmd: ['npm', 'run', '--silent', 'typecheck'] },
    { name: 'web build', cmd: ['npx', 'react-router', 'build'] },
  ],
  [
    { name: 'lint', cmd: ['npx', 'eslint', '--max-warnings', '0', '.'] },
    { name: 'format', cmd: ['npx', 'prettier', '--check', '--log-level', 'warn', '.'] },
    { name: 'openapi is up to date', cmd: ['npx', 'tsx', 'scripts/openapi.ts', '--check'] },
  ],
];
const unit = {
  name: 'unit and API tests',
  cmd: ['nice', '-n', '5', 'npx', 'vitest', 'run', ...vitestReport('unit')],
  after: () => process.env.TEST_UNIT_DONE_MARKER && writeFileSync(process.env.TEST_UNIT_DONE_MARKER, new Date().toISOString()),
};
const browser = existsSync(chromium)
  ? { name: 'browser tests', cmd: ['npx', 'vitest', 'run', '--config', 'e2e/vitest.config.ts', ...vitestReport('e2e')] }
  : undefined;
if (!browser) console.log(`\n⚠ Browser tests skipped: no Chromium at ${chromium} (install Debian's chromium or set CHROMIUM_PATH).`);

const failed = [];
const report = (name, status, started) => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${status === 0 ? '✓' : '✗'} ${name} (${seconds}s)`);
  if (status !== 0) failed.push(name);
};

/** Runs a step with its output held, then prints it whole, so two steps at a time never interleave their lines. */
function runHeld(step) {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(step.cmd[0], step.cmd.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (err) => output.push(Buffer.from(`${err.message}\n`)));
    child.on('close', (code) => {
      console.log(`\n▸ ${step.name}`);
      process.stdout.write(Buffer.concat(output));
      report(step.name, code ?? 1, started);
      done();
    });
  });
}

await Promise.all(
  lanes.map(async (lane) => {
    for (const step of lane) await runHeld(step);
  }),
);

/** Runs a step with its output printed as it comes. */
function runLive(step) {
  return new Promise((done) => {
    console.log(`\n▸ ${step.name}`);
    const started = Date.now();
    const child = spawn(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit', env: process.env });
    child.on('error', (err) => console.log(err.message));
    child.on('close', (code) => {
      report(step.name, code ?? 1, started);
      done();
    });
  });
}

await Promise.all([runHeld(unit).then(() => unit.after()), browser && runLive(browser)]);

console.log(failed.length ? `\nFailed: ${failed.join(', ')}` : '\nAll checks passed.');
process.exit(failed.length ? 1 : 0);
