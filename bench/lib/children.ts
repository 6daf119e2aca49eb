// Child processes of a bench run: the platform, the ceiling and the load generator. Each gets its own process
// group, so a Ctrl-C in the terminal reaches only the harness, which then stops every child exactly once with
// SIGTERM (the platform treats a second signal as "exit now", which would skip its clean database close).
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const running = new Set<ChildProcess>();

export interface StartOptions {
  /** Shown before each forwarded output line, e.g. `app`. */
  label: string;
  /** A TypeScript entry file, run as `node --import tsx <file>`. */
  entry: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Matches the child's "I am listening" line; group 1 is the base URL. */
  ready: RegExp;
  timeoutMs: number;
  /** Forward output lines while starting (progress of migrations, seeding, …). */
  showStartup?: boolean;
}

export interface Started {
  child: ChildProcess;
  baseUrl: string;
}

/** Starts a child and resolves with its base URL once it prints its ready line; rejects with its last output otherwise. */
export function startChild(opts: StartOptions): Promise<Started> {
  const watchdog = fileURLToPath(new URL('./exit-with-harness.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(watchdog).href, opts.entry], {
    cwd: opts.cwd,
    env: opts.env,
    detached: true,
    // The IPC channel closes when the harness dies, however it dies: exit-with-harness.ts then stops the child.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  track(child);

  return new Promise<Started>((resolve, reject) => {
    const tail: string[] = [];
    let ready = false;
    const timer = setTimeout(() => {
      fail(`did not become ready within ${opts.timeoutMs / 1000}s`);
      void stopChild(child);
    }, opts.timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`${opts.label} ${why}.${tail.length ? `\nLast output:\n${tail.join('\n')}` : ''}`));
    };
    const show = (line: string, isError: boolean) => {
      tail.push(line);
      if (tail.length > 30) tail.shift();
      // Once ready, only warnings and errors arrive (LOG_LEVEL=warn): always show those.
      if (ready || isError || opts.showStartup) console.log(`  [${opts.label}] ${line}`);
    };

    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = ready ? null : opts.ready.exec(line);
      show(line, false);
      if (match) {
        ready = true;
        clearTimeout(timer);
        resolve({ child, baseUrl: match[1]!.replace(/\/+$/, '') });
      }
    });
    createInterface({ input: child.stderr! }).on('line', (line) => show(line, true));
    child.once('error', (err) => fail(`could not start: ${err.message}`));
    child.once('exit', (code, signal) => {
      if (!ready) fail(`exited before it was ready (${signal ?? `code ${code}`})`);
    });
  });
}

/** SIGTERM, then SIGKILL if the child has not exited after `graceMs`. Resolves when it is gone. */
export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Stops every child still running; safe to call more than once. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stopChild(child)));
}

/** Last resort when the harness exits abruptly (uncaught error): children must not outlive it. */
export function killAllNow(): void {
  for (const child of running) child.kill('SIGTERM');
}

/** Registers a child the caller spawned itself (the load generator) so stopAll covers it too. */
export function track(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
}
