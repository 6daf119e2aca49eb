import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

// Cached answers (the catalogue's listings, the Journal's lists and pieces) are the same objects request after
// request. Their JSON is computed once per object, kept as UTF-8 bytes, so a large answer (a listing is ~60 kB) is
// neither serialised nor encoded again per request; from its second sending on, its gzip form is kept beside it.
const memo = new WeakMap<object, Buffer>();
const wrapped = new WeakMap<object, Map<string, Buffer>>();
const sentOnce = new WeakSet<Buffer>();
const gzipped = new WeakMap<Buffer, Buffer>();

/** Below this size a gzip answer saves less than its own headers cost. */
const GZIP_MIN_BYTES = 1024;

function json(value: object): Buffer {
  let bytes = memo.get(value);
  if (bytes === undefined) memo.set(value, (bytes = Buffer.from(JSON.stringify(value))));
  return bytes;
}

/** Whether the request accepts gzip (named or `*`, with a quality above zero). */
export function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  let gzip: number | undefined;
  let any: number | undefined;
  for (const item of header.split(',')) {
    const [name, ...params] = item.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const quality = q === undefined ? 1 : Number(q);
    if (name === 'gzip' || name === 'x-gzip') gzip = quality;
    else if (name === '*') any = quality;
  }
  return (gzip ?? any ?? 0) > 0;
}

/**
 * The gzip form of `bytes` when it is worth having: only for an answer sent before (a fresh answer computed for one
 * request is not compressed, which would cost more than it saves on a local network), and only above 1 kB.
 */
function gzipOf(bytes: Buffer): Buffer | undefined {
  if (bytes.length < GZIP_MIN_BYTES) return undefined;
  let packed = gzipped.get(bytes);
  if (packed) return packed;
  if (!sentOnce.has(bytes)) {
    sentOnce.add(bytes);
    return undefined;
  }
  gzipped.set(bytes, (packed = gzipSync(bytes)));
  return packed;
}

/**
 * In production, sends a (usually cached) answer as its memoised JSON text, optionally wrapped as `{ [wrap]: value }`,
 * gzip-encoded for a client that accepts it once the answer has proved to be reused.
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
  reply.type('application/json; charset=utf-8');
  // The answer depends on Accept-Encoding only for a client that sends one; an identity answer suits every cache.
  if (reply.request.headers['accept-encoding'] !== undefined) reply.header('vary', 'accept-encoding');
  const packed = acceptsGzip(reply.request) ? gzipOf(bytes) : undefined;
  // Fastify sends a Buffer as it is; returning the reply tells it the answer is sent.
  return packed ? reply.header('content-encoding', 'gzip').send(packed) : reply.send(bytes);
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
