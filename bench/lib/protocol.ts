// Messages between the harness and its load-generator process (bench/lib/loadgen.ts). Plain data only:
// they cross an IPC channel.

export interface LoadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadJob {
  baseUrl: string;
  connections: number;
  durationSeconds: number;
  requests: LoadRequest[];
}

export interface LoadResult {
  /** Responses received (any status). */
  responses: number;
  /** Seconds the measurement actually lasted. */
  seconds: number;
  reqPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Count per HTTP status, e.g. `{ "200": 123456 }`. */
  statuses: Record<string, number>;
  /** Connection errors, including timeouts. */
  errors: number;
  timeouts: number;
}

export type ToLoadgen = { type: 'run'; job: LoadJob };
export type FromLoadgen = { type: 'result'; result: LoadResult } | { type: 'error'; message: string };
