/**
 * A tiny S3 for the upload store's tests: keeps objects in memory and refuses any request whose AWS Signature
 * Version 4 does not verify, header-signed (with the body's SHA-256) or query-signed (a presigned URL, until it
 * expires). The signature is recomputed here from the specification, independently of the client that made it,
 * and checked against AWS's documented example in the tests.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
/** RFC 3986 encoding, as SigV4 wants it. */
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface CanonicalRequest {
  method: string;
  /** The request's path as sent (already encoded once). */
  path: string;
  /** Query parameters (decoded), the signature itself left out. */
  query: [string, string][];
  /** Lowercase names → values of the signed headers, host included. */
  headers: Record<string, string>;
  payloadHash: string;
}

/** The SigV4 signature of a canonical request (S3, no double path encoding). */
export function signatureOf(request: CanonicalRequest, amzDate: string, region: string, secretAccessKey: string): string {
  const names = Object.keys(request.headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${String(request.headers[n]).trim().replace(/\s+/g, ' ')}\n`).join('');
  const query = request.query
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .sort()
    .join('&');
  const canonical = [request.method, request.path, query, canonicalHeaders, names.join(';'), request.payloadHash].join('\n');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), 's3'), 'aws4_request');
  return createHmac('sha256', key).update(toSign).digest('hex');
}

const timeOf = (amzDate: string) =>
  Date.parse(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );

export interface FakeS3 {
  url: string;
  objects: Map<string, { body: Buffer; type: string; cache: string }>;
  /** What was refused, and why. */
  problems: string[];
  close(): Promise<void>;
}

export async function startFakeS3(options: {
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}): Promise<FakeS3> {
  const objects: FakeS3['objects'] = new Map();
  const problems: string[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
    });

  /** Why the request's signature does not verify, or undefined when it does. */
  const refusal = (req: IncomingMessage, url: URL, body: Buffer): string | undefined => {
    const path = url.pathname;
    const presigned = url.searchParams.get('X-Amz-Signature');
    if (presigned) {
      const amzDate = url.searchParams.get('X-Amz-Date') ?? '';
      const expires = Number(url.searchParams.get('X-Amz-Expires'));
      if (url.searchParams.get('X-Amz-Credential') !== `${options.accessKeyId}/${amzDate.slice(0, 8)}/${options.region}/s3/aws4_request`)
        return 'bad credential';
      if (!(expires > 0) || Date.now() > timeOf(amzDate) + expires * 1000) return 'expired';
      const signed = (url.searchParams.get('X-Amz-SignedHeaders') ?? '').split(';');
      const expected = signatureOf(
        {
          method: req.method!,
          path,
          query: [...url.searchParams.entries()].filter(([k]) => k !== 'X-Amz-Signature'),
          headers: Object.fromEntries(signed.map((h) => [h, String(req.headers[h])])),
          payloadHash: 'UNSIGNED-PAYLOAD',
        },
        amzDate,
        options.region,
        options.secretAccessKey,
      );
      return presigned === expected ? undefined : 'bad signature';
    }
    const auth = String(req.headers.authorization ?? '');
    const signed = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
    const amzDate = String(req.headers['x-amz-date']);
    const payloadHash = sha256(body);
    if (req.headers['x-amz-content-sha256'] !== payloadHash) return 'payload hash';
    for (const needed of ['host', 'x-amz-date', 'x-amz-content-sha256']) if (!signed.includes(needed)) return `${needed} not signed`;
    const signature = signatureOf(
      {
        method: req.method!,
        path,
        query: [...url.searchParams.entries()],
        headers: Object.fromEntries(signed.map((h) => [h, String(req.headers[h])])),
        payloadHash,
      },
      amzDate,
      options.region,
      options.secretAccessKey,
    );
    const expected = `AWS4-HMAC-SHA256 Credential=${options.accessKeyId}/${amzDate.slice(0, 8)}/${options.region}/s3/aws4_request, SignedHeaders=${signed.join(';')}, Signature=${signature}`;
    return auth === expected ? undefined : 'bad signature';
  };

  const server: Server = createServer(async (req, res) => {
    const body = await read(req);
    const url = new URL(req.url!, `http://${req.headers.host}`);
    const why = refusal(req, url, body);
    if (why) {
      problems.push(`${req.method} ${url.pathname}: ${why}`);
      res.writeHead(403).end(`<Error><Code>${why === 'expired' ? 'AccessDenied' : 'SignatureDoesNotMatch'}</Code></Error>`);
      return;
    }
    const prefix = `/${options.bucket}/`;
    if (!url.pathname.startsWith(prefix)) problems.push(`wrong bucket path ${url.pathname}`);
    const key = decodeURIComponent(url.pathname.slice(prefix.length));
    if (req.method === 'PUT') {
      objects.set(key, { body, type: String(req.headers['content-type']), cache: String(req.headers['cache-control']) });
      res.writeHead(200).end();
    } else if (req.method === 'GET') {
      const o = objects.get(key);
      if (!o) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': o.type }).end(o.body);
    } else if (req.method === 'DELETE') {
      objects.delete(key);
      res.writeHead(204).end();
    } else res.writeHead(405).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    objects,
    problems,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
