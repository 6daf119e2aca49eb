import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Db } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { CRASH_CHUNK, CRASH_SINGLE_ROWS, CRASH_TOTAL, crashSeeders, createCrashTables } from './fixtures/crash-seeders.ts';
import { runSeeders } from './runner.ts';

// Foundation acceptance: "Killing the server with SIGKILL during seeding and starting again yields a working database".
// A child process seeds an on-disk PGlite; we SIGKILL it at chosen moments (inside open transactions), reopen the
// data directory here, check it is consistent, and finally seed to completion.

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/slow-seed.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'sbz-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the seeding child until it prints a line matching `killOn`, then SIGKILLs it; resolves once it is gone. */
async function seedUntilKilled(killOn: RegExp): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, dataDir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  let killed = false;
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    if (!killed && killOn.test(line)) {
      killed = true;
      child.kill('SIGKILL');
    }
  });
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, sig) => resolve(sig)));
  if (!killed || signal !== 'SIGKILL') {
    throw new Error(`seeding child ended without being killed on ${killOn} (signal ${signal})\n${lines.join('\n')}\n${stderr}`);
  }
  return lines;
}

/** Reopens the data directory the child was killed on and checks what a crash may leave: whole chunks only. */
async function inspect(): Promise<{ singleDone: boolean; chunksDone: number }> {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await database.ping();
    const db = database.db;
    const runs = (await queryRows<{ name: string; rows: number }>(db, sql`select name, rows from seed_runs`)).map((r) => r.name);
    expect(runs).not.toContain('crash-items');
    const single = await count(db, 'crash_single');
    const singleDone = runs.includes('crash-single');
    // The one-transaction seeder is all or nothing.
    expect(single).toBe(singleDone ? CRASH_SINGLE_ROWS : 0);

    const [progress] = await queryRows<{ chunks_done: number; rows: number }>(
      db,
      sql`select chunks_done, rows from seed_progress where name = 'crash-items'`,
    );
    const chunksDone = progress?.chunks_done ?? 0;
    const perChunk = await queryRows<{ chunk: number; n: number }>(
      db,
      sql`select chunk, count(*)::int as n from crash_items group by chunk order by chunk`,
    );
    // Exactly the checkpointed chunks are there, each one whole; nothing of the chunk that was being written.
    expect(perChunk).toEqual(Array.from({ length: chunksDone }, (_, chunk) => ({ chunk, n: CRASH_CHUNK })));
    expect(progress?.rows ?? 0).toBe(chunksDone * CRASH_CHUNK);
    return { singleDone, chunksDone };
  } finally {
    await database.close();
  }
}

async function count(db: Db, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return row!.n;
}

describe('SIGKILL during seeding', () => {
  it('leaves a database that opens, holds only whole chunks, and finishes seeding on the next start', { timeout: 180_000 }, async () => {
    // 1. Inside the single big transaction: nothing of it survives.
    await seedUntilKilled(/^single part 3\/5$/);
    expect(await inspect()).toEqual({ singleDone: false, chunksDone: 0 });

    // 2. Inside the 5th chunk (index 4): chunks before it survive whole.
    const second = await seedUntilKilled(/^chunk 4 part 2$/);
    expect(second.some((l) => l.startsWith('Seeding demo data: crash-single done, 400 rows in'))).toBe(true);
    const afterSecond = await inspect();
    expect(afterSecond.singleDone).toBe(true);
    expect(afterSecond.chunksDone).toBeGreaterThanOrEqual(4);

    // 3. Resume, then die again further on, right after a commit this time.
    const third = await seedUntilKilled(/^Seeding demo data: crash-items 1800\/3000…$/);
    expect(third.some((l) => l.startsWith('Seeding demo data: crash-items resuming at'))).toBe(true);
    expect(third.some((l) => l.startsWith('Seeding demo data: crash-single'))).toBe(false);
    const afterThird = await inspect();
    expect(afterThird.chunksDone).toBeGreaterThanOrEqual(12);

    // 4. Right after the process started seeding again (recovery just happened).
    await seedUntilKilled(/^Seeding demo data: crash-items resuming at/);
    expect((await inspect()).chunksDone).toBeGreaterThanOrEqual(afterThird.chunksDone);

    // 5. Start again (here, in-process) and finish: the result equals a run that never crashed.
    const database = await openDatabase({ kind: 'pglite', dataDir });
    const reference = await openDatabase({ kind: 'pglite' });
    try {
      await runMigrations(database, { kind: 'pglite', dataDir });
      const summary = await runSeeders(database.db, { seed: 11, seeders: crashSeeders({ slow: false }) });
      expect(summary.ran.map((r) => [r.name, r.rows])).toEqual([['crash-items', CRASH_TOTAL]]);
      expect(await count(database.db, 'crash_items')).toBe(CRASH_TOTAL);
      expect(await count(database.db, 'seed_progress')).toBe(0);

      await runMigrations(reference, { kind: 'pglite' });
      await createCrashTables(reference.db);
      await runSeeders(reference.db, { seed: 11, seeders: crashSeeders({ slow: false }) });
      const all = sql`select id, chunk, score, label from crash_items order by id`;
      expect(await queryRows(database.db, all)).toEqual(await queryRows(reference.db, all));
    } finally {
      await database.close();
      await reference.close();
    }
  });
});
