import { Link } from 'react-router';
import { cn } from '../../../lib/cn.ts';
import { Price } from './price.tsx';
import { ProductImage, type ProductPicture } from './product-image.tsx';
import { VipBadge } from './vip-badge.tsx';

export type ProductCardData = {
  slug: string;
  name: string;
  brand: string;
  picture: ProductPicture | undefined;
  price: { amount: number; currency: string } | null | undefined;
  priceOnRequest: boolean;
  vipOnly: boolean;
  /** "Made to order", "By appointment"… under the name. */
  note?: string | undefined;
};

/**
 * One piece in a grid: picture, house, name, price. The whole card is one link named by the product, so a screen
 * reader hears it once; the picture is decorative (the caption says what it shows).
 */
export function ProductCard({
  product,
  sizes,
  priority = false,
  className,
}: {
  product: ProductCardData;
  sizes: string;
  priority?: boolean;
  className?: string;
}) {
  return (
    <article className={cn('group relative', className)}>
      <div className="relative">
        <ProductImage
          picture={product.picture}
          alt=""
          sizes={sizes}
          priority={priority}
          className="aspect-[4/5]"
          imgClassName="transition-transform duration-[1400ms] ease-maison group-hover:scale-[1.035]"
        />
        {product.vipOnly && <VipBadge className="absolute top-4 left-4" />}
      </div>
      <div className="mt-5 space-y-1.5">
        <p className="eyebrow text-stone">{product.brand}</p>
        <h3 className="font-display text-xl leading-snug text-ink">
          <Link
            to={`/products/${product.slug}`}
            className="after:absolute after:inset-0 focus-visible:outline-none after:focus-visible:outline-2 after:focus-visible:outline-offset-4 after:focus-visible:outline-focus"
          >
            {product.name}
          </Link>
        </h3>
        <Price price={product.price} priceOnRequest={product.priceOnRequest} />
        {product.note && <p className="text-xs tracking-wide text-stone">{product.note}</p>}
      </div>
    </article>
  );
}

/** The house grid: two across on a phone, three on a tablet, four on a wide screen; generous gutters. */
const GRID: Record<2 | 3 | 4, { classes: string; sizes: string }> = {
  2: { classes: 'grid-cols-2', sizes: '(min-width: 1024px) 28vw, 50vw' },
  3: { classes: 'grid-cols-2 md:grid-cols-3', sizes: '(min-width: 768px) 30vw, 50vw' },
  4: { classes: 'grid-cols-2 md:grid-cols-3 xl:grid-cols-4', sizes: '(min-width: 1280px) 22vw, (min-width: 768px) 30vw, 50vw' },
};

export function ProductGrid({
  products,
  label,
  columns = 4,
  priorityCount = 4,
}: {
  products: ProductCardData[];
  label: string;
  columns?: 2 | 3 | 4;
  priorityCount?: number;
}) {
  const grid = GRID[columns];
  return (
    <ul aria-label={label} className={cn('grid gap-x-4 gap-y-14 sm:gap-x-8 lg:gap-y-20', grid.classes)}>
      {products.map((product, i) => (
        <li key={product.slug} className={i < priorityCount ? undefined : 'card-deferred'}>
          <ProductCard product={product} priority={i < priorityCount} sizes={grid.sizes} />
        </li>
      ))}
    </ul>
  );
}
