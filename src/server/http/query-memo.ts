import { parse } from 'fast-querystring';

// Query strings repeat: the Journal's front page asks for `?view=summary&maxResults=13` on every visit, a department
// for the same few filters. Parsing a query string and validating it against a route's schema (Zod, with defaults
// and transforms) cost more than answering from a kept answer, so both are done once per distinct string: the parser
// hands out one frozen object per string, and each route's querystring validator keeps its answer per object.
// Shared objects are frozen all the way down, so a handler that tried to change its query would fail loudly in tests
// instead of changing the next request's.

/** Distinct query strings kept; a client sending endless new ones only empties the map now and then. */
const MAX_KEPT = 512;

/** Freezes `value` and everything it holds (plain objects and arrays, as a parser or a Zod output has). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** Fastify's `querystringParser` (the router's own, fast-querystring), one frozen object per distinct string. */
export function memoQueryParser(): (query: string) => Record<string, unknown> {
  const kept = new Map<string, Record<string, unknown>>();
  const empty = Object.freeze({});
  return (query) => {
    if (query.length === 0) return empty;
    let parsed = kept.get(query);
    if (parsed === undefined) {
      parsed = deepFreeze(parse(query) as Record<string, unknown>);
      if (kept.size >= MAX_KEPT) kept.clear();
      kept.set(query, parsed);
    }
    return parsed;
  };
}

/**
 * Wraps one route's querystring validator: a parsed query seen before (the same frozen object from the parser) gets
 * the same validated value, itself frozen. Errors are not kept (rare, and Fastify annotates the error it is given).
 */
export function memoQueryValidator<R>(validate: (data: unknown) => R): (data: unknown) => R {
  const results = new WeakMap<object, R>();
  return (data) => {
    if (data === null || typeof data !== 'object' || !Object.isFrozen(data)) return validate(data);
    let result = results.get(data);
    if (result === undefined) {
      result = validate(data);
      // Zod's compiler answers `{ value }` or `{ error }`; only a value is kept.
      if (result === null || typeof result !== 'object' || !('value' in result) || ('error' in result && result.error !== undefined))
        return result;
      deepFreeze(result.value);
      results.set(data, result);
    }
    return result;
  };
}
