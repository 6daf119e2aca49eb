import type { ProductCardData } from './components/product-card.tsx';
import type { ProductPicture } from './components/product-image.tsx';

import type { ApiImage, Product } from './api/types.ts';

export type { ApiImage, Brand, Category, Collection, Product, ProductFacets } from './api/types.ts';

/** An API picture as the image component draws it. */
export function toPicture(image: ApiImage | undefined, fallbackAlt: string): ProductPicture | undefined {
  if (!image) return undefined;
  return {
    src: image.url,
    alt: image.alt ?? fallbackAlt,
    width: image.width ?? 1280,
    height: image.height ?? 1600,
    avif: image.srcset.avif,
    webp: image.srcset.webp,
    jpg: image.srcset.jpg,
    ...(image.placeholder ? { placeholder: image.placeholder } : {}),
  };
}

const MODE_NOTE: Record<Product['purchaseMode'], string | undefined> = {
  BUY_NOW: undefined,
  INQUIRE: 'By private appointment',
  BESPOKE: 'Made to order',
};

export function toCard(product: Product): ProductCardData {
  return {
    slug: product.slug,
    name: product.name,
    brand: product.brandName,
    picture: toPicture(product.images[0], product.name),
    price: product.price,
    priceOnRequest: product.priceOnRequest,
    vipOnly: product.visibility === 'VIP_ONLY',
    note: product.limitedEdition
      ? product.editionSize
        ? `Edition of ${product.editionSize}`
        : 'Limited edition'
      : MODE_NOTE[product.purchaseMode],
  };
}

/** A product's pictures for one colour: those showing it and those showing every colour; all of them when none match. */
export function imagesFor<T extends { color?: string }>(images: readonly T[], color: string | undefined): T[] {
  if (!color) return [...images];
  const own = images.filter((i) => !i.color || i.color === color);
  return own.some((i) => i.color === color) ? own : [...images];
}
