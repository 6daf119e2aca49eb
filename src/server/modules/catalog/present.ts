/** One SQL select for products with their brand, category breadcrumbs (and variants), and the row → API mapping. */
import { sql, type SQL } from 'drizzle-orm';
import { money, toDto } from '../../../shared/money.ts';
import type { Product } from './models.ts';
import { picturesForEveryColour, presentImage } from './images.ts';
import type { StoredAttributes, StoredCustomisation, StoredImage, StoredSpecification } from './schema.ts';
import { iso } from './sql-util.ts';

export interface ProductRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  price_minor: number | string | bigint;
  currency: string;
  price_on_request: boolean;
  visibility: Product['visibility'];
  purchase_mode: Product['purchaseMode'];
  images: StoredImage[];
  attributes: StoredAttributes;
  specifications: StoredSpecification[];
  customisations: StoredCustomisation[];
  limited_edition: boolean;
  edition_size: number | null;
  inventory: number;
  colors: string[];
  sizes: string[];
  created_at: Date | string;
  updated_at: Date | string;
  brand_id: string;
  brand_slug: string;
  brand_name: string;
  category_slug: string;
  category_name: string;
  showcase: boolean;
  category_path: { slug: string; name: string }[];
  variants?: { variantId: string; sku: string; color: string | null; size: string | null; stock: number }[];
}

/** `select … from products p join brands b join categories c` — add `where`, `order by`, `limit` after it. */
export function productSelect(withVariants: boolean, sortKey?: SQL): SQL {
  return sql`select ${sortKey ? sql`${sortKey} as sort_key, ` : sql``}p.id, p.slug, p.name, p.description, p.price_minor, p.currency, p.price_on_request, p.visibility, p.purchase_mode,
      p.images, p.attributes, p.specifications, p.customisations, p.limited_edition, p.edition_size, p.inventory, p.colors, p.sizes,
      p.created_at, p.updated_at, p.brand_id, b.slug as brand_slug, b.name as brand_name,
      c.slug as category_slug, c.name as category_name, c.showcase,
      (select coalesce(json_agg(json_build_object('slug', a.slug, 'name', a.name) order by length(a.path)), '[]'::json)
         from categories a where a.id = any(p.category_ids)) as category_path
      ${
        withVariants
          ? sql`, (select coalesce(json_agg(json_build_object('variantId', v.id, 'sku', v.sku, 'color', v.color, 'size', v.size, 'stock', v.stock) order by v.position, v.id), '[]'::json)
         from product_variants v where v.product_id = p.id) as variants`
          : sql``
      }
    from products p join brands b on b.id = p.brand_id join categories c on c.id = p.category_id`;
}

const clean = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== '')) as T;

/** `listing`: the shape lists use (no variants in the row; only the cover image, which is all a product card shows). */
export function presentProduct(row: ProductRow, listing = false): Product {
  const attributes = clean(row.attributes ?? {});
  return {
    productId: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    price: toDto(money(Number(row.price_minor), row.currency)),
    priceOnRequest: row.price_on_request,
    category: row.category_slug,
    categoryName: row.category_name,
    categoryPath: row.category_path,
    brand: row.brand_slug,
    brandName: row.brand_name,
    images: (listing
      ? (row.images ?? []).slice(0, 1)
      : picturesForEveryColour(
          row.images ?? [],
          (row.variants ?? []).flatMap((v) => (v.color ? [v.color] : [])),
        )
    ).map(presentImage),
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
    inventory: row.inventory,
    ...(row.variants
      ? { variants: row.variants.map((v) => clean(v) as { variantId: string; sku: string; stock: number; color?: string; size?: string }) }
      : {}),
    visibility: row.visibility,
    purchaseMode: row.purchase_mode,
    showcase: row.showcase,
    limitedEdition: row.limited_edition,
    ...(row.edition_size ? { editionSize: row.edition_size } : {}),
    specifications: row.specifications ?? [],
    customisations: row.customisations ?? [],
    colors: row.colors ?? [],
    sizes: row.sizes ?? [],
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at),
  };
}
