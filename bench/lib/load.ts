// Harness side of the load generator: one forked process for the whole run, driven over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RequestSpec } from '../scenario.ts';
import { stopChild, track } from './children.ts';
import type { FromLoadgen, LoadJob, LoadRequest, LoadResult } from './protocol.ts';

export class LoadGenerator {
  private readonly child: ChildProcess;
  private pending: { resolve(r: LoadResult[]): void; reject(e: Error): void } | undefined;

  constructor(cwd: string) {
    this.child = fork(fileURLToPath(new URL('./loadgen.ts', import.meta.url)), [], {
      cwd,
      execArgv: ['--import', 'tsx'],
      // Own process group, like the servers: only the harness stops it.
      detached: true,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    track(this.child);
    this.child.on('message', (message: FromLoadgen) => {
      const pending = this.pending;
      this.pending = undefined;
      if (message.type === 'result') pending?.resolve(message.results);
      else pending?.reject(new Error(`load generator: ${message.message}`));
    });
    this.child.once('exit', (code, signal) => {
      this.pending?.reject(new Error(`load generator exited (${signal ?? `code ${code}`})`));
      this.pending = undefined;
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** One result per target of the job, in the same order. */
  run(job: LoadJob): Promise<LoadResult[]> {
    if (this.pending) throw new Error('load generator is busy');
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.child.send({ type: 'run', job });
    });
  }

  close(): Promise<void> {
    return stopChild(this.child, 2_000);
  }
}

/** Scenario requests → wire form: JSON bodies serialised, setup headers merged under each request's own. */
export function toLoadRequests(requests: RequestSpec[], extraHeaders: Record<string, string> = {}): LoadRequest[] {
  return requests.map((r) => {
    const headers: Record<string, string> = { ...extraHeaders, ...r.headers };
    let body: string | undefined;
    if (typeof r.body === 'string') body = r.body;
    else if (r.body !== undefined) {
      body = JSON.stringify(r.body);
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    }
    return { method: r.method ?? 'GET', path: r.path, headers, ...(body === undefined ? {} : { body }) };
  });
}
