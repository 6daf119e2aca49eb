import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/schema.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const productVisibility = pgEnum('product_visibility', ['PUBLIC', 'VIP_ONLY', 'DRAFT']);
export const purchaseMode = pgEnum('purchase_mode', ['BUY_NOW', 'INQUIRE', 'BESPOKE']);
export const inquiryStatus = pgEnum('inquiry_status', ['OPEN', 'ANSWERED', 'CLOSED']);

/** A picture as a product keeps it: an uploaded media asset or a generated demo composition, copied at write time. */
export interface StoredImage {
  /** Uploaded asset id (media_assets.id); absent for generated demo imagery. */
  mediaId?: string;
  /** Generated demo imagery: the composition's name (`/media/generated/product/{name}-{w}.{fmt}`). */
  generated?: string;
  /** Which generator drew it (default `product`; collection heroes use `editorial`, 16:9). */
  generatedKind?: 'product' | 'editorial';
  alt: string;
  width: number;
  height: number;
  /** Widths this picture exists at (uploads are never upscaled). */
  widths: number[];
  /** Tiny blurred WebP as a data URI, shown while the picture loads. */
  placeholder?: string;
  /** The variant colour this picture shows; absent when it stands for every colour. */
  color?: string;
}

export interface StoredAttributes {
  color?: string;
  size?: string;
  material?: string;
  dimensions?: string;
  weight?: string;
  additionalAttributes?: Record<string, string | number | boolean>;
}

export interface StoredSpecification {
  label: string;
  value: string;
  group?: string;
}

export interface StoredCustomisation {
  key: string;
  label: string;
  kind: 'TEXT' | 'CHOICE' | 'MEASUREMENTS';
  choices?: string[];
  maxLength?: number;
}

export const brands = pgTable(
  'brands',
  {
    id: uuid().primaryKey(),
    slug: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(''),
    country: text(),
    foundedYear: smallint(),
    /** A partner house (it has partner accounts and an inquiry inbox). */
    isPartner: boolean().notNull().default(false),
    logo: jsonb().$type<StoredImage>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('brands_slug_key').on(t.slug), uniqueIndex('brands_name_key').on(sql`lower(${t.name})`)],
);

/** Which brand a brand-partner account acts for: one brand per partner account, set by an admin. */
export const brandPartners = pgTable(
  'brand_partners',
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    brandId: uuid()
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('brand_partners_brand_idx').on(t.brandId)],
);

/** The category tree. `path` lists the slugs from the root (`ready-to-wear/women`), unique like a file path. */
export const categories = pgTable(
  'categories',
  {
    id: uuid().primaryKey(),
    slug: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(''),
    parentId: uuid(),
    path: text().notNull(),
    position: integer().notNull().default(0),
    /** Showcase categories (cars, residences, jets…) show specification tables and take inquiries. */
    showcase: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('categories_slug_key').on(t.slug),
    uniqueIndex('categories_path_key').on(t.path),
    index('categories_parent_idx').on(t.parentId),
  ],
);

export const products = pgTable(
  'products',
  {
    id: uuid().primaryKey(),
    slug: text().notNull(),
    name: text().notNull(),
    description: text().notNull(),
    brandId: uuid()
      .notNull()
      .references(() => brands.id),
    categoryId: uuid()
      .notNull()
      .references(() => categories.id),
    /** The category and all its ancestors, for "this category and below" filters. Maintained on write. */
    categoryIds: uuid().array().notNull(),
    priceMinor: bigint({ mode: 'number' }).notNull(),
    currency: text().notNull(),
    priceOnRequest: boolean().notNull().default(false),
    visibility: productVisibility().notNull().default('DRAFT'),
    purchaseMode: purchaseMode().notNull().default('BUY_NOW'),
    images: jsonb().$type<StoredImage[]>().notNull().default([]),
    attributes: jsonb().$type<StoredAttributes>().notNull().default({}),
    specifications: jsonb().$type<StoredSpecification[]>().notNull().default([]),
    customisations: jsonb().$type<StoredCustomisation[]>().notNull().default([]),
    limitedEdition: boolean().notNull().default(false),
    editionSize: integer(),
    /** Sum of the variants' stock, kept in the same transaction as every stock change. */
    inventory: integer().notNull().default(0),
    /** Distinct colours and sizes over the variants and attributes, lowercased, for filters and facets. */
    colors: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sizes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Weighted document: name (A) > brand (B) > category (C) > attributes (D, twice) > description (D). */
    searchDocument: tsvector().notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('products_slug_key').on(t.slug),
    // Browse, newest first or by price: partial indexes per audience (queries say `desc nulls last` to match them), so the visibility filter is the index itself.
    // Anonymous and standard visitors read `visibility = 'PUBLIC'`, VIP clients `visibility <> 'DRAFT'`.
    index('products_public_created_idx')
      .on(t.createdAt.desc(), t.id.desc())
      .where(sql`visibility = 'PUBLIC'`),
    index('products_public_price_idx')
      .on(t.priceMinor, t.id)
      .where(sql`visibility = 'PUBLIC'`),
    index('products_listed_created_idx')
      .on(t.createdAt.desc(), t.id.desc())
      .where(sql`visibility <> 'DRAFT'`),
    index('products_listed_price_idx')
      .on(t.priceMinor, t.id)
      .where(sql`visibility <> 'DRAFT'`),
    index('products_brand_created_idx').on(t.brandId, t.createdAt.desc(), t.id.desc()),
    index('products_category_ids_idx').using('gin', t.categoryIds),
    index('products_search_idx').using('gin', t.searchDocument),
    index('products_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    // Orders reserve stock with conditional updates; the database refuses whatever would still go below zero.
    check('products_inventory_check', sql`${t.inventory} >= 0`),
  ],
);

/** A size/colour combination with its own stock. */
export const productVariants = pgTable(
  'product_variants',
  {
    id: uuid().primaryKey(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    sku: text().notNull(),
    color: text(),
    size: text(),
    stock: integer().notNull().default(0),
    position: integer().notNull().default(0),
  },
  (t) => [
    uniqueIndex('product_variants_sku_key').on(t.sku),
    index('product_variants_product_idx').on(t.productId, t.position),
    // The last unit sells once: stock never goes below zero, whatever the concurrency.
    check('product_variants_stock_check', sql`${t.stock} >= 0`),
  ],
);

export const collections = pgTable(
  'collections',
  {
    id: uuid().primaryKey(),
    slug: text().notNull(),
    name: text().notNull(),
    tagline: text().notNull().default(''),
    description: text().notNull().default(''),
    hero: jsonb().$type<StoredImage>(),
    visibility: productVisibility().notNull().default('DRAFT'),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('collections_slug_key').on(t.slug)],
);

export const collectionProducts = pgTable(
  'collection_products',
  {
    collectionId: uuid()
      .notNull()
      .references(() => collections.id, { onDelete: 'cascade' }),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.collectionId, t.productId] }), index('collection_products_product_idx').on(t.productId)],
);

/**
 * The search side of a product, narrow so that scanning thousands of matches stays cheap: what the text match, the
 * visibility filter, ranking, sorting and every facet need, and nothing else. Written in the same transaction as the
 * product (see `syncSearchRow`), so it is never stale.
 */
export const productSearch = pgTable(
  'product_search',
  {
    productId: uuid()
      .primaryKey()
      .references(() => products.id, { onDelete: 'cascade' }),
    visibility: productVisibility().notNull(),
    brandId: uuid().notNull(),
    categoryIds: uuid().array().notNull(),
    priceMinor: bigint({ mode: 'number' }).notNull(),
    currency: text().notNull(),
    colors: text().array().notNull(),
    sizes: text().array().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    document: tsvector().notNull(),
  },
  (t) => [index('product_search_document_idx').using('gin', t.document)],
);

/** Distinct words of the catalog (names, brands, categories, attributes), for typo correction with pg_trgm. */
export const searchTerms = pgTable(
  'search_terms',
  {
    term: text().primaryKey(),
    /** How many products use it (approximate: counted on write, never decremented), to prefer common corrections. */
    uses: integer().notNull().default(1),
  },
  (t) => [index('search_terms_trgm_idx').using('gin', sql`${t.term} gin_trgm_ops`)],
);

/** A private-viewing request or a question about a product, answered by the brand partner or an admin. */
export const productInquiries = pgTable(
  'product_inquiries',
  {
    id: uuid().primaryKey(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    brandId: uuid()
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    clientId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message: text().notNull(),
    preferredContact: text().notNull(),
    preferredDate: text(),
    status: inquiryStatus().notNull().default('OPEN'),
    answer: text(),
    answeredBy: uuid(),
    answeredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('product_inquiries_brand_idx').on(t.brandId, t.id.desc()),
    index('product_inquiries_client_idx').on(t.clientId, t.id.desc()),
  ],
);

export const wishlistItems = pgTable(
  'wishlist_items',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.productId] }), index('wishlist_items_user_created_idx').on(t.userId, t.createdAt.desc())],
);
