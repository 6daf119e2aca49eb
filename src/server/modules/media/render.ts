import sharp from 'sharp';
import type { GeneratedKind, ImageFormat } from '../../../shared/media.ts';
import { composeSvg, heightFor } from './demo-art/compose.ts';

type Sharp = ReturnType<typeof sharp>;

export const CONTENT_TYPES: Record<ImageFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg' };

/**
 * Encoder settings. AVIF effort dominates render time: on 2 busy cores a 2048 px AVIF takes ~0.5 s at effort 1 and
 * ~2–9 s at the default 4, for files only ~20% smaller, so large widths use effort 1 and small ones effort 2.
 */
function encode(image: Sharp, format: ImageFormat, width: number): Sharp {
  switch (format) {
    case 'avif':
      return image.avif({ quality: 55, effort: width >= 1280 ? 1 : 2, chromaSubsampling: '4:2:0' });
    case 'webp':
      return image.webp({ quality: 80, effort: 4 });
    case 'jpg':
      return image.jpeg({ quality: 82, mozjpeg: true, progressive: true });
  }
}

/** One rendition of a generated image: the composition rasterised at exactly `width` × the kind's aspect, encoded. */
export async function renderImage(kind: GeneratedKind, name: string, width: number, format: ImageFormat): Promise<Buffer> {
  const height = heightFor(kind, width);
  const svg = Buffer.from(composeSvg(kind, name, width, height));
  // The SVG carries its pixel size; resize only guards against rounding in the rasteriser.
  const image = sharp(svg).resize(width, height, { fit: 'cover' }).removeAlpha();
  return encode(image, format, width).toBuffer();
}

const PLACEHOLDER_WIDTH = 16;

/** A tiny blurred WebP as a data URI (a few hundred bytes) to show while the real image loads. */
export async function renderPlaceholder(kind: GeneratedKind, name: string): Promise<string> {
  // Rasterise small but not tiny, so thin details average out instead of aliasing, then shrink and soften.
  const w = PLACEHOLDER_WIDTH * 4;
  const svg = Buffer.from(composeSvg(kind, name, w, heightFor(kind, w)));
  const data = await sharp(svg)
    .resize(PLACEHOLDER_WIDTH, heightFor(kind, PLACEHOLDER_WIDTH), { fit: 'cover' })
    .removeAlpha()
    .blur(0.6)
    .webp({ quality: 50 })
    .toBuffer();
  return `data:image/webp;base64,${data.toString('base64')}`;
}
