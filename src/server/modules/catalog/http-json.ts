import type { FastifyReply } from 'fastify';

// Cached answers are the same objects request after request; their JSON is computed once per object too.
// Kept as UTF-8 bytes, so a large answer (a listing is ~60 kB) is neither serialised nor encoded again per request.
const memo = new WeakMap<object, Buffer>();
const wrapped = new WeakMap<object, Map<string, Buffer>>();

function json(value: object): Buffer {
  let bytes = memo.get(value);
  if (bytes === undefined) memo.set(value, (bytes = Buffer.from(JSON.stringify(value))));
  return bytes;
}

/**
 * In production, sends a (usually cached) answer as its memoised JSON text, optionally wrapped as `{ [wrap]: value }`.
 * Elsewhere it returns the object, so the response schema still checks every answer in tests and development.
 */
export function sendAnswer<T extends object>(reply: FastifyReply, production: boolean, value: T): T;
export function sendAnswer<T extends object, K extends string>(
  reply: FastifyReply,
  production: boolean,
  value: T,
  wrap: K,
): { [k in K]: T };
export function sendAnswer<T extends object>(reply: FastifyReply, production: boolean, value: T, wrap?: string): unknown {
  if (!production) return wrap ? { [wrap]: value } : value;
  let bytes: Buffer;
  if (wrap) {
    let byKey = wrapped.get(value);
    if (!byKey) wrapped.set(value, (byKey = new Map()));
    bytes = byKey.get(wrap) ?? Buffer.concat([Buffer.from(`{${JSON.stringify(wrap)}:`), json(value), Buffer.from('}')]);
    byKey.set(wrap, bytes);
  } else bytes = json(value);
  // Fastify sends a Buffer as it is; returning the reply tells it the answer is sent.
  return reply.type('application/json; charset=utf-8').send(bytes);
}

/**
 * Records `bytes` as the JSON text of `value`, for an answer assembled from parts whose JSON is already known (the
 * search index's kept listing cards), so `sendAnswer` sends them instead of serialising the answer again. The caller
 * guarantees the bytes are exactly `JSON.stringify(value)`.
 */
export function withJson<T extends object>(value: T, bytes: Buffer): T {
  memo.set(value, bytes);
  return value;
}
