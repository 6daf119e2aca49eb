// Messages between the harness and its load-generator process (bench/lib/loadgen.ts). Plain data only:
// they cross an IPC channel.

export interface LoadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** A server and the requests to send it. */
export interface LoadTarget {
  baseUrl: string;
  requests: LoadRequest[];
  /** All connections share one walk through `requests` instead of each cycling it from the start. */
  spread?: boolean;
}

/**
 * Measure every target for `durationSeconds` in total, in alternating slices of `sliceSeconds` (A, B, A, B…),
 * so that a burst of load from elsewhere on the machine hits all targets alike instead of one of them.
 */
export interface LoadJob {
  targets: LoadTarget[];
  connections: number;
  durationSeconds: number;
  sliceSeconds: number;
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
export type FromLoadgen = { type: 'result'; results: LoadResult[] } | { type: 'error'; message: string };
