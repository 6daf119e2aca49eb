/**
 * Page tokens: base64url of `{ s, k, i }` — the sort, the last row's sort key and its id. The next page starts strictly
 * after `(k, i)` in the sort order, so rows inserted meanwhile never shift or repeat a page. Anything else answers 400.
 */
import { ApiError } from '../../http/errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Keys of time sorts are UTC with microseconds, as `TIME_KEY_SQL` writes them. */
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
export const TIME_KEY_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';
const INTEGER = /^\d{1,16}$/;
const REAL = /^-?\d+(?:\.\d+)?(?:e-?\d+)?$/i;

export type CursorKind = 'time' | 'int' | 'real';

export interface Cursor {
  /** Which sort the token belongs to; a token from another sort is refused. */
  sort: string;
  key: string;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify({ s: c.sort, k: c.key, i: c.id })).toString('base64url');
}

function invalid(): never {
  throw new ApiError('ValidationException', 'nextToken is not valid; start again without it', { fieldErrors: { 'query.nextToken': ['Invalid token'] } });
}

export function decodeCursor(token: string, sort: string, kind: CursorKind): Cursor {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(token)) invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    invalid();
  }
  if (typeof parsed !== 'object' || parsed === null) invalid();
  const { s, k, i } = parsed as Record<string, unknown>;
  if (s !== sort || typeof k !== 'string' || typeof i !== 'string' || !UUID.test(i)) invalid();
  const ok = kind === 'time' ? TIMESTAMP.test(k) && validDate(k) : kind === 'int' ? INTEGER.test(k) : REAL.test(k) && k.length < 40;
  if (!ok) invalid();
  return { sort, key: k, id: i };
}

/** A real calendar instant (no 31 February): the milliseconds part survives a round trip through Date. */
function validDate(k: string): boolean {
  const d = new Date(k);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 23) === k.slice(0, 23);
}
