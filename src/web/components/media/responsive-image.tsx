import { generatedImageUrl, generatedSrcSet, type GeneratedKind } from '../../../shared/media.ts';
import { cn } from '../../lib/cn.ts';
import { preloadPicture } from './preload-picture.ts';

type ResponsiveImageProps = {
  kind: GeneratedKind;
  /** Slug that names (and seeds) the generated composition. */
  name: string;
  /** Describes the picture; pass '' for a purely decorative one. */
  alt: string;
  /** How wide the image is drawn at each breakpoint, so the browser picks the smallest sufficient file. */
  sizes: string;
  /** Intrinsic proportions; the browser reserves the space before the file arrives, so nothing jumps. */
  width: number;
  height: number;
  /** The largest image above the fold: fetched first, never lazily. */
  priority?: boolean;
  className?: string;
  imgClassName?: string;
};

/**
 * One generated image in AVIF, then WebP, then JPEG for browsers that know
 * neither; every width in each. The sand background is what shows while the
 * file loads (or if it never does).
 */
export function ResponsiveImage({
  kind,
  name,
  alt,
  sizes,
  width,
  height,
  priority = false,
  className,
  imgClassName,
}: ResponsiveImageProps) {
  const src = generatedImageUrl(kind, name, 1280, 'jpg');
  if (priority) preloadPicture({ src, avif: generatedSrcSet(kind, name, 'avif') }, sizes);
  return (
    <picture className={cn('block overflow-hidden bg-veil', className)}>
      <source type="image/avif" srcSet={generatedSrcSet(kind, name, 'avif')} sizes={sizes} />
      <source type="image/webp" srcSet={generatedSrcSet(kind, name, 'webp')} sizes={sizes} />
      <img
        src={src}
        srcSet={generatedSrcSet(kind, name, 'jpg')}
        sizes={sizes}
        width={width}
        height={height}
        alt={alt}
        loading={priority ? 'eager' : 'lazy'}
        fetchPriority={priority ? 'high' : undefined}
        decoding={priority ? 'sync' : 'async'}
        className={cn('block h-full w-full bg-veil object-cover', imgClassName)}
      />
    </picture>
  );
}
