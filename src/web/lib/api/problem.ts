import type { components } from './schema.d.ts';

export type ErrorBody = components['schemas']['ErrorBody'];

/**
 * An API error as the pages need it: the HTTP status, the spec's error code, the human message and, when the
 * server gave them, field errors keyed by request path (`body.password`), a machine `reason` and a wait time.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: ErrorBody['code'] | 'NetworkError';
  readonly fieldErrors: Record<string, string[]>;
  readonly reason: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, body: Partial<ErrorBody> | undefined) {
    super(body?.message ?? fallbackMessage(status));
    this.name = 'ApiProblem';
    this.status = status;
    this.code = body?.code ?? (status === 0 ? 'NetworkError' : 'InternalServerException');
    this.fieldErrors = body?.fieldErrors ?? {};
    this.reason = body?.reason;
    this.retryAfterSeconds = body?.retryAfterSeconds;
  }

  /** The error for one form field, named by its path inside the body or query (`email`, `profile.address.city`). */
  field(name: string): string | undefined {
    const messages = this.fieldErrors[`body.${name}`] ?? this.fieldErrors[`query.${name}`] ?? this.fieldErrors[name];
    return messages?.length ? messages.join(' ') : undefined;
  }

  /** Field errors whose field is not among `shown`, so a form can list what it has no place for. */
  unplacedFieldErrors(shown: readonly string[]): string[] {
    const placed = new Set(shown.flatMap((n) => [`body.${n}`, `query.${n}`, n]));
    return Object.entries(this.fieldErrors)
      .filter(([key]) => !placed.has(key))
      .flatMap(([key, messages]) => messages.map((m) => `${humanField(key)}: ${m}`));
  }
}

function fallbackMessage(status: number): string {
  if (status === 0) return 'We could not reach StyleByZaga. Please check your connection and try again.';
  if (status >= 500) return 'Something went wrong on our side. Please try again in a moment.';
  return 'That did not work. Please try again.';
}

function humanField(key: string): string {
  const last = key.split('.').at(-1) ?? key;
  return last.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}

/** A plain phrase for a wait: "a few seconds", "about 2 minutes", "about 14 minutes". */
export function describeWait(seconds: number | undefined): string {
  if (!seconds || seconds < 1) return 'a moment';
  if (seconds < 60) return seconds <= 10 ? 'a few seconds' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? 'about a minute' : `about ${minutes} minutes`;
}

/** What a person should read for a failed request; throttling always says how long to wait. */
export function problemMessage(problem: ApiProblem): string {
  if (problem.status === 429) return `Too many attempts. Please wait ${describeWait(problem.retryAfterSeconds)} before trying again.`;
  if (problem.status >= 500) return fallbackMessage(problem.status);
  return problem.message;
}

/** Anything thrown by a request, as an ApiProblem (a network failure becomes status 0). */
export function toProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  return new ApiProblem(0, undefined);
}

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/** The data of an openapi-fetch result, or an ApiProblem thrown for its error. */
export function unwrap<T>(result: FetchResult<T>): T {
  if (result.response.ok && result.error === undefined) return result.data as T;
  const body = typeof result.error === 'object' && result.error !== null ? (result.error as Partial<ErrorBody>) : undefined;
  throw new ApiProblem(result.response.status, body);
}

/** Runs a request and unwraps it; a fetch that never reached the server becomes an ApiProblem too. */
export async function call<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (error) {
    // A Response thrown on purpose (serverApi: a page address that names nothing) is the route's answer.
    if (error instanceof Response) throw error;
    throw new ApiProblem(0, undefined);
  }
  return unwrap(result);
}
