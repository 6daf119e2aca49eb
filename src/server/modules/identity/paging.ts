import { ApiError } from '../../http/errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Audit entries and VIP applications have UUIDv7 ids, which sort by creation time to the millisecond and
// stay unique within it: "newest first" is `order by id desc`, and the last id seen is an exact cursor
// (a timestamp cursor would lose the microseconds PostgreSQL keeps and skip rows).

/** The page token that continues a list after the row with this id. */
export function pageTokenAfter(id: string): string {
  return Buffer.from(id).toString('base64url');
}

/** The id a page token continues after; a token that is not one of ours answers 400. */
export function idAfterPageToken(token: string): string {
  const id = Buffer.from(token, 'base64url').toString('utf8');
  if (!UUID.test(id)) {
    throw new ApiError('ValidationException', 'nextToken is not valid; start again without it', { fieldErrors: { 'query.nextToken': ['Invalid token'] } });
  }
  return id;
}

/** Cuts one extra row (fetched to learn whether more exist) into a page and its continuation token. */
export function toPage<T>(rows: T[], maxResults: number, idOf: (row: T) => string): { items: T[]; nextToken?: string } {
  const items = rows.slice(0, maxResults);
  const last = items.at(-1);
  return { items, ...(rows.length > maxResults && last ? { nextToken: pageTokenAfter(idOf(last)) } : {}) };
}
