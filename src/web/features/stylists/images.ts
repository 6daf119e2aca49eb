import { IMAGE_WIDTHS, type ImageWidth } from '../../../shared/media.ts';

const GENERATED = /^\/media\/generated\/(product|portrait|editorial)\/(.+)-(\d+)\.(avif|webp|jpg)$/;

/**
 * `src` and `srcset` for an image URL the API gave. A generated demo image (`/media/generated/portrait/x-640.jpg`)
 * is offered at every width; an uploaded one is used as it is.
 */
export function imageSources(url: string, width: ImageWidth = 1280): { src: string; srcSet?: string } {
  const match = GENERATED.exec(url);
  if (!match) return { src: url };
  const [, kind, name, , format] = match;
  const at = (w: number) => `/media/generated/${kind}/${name}-${w}.${format}`;
  return { src: at(width), srcSet: IMAGE_WIDTHS.map((w) => `${at(w)} ${w}w`).join(', ') };
}

/** The AVIF `srcset` of a generated image (a fifth lighter than its WebP, same look); undefined for an upload. */
export function avifSrcSet(url: string): string | undefined {
  const match = GENERATED.exec(url);
  if (!match) return undefined;
  const [, kind, name] = match;
  return IMAGE_WIDTHS.map((w) => `/media/generated/${kind}/${name}-${w}.avif ${w}w`).join(', ');
}
