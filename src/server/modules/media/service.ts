/** What other modules may import from media: upload URLs and asset lookups (stylist portfolios, catalog images). */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { mediaAssets } from './schema.ts';

export { uploadUrl, presentAsset, getMediaAsset, listMediaByPurpose, type MediaAssetView } from './uploads.ts';
export { heightFor } from './demo-art/compose.ts';
export { productArtInColour } from './demo-art/product-still-lifes.ts';

/** The stored facts of an uploaded asset (sizes, widths, placeholder), or undefined. */
export async function findMediaAsset(db: Db | Tx, mediaId: string) {
  const [row] = await db.select().from(mediaAssets).where(eq(mediaAssets.id, mediaId)).limit(1);
  return row;
}

/**
 * The one rule for an image URL someone hands us: our own media paths and nothing else, matched whole. Generated
 * demo compositions (`/media/generated/{kind}/{name}-{w}.{fmt}`) or uploads (`/media/uploads/{id}/{w}.{fmt}`);
 * no `..`, no query, no quote, no other host. Anything else is refused, never fetched, never stored.
 */
const GENERATED_PATH = /^\/media\/generated\/(product|editorial|portrait)\/([a-z0-9-]{1,80})-(\d{1,5})\.(avif|webp|jpg)$/;
const UPLOADED_PATH = /^\/media\/uploads\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/(\d{1,5})\.(avif|webp|jpg)$/;

export type MediaPath = { generated: { kind: 'product' | 'editorial' | 'portrait'; name: string } } | { mediaId: string };

export function parseMediaPath(url: string): MediaPath | undefined {
  const generated = GENERATED_PATH.exec(url);
  if (generated) return { generated: { kind: generated[1] as 'product' | 'editorial' | 'portrait', name: generated[2]! } };
  const uploaded = UPLOADED_PATH.exec(url);
  return uploaded ? { mediaId: uploaded[1]! } : undefined;
}

/**
 * An upload the given account may put on its pages: its own, or any when an administrator does it. Someone
 * else's upload is answered as missing, so ids of other accounts' images cannot be probed or borrowed.
 */
export async function findUsableUpload(db: Db | Tx, mediaId: string, user: { userId: string; admin: boolean }) {
  const asset = await findMediaAsset(db, mediaId);
  return asset && (user.admin || asset.ownerId === user.userId) ? asset : undefined;
}
// Messaging's attachments reuse the checks and the re-encoding of uploads (kept private there).
export { sniffImage, processUpload, MAX_UPLOAD_BYTES } from './uploads.ts';
