import { ResponsiveImage } from '../../../components/media/responsive-image.tsx';
import { cn } from '../../../lib/cn.ts';

const GENERATED = /^\/media\/generated\/(editorial|product|portrait)\/([a-z0-9-]+)-\d+\.(?:jpg|webp|avif)$/;

/**
 * A piece's image from the media library: generated compositions in every format and width, uploads as their JPEG.
 * Anything else (there should be nothing else: the API refuses it) shows the sand placeholder.
 */
export function ContentImage({
  src,
  alt,
  sizes,
  className,
  priority = false,
  width = 1600,
  height = 900,
}: {
  src: string | undefined;
  alt: string;
  sizes: string;
  className?: string;
  priority?: boolean;
  width?: number;
  height?: number;
}) {
  const generated = src ? GENERATED.exec(src) : null;
  if (generated) {
    return (
      <ResponsiveImage
        kind={generated[1] as 'editorial'}
        name={generated[2]!}
        alt={alt}
        sizes={sizes}
        width={width}
        height={height}
        priority={priority}
        className={className}
      />
    );
  }
  if (src && /^\/media\/uploads\//.test(src)) {
    return (
      <div className={cn('overflow-hidden bg-veil', className)}>
        <img
          src={src}
          alt={alt}
          width={width}
          height={height}
          loading={priority ? 'eager' : 'lazy'}
          className="block h-full w-full object-cover"
        />
      </div>
    );
  }
  return <div className={cn('bg-veil', className)} aria-hidden="true" />;
}
