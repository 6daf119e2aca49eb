/**
 * One way to page through a list, for every module.
 *
 * A page token is base64url of `{ s, k, i }`: the sort it belongs to, the last row's sort key and its id. The next page
 * starts strictly after `(k, i)` in the sort order (a keyset, never an OFFSET), so rows inserted meanwhile never shift
 * or repeat a page, and a token from another sort or list is refused. Anything that is not one of our tokens answers
 * 400 naming `query.nextToken`. Lists sorted by a UUIDv7 id alone (newest first is `order by id desc`) use the `id`
 * kind, whose key is empty: the id is exact to the row and sorts by creation time.
 */
import { z } from 'zod';
import { ApiError } from './errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Keys of time sorts are UTC ISO instants, to the millisecond (JavaScript dates) or the microsecond (`TIME_KEY_FORMAT`). */
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.(\d{3}|\d{6})Z$/;
/** `to_char` format of a microsecond time key, for sorts computed in SQL (PostgreSQL keeps microseconds). */
export const TIME_KEY_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';
const INTEGER = /^-?\d{1,16}$/;
const REAL = /^-?\d+(?:\.\d+)?(?:e-?\d+)?$/i;

/** What the sort key is: an instant, an integer, a real number, or nothing but the id. */
export type CursorKind = 'time' | 'int' | 'real' | 'id';

export interface Cursor {
  /** Which sort (and list) the token belongs to; a token from another one is refused. */
  sort: string;
  key: string;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify({ s: c.sort, k: c.key, i: c.id })).toString('base64url');
}

function invalid(): never {
  throw new ApiError('ValidationException', 'nextToken is not valid; start again without it', {
    fieldErrors: { 'query.nextToken': ['Invalid token'] },
  });
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
  const ok =
    kind === 'time'
      ? TIMESTAMP.test(k) && validDate(k)
      : kind === 'int'
        ? INTEGER.test(k)
        : kind === 'real'
          ? REAL.test(k) && k.length < 40
          : k === '';
  if (!ok) invalid();
  return { sort, key: k, id: i };
}

/** A real calendar instant (no 31 February): the milliseconds part survives a round trip through Date. */
function validDate(k: string): boolean {
  const d = new Date(k);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 23) === k.slice(0, 23);
}

/** The id a token of an id-sorted list continues after. */
export function idAfter(token: string, sort: string): string {
  return decodeCursor(token, sort, 'id').id;
}

/**
 * Cuts the one extra row a query fetched (`limit maxResults + 1`, to learn whether more exist) into a page and the
 * token that continues after its last row. `keyOf` gives the row's sort key and id.
 */
export function cutPage<T>(
  rows: readonly T[],
  maxResults: number,
  sort: string,
  keyOf: (row: T) => { key?: string; id: string },
): { items: T[]; nextToken?: string } {
  const items = rows.slice(0, maxResults);
  const last = items.at(-1);
  if (rows.length <= maxResults || last === undefined) return { items };
  const { key = '', id } = keyOf(last);
  return { items, nextToken: encodeCursor({ sort, key, id }) };
}

/** The page token parameter every list takes. */
export const NextToken = z.string().max(400).optional().meta({ description: 'From the previous page; omit for the first page.' });

/** `maxResults` and `nextToken` for a list's query string; each list picks its default and ceiling. */
export function pageQuery(options: { defaultSize: number; maxSize: number }) {
  return {
    maxResults: z.coerce.number().int().min(1).max(options.maxSize).default(options.defaultSize),
    nextToken: NextToken,
  };
}

/** The usual page: 20 by default, at most 100. */
export const PageQuery = z.strictObject(pageQuery({ defaultSize: 20, maxSize: 100 }));
export type PageQuery = z.infer<typeof PageQuery>;
