/** What other modules may import from media: upload URLs and asset lookups (stylist portfolios, catalog images). */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { mediaAssets } from './schema.ts';

export { uploadUrl, presentAsset, getMediaAsset, type MediaAssetView } from './uploads.ts';
export { heightFor } from './demo-art/compose.ts';

/** The stored facts of an uploaded asset (sizes, widths, placeholder), or undefined. */
export async function findMediaAsset(db: Db | Tx, mediaId: string) {
  const [row] = await db.select().from(mediaAssets).where(eq(mediaAssets.id, mediaId)).limit(1);
  return row;
}
