import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { accountOf, type TestAccount } from '../../test/identity.ts';
import { createS3UploadStore } from './upload-store.ts';
import { signatureOf, startFakeS3, type FakeS3 } from './test/fake-s3.ts';
import { sniffImage } from './uploads.ts';

/** A multipart/form-data body with one file part (and optional fields). */
function multipart(file: Buffer, fields: Record<string, string> = {}, filename = 'photo.jpg', type = 'image/jpeg') {
  const boundary = `----sbz${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A photograph-like JPEG with EXIF (camera, artist) and GPS coordinates, as phones write them. */
async function jpegWithGps(width = 2400, height = 1600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 120, g: 40, b: 50 } } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#C9A96E"/></svg>`,
        ),
      },
    ])
    .withExif({
      IFD0: { Artist: 'Secret Photographer', Make: 'PhoneCo', Model: 'X1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 33/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '7/1 1/1 0/1' },
    })
    .jpeg()
    .toBuffer();
}

/** A PNG header that claims `w × h` pixels (nothing else): enough for the pixel limit to refuse it unread. */
function hugePngHeader(w: number, h: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.alloc(16)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('sniffImage', () => {
  it('goes by the bytes, not the name', async () => {
    expect(
      sniffImage(
        await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
          .png()
          .toBuffer(),
      ),
    ).toBe('png');
    expect(
      sniffImage(
        await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
          .webp()
          .toBuffer(),
      ),
    ).toBe('webp');
    expect(sniffImage(Buffer.from('<?php echo "hello"; ?> padding'))).toBeUndefined();
    expect(sniffImage(Buffer.from('GIF89a........'))).toBe('gif');
  });
});

describe('POST /api/v1/media on the local store', () => {
  let app: TestApp;
  let partner: TestAccount;
  beforeAll(async () => {
    app = await buildTestApp();
    partner = await accountOf(app, 'BRAND_PARTNER');
  }, 120_000);
  afterAll(() => app.shutdown());

  const upload = (file: Buffer, fields?: Record<string, string>, name?: string, type?: string) => {
    const m = multipart(file, fields, name, type);
    return app.inject({ method: 'POST', url: '/api/v1/media', headers: { ...partner.auth, ...m.headers }, payload: m.payload });
  };

  it('re-encodes to AVIF/WebP/JPEG at every width up to the original, strips EXIF and GPS, serves immutable renditions', async () => {
    const original = await jpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const res = await upload(original, { purpose: 'PORTFOLIO' });
    expect(res.statusCode, res.body).toBe(201);
    const asset = res.json();
    expect(asset).toMatchObject({
      purpose: 'PORTFOLIO',
      width: 2400,
      height: 1600,
      widths: [320, 640, 1280, 2048],
      contentType: 'image/jpeg',
    });
    expect(asset.placeholder).toMatch(/^data:image\/webp;base64,/);
    expect(asset.url).toBe(`/media/uploads/${asset.mediaId}/1280.jpg`);
    expect(asset.srcset.avif.split(', ')).toHaveLength(4);
    for (const [w, fmt] of [
      [320, 'avif'],
      [1280, 'webp'],
      [2048, 'jpg'],
    ] as const) {
      const file = await app.inject({ method: 'GET', url: `/media/uploads/${asset.mediaId}/${w}.${fmt}` });
      expect(file.statusCode).toBe(200);
      expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(file.headers['content-type']).toBe({ avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg' }[fmt]);
      const meta = await sharp(file.rawPayload).metadata();
      expect([meta.width, meta.height]).toEqual([w, Math.round((w * 1600) / 2400)]);
      expect(meta.exif).toBeUndefined();
      expect(file.rawPayload.includes(Buffer.from('Secret Photographer'))).toBe(false);
      const again = await app.inject({
        method: 'GET',
        url: `/media/uploads/${asset.mediaId}/${w}.${fmt}`,
        headers: { 'if-none-match': file.headers.etag as string },
      });
      expect(again.statusCode).toBe(304);
    }
    expect((await app.inject({ method: 'GET', url: `/api/v1/media/${asset.mediaId}` })).json().mediaId).toBe(asset.mediaId);
    expect((await app.inject({ method: 'GET', url: `/media/uploads/${asset.mediaId}/999.jpg` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/media/uploads/${asset.mediaId}/..%2F..%2Fetc.jpg` })).statusCode).toBe(400);
  });

  it('never upscales: a 700 px picture has 320 and 640 only', async () => {
    const res = await upload(
      await sharp({ create: { width: 700, height: 875, channels: 3, background: '#eee' } })
        .png()
        .toBuffer(),
      {},
      'x.png',
      'image/png',
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().widths).toEqual([320, 640]);
  });

  it('refuses what is not an image, whatever it claims to be', async () => {
    const text = await upload(Buffer.from('#!/bin/sh\nrm -rf / # not a picture at all'), {}, 'cute.jpg', 'image/jpeg');
    expect(text.statusCode).toBe(415);
    const gif = await upload(Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(64)]), {}, 'a.gif', 'image/gif');
    expect(gif.statusCode).toBe(415);
    const svg = await upload(
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      {},
      'a.svg',
      'image/svg+xml',
    );
    expect(svg.statusCode).toBe(415);
    const broken = await upload(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().fieldErrors['body.file']).toBeDefined();
  });

  it('refuses oversize files, pixel bombs and tiny pictures', async () => {
    const big = await upload(Buffer.concat([await jpegWithGps(400, 400), Buffer.alloc(21 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    const bomb = await upload(hugePngHeader(30_000, 30_000), {}, 'bomb.png', 'image/png');
    expect(bomb.statusCode, bomb.body).toBe(413);
    const tiny = await upload(
      await sharp({ create: { width: 200, height: 200, channels: 3, background: '#000' } })
        .jpeg()
        .toBuffer(),
    );
    expect(tiny.statusCode).toBe(400);
    expect(tiny.json().message).toMatch(/320 px/);
  });

  it('wants multipart with a `file` part and a known purpose', async () => {
    const json = await app.inject({
      method: 'POST',
      url: '/api/v1/media',
      headers: partner.auth,
      payload: { url: 'http://169.254.169.254/' },
    });
    expect(json.statusCode).toBe(415);
    const badPurpose = await upload(await jpegWithGps(400, 300), { purpose: 'MALWARE' });
    expect(badPurpose.statusCode).toBe(400);
  });
});

describe('POST /api/v1/media on an S3-compatible store', () => {
  const SECRET = 'test-secret-key-0123456789';
  const bucket = { bucket: 'sbz-media', region: 'eu-west-3', accessKeyId: 'AKIATEST', secretAccessKey: SECRET };
  let s3: FakeS3;
  let app: TestApp;
  let admin: TestAccount;

  beforeAll(async () => {
    s3 = await startFakeS3(bucket);
    app = await buildTestApp({
      S3_BUCKET: bucket.bucket,
      S3_ENDPOINT: s3.url,
      S3_REGION: bucket.region,
      S3_ACCESS_KEY_ID: bucket.accessKeyId,
      S3_SECRET_ACCESS_KEY: SECRET,
    });
    admin = await accountOf(app, 'ADMIN');
  }, 120_000);
  afterAll(async () => {
    await app.shutdown();
    await s3.close();
  });

  it('PUTs every rendition with a valid signature and serves them back from the bucket', async () => {
    const m = multipart(await jpegWithGps(1400, 1000));
    const res = await app.inject({ method: 'POST', url: '/api/v1/media', headers: { ...admin.auth, ...m.headers }, payload: m.payload });
    expect(res.statusCode, res.body).toBe(201);
    const { mediaId } = res.json();
    expect(s3.problems).toEqual([]);
    const keys = [...s3.objects.keys()].filter((k) => k.includes(mediaId)).sort();
    expect(keys).toEqual(
      ['1280.avif', '1280.jpg', '1280.webp', '320.avif', '320.jpg', '320.webp', '640.avif', '640.jpg', '640.webp'].map(
        (f) => `uploads/${mediaId}/${f}`,
      ),
    );
    expect(s3.objects.get(`uploads/${mediaId}/640.webp`)).toMatchObject({
      type: 'image/webp',
      cache: 'public, max-age=31536000, immutable',
    });
    const file = await app.inject({ method: 'GET', url: `/media/uploads/${mediaId}/640.webp` });
    expect(file.statusCode).toBe(200);
    expect((await sharp(file.rawPayload).metadata()).width).toBe(640);
  });

  it('a wrong secret or a changed body is refused by the bucket (the check can fail)', async () => {
    const wrong = createS3UploadStore({ endpoint: s3.url, ...bucket, secretAccessKey: 'other-secret' });
    await expect(wrong.put('uploads/wrong/320.jpg', Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/403/);
    expect(s3.problems.pop()).toBe('PUT /sbz-media/uploads/wrong/320.jpg: bad signature');
    // A body that is not the one signed for.
    const store = createS3UploadStore({
      endpoint: s3.url,
      ...bucket,
      fetch: async (input, init) => fetch(new Request(input as Request, { body: 'tampered', ...init, duplex: 'half' } as RequestInit)),
    });
    await expect(store.put('uploads/tampered/320.jpg', Buffer.from('original'), 'image/jpeg')).rejects.toThrow(/403/);
    expect(s3.problems.pop()).toBe('PUT /sbz-media/uploads/tampered/320.jpg: payload hash');
    expect(s3.objects.has('uploads/wrong/320.jpg') || s3.objects.has('uploads/tampered/320.jpg')).toBe(false);
  });

  it('presigned GET URLs read a private object until they expire, and not once changed', async () => {
    const store = createS3UploadStore({ endpoint: s3.url, ...bucket });
    await store.put('attachments/secret/1.pdf', Buffer.from('%PDF private'), 'application/pdf');
    const url = await store.presignGet('attachments/secret/1.pdf', 5);
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('5');
    expect(url).not.toContain(SECRET);
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('%PDF private');
    // Another object with the same signature: refused.
    const other = await fetch(url.replace('/1.pdf', '/2.pdf'));
    expect(other.status).toBe(403);
    // A longer life written into the URL: refused.
    const stretched = new URL(url);
    stretched.searchParams.set('X-Amz-Expires', '604800');
    expect((await fetch(stretched)).status).toBe(403);
    await new Promise((r) => setTimeout(r, 5_500));
    const late = await fetch(url);
    expect(late.status).toBe(403);
    expect(s3.problems.splice(0)).toEqual([
      'GET /sbz-media/attachments/secret/2.pdf: bad signature',
      'GET /sbz-media/attachments/secret/1.pdf: bad signature',
      'GET /sbz-media/attachments/secret/1.pdf: expired',
    ]);
    await expect(store.presignGet('attachments/secret/1.pdf', 8 * 24 * 3600)).rejects.toThrow(/7 days/);
  });

  it('the fake bucket computes signatures as AWS documents them', () => {
    // Known-answer check against AWS's documented example (GET /test.txt, example credentials, 2013-05-24).
    const emptyHash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const signature = signatureOf(
      {
        method: 'GET',
        path: '/test.txt',
        query: [],
        headers: {
          host: 'examplebucket.s3.amazonaws.com',
          range: 'bytes=0-9',
          'x-amz-content-sha256': emptyHash,
          'x-amz-date': '20130524T000000Z',
        },
        payloadHash: emptyHash,
      },
      '20130524T000000Z',
      'us-east-1',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    );
    expect(signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });
});
