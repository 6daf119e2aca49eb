/**
 * Uploaded pictures: checked by their magic bytes (never the declared type or the file name), decoded by sharp under a
 * pixel limit, re-encoded (which drops EXIF, GPS and every other metadata block) to AVIF, WebP and JPEG at each width up
 * to the original's, plus a tiny blurred placeholder. Nothing is ever fetched from a URL.
 */
import { and, desc, eq } from 'drizzle-orm';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { uuidv7 } from 'uuidv7';
import { IMAGE_FORMATS, IMAGE_WIDTHS, type ImageFormat } from '../../../shared/media.ts';
import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import type { Actor } from '../../http/auth.ts';
import { CONTENT_TYPES } from './render.ts';
import { mediaAssets } from './schema.ts';
import type { UploadStore } from './upload-store.ts';

/** Largest upload accepted, in bytes. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Largest decoded picture: 50 megapixels (a 8660 × 5773 photograph), and no side over 12,000 px. */
export const MAX_PIXELS = 50_000_000;
export const MAX_SIDE = 12_000;
/** The narrowest picture worth showing: the smallest rendition is 320 px wide. */
export const MIN_WIDTH = IMAGE_WIDTHS[0];

export const MEDIA_PURPOSES = ['PRODUCT', 'BRAND', 'COLLECTION', 'PORTFOLIO', 'EDITORIAL', 'AVATAR'] as const;
export type MediaPurpose = (typeof MEDIA_PURPOSES)[number];

type Detected = 'jpeg' | 'png' | 'webp' | 'avif' | 'heif' | 'gif';

/** The format a file really is, from its first bytes; undefined for anything that is not an image we accept. */
export function sniffImage(bytes: Buffer): Detected | undefined {
  if (bytes.length < 12) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (bytes.toString('latin1', 4, 8) === 'ftyp') {
    const brand = bytes.toString('latin1', 8, 12);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (['heic', 'heix', 'mif1', 'msf1'].includes(brand)) return 'heif';
  }
  if (bytes.toString('latin1', 0, 6) === 'GIF87a' || bytes.toString('latin1', 0, 6) === 'GIF89a') return 'gif';
  return undefined;
}

const ACCEPTED: readonly Detected[] = ['jpeg', 'png', 'webp', 'avif'];

export function uploadKey(mediaId: string, width: number, format: ImageFormat): string {
  return `uploads/${mediaId}/${width}.${format}`;
}

/** Public URL of one rendition, served by `GET /media/uploads/{mediaId}/{width}.{format}`. */
export function uploadUrl(mediaId: string, width: number, format: ImageFormat): string {
  return `/media/${uploadKey(mediaId, width, format)}`;
}

export interface MediaAssetView {
  mediaId: string;
  purpose: MediaPurpose;
  url: string;
  width: number;
  height: number;
  widths: number[];
  placeholder: string;
  srcset: Record<ImageFormat, string>;
  contentType: string;
  bytes: number;
  createdAt: string;
}

export function presentAsset(row: typeof mediaAssets.$inferSelect): MediaAssetView {
  const main = [...row.widths].reverse().find((w) => w <= 1280) ?? row.widths[0]!;
  return {
    mediaId: row.id,
    purpose: row.purpose as MediaPurpose,
    url: uploadUrl(row.id, main, 'jpg'),
    width: row.width,
    height: row.height,
    widths: row.widths,
    placeholder: row.placeholder,
    srcset: Object.fromEntries(
      IMAGE_FORMATS.map((f) => [f, row.widths.map((w) => `${uploadUrl(row.id, w, f)} ${w}w`).join(', ')]),
    ) as Record<ImageFormat, string>,
    contentType: row.originalType,
    bytes: row.originalBytes,
    createdAt: row.createdAt.toISOString(),
  };
}

function refuse(code: 'ValidationException' | 'UnsupportedMediaTypeException' | 'PayloadTooLargeException', message: string): never {
  throw new ApiError(code, message, code === 'ValidationException' ? { fieldErrors: { 'body.file': [message] } } : {});
}

function encoder(image: Sharp, format: ImageFormat, width: number): Sharp {
  switch (format) {
    case 'avif':
      return image.avif({ quality: 55, effort: width >= 1280 ? 1 : 2, chromaSubsampling: '4:2:0' });
    case 'webp':
      return image.webp({ quality: 80, effort: 4 });
    case 'jpg':
      return image.jpeg({ quality: 82, mozjpeg: true, progressive: true });
  }
}

export interface ProcessedImage {
  width: number;
  height: number;
  widths: number[];
  placeholder: string;
  renditions: { width: number; format: ImageFormat; body: Buffer }[];
  detected: Detected;
}

/** Checks and re-encodes one upload; throws 415 / 413 / 400 ApiErrors for what it refuses. */
export async function processUpload(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.length === 0) refuse('ValidationException', 'The file is empty');
  if (bytes.length > MAX_UPLOAD_BYTES) refuse('PayloadTooLargeException', `Images may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  const detected = sniffImage(bytes);
  if (!detected || !ACCEPTED.includes(detected))
    refuse('UnsupportedMediaTypeException', 'Only JPEG, PNG, WebP or AVIF images can be uploaded');
  let meta: Metadata;
  try {
    // Headers only (nothing is decoded yet), so the pixel limit below can answer 413 with a clear message.
    meta = await sharp(bytes, { limitInputPixels: false, failOn: 'error' }).metadata();
  } catch {
    refuse('ValidationException', 'The image could not be read; it may be damaged');
  }
  const { width: w0, height: h0, orientation } = meta!;
  if (!w0 || !h0) refuse('ValidationException', 'The image could not be read; it may be damaged');
  if (w0! * h0! > MAX_PIXELS || w0! > MAX_SIDE || h0! > MAX_SIDE)
    refuse('PayloadTooLargeException', `Images may be at most ${MAX_SIDE} px on a side and ${MAX_PIXELS / 1_000_000} megapixels`);
  // EXIF orientations 5–8 swap width and height once the picture is turned upright.
  const [width, height] = orientation && orientation >= 5 ? [h0!, w0!] : [w0!, h0!];
  if (width < MIN_WIDTH) refuse('ValidationException', `Images must be at least ${MIN_WIDTH} px wide`);
  const widths = IMAGE_WIDTHS.filter((x) => x <= width);
  try {
    // Decode once, upright, in sRGB; every output is a fresh encode without metadata (sharp keeps none unless asked).
    const base = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate().toColourspace('srgb');
    const upright = await base.clone().removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const raw = () =>
      sharp(upright.data, { raw: { width: upright.info.width, height: upright.info.height, channels: upright.info.channels } });
    const renditions: ProcessedImage['renditions'] = [];
    for (const w of widths) {
      for (const format of IMAGE_FORMATS) {
        const body = await encoder(raw().resize({ width: w, withoutEnlargement: true }), format, w).toBuffer();
        renditions.push({ width: w, format, body });
      }
    }
    const tiny = await raw().resize(16).blur(0.6).webp({ quality: 50 }).toBuffer();
    return { width, height, widths, placeholder: `data:image/webp;base64,${tiny.toString('base64')}`, renditions, detected: detected! };
  } catch {
    refuse('ValidationException', 'The image could not be processed; it may be damaged');
  }
}

/** Processes, stores and records an upload; the renditions are in the store before the row exists. */
export async function createMediaAsset(
  db: Db,
  store: UploadStore,
  actor: Actor,
  input: { bytes: Buffer; purpose: MediaPurpose },
): Promise<MediaAssetView> {
  const processed = await processUpload(input.bytes);
  const id = uuidv7();
  for (const r of processed.renditions) await store.put(uploadKey(id, r.width, r.format), r.body, CONTENT_TYPES[r.format]);
  const [row] = await db
    .insert(mediaAssets)
    .values({
      id,
      ownerId: actor.userId,
      purpose: input.purpose,
      originalType: `image/${processed.detected}`,
      originalBytes: input.bytes.length,
      width: processed.width,
      height: processed.height,
      widths: processed.widths,
      placeholder: processed.placeholder,
    })
    .returning();
  return presentAsset(row!);
}

export async function getMediaAsset(db: Db, mediaId: string): Promise<MediaAssetView> {
  const [row] = await db.select().from(mediaAssets).where(eq(mediaAssets.id, mediaId)).limit(1);
  if (!row) throw new ApiError('ResourceNotFoundException', 'No such image');
  return presentAsset(row);
}

/** Uploads made for one purpose, newest first: everyone's, or one account's when `ownerId` is given. */
export async function listMediaByPurpose(
  db: Db,
  query: { purpose: MediaPurpose; ownerId?: string; limit: number },
): Promise<MediaAssetView[]> {
  const rows = await db
    .select()
    .from(mediaAssets)
    .where(and(eq(mediaAssets.purpose, query.purpose), ...(query.ownerId ? [eq(mediaAssets.ownerId, query.ownerId)] : [])))
    .orderBy(desc(mediaAssets.createdAt))
    .limit(query.limit);
  return rows.map(presentAsset);
}

export async function listMyMedia(db: Db, actor: Actor, limit = 60): Promise<MediaAssetView[]> {
  const rows = await db
    .select()
    .from(mediaAssets)
    .where(eq(mediaAssets.ownerId, actor.userId))
    .orderBy(desc(mediaAssets.createdAt))
    .limit(limit);
  return rows.map(presentAsset);
}
