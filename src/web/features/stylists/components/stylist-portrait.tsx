import { preloadPicture } from '../../../components/media/preload-picture.ts';
import { cn } from '../../../lib/cn.ts';
import { avifSrcSet, imageSources } from '../images.ts';

/** A stylist's portrait at 4:5 on the veil colour; every width offered for generated portraits. */
export function StylistPortrait({
  url,
  name,
  sizes,
  priority = false,
  className,
}: {
  url: string | undefined;
  name: string;
  sizes: string;
  priority?: boolean;
  className?: string;
}) {
  if (!url) {
    return (
      <div aria-hidden="true" className={cn('grid aspect-[4/5] place-items-center bg-veil font-display text-6xl text-stone', className)}>
        {name.slice(0, 1)}
      </div>
    );
  }
  const src = imageSources(url);
  const avif = avifSrcSet(url);
  if (priority) preloadPicture({ src: src.src, avif, jpg: src.srcSet }, sizes);
  return (
    <picture className={cn('block overflow-hidden bg-veil', className)}>
      {avif && <source type="image/avif" srcSet={avif} sizes={sizes} />}
      <img
        src={src.src}
        srcSet={src.srcSet}
        sizes={sizes}
        width={800}
        height={1000}
        alt={`Portrait of ${name}`}
        loading={priority ? 'eager' : 'lazy'}
        fetchPriority={priority ? 'high' : undefined}
        decoding={priority ? 'sync' : 'async'}
        className="block aspect-[4/5] w-full object-cover"
      />
    </picture>
  );
}
