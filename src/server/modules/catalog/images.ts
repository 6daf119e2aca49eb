/** Pictures: what a product stores (uploaded asset or generated demo composition) and what the API shows (url + srcset). */
import { generatedImageUrl, IMAGE_FORMATS, IMAGE_WIDTHS, type ImageFormat, type ImageWidth } from '../../../shared/media.ts';
import type { Db, Tx } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { findUsableUpload, heightFor, parseMediaPath, productArtInColour, uploadUrl } from '../media/service.ts';
import type { StoredImage } from './schema.ts';

export interface ImageView {
  url: string;
  alt?: string;
  width?: number;
  height?: number;
  mediaId?: string;
  placeholder?: string;
  color?: string;
  widths: number[];
  srcset: { avif: string; webp: string; jpg: string };
}

function urlOf(image: StoredImage, width: number, format: ImageFormat): string {
  return image.mediaId
    ? uploadUrl(image.mediaId, width, format)
    : generatedImageUrl(image.generatedKind ?? 'product', image.generated!, width as ImageWidth, format);
}

export function presentImage(image: StoredImage): ImageView {
  const widths = image.widths.length > 0 ? image.widths : [...IMAGE_WIDTHS];
  const main = [...widths].reverse().find((w) => w <= 1280) ?? widths[0]!;
  const srcset = Object.fromEntries(
    IMAGE_FORMATS.map((f) => [f, widths.map((w) => `${urlOf(image, w, f)} ${w}w`).join(', ')]),
  ) as ImageView['srcset'];
  return {
    url: urlOf(image, main, 'jpg'),
    ...(image.alt ? { alt: image.alt } : {}),
    width: image.width,
    height: image.height,
    ...(image.mediaId ? { mediaId: image.mediaId } : {}),
    ...(image.placeholder ? { placeholder: image.placeholder } : {}),
    ...(image.color ? { color: image.color } : {}),
    widths,
    srcset,
  };
}

/**
 * A product's pictures with a full set for every variant colour, so the product page's gallery keeps its shape when
 * the colour changes. The colour with the most pictures of its own sets the pattern; a colour with fewer gets the
 * missing ones drawn in its own colour from that pattern's generated compositions. Uploads cannot be redrawn: a colour
 * without a picture of its own then shows the pictures for every colour, as before. Drawn when read, never stored; an
 * editor that saves what it read stores them tagged with their colour, and they are then simply the colour's own.
 */
export function picturesForEveryColour(images: readonly StoredImage[], colours: readonly string[]): StoredImage[] {
  const own = (colour: string) => images.filter((i) => i.color === colour);
  const pattern = [...new Set(colours)].reduce<string | undefined>(
    (best, c) => (own(c).length > (best ? own(best).length : 0) ? c : best),
    undefined,
  );
  if (!pattern) return [...images];
  const model = own(pattern);
  const drawn: StoredImage[] = [];
  for (const colour of new Set(colours)) {
    const have = own(colour).length;
    for (const image of model.slice(have)) {
      const generated = image.generated && !image.mediaId && (image.generatedKind ?? 'product') === 'product' ? image.generated : undefined;
      const name = generated && productArtInColour(generated, colour);
      if (!name) continue;
      drawn.push({ ...image, generated: name, color: colour, alt: altInColour(image.alt, pattern, colour) });
    }
  }
  return [...images, ...drawn];
}

/** "Orsini Roma Trevi Gown in burgundy, another view" for Red → "… in red, another view". */
function altInColour(alt: string, from: string, to: string): string {
  const said = ` in ${from.toLowerCase()}`;
  return alt.includes(said) ? alt.replace(said, ` in ${to.toLowerCase()}`) : alt ? `${alt}, in ${to.toLowerCase()}` : '';
}

/** A generated demo composition, as the seeders store it. */
export function generatedImage(name: string, alt: string, kind: 'product' | 'editorial' = 'product'): StoredImage {
  return {
    generated: name,
    ...(kind === 'product' ? {} : { generatedKind: kind }),
    alt,
    width: 2048,
    height: heightFor(kind, 2048),
    widths: [...IMAGE_WIDTHS],
  };
}

/**
 * Resolves image inputs to stored images: URLs must be our own media paths (media's rule, never fetched) and an
 * upload must belong to `user` (a partner attaches only its own uploads; admins any). No `user`: an admin-only write.
 */
export async function resolveImages(
  db: Db | Tx,
  inputs: readonly { mediaId?: string; url?: string; alt?: string; color?: string }[],
  field = 'images',
  user: { userId: string; admin: boolean } = { userId: '', admin: true },
): Promise<StoredImage[]> {
  const out: StoredImage[] = [];
  for (const [index, input] of inputs.entries()) {
    const bad = (message: string): never => {
      throw new ApiError('ValidationException', message, { fieldErrors: { [`body.${field}.${index}`]: [message] } });
    };
    let mediaId = input.mediaId;
    if (input.url) {
      const path = parseMediaPath(input.url);
      if (path && 'generated' in path && path.generated.kind !== 'portrait') {
        out.push({
          ...generatedImage(path.generated.name, input.alt ?? '', path.generated.kind),
          ...(input.color ? { color: input.color } : {}),
        });
        continue;
      }
      if (!path || !('mediaId' in path)) bad('Only images uploaded to StyleByZaga can be used: upload the file first (POST /api/v1/media)');
      mediaId = (path as { mediaId: string }).mediaId;
    }
    const asset = await findUsableUpload(db, mediaId!, user);
    if (!asset) bad('No such uploaded image among yours: upload the file first (POST /api/v1/media)');
    out.push({
      mediaId: asset!.id,
      alt: input.alt ?? '',
      width: asset!.width,
      height: asset!.height,
      widths: asset!.widths,
      placeholder: asset!.placeholder,
      ...(input.color ? { color: input.color } : {}),
    });
  }
  return out;
}
