#!/usr/bin/env node
// `npm test`: lint, typecheck, OpenAPI freshness, unit + API tests, then browser tests when Chromium is present.
// Every step runs even after a failure, so one run shows everything that is wrong; the exit code is non-zero if any failed.
// With TEST_REPORT_DIR set, each Vitest run also writes a JSON report there (.ci/run sums them).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const reportDir = process.env.TEST_REPORT_DIR ? resolve(process.env.TEST_REPORT_DIR) : undefined;
if (reportDir) mkdirSync(reportDir, { recursive: true });
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Vitest arguments that add a JSON report beside the console output when asked to. */
const vitestReport = (name) =>
  reportDir ? ['--reporter=default', '--reporter=json', `--outputFile.json=${join(reportDir, `${name}.json`)}`] : [];

const steps = [
  { name: 'lint', cmd: ['npx', 'eslint', '--max-warnings', '0', '.'] },
  { name: 'format', cmd: ['npx', 'prettier', '--check', '--log-level', 'warn', '.'] },
  { name: 'typecheck', cmd: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'openapi is up to date', cmd: ['npx', 'tsx', 'scripts/openapi.ts', '--check'] },
  // The web build comes first: the SSR bridge's tests render the real build.
  { name: 'web build', cmd: ['npx', 'react-router', 'build'] },
  { name: 'unit and API tests', cmd: ['npx', 'vitest', 'run', ...vitestReport('unit')] },
];
if (existsSync(chromium)) {
  steps.push({ name: 'browser tests', cmd: ['npx', 'vitest', 'run', '--config', 'e2e/vitest.config.ts', ...vitestReport('e2e')] });
} else {
  console.log(`\n⚠ Browser tests skipped: no Chromium at ${chromium} (install Debian's chromium or set CHROMIUM_PATH).`);
}

const failed = [];
for (const step of steps) {
  console.log(`\n▸ ${step.name}`);
  const started = Date.now();
  const { status } = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${status === 0 ? '✓' : '✗'} ${step.name} (${seconds}s)`);
  if (status !== 0) failed.push(step.name);
}

console.log(failed.length ? `\nFailed: ${failed.join(', ')}` : '\nAll checks passed.');
process.exit(failed.length ? 1 : 0);
