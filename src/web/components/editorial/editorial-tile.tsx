import { Link } from 'react-router';
import type { GeneratedKind } from '../../../shared/media.ts';
import { cn } from '../../lib/cn.ts';
import { ResponsiveImage } from '../media/responsive-image.tsx';

type EditorialTileProps = {
  to: string;
  eyebrow: string;
  title: string;
  image: { kind: GeneratedKind; name: string };
  sizes: string;
  /** Tailwind aspect class for the picture, e.g. `aspect-[3/4]`. */
  aspect?: string;
  linkLabel?: string;
  className?: string;
};

/**
 * One image with a caption, wholly clickable. The image is decorative (the
 * caption names the destination), so the link reads once, not twice.
 */
export function EditorialTile({
  to,
  eyebrow,
  title,
  image,
  sizes,
  aspect = 'aspect-[3/4]',
  linkLabel = 'Discover',
  className,
}: EditorialTileProps) {
  return (
    <Link to={to} className={cn('group block', className)}>
      <ResponsiveImage
        kind={image.kind}
        name={image.name}
        alt=""
        width={960}
        height={1280}
        sizes={sizes}
        className={aspect}
        imgClassName="transition-transform duration-[1200ms] ease-maison group-hover:scale-[1.03]"
      />
      <p className="eyebrow mt-6 text-stone">{eyebrow}</p>
      <h3 className="display mt-3 text-3xl text-ink">{title}</h3>
      <span className="eyebrow mt-4 inline-block border-b border-ink/30 pb-1 text-ink transition-colors group-hover:border-ink">
        {linkLabel}
      </span>
    </Link>
  );
}
