// bench/RESULTS.md: an append-only log of runs, so a regression shows up as a diff in review.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

export interface RunInfo {
  date: Date;
  gitSha: string;
  machine: string;
  command: string;
}

const HEADER = `# Bench results

Appended by \`npm run bench\` (see bench/README.md). Req/s and latencies are absolute figures of the machine that
ran them; compare runs by the **ratio**: the scenario's req/s divided by a bare Fastify JSON route's (the
ceiling), measured in the same run on the same machine.
`;

/** `abc1234`, with `+dirty` when the work tree has changes: the figures then belong to uncommitted code. */
export function gitSha(cwd: string): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, encoding: 'utf8' }).trim();
    return dirty ? `${sha}+dirty` : sha;
  } catch {
    return 'unknown';
  }
}

export function machine(postgresVersion: string): string {
  const cpu = cpus();
  return `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, PostgreSQL ${postgresVersion}, ${process.platform}/${process.arch}`;
}

/** Appends one run's section; creates the file with its header first if needed. */
export function appendResults(file: string, info: RunInfo, body: string): void {
  if (!existsSync(file)) writeFileSync(file, HEADER);
  const when = info.date
    .toISOString()
    .replace('T', ' ')
    .replace(/:\d\d\.\d+Z$/, ' UTC');
  appendFileSync(file, `\n## ${when} · ${info.gitSha}\n\n- machine: ${info.machine}\n- command: \`${info.command}\`\n\n${body.trim()}\n`);
}
