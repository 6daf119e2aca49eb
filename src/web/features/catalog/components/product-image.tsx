import type { CSSProperties } from 'react';
import { preloadPicture } from '../../../components/media/preload-picture.ts';
import { cn } from '../../../lib/cn.ts';

/** One picture of a product, ready to draw: the files the server offers and the tiny blurred preview. */
export type ProductPicture = {
  src: string;
  alt: string;
  width: number;
  height: number;
  /** `srcset` per format, best first (AVIF, WebP); `jpg` is the `<img>`'s own srcset. */
  avif?: string;
  webp?: string;
  jpg?: string;
  /** A data: URL of a few pixels, drawn blurred under the image until it arrives. */
  placeholder?: string;
};

type ProductImageProps = {
  picture: ProductPicture | undefined;
  sizes: string;
  priority?: boolean;
  className?: string;
  imgClassName?: string;
  /** Overrides the picture's own alt (a card whose caption already names the piece passes ''). */
  alt?: string;
  /** Per-render style of the <img> (the zoom's transform origin). */
  imgStyle?: CSSProperties;
};

/**
 * A product picture in AVIF, WebP or JPEG at every width the server made, over its blur placeholder so the
 * grid never shows holes while files arrive. No picture at all draws the veil colour alone.
 */
export function ProductImage({ picture, sizes, priority = false, className, imgClassName, alt, imgStyle }: ProductImageProps) {
  if (!picture) return <div aria-hidden="true" className={cn('bg-veil', className)} />;
  if (priority) preloadPicture(picture, sizes);
  return (
    <picture
      className={cn('block overflow-hidden bg-veil bg-cover bg-center', className)}
      // A blurred few-pixel preview; inline style is allowed by the page policy (scripts are not).
      style={picture.placeholder ? { backgroundImage: `url("${picture.placeholder}")` } : undefined}
    >
      {picture.avif && <source type="image/avif" srcSet={picture.avif} sizes={sizes} />}
      {picture.webp && <source type="image/webp" srcSet={picture.webp} sizes={sizes} />}
      <img
        src={picture.src}
        srcSet={picture.jpg}
        sizes={sizes}
        width={picture.width}
        height={picture.height}
        alt={alt ?? picture.alt}
        loading={priority ? 'eager' : 'lazy'}
        fetchPriority={priority ? 'high' : undefined}
        decoding={priority ? 'sync' : 'async'}
        className={cn('block h-full w-full object-cover', imgClassName)}
        style={imgStyle}
      />
    </picture>
  );
}
