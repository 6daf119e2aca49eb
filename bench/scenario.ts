// The contract of a bench scenario. A scenario is one small file in bench/scenarios/<name>.ts whose default
// export is a Scenario; `npm run bench -- <name>` finds it by file name. Everything the load generator needs
// is plain data (it runs in another process), so requests are described, never built by callbacks.

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** One HTTP request the load generator sends; autocannon cycles through a list of them per connection. */
export interface RequestSpec {
  method?: HttpMethod;
  /** Path and query, starting with `/`. */
  path: string;
  headers?: Record<string, string>;
  /** A string is sent as is; an object is sent as JSON with `content-type: application/json`. */
  body?: string | Record<string, unknown> | unknown[];
}

export interface SetupContext {
  /** The platform under test, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  /** The database the platform runs on, for seeding directly when the API cannot. */
  databaseUrl: string;
}

/** What `setup` may add: headers merged into every request (e.g. a bearer token), or the requests themselves. */
export interface SetupResult {
  headers?: Record<string, string>;
  requests?: RequestSpec[];
}

/**
 * A pass/fail rule. `at` limits it to some connection counts (all measured counts otherwise); every
 * criterion set in one object must hold. Latencies are milliseconds; the ratio is the scenario's req/s
 * divided by the ceiling's req/s measured at the same connection count in the same run.
 */
export interface Threshold {
  at?: number | number[];
  minRatio?: number;
  minRps?: number;
  p50Ms?: number;
  p95Ms?: number;
  p99Ms?: number;
}

interface ScenarioBase {
  /** Must equal the file name (without `.ts`). */
  name: string;
  description: string;
  /** Extra environment for the platform process (added to the bench defaults). */
  env?: Record<string, string>;
  /** Runs before the platform starts, e.g. to build the web app it must serve. `root` is the repository root. */
  prepare?(ctx: { root: string }): Promise<void>;
  /** Runs once after the platform is up and before warm-up: sign in, seed data… */
  setup?(ctx: SetupContext): Promise<SetupResult | void>;
  /**
   * The status every response must have; anything else marks the run FAILED. Default 200. A list allows each of them
   * (a scenario mixing requests, e.g. CreateOrder's 201 with ProcessPayment's 200).
   */
  expectStatus?: number | readonly number[];
  /**
   * All connections take the next request of one shared walk through the list, instead of each connection cycling
   * it from the start (where the connections ask the same question at the same moment): for scenarios that must
   * not be answered from a cache.
   */
  spreadRequests?: boolean;
  thresholds: Threshold[];
}

export type Scenario = ScenarioBase & ({ request: RequestSpec; requests?: never } | { requests: RequestSpec[]; request?: never });

/** Identity helper that gives a scenario file type checking and editor completion. */
export function defineScenario(scenario: Scenario): Scenario {
  return scenario;
}
