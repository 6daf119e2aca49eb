import type { OutgoingHttpHeaders } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

// Cached answers (the catalogue's listings, the Journal's lists and pieces) are the same objects request after
// request. Their JSON is computed once per object, kept as UTF-8 bytes, so a large answer (a listing is ~60 kB) is
// neither serialised nor encoded again per request; from its second sending on, its gzip form is kept beside it.
const memo = new WeakMap<object, Buffer | JsonParts>();
const wrapped = new WeakMap<object, Map<string, Buffer>>();
const sentOnce = new WeakSet<Buffer | JsonParts>();
const gzipped = new WeakMap<Buffer | JsonParts, Buffer>();

/**
 * A JSON text kept as runs of bytes that other answers share (the search index's kept listing cards), written to the
 * socket one after the other instead of joined into one buffer per answer. Joining them cost a 50–150 kB buffer
 * outside the V8 heap per computed department page; at ~1,450 pages/s that external memory drove a full mark-compact
 * about every half second (11–25 ms pauses, the p99 of issue #16).
 */
export class JsonParts {
  readonly length: number;
  constructor(readonly parts: readonly Buffer[]) {
    let length = 0;
    for (const part of parts) length += part.length;
    this.length = length;
  }

  /** Set by the first `sendAnswer`: a second one sends the joined text instead. */
  sent = false;

  /** The text as one buffer (for gzip, HEAD, a reused answer, or a test). */
  join(): Buffer {
    return Buffer.concat(this.parts, this.length);
  }
}

/** `json.join()`, which inherits `json`'s first sending for the gzip rule. */
function joined(json: JsonParts): Buffer {
  const bytes = json.join();
  if (sentOnce.has(json)) sentOnce.add(bytes);
  return bytes;
}

/** Below this size a gzip answer saves less than its own headers cost. */
const GZIP_MIN_BYTES = 1024;

function json(value: object): Buffer | JsonParts {
  let bytes = memo.get(value);
  if (bytes === undefined) memo.set(value, (bytes = Buffer.from(JSON.stringify(value))));
  return bytes;
}

/** Whether the request accepts gzip (named or `*`, with a quality above zero). */
export function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  let accepts = gzipByHeader.get(header);
  if (accepts === undefined) {
    accepts = parseAcceptsGzip(header);
    // Browsers send one of a handful of values; the map is kept small whatever clients send.
    if (gzipByHeader.size >= 64) gzipByHeader.clear();
    gzipByHeader.set(header, accepts);
  }
  return accepts;
}
const gzipByHeader = new Map<string, boolean>();

function parseAcceptsGzip(header: string): boolean {
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
function gzipOf(bytes: Buffer | JsonParts): Buffer | undefined {
  if (bytes.length < GZIP_MIN_BYTES) return undefined;
  let packed = gzipped.get(bytes);
  if (packed) return packed;
  if (!sentOnce.has(bytes)) {
    sentOnce.add(bytes);
    return undefined;
  }
  gzipped.set(bytes, (packed = gzipSync(bytes instanceof JsonParts ? bytes.join() : bytes)));
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
  let bytes: Buffer | JsonParts;
  if (wrap) {
    let byKey = wrapped.get(value);
    if (!byKey) wrapped.set(value, (byKey = new Map()));
    let whole = byKey.get(wrap);
    if (whole === undefined) {
      const inner = json(value);
      whole = Buffer.concat([
        Buffer.from(`{${JSON.stringify(wrap)}:`),
        inner instanceof JsonParts ? inner.join() : inner,
        Buffer.from('}'),
      ]);
      byKey.set(wrap, whole);
    }
    bytes = whole;
  } else {
    bytes = json(value);
    // An answer in parts that is asked for again (a kept answer being reused) is joined once and sent as one buffer from
    // then on: the copy is paid once per reused answer rather than once per computed one.
    if (bytes instanceof JsonParts) {
      if (bytes.sent) memo.set(value, (bytes = joined(bytes)));
      else bytes.sent = true;
    }
  }
  reply.type('application/json; charset=utf-8');
  // The answer depends on Accept-Encoding only for a client that sends one; an identity answer suits every cache.
  if (reply.request.headers['accept-encoding'] !== undefined) reply.header('vary', 'accept-encoding');
  const packed = acceptsGzip(reply.request) ? gzipOf(bytes) : undefined;
  // Fastify sends a Buffer as it is; returning the reply tells it the answer is sent.
  if (packed) return reply.header('content-encoding', 'gzip').send(packed);
  return bytes instanceof JsonParts ? sendParts(reply, bytes) : reply.send(bytes);
}

/**
 * Writes `json`'s parts to the socket as one corked batch (one writev), with the headers Fastify would have written
 * (the same ones, in the same order, Content-Length last), so the bytes on the wire are those of `reply.send` of the
 * joined text. The reply is hijacked, so no onSend hook runs: only GET answers of routes without one come here (a
 * HEAD, which sends no body, takes the joined text through Fastify). onResponse hooks and logging still run.
 */
function sendParts(reply: FastifyReply, json: JsonParts): FastifyReply {
  if (reply.request.method !== 'GET') return reply.send(json.join());
  reply.hijack();
  reply.header('content-length', String(json.length));
  const res = reply.raw;
  res.writeHead(reply.statusCode, reply.getHeaders() as OutgoingHttpHeaders);
  const { parts } = json;
  const last = parts.length - 1;
  res.cork();
  for (let i = 0; i < last; i++) res.write(parts[i]);
  if (last >= 0) res.end(parts[last]);
  else res.end();
  res.uncork();
  return reply;
}

/**
 * Records `bytes` as the JSON text of `value`, for an answer assembled from parts whose JSON is already known (the
 * search index's kept listing cards), so `sendAnswer` sends them instead of serialising the answer again. The caller
 * guarantees the bytes are exactly `JSON.stringify(value)`.
 */
export function withJson<T extends object>(value: T, bytes: Buffer | JsonParts): T {
  memo.set(value, bytes);
  return value;
}
