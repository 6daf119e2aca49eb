/**
 * Where uploaded renditions live: a folder on local disk by default, an S3-compatible bucket (AWS S3, MinIO, R2…) when
 * `S3_BUCKET` is set. Objects are immutable: a key is written once (`uploads/{mediaId}/{width}.{format}`) and never changed.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { AwsClient } from 'aws4fetch';

export interface UploadStore {
  readonly kind: 'local' | 's3';
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object, or undefined when there is none. */
  get(key: string): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
}

/** A bucket can also hand out links that read one object for a while without credentials (private attachments). */
export interface S3UploadStore extends UploadStore {
  readonly kind: 's3';
  /** A GET URL for `key`, signed in its query, refused by the bucket after `expiresInSeconds` (1 s to 7 days). */
  presignGet(key: string, expiresInSeconds: number): Promise<string>;
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

/** A key as a URL path: each segment percent-encoded (RFC 3986), slashes kept. */
const pathOf = (key: string) =>
  key
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');

/** Longest life of a presigned URL: SigV4 allows seven days. */
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

/**
 * An S3-compatible bucket through PUT / GET / DELETE requests signed with AWS Signature Version 4 by `aws4fetch`
 * (a small, kept client: no SDK needed). Uploads carry the SHA-256 of their body, so the bucket checks what arrived.
 */
export function createS3UploadStore(settings: S3Settings): S3UploadStore {
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    region: settings.region,
    service: 's3',
    retries: 0,
  });
  const doFetch = settings.fetch ?? fetch;
  const base = new URL(settings.endpoint);
  const urlOf = (key: string) => {
    checkKey(key);
    if (settings.virtualHosted) return new URL(`${base.protocol}//${settings.bucket}.${base.host}/${pathOf(key)}`);
    return new URL(`${base.protocol}//${base.host}${base.pathname.replace(/\/$/, '')}/${pathOf(settings.bucket)}/${pathOf(key)}`);
  };
  const send = async (method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer, contentType?: string) => {
    const headers: Record<string, string> = {
      'x-amz-content-sha256': createHash('sha256')
        .update(body ?? '')
        .digest('hex'),
    };
    if (body) {
      headers['content-type'] = contentType ?? 'application/octet-stream';
      headers['cache-control'] = 'public, max-age=31536000, immutable';
    }
    const signed = await client.sign(urlOf(key).toString(), { method, headers, ...(body ? { body: new Uint8Array(body) } : {}) });
    return doFetch(signed);
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
    async presignGet(key, expiresInSeconds) {
      if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_PRESIGN_SECONDS)
        throw new Error(`A presigned URL lives 1 s to 7 days, not ${expiresInSeconds} s`);
      const url = urlOf(key);
      url.searchParams.set('X-Amz-Expires', String(expiresInSeconds));
      const signed = await client.sign(url.toString(), { method: 'GET', aws: { signQuery: true } });
      return signed.url;
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
