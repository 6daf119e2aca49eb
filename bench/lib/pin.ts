// CPU pinning for a bench run. Left to the scheduler, the load generator and the server under test sometimes share
// a core and sometimes not, and the same code measured twice moved the healthz ratio between 0.75 and 0.93. Pinned,
// the load generator has core 0 and each server (the ceiling and the platform, never measured at the same moment)
// has core 1, on any machine: the ratio then compares one core's work with one core's work, and repeats.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface CpuPlan {
  loadgen: number;
  servers: number;
}

/** The plan, or why there is none (one core, no `taskset`, or `--no-pin`). */
export function planCpus(wanted: boolean): CpuPlan | string {
  if (!wanted) return 'not pinned (--no-pin)';
  if (availableParallelism() < 2) return 'not pinned (one core)';
  const probe = spawnSync('taskset', ['-c', '-p', String(process.pid)], { encoding: 'utf8' });
  if (probe.status !== 0) return 'not pinned (taskset is not available)';
  return { loadgen: 0, servers: 1 };
}

/** Pins every thread of `pid` to `cpu`; threads it starts later inherit it. Throws when taskset refuses. */
export function pinProcess(pid: number | undefined, cpu: number): void {
  if (pid === undefined) throw new Error('cannot pin a process that has no pid');
  const run = spawnSync('taskset', ['-a', '-c', '-p', String(cpu), String(pid)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`taskset could not pin ${pid} to CPU ${cpu}: ${run.stderr.trim()}`);
}

export function describePlan(plan: CpuPlan | string): string {
  return typeof plan === 'string' ? plan : `load generator on CPU ${plan.loadgen}, servers on CPU ${plan.servers}`;
}
