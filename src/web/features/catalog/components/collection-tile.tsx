import { Link } from 'react-router';
import { ResponsiveImage } from '../../../components/media/responsive-image.tsx';
import { cn } from '../../../lib/cn.ts';
import { toPicture, type Collection } from '../present.ts';
import { ProductImage } from './product-image.tsx';
import { VipBadge } from './vip-badge.tsx';

/** A collection as the home page and the collections index show it: its picture, tagline and name, wholly a link. */
export function CollectionTile({
  collection,
  sizes,
  className,
  aspect = 'aspect-[3/4]',
}: {
  collection: Collection;
  sizes: string;
  className?: string;
  aspect?: string;
}) {
  const picture = toPicture(collection.hero, '');
  return (
    <Link to={`/collections/${collection.slug}`} className={cn('group block', className)}>
      <div className="relative">
        {picture ? (
          <ProductImage
            picture={picture}
            alt=""
            sizes={sizes}
            className={aspect}
            imgClassName="transition-transform duration-[1200ms] ease-maison group-hover:scale-[1.03]"
          />
        ) : (
          <ResponsiveImage
            kind="editorial"
            name={`collection-${collection.slug}`}
            alt=""
            width={960}
            height={1280}
            sizes={sizes}
            className={aspect}
            imgClassName="transition-transform duration-[1200ms] ease-maison group-hover:scale-[1.03]"
          />
        )}
        {collection.visibility === 'VIP_ONLY' && (
          <VipBadge className="absolute top-4 left-4" label={collection.locked ? 'By invitation' : 'Private clients'} />
        )}
      </div>
      <p className="eyebrow mt-6 text-stone">{collection.tagline || `${collection.productCount} pieces`}</p>
      <h3 className="display mt-3 text-3xl text-ink">{collection.name}</h3>
      <span className="eyebrow mt-4 inline-block border-b border-ink/30 pb-1 text-ink transition-colors group-hover:border-ink">
        {collection.locked ? 'Request access' : 'Explore'}
      </span>
    </Link>
  );
}
