import { ApiError } from './errors.ts';

/**
 * Text PostgreSQL cannot store, or that is not Unicode at all: a NUL character (PostgreSQL text never holds one)
 * or half of a surrogate pair (JSON lets `"\ud800"` through; UTF-8 has no encoding for it). Left alone, either
 * reaches the database and fails there as a 500. Checked once for every route, on every part Zod validates.
 */
export function findUnsafeText(value: unknown, path: string[] = [], depth = 0): { path: string[]; problem: string } | undefined {
  if (typeof value === 'string') return unsafeString(value) ? { path, problem: unsafeString(value)! } : undefined;
  if (value === null || typeof value !== 'object' || depth > 32) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const problem = unsafeString(key);
    if (problem)
      return {
        path: [...path, [...key].map((c) => (c === '\u0000' || LONE_SURROGATE.test(c) ? '?' : c)).join('')],
        problem: `Field names ${problem.charAt(0).toLowerCase()}${problem.slice(1)}`,
      };
    const found = findUnsafeText(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function unsafeString(text: string): string | undefined {
  if (text.includes('\u0000')) return 'Must not contain a NUL character';
  if (LONE_SURROGATE.test(text)) return 'Must not contain half of a Unicode surrogate pair';
  return undefined;
}

/** Where a validated part sits in field names: `body.note`, `query.q`, `params.slug`, `headers.x`. */
const PART_NAMES: Record<string, string> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

/** The 400 for unsafe text, naming the field as every other validation error does. */
export function unsafeTextError(part: string, found: { path: string[]; problem: string }): ApiError {
  const field = [PART_NAMES[part] ?? part, ...found.path].join('.');
  return new ApiError('ValidationException', `Invalid ${field}: ${found.problem}`, { fieldErrors: { [field]: [found.problem] } });
}
