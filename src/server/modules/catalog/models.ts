/**
 * The catalog's API shapes (Zod): the Smithy model's Product, CreateProductInput, ListProductsOutput, SearchProductsOutput…
 * plus brands, categories, collections, suggestions, inquiries, wishlist. Validation, types and OpenAPI come from here.
 */
import { z } from 'zod';
import { CURRENCY_CODES } from '../../../shared/money.ts';
import { Money, MoneyInput } from '../../../shared/money-schema.ts';
import { SIZE_GROUPS } from '../../../shared/sizes.ts';
import { SEARCH_TEXT, SEARCH_TEXT_MESSAGE } from './text.ts';

// ───────────────────────────── building blocks ─────────────────────────────

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const Slug = z.string().trim().min(1).max(120).regex(SLUG, 'Lowercase letters, digits and single dashes, e.g. "the-cannes-edit"');
const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
const required = (max: number) => text(max).min(1, 'Required');
const DECIMAL = /^\d{1,13}(?:\.\d{1,3})?$/;

export const Visibility = z
  .enum(['PUBLIC', 'VIP_ONLY', 'DRAFT'])
  .meta({ id: 'ProductVisibility', description: 'PUBLIC for everyone, VIP_ONLY for VIP clients, DRAFT for its brand and admins only.' });
export type Visibility = z.infer<typeof Visibility>;
export const PurchaseMode = z.enum(['BUY_NOW', 'INQUIRE', 'BESPOKE']).meta({
  id: 'PurchaseMode',
  description: 'BUY_NOW: add to bag. INQUIRE: a private-viewing request (showcase). BESPOKE: made to order with customisation options.',
});

export const ImageSrcSet = z
  .object({ avif: z.string(), webp: z.string(), jpg: z.string() })
  .meta({ id: 'ImageSrcSet', description: '`srcset` attribute values per format: "url 320w, url 640w, …".' });

/** The spec's Image, with what a page needs for responsive loading. */
export const Image = z
  .object({
    url: z.string().meta({ description: 'The JPEG at 1280 px (or the largest width below it).' }),
    alt: z.string().optional(),
    width: z.number().int().optional(),
    height: z.number().int().optional(),
    mediaId: z.string().optional().meta({ description: 'Uploaded asset id; absent for generated demo imagery.' }),
    placeholder: z.string().optional().meta({ description: 'Tiny blurred WebP data URI.' }),
    color: z.string().optional().meta({
      description:
        'The variant colour this picture shows (a product page swaps to it when that colour is chosen); absent when it stands for every colour.',
    }),
    widths: z.array(z.number().int()),
    srcset: ImageSrcSet,
  })
  .meta({ id: 'Image' });

/** A picture for a product: an uploaded asset (`mediaId`) or one of our own media URLs. No fetching by URL, ever. */
export const ImageInput = z
  .strictObject({
    mediaId: z.uuid('Not a valid media id').optional(),
    url: text(300)
      .optional()
      .meta({ description: 'Only our own media paths: /media/uploads/{id}/… or /media/generated/product/{name}-{w}.{fmt}' }),
    alt: text(200).optional(),
    color: text(60).optional().meta({ description: 'The variant colour this picture shows; omit when it shows every colour.' }),
  })
  .refine((v) => Boolean(v.mediaId) !== Boolean(v.url), { message: 'Give exactly one of mediaId or url' })
  .meta({ id: 'ImageRef' });

export const ProductAttributes = z
  .strictObject({
    color: text(60).optional(),
    size: text(40).optional(),
    material: text(120).optional(),
    dimensions: text(120).optional(),
    weight: text(60).optional(),
    additionalAttributes: z.record(z.string().max(60), z.union([z.string().max(500), z.number(), z.boolean()])).optional(),
  })
  .meta({ id: 'ProductAttributes' });

export const Specification = z
  .strictObject({ label: required(80), value: required(300), group: text(60).optional() })
  .meta({ id: 'Specification' });

export const CustomisationOption = z
  .strictObject({
    key: Slug,
    label: required(80),
    kind: z.enum(['TEXT', 'CHOICE', 'MEASUREMENTS']),
    choices: z.array(required(80)).max(40).optional(),
    maxLength: z.number().int().min(1).max(200).optional(),
  })
  .meta({ id: 'CustomisationOption' });

export const ProductVariant = z
  .object({ variantId: z.string(), sku: z.string(), color: z.string().optional(), size: z.string().optional(), stock: z.number().int() })
  .meta({ id: 'ProductVariant' });

const stock = z
  .number('Enter a stock count')
  .int('Whole units only')
  .min(0, 'Stock cannot be negative')
  .max(1_000_000, 'At most 1,000,000');

export const VariantInput = z
  .strictObject({
    variantId: z.uuid().optional().meta({ description: 'Keep an existing variant (update); omit to add one.' }),
    sku: text(60)
      .regex(/^[A-Za-z0-9._-]*$/, 'Letters, digits, dot, dash, underscore')
      .optional(),
    color: text(60).optional(),
    size: text(40).optional(),
    stock,
  })
  .meta({ id: 'VariantInput' });

// ───────────────────────────── products ─────────────────────────────

export const Product = z
  .object({
    productId: z.string(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    price: Money,
    priceOnRequest: z.boolean(),
    category: z.string().meta({ description: 'Category slug.' }),
    categoryName: z.string(),
    categoryPath: z
      .array(z.object({ slug: z.string(), name: z.string() }))
      .meta({ description: 'Breadcrumbs from the root to the category.' }),
    brand: z.string().meta({ description: 'Brand slug.' }),
    brandName: z.string(),
    images: z.array(Image).meta({
      description:
        'In display order. Lists (ListProducts, SearchProducts, collections, wishlist) carry only the cover image; GetProduct has them all.',
    }),
    attributes: ProductAttributes.optional(),
    inventory: z.number().int().meta({ description: 'Sum of the variants’ stock.' }),
    variants: z.array(ProductVariant).optional().meta({ description: 'Present on GetProduct, Create and Update; omitted in lists.' }),
    visibility: Visibility,
    purchaseMode: PurchaseMode,
    showcase: z.boolean().meta({ description: 'In a showcase category (automobiles, residences, aviation, yachts, experiences).' }),
    limitedEdition: z.boolean(),
    editionSize: z.number().int().optional(),
    specifications: z.array(Specification),
    customisations: z.array(CustomisationOption),
    colors: z.array(z.string()),
    sizes: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string().optional(),
  })
  .meta({ id: 'Product' });
export type Product = z.infer<typeof Product>;

const productFields = {
  name: required(160),
  description: required(8000),
  price: MoneyInput,
  category: Slug.meta({ description: 'Category slug.' }),
  brand: Slug.meta({ description: 'Brand slug (a partner may only use their own brand).' }),
  images: z.array(ImageInput).max(24, 'At most 24 images').optional(),
  attributes: ProductAttributes.optional(),
  inventory: stock.optional().meta({ description: 'Without variants: the stock of the single default variant.' }),
  variants: z.array(VariantInput).max(200, 'At most 200 variants').optional(),
  slug: Slug.optional().meta({ description: 'Defaults to one made from the brand and name.' }),
  visibility: Visibility.optional(),
  purchaseMode: PurchaseMode.optional(),
  priceOnRequest: z.boolean().optional(),
  limitedEdition: z.boolean().optional(),
  editionSize: z.number().int().min(1).max(100_000).optional(),
  specifications: z.array(Specification).max(60).optional(),
  customisations: z.array(CustomisationOption).max(20).optional(),
};

export const CreateProductInput = z.strictObject(productFields).meta({ id: 'CreateProductInput' });
export type CreateProductInput = z.infer<typeof CreateProductInput>;
export const CreateProductOutput = z.object({ productId: z.string(), product: Product }).meta({ id: 'CreateProductOutput' });

export const UpdateProductInput = z
  .strictObject({
    name: productFields.name.optional(),
    description: productFields.description.optional(),
    price: MoneyInput.optional(),
    category: productFields.category.optional(),
    brand: productFields.brand.optional(),
    images: productFields.images,
    attributes: productFields.attributes,
    inventory: productFields.inventory,
    variants: productFields.variants.meta({
      description: 'Replaces the variants: listed ids are kept and updated, others removed, new ones added.',
    }),
    slug: productFields.slug,
    visibility: productFields.visibility,
    purchaseMode: productFields.purchaseMode,
    priceOnRequest: productFields.priceOnRequest,
    limitedEdition: productFields.limitedEdition,
    editionSize: productFields.editionSize.nullable(),
    specifications: productFields.specifications,
    customisations: productFields.customisations,
  })
  .meta({ id: 'UpdateProductInput' });
export type UpdateProductInput = z.infer<typeof UpdateProductInput>;
export const GetProductOutput = z.object({ product: Product }).meta({ id: 'GetProductOutput' });
export const UpdateProductOutput = z.object({ product: Product }).meta({ id: 'UpdateProductOutput' });
export const DeleteProductOutput = z.object({ success: z.boolean() }).meta({ id: 'DeleteProductOutput' });

export const SetVisibilityInput = z.strictObject({ visibility: Visibility }).meta({ id: 'SetVisibilityInput' });
export const SetStockInput = z.strictObject({ stock }).meta({ id: 'SetStockInput' });

export const ProductIdParams = z.strictObject({ productId: z.uuid('Not a valid product id') });
export const ProductSlugParams = z.strictObject({ slug: Slug });
export const VariantParams = z.strictObject({ productId: z.uuid('Not a valid product id'), variantId: z.uuid('Not a valid variant id') });

const maxResults = z.coerce
  .number('maxResults must be a number')
  .int('maxResults must be a whole number')
  .min(1, 'maxResults must be at least 1')
  .max(100, 'maxResults must be at most 100')
  .default(20);
const nextToken = z
  .string()
  .max(400, 'nextToken is not valid')
  .optional()
  .meta({ description: 'Opaque; pass back what the previous page returned.' });
const decimal = z.string().trim().regex(DECIMAL, 'A non-negative decimal amount such as 1250 or 1250.50');
const currencyParam = z
  .enum(CURRENCY_CODES, 'Unknown currency')
  .optional()
  .meta({ description: 'Currency of the price filters (default EUR).' });
/** `a,b` or repeated `x=a&x=b`; each value a slug-ish token. */
const list = (item: z.ZodString, max = 20) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => [
      ...new Set(
        (Array.isArray(v) ? v : [v])
          .flatMap((s) => s.split(','))
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(item).max(max, `At most ${max} values`))
    .optional();

export const ProductSort = z.enum(['newest', 'price_asc', 'price_desc']).meta({ id: 'ProductSort' });
export type ProductSort = z.infer<typeof ProductSort>;

export const ListProductsInput = z.strictObject({
  nextToken,
  maxResults,
  category: Slug.optional().meta({ description: 'Category slug; includes its descendants.' }),
  brand: Slug.optional(),
  collection: Slug.optional(),
  minPrice: decimal.optional(),
  maxPrice: decimal.optional(),
  currency: currencyParam,
  sort: ProductSort.default('newest'),
});
export type ListProductsInput = z.infer<typeof ListProductsInput>;
export const ListProductsOutput = z
  .object({ products: z.array(Product), nextToken: z.string().optional() })
  .meta({ id: 'ListProductsOutput' });
export type ListProductsOutput = z.infer<typeof ListProductsOutput>;

const filterValue = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[\p{L}\p{N} ._/+-]+$/u, 'Letters, digits, spaces and . _ / + - only');
const PRICE_RANGE = /^(\d{1,13}(?:\.\d{1,3})?)-(\d{1,13}(?:\.\d{1,3})?)?$/;

export const SearchProductsInput = z.strictObject({
  query: z
    .string()
    .trim()
    .min(1, 'Type something to search for')
    .max(200, 'At most 200 characters')
    .regex(SEARCH_TEXT, SEARCH_TEXT_MESSAGE)
    .optional()
    .meta({
      description:
        'Omit to browse: every visible product the filters allow (a department page with facets); `relevance` then sorts newest first.',
    }),
  categories: list(Slug),
  brands: list(Slug),
  colors: list(filterValue),
  sizes: list(filterValue),
  priceRange: z
    .string()
    .trim()
    .regex(PRICE_RANGE, 'A range such as 1000-5000, or 100000- for "and above"')
    .optional()
    .meta({ description: 'The spec’s PriceRange as "min-max" (max optional), the same form as the priceRanges facet values.' }),
  currency: currencyParam,
  sort: z.enum(['relevance', 'newest', 'price_asc', 'price_desc']).default('relevance'),
  nextToken,
  maxResults,
});
export type SearchProductsInput = z.infer<typeof SearchProductsInput>;

export const FacetCount = z
  .object({
    value: z.string(),
    count: z.number().int(),
    label: z.string().optional().meta({ description: 'Display name (categories, brands, price ranges, sizes).' }),
    group: z.enum(SIZE_GROUPS).optional().meta({
      description:
        'Sizes only: the kind of size ("FR 38" is Clothing, "EU 38" Shoes, "Ring 52" Rings, "40 mm" Watches), so a sidebar can group them.',
    }),
    selected: z.boolean(),
  })
  .meta({ id: 'FacetCount' });
export const ProductFacets = z
  .object({
    categories: z.array(FacetCount),
    brands: z.array(FacetCount),
    priceRanges: z.array(FacetCount),
    colors: z.array(FacetCount),
    sizes: z.array(FacetCount),
  })
  .meta({ id: 'ProductFacets', description: 'Each facet counts with every filter applied except its own.' });
export type ProductFacets = z.infer<typeof ProductFacets>;

export const SearchProductsOutput = z
  .object({
    products: z.array(Product),
    facets: ProductFacets,
    total: z.number().int().meta({ description: 'Matches with every filter applied.' }),
    correctedQuery: z.string().optional().meta({ description: 'Set when typo correction changed the words searched for.' }),
    nextToken: z.string().optional(),
  })
  .meta({ id: 'SearchProductsOutput' });
export type SearchProductsOutput = z.infer<typeof SearchProductsOutput>;

export const SuggestInput = z.strictObject({
  q: z.string().trim().min(1, 'Type something').max(100, 'At most 100 characters').regex(SEARCH_TEXT, SEARCH_TEXT_MESSAGE),
  limit: z.coerce.number().int().min(1).max(10).default(6),
});
export const SuggestOutput = z
  .object({
    products: z.array(
      z.object({
        productId: z.string(),
        slug: z.string(),
        name: z.string(),
        brandName: z.string(),
        image: Image.optional(),
        price: Money,
        priceOnRequest: z.boolean(),
      }),
    ),
    brands: z.array(z.object({ slug: z.string(), name: z.string() })),
    categories: z.array(z.object({ slug: z.string(), name: z.string(), parentName: z.string().optional() })),
  })
  .meta({ id: 'SuggestOutput' });
export type SuggestOutput = z.infer<typeof SuggestOutput>;

export const AdminListProductsInput = z.strictObject({
  nextToken,
  maxResults,
  visibility: Visibility.optional(),
  brand: Slug.optional(),
  category: Slug.optional(),
  query: text(200).optional().meta({ description: 'Name contains (case- and accent-insensitive).' }),
});
export type AdminListProductsInput = z.infer<typeof AdminListProductsInput>;

// ───────────────────────────── brands ─────────────────────────────

export const Brand = z
  .object({
    brandId: z.string(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    country: z.string().optional(),
    foundedYear: z.number().int().optional(),
    isPartner: z.boolean(),
    logo: Image.optional(),
    productCount: z.number().int().optional().meta({ description: 'Products visible to the caller (with `withCounts=true`).' }),
  })
  .meta({ id: 'Brand' });
export type Brand = z.infer<typeof Brand>;
export const BrandInput = z
  .strictObject({
    name: required(80),
    slug: Slug.optional(),
    description: text(4000).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 country code, e.g. FR')
      .optional(),
    foundedYear: z.number().int().min(1000).max(2100).optional(),
    isPartner: z.boolean().optional(),
    logo: ImageInput.optional(),
  })
  .meta({ id: 'CreateBrandInput' });
export type BrandInput = z.infer<typeof BrandInput>;
export const UpdateBrandInput = BrandInput.partial().meta({ id: 'UpdateBrandInput' });
export const CountsInput = z.strictObject({
  withCounts: z.enum(['true', 'false']).optional().meta({ description: 'Include product counts (visible to the caller).' }),
});
export const ListBrandsOutput = z.object({ brands: z.array(Brand) }).meta({ id: 'ListBrandsOutput' });
export const BrandIdParams = z.strictObject({ brandId: z.uuid('Not a valid brand id') });
export const BrandSlugParams = z.strictObject({ slug: Slug });
export const PartnerParams = z.strictObject({ userId: z.uuid('Not a valid user id') });
export const SetPartnerBrandInput = z.strictObject({ brandId: z.uuid('Not a valid brand id') }).meta({ id: 'SetPartnerBrandInput' });
export const PartnerBrand = z.object({ userId: z.string(), brand: Brand }).meta({ id: 'PartnerBrand' });

// ───────────────────────────── categories ─────────────────────────────

export type CategoryNode = {
  categoryId: string;
  slug: string;
  name: string;
  description: string;
  showcase: boolean;
  position: number;
  parent?: string;
  productCount?: number;
  children: CategoryNode[];
};
export const Category: z.ZodType<CategoryNode> = z
  .object({
    categoryId: z.string(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    showcase: z.boolean(),
    position: z.number().int(),
    parent: z.string().optional().meta({ description: 'Parent slug.' }),
    productCount: z
      .number()
      .int()
      .optional()
      .meta({ description: 'Products visible to the caller, this category and below (with `withCounts=true`).' }),
    get children() {
      return z.array(Category);
    },
  })
  .meta({ id: 'Category' });
export const ListCategoriesOutput = z
  .object({ categories: z.array(Category).meta({ description: 'Roots, each with its children.' }) })
  .meta({ id: 'ListCategoriesOutput' });
export const GetCategoryOutput = z
  .object({ category: Category, breadcrumbs: z.array(z.object({ slug: z.string(), name: z.string() })) })
  .meta({ id: 'GetCategoryOutput' });
export const CategoryInput = z
  .strictObject({
    name: required(80),
    slug: Slug.optional(),
    description: text(4000).optional(),
    parent: Slug.nullable().optional().meta({ description: 'Parent slug; null or absent for a root.' }),
    position: z.number().int().min(0).max(10_000).optional(),
    showcase: z.boolean().optional(),
  })
  .meta({ id: 'CreateCategoryInput' });
export type CategoryInput = z.infer<typeof CategoryInput>;
export const UpdateCategoryInput = CategoryInput.partial().meta({ id: 'UpdateCategoryInput' });
export const CategoryIdParams = z.strictObject({ categoryId: z.uuid('Not a valid category id') });
export const CategorySlugParams = z.strictObject({ slug: Slug });

// ───────────────────────────── collections ─────────────────────────────

export const Collection = z
  .object({
    collectionId: z.string(),
    slug: z.string(),
    name: z.string(),
    tagline: z.string(),
    description: z.string(),
    hero: Image.optional(),
    visibility: Visibility,
    position: z.number().int(),
    locked: z.boolean().meta({ description: 'VIP-only and the caller is not VIP: shown with a lock, without its products.' }),
    productCount: z.number().int(),
  })
  .meta({ id: 'Collection' });
export type Collection = z.infer<typeof Collection>;
export const ListCollectionsOutput = z.object({ collections: z.array(Collection) }).meta({ id: 'ListCollectionsOutput' });
export const GetCollectionInput = z.strictObject({ nextToken, maxResults });
export const GetCollectionOutput = z
  .object({ collection: Collection, products: z.array(Product), nextToken: z.string().optional() })
  .meta({ id: 'GetCollectionOutput' });
export const CollectionInput = z
  .strictObject({
    name: required(120),
    slug: Slug.optional(),
    tagline: text(200).optional(),
    description: text(4000).optional(),
    hero: ImageInput.optional(),
    visibility: Visibility.optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .meta({ id: 'CreateCollectionInput' });
export type CollectionInput = z.infer<typeof CollectionInput>;
export const UpdateCollectionInput = CollectionInput.partial().meta({ id: 'UpdateCollectionInput' });
export const SetCollectionProductsInput = z
  .strictObject({ productIds: z.array(z.uuid('Not a valid product id')).max(500) })
  .meta({ id: 'SetCollectionProductsInput', description: 'The collection’s products, in display order (replaces the list).' });
export const CollectionIdParams = z.strictObject({ collectionId: z.uuid('Not a valid collection id') });
export const CollectionSlugParams = z.strictObject({ slug: Slug });

// ───────────────────────────── inquiries ─────────────────────────────

export const InquiryStatus = z.enum(['OPEN', 'ANSWERED', 'CLOSED']).meta({ id: 'InquiryStatus' });
export const CreateInquiryInput = z
  .strictObject({
    message: required(4000),
    preferredContact: z.enum(['EMAIL', 'PHONE', 'MESSAGE']),
    preferredDate: z.iso.date('A date such as 2026-12-24').optional(),
  })
  .meta({ id: 'CreateInquiryInput' });
export type CreateInquiryInput = z.infer<typeof CreateInquiryInput>;
export const Inquiry = z
  .object({
    inquiryId: z.string(),
    productId: z.string(),
    productName: z.string(),
    productSlug: z.string(),
    brand: z.string(),
    brandName: z.string(),
    clientId: z.string(),
    clientName: z.string().meta({ description: 'The client’s alias while their privacy mode is on.' }),
    message: z.string(),
    preferredContact: z.enum(['EMAIL', 'PHONE', 'MESSAGE']),
    preferredDate: z.string().optional(),
    status: InquiryStatus,
    answer: z.string().optional(),
    answeredAt: z.string().optional(),
    createdAt: z.string(),
  })
  .meta({ id: 'Inquiry' });
export type Inquiry = z.infer<typeof Inquiry>;
export const ListInquiriesInput = z.strictObject({ status: InquiryStatus.optional(), nextToken, maxResults });
export type ListInquiriesInput = z.infer<typeof ListInquiriesInput>;
export const ListInquiriesOutput = z
  .object({ inquiries: z.array(Inquiry), nextToken: z.string().optional() })
  .meta({ id: 'ListInquiriesOutput' });
export const AnswerInquiryInput = z
  .strictObject({ answer: required(4000), close: z.boolean().optional().meta({ description: 'Close the inquiry with this answer.' }) })
  .meta({ id: 'AnswerInquiryInput' });
export const InquiryIdParams = z.strictObject({ inquiryId: z.uuid('Not a valid inquiry id') });

// ───────────────────────────── wishlist ─────────────────────────────

export const WishlistItem = z.object({ product: Product, addedAt: z.string() }).meta({ id: 'WishlistItem' });
export const WishlistOutput = z.object({ items: z.array(WishlistItem) }).meta({ id: 'WishlistOutput' });
export const WishlistChangeOutput = z.object({ productId: z.string(), saved: z.boolean() }).meta({ id: 'WishlistChangeOutput' });
