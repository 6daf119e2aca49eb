/**
 * Where uploaded renditions live: a folder on local disk by default, an S3-compatible bucket (AWS S3, MinIO, R2…) when
 * `S3_BUCKET` is set. Objects are immutable: a key is written once (`uploads/{mediaId}/{width}.{format}`) and never changed.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';

export interface UploadStore {
  readonly kind: 'local' | 's3';
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object, or undefined when there is none. */
  get(key: string): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9/._-]{0,200}$/;
function checkKey(key: string): void {
  if (!KEY.test(key) || key.includes('..') || key.includes('//')) throw new Error(`Invalid media key ${key}`);
}

/** Files under `root`, written to a temporary name and renamed so a reader never sees half a file. */
export function createLocalUploadStore(root: string): UploadStore {
  const pathOf = (key: string) => {
    checkKey(key);
    const file = normalize(join(root, key));
    if (!file.startsWith(normalize(root) + sep)) throw new Error(`Invalid media key ${key}`);
    return file;
  };
  return {
    kind: 'local',
    async put(key, body) {
      const file = pathOf(key);
      await mkdir(dirname(file), { recursive: true });
      const temp = `${file}.${randomUUID()}.tmp`;
      try {
        await writeFile(temp, body);
        await rename(temp, file);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
    },
    async get(key) {
      return readFile(pathOf(key)).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return undefined;
        throw err;
      });
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

export interface S3Settings {
  /** `https://s3.eu-west-3.amazonaws.com`, `http://127.0.0.1:9000` (MinIO)… */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Virtual-hosted style (`bucket.endpoint`) instead of path style (`endpoint/bucket`). */
  virtualHosted?: boolean;
  fetch?: typeof fetch;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding of one path segment, as SigV4 wants it. */
function encodeSegment(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Signs a request with AWS Signature Version 4 (header-based, payload hashed). Returns the headers to send.
 * Exported for the test server, which recomputes the signature to check it.
 */
export function signV4(input: {
  method: string;
  url: URL;
  headers: Record<string, string>;
  payloadHash: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  now: Date;
}): Record<string, string> {
  const amzDate = input.now.toISOString().replace(/[:-]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    ...input.headers,
    host: input.url.host,
    'x-amz-date': amzDate,
    'x-amz-content-sha256': input.payloadHash,
  };
  const names = Object.keys(headers)
    .map((h) => h.toLowerCase())
    .sort();
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const canonicalHeaders = names.map((n) => `${n}:${String(lower[n]).trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = names.join(';');
  const query = [...input.url.searchParams.entries()]
    .map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`)
    .sort()
    .join('&');
  const canonical = [input.method, input.url.pathname, query, canonicalHeaders, signedHeaders, input.payloadHash].join('\n');
  const scope = `${day}/${input.region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

/** An S3-compatible bucket through signed PUT / GET / DELETE requests (no SDK needed). */
export function createS3UploadStore(settings: S3Settings): UploadStore {
  const doFetch = settings.fetch ?? fetch;
  const base = new URL(settings.endpoint);
  const urlOf = (key: string) => {
    checkKey(key);
    const path = key.split('/').map(encodeSegment).join('/');
    if (settings.virtualHosted) return new URL(`${base.protocol}//${settings.bucket}.${base.host}/${path}`);
    return new URL(`${base.protocol}//${base.host}${base.pathname.replace(/\/$/, '')}/${encodeSegment(settings.bucket)}/${path}`);
  };
  const send = async (method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer, contentType?: string) => {
    const url = urlOf(key);
    const extra: Record<string, string> = {};
    if (body) {
      extra['content-type'] = contentType ?? 'application/octet-stream';
      extra['cache-control'] = 'public, max-age=31536000, immutable';
    }
    const headers = signV4({
      method,
      url,
      headers: extra,
      payloadHash: sha256(body ?? ''),
      region: settings.region,
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
      now: new Date(),
    });
    delete headers.host; // fetch sets it
    return doFetch(url, { method, headers, ...(body ? { body: new Uint8Array(body) } : {}) });
  };
  return {
    kind: 's3',
    async put(key, body, contentType) {
      const res = await send('PUT', key, body, contentType);
      if (!res.ok) throw new Error(`S3 PUT ${key} failed: ${res.status} ${(await res.text()).slice(0, 200)}`);
    },
    async get(key) {
      const res = await send('GET', key);
      if (res.status === 404) return undefined;
      if (!res.ok) throw new Error(`S3 GET ${key} failed: ${res.status}`);
      return Buffer.from(await res.arrayBuffer());
    },
    async delete(key) {
      const res = await send('DELETE', key);
      if (!res.ok && res.status !== 404) throw new Error(`S3 DELETE ${key} failed: ${res.status}`);
    },
  };
}

/** S3 when the settings name a bucket, else local disk under `${dataDir}/media/uploads`. */
export function createUploadStore(config: {
  dataDir: string;
  S3_BUCKET?: string | undefined;
  S3_ENDPOINT?: string | undefined;
  S3_REGION?: string | undefined;
  S3_ACCESS_KEY_ID?: string | undefined;
  S3_SECRET_ACCESS_KEY?: string | undefined;
  S3_VIRTUAL_HOSTED?: boolean | undefined;
}): UploadStore {
  if (config.S3_BUCKET && config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY) {
    const region = config.S3_REGION ?? 'us-east-1';
    return createS3UploadStore({
      endpoint: config.S3_ENDPOINT ?? `https://s3.${region}.amazonaws.com`,
      bucket: config.S3_BUCKET,
      region,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      virtualHosted: config.S3_VIRTUAL_HOSTED ?? false,
    });
  }
  return createLocalUploadStore(join(config.dataDir, 'media'));
}
