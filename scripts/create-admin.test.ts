import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

it('answers in one clear line, with no stack trace, while the running server holds the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sbz-create-admin-'));
  dirs.push(dataDir);
  // A live process owns the data directory's lock, as the server does while it runs.
  const server = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
  try {
    writeFileSync(join(dataDir, 'pglite.lock'), String(server.pid));
    const run = spawnSync(
      'npx',
      ['tsx', 'scripts/create-admin.ts', '--email', 'noor@example.com', '--password', 'a long passphrase for the office 91'],
      {
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development' },
      },
    );
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^Could not open the database: .*in use by process ${server.pid}\\. Stop it first`)),
    ]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  } finally {
    server.kill();
  }
}, 60_000);
