/**
 * Whole pages kept as rendered HTML. The server renders every page as an anonymous visitor (the session lives in the
 * tab), so a page whose data is the same for everyone is the same document for everyone but for its CSP nonce. A
 * module that knows when its pages change (its notified cache) offers them here; the web plugin then answers a kept
 * page without running React Router, with the nonce of the document replaced by the answer's own fresh one.
 *
 * Compressing a 50 KB page costs several times more than answering it from memory, and the nonce differs in every
 * answer, so a kept page also keeps its gzip form in parts: the text between the nonces compressed once (each part a
 * run of deflate blocks ending on a byte boundary, a sync flush), and each answer's nonce written between them as a
 * stored block. Any gzip reader decodes the whole as one stream; only the checksum is computed per answer.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import type { FastifyRequest } from 'fastify';

export interface KeptDocument {
  /** The headers React Router answered with (the security headers are set per answer, not kept). */
  headers: Array<[string, string]>;
  html: string;
  /** The nonce the document was rendered with: 32 random hex digits, never otherwise in a page. */
  nonce: string;
  gzip: GzipParts;
}

export interface DocumentCache {
  /** Whether the page at this path may be kept (a path without a query). */
  covers(path: string): boolean;
  get(key: string): KeptDocument | undefined;
  /** Read before rendering and passed to `keep`: a document rendered while its data changed is not kept. */
  epoch(): number;
  keep(key: string, document: KeptDocument, epoch: number): void;
}

/** The key of a keepable request, or undefined: a plain GET of a covered path, no query (its links name the origin). */
export function documentKeyOf(
  request: FastifyRequest,
  caches: readonly DocumentCache[],
): { key: string; cache: DocumentCache } | undefined {
  if (request.method !== 'GET' || request.url.includes('?')) return undefined;
  const cache = caches.find((c) => c.covers(request.url));
  return cache ? { key: `${request.protocol}://${request.host}${request.url}`, cache } : undefined;
}

/** A rendered answer worth keeping: 200, HTML, no cookie set for one visitor. */
export function keepable(response: Response): boolean {
  return (
    response.status === 200 &&
    (response.headers.get('content-type') ?? '').startsWith('text/html') &&
    response.headers.getSetCookie().length === 0 &&
    response.body !== null
  );
}

export function keptDocument(headers: Array<[string, string]>, html: string, nonce: string): KeptDocument {
  return { headers, html, nonce, gzip: gzipParts(html, nonce) };
}

/** The kept document with `nonce` in place of the one it was rendered with. */
export function withNonce(document: KeptDocument, nonce: string): string {
  return document.html.replaceAll(document.nonce, nonce);
}

// ───────────────────────────── gzip in parts ─────────────────────────────

interface GzipParts {
  /** The text between the nonces, as bytes (for the checksum) and compressed. */
  text: Buffer[];
  deflated: Buffer[];
  nonceBytes: number;
}

function gzipParts(html: string, nonce: string): GzipParts {
  const text = html.split(nonce).map((part) => Buffer.from(part, 'utf8'));
  const deflated = text.map((part) => deflateRawSync(part, { level: 6, finishFlush: constants.Z_SYNC_FLUSH }));
  return { text, deflated, nonceBytes: Buffer.byteLength(nonce) };
}

// Gzip header: magic, deflate, no flags, no time, no extra flags, unknown OS.
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
// The last block: stored, final, empty.
const FINAL_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

/** The kept document with `nonce` in place, gzip-encoded; undefined if the nonce does not fit the kept parts. */
export function gzipWithNonce(document: KeptDocument, nonce: string): Buffer | undefined {
  const { text, deflated, nonceBytes } = document.gzip;
  const fresh = Buffer.from(nonce, 'utf8');
  if (fresh.length !== nonceBytes || nonceBytes > 0xffff) return undefined;
  // A stored block (not final) holding the nonce: after a sync flush the stream is on a byte boundary.
  const stored = Buffer.concat([
    Buffer.from([0x00, nonceBytes & 0xff, nonceBytes >> 8, ~nonceBytes & 0xff, (~nonceBytes >> 8) & 0xff]),
    fresh,
  ]);
  const parts: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  for (let i = 0; i < deflated.length; i++) {
    if (i > 0) {
      parts.push(stored);
      crc = crc32(fresh, crc);
      size += fresh.length;
    }
    parts.push(deflated[i]!);
    // (zlib's crc32 of an empty buffer answered 0, not the running value.)
    if (text[i]!.length > 0) crc = crc32(text[i]!, crc);
    size += text[i]!.length;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  parts.push(FINAL_BLOCK, trailer);
  return Buffer.concat(parts);
}
