/** Product writes (create, update, delete, visibility, stock) and reads by id or slug. Every write is one transaction. */
import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { fromDecimal, MoneyError } from '../../../shared/money.ts';
import { queryRows, type Db, type Tx } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import type { Actor } from '../../http/auth.ts';
import { assertCanWriteBrand, audienceOf, canSeeVisibility, managesBrand } from './access.ts';
import { resolveImages } from './images.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { brandBySlug, categoryBySlug, type BrandRef, type CategoryRef } from './lookup.ts';
import type { CreateProductInput, Product, UpdateProductInput, Visibility } from './models.ts';
import { presentProduct, productSelect, type ProductRow } from './present.ts';
import { products, productVariants, type StoredAttributes } from './schema.ts';
import { attributesText, documentSql, rememberTerms, slugify } from './text.ts';
import { catalogCache, invalidateCatalog } from './catalog-cache.ts';

type VariantIn = { variantId?: string; sku?: string; color?: string; size?: string; stock: number };

function invalid(field: string, message: string): never {
  throw new ApiError('ValidationException', message, { fieldErrors: { [field]: [message] } });
}

function priceOf(input: { amount: number; currency: string }) {
  try {
    return fromDecimal(input.amount, input.currency);
  } catch (err) {
    if (err instanceof MoneyError) invalid('body.price', err.message);
    throw err;
  }
}

const norm = (s: string | undefined) => (s ?? '').trim().toLowerCase();

/** Distinct lowercased colours and sizes over the variants and the attributes. */
function facetValues(attributes: StoredAttributes, variants: readonly VariantIn[]): { colors: string[]; sizes: string[] } {
  const colors = new Set([norm(attributes.color), ...variants.map((v) => norm(v.color))].filter(Boolean));
  const sizes = new Set([norm(attributes.size), ...variants.map((v) => norm(v.size))].filter(Boolean));
  return { colors: [...colors], sizes: [...sizes] };
}

async function readProduct(db: Db | Tx, id: string): Promise<ProductRow | undefined> {
  const [row] = await queryRows<ProductRow>(db, sql`${productSelect(true)} where p.id = ${id}`);
  return row;
}

/** A free slug: the wanted one, or with -2, -3… appended when taken (only when the caller did not choose it). */
async function freeSlug(tx: Tx, wanted: string, chosen: boolean, exceptId?: string): Promise<string> {
  const taken = await queryRows<{ slug: string }>(
    tx,
    sql`select slug from products where (slug = ${wanted} or slug like ${`${wanted}-%`}) ${exceptId ? sql`and id <> ${exceptId}` : sql``}`,
  );
  const set = new Set(taken.map((t) => t.slug));
  if (!set.has(wanted)) return wanted;
  if (chosen)
    throw new ApiError('ConflictException', `The slug "${wanted}" is already used by another product`, {
      fieldErrors: { 'body.slug': ['Already used'] },
    });
  for (let n = 2; ; n++) if (!set.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

async function writeDerived(tx: Tx, productId: string, brand: BrandRef, category: CategoryRef) {
  // Inventory, colours, sizes and the search document follow from the row and its variants, in the same transaction.
  await tx.execute(sql`
    update products p set
      inventory = coalesce((select sum(v.stock) from product_variants v where v.product_id = p.id), 0),
      category_ids = ${sql`array[${sql.join(
        category.lineage.map((id) => sql`${id}`),
        sql`, `,
      )}]::uuid[]`},
      search_document = ${documentSql({
        name: sql`p.name`,
        brand: brand.name,
        category: category.lineageNames.join(' '),
        attributes: sql`coalesce(array_to_string(p.colors, ' '), '') || ' ' || coalesce(array_to_string(p.sizes, ' '), '') || ' ' || coalesce(p.attributes->>'material', '') || ' ' || coalesce((select string_agg(value, ' ') from jsonb_each_text(coalesce(p.attributes->'additionalAttributes', '{}'::jsonb))), '')`,
        description: sql`p.description`,
      })}
    where p.id = ${productId}`);
}

async function replaceVariants(tx: Tx, productId: string, slug: string, variants: readonly VariantIn[], existing: readonly string[]) {
  const keep = new Set(variants.map((v) => v.variantId).filter(Boolean) as string[]);
  for (const id of keep) if (!existing.includes(id)) invalid('body.variants', 'A variantId does not belong to this product');
  const removed = existing.filter((id) => !keep.has(id));
  if (removed.length > 0)
    await tx.execute(
      sql`delete from product_variants where product_id = ${productId} and id in (${sql.join(
        removed.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  for (const [position, v] of variants.entries()) {
    const sku = v.sku || `${slug.slice(0, 40).toUpperCase()}-${uuidv7().slice(-8).toUpperCase()}`;
    const values = { sku, color: v.color ?? null, size: v.size ?? null, stock: v.stock, position };
    if (v.variantId)
      await tx
        .update(productVariants)
        .set(values)
        .where(and(eq(productVariants.id, v.variantId), eq(productVariants.productId, productId)));
    else await tx.insert(productVariants).values({ id: uuidv7(), productId, ...values });
  }
}

function variantsOf(input: { variants?: VariantIn[]; inventory?: number; attributes?: StoredAttributes }): VariantIn[] {
  if (input.variants && input.variants.length > 0) {
    const sum = input.variants.reduce((n, v) => n + v.stock, 0);
    if (input.inventory !== undefined && input.inventory !== sum)
      invalid('body.inventory', `inventory is the sum of the variants’ stock (${sum}); leave it out or make them agree`);
    return input.variants;
  }
  return [
    {
      stock: input.inventory ?? 0,
      ...(input.attributes?.color ? { color: input.attributes.color } : {}),
      ...(input.attributes?.size ? { size: input.attributes.size } : {}),
    },
  ];
}

function writeErrors(err: unknown): never {
  if (isUniqueViolation(err, 'product_variants_sku_key'))
    throw new ApiError('ConflictException', 'A variant SKU is already used by another product', {
      fieldErrors: { 'body.variants': ['SKU already used'] },
    });
  if (isUniqueViolation(err, 'products_slug_key'))
    throw new ApiError('ConflictException', 'That slug is already used by another product', {
      fieldErrors: { 'body.slug': ['Already used'] },
    });
  throw err;
}

/** Whose uploads a product write may use: the partner's own; an administrator's, any. */
const imageOwner = (actor: Actor) => ({ userId: actor.userId, admin: actor.userType === 'ADMIN' });

export async function createProduct(db: Db, actor: Actor, input: CreateProductInput): Promise<Product> {
  const brand = await brandBySlug(db, input.brand);
  await assertCanWriteBrand(db, actor, brand.id);
  const category = await categoryBySlug(db, input.category);
  const price = priceOf(input.price);
  const variants = variantsOf(input);
  if (input.editionSize && !input.limitedEdition) invalid('body.editionSize', 'Only a limited edition has an edition size');
  const images = await resolveImages(db, input.images ?? [], 'images', imageOwner(actor));
  const attributes = input.attributes ?? {};
  const { colors, sizes } = facetValues(attributes, variants);
  const id = uuidv7();
  try {
    await db.transaction(async (tx) => {
      const slug = await freeSlug(tx, input.slug ?? slugify(`${brand.name} ${input.name}`), Boolean(input.slug));
      await tx.insert(products).values({
        id,
        slug,
        name: input.name,
        description: input.description,
        brandId: brand.id,
        categoryId: category.id,
        categoryIds: category.lineage,
        priceMinor: price.minor,
        currency: price.currency,
        priceOnRequest: input.priceOnRequest ?? false,
        visibility: input.visibility ?? 'DRAFT',
        purchaseMode: input.purchaseMode ?? 'BUY_NOW',
        images,
        attributes,
        specifications: input.specifications ?? [],
        customisations: input.customisations ?? [],
        limitedEdition: input.limitedEdition ?? false,
        editionSize: input.editionSize ?? null,
        colors,
        sizes,
        searchDocument: sql`''::tsvector`,
        createdBy: actor.userId,
      });
      await replaceVariants(tx, id, slug, variants, []);
      await writeDerived(tx, id, brand, category);
      await rememberTerms(tx, [input.name, brand.name, ...category.lineageNames, attributesText(attributes, colors, sizes)]);
    });
  } catch (err) {
    writeErrors(err);
  }
  invalidateCatalog(db);
  return presentProduct((await readProduct(db, id))!);
}

/** A product as the caller may see it: VIP_ONLY only for VIP clients and staff, DRAFT only for its brand and admins; 404 otherwise. */
export async function getProduct(db: Db, actor: Actor | undefined, by: { id: string } | { slug: string }): Promise<Product> {
  // Staff and partners may see drafts: they always read the database. Everyone else shares cached answers per audience.
  if (actor && (actor.userType === 'ADMIN' || actor.userType === 'BRAND_PARTNER')) return readVisibleProduct(db, actor, by);
  return catalogCache(db).get(`product:${audienceOf(actor)}:${'id' in by ? `id:${by.id}` : `slug:${by.slug}`}`, () =>
    readVisibleProduct(db, actor, by),
  );
}

async function readVisibleProduct(db: Db, actor: Actor | undefined, by: { id: string } | { slug: string }): Promise<Product> {
  const [row] = await queryRows<ProductRow>(
    db,
    sql`${productSelect(true)} where ${'id' in by ? sql`p.id = ${by.id}` : sql`p.slug = ${by.slug}`}`,
  );
  if (!row || !(canSeeVisibility(audienceOf(actor), row.visibility) || (await managesBrand(db, actor, row.brand_id)))) {
    throw new ApiError('ResourceNotFoundException', 'No such product');
  }
  return presentProduct(row);
}

/** The row locked for a write, after checking the actor manages its brand (404 when they cannot even see it). */
async function lockForWrite(tx: Tx, actor: Actor, productId: string) {
  const [row] = await queryRows<{
    id: string;
    slug: string;
    brand_id: string;
    category_id: string;
    visibility: Visibility;
    attributes: StoredAttributes;
    name: string;
  }>(tx, sql`select id, slug, brand_id, category_id, visibility, attributes, name from products where id = ${productId} for update`);
  if (!row) throw new ApiError('ResourceNotFoundException', 'No such product');
  if (!(await managesBrand(tx, actor, row.brand_id))) {
    if (!canSeeVisibility(audienceOf(actor), row.visibility)) throw new ApiError('ResourceNotFoundException', 'No such product');
    throw new ApiError('AccessDeniedException', 'You can only manage your own brand’s products');
  }
  return row;
}

export async function updateProduct(db: Db, actor: Actor, productId: string, input: UpdateProductInput): Promise<Product> {
  const price = input.price ? priceOf(input.price) : undefined;
  const images = input.images ? await resolveImages(db, input.images, 'images', imageOwner(actor)) : undefined;
  try {
    await db.transaction(async (tx) => {
      const current = await lockForWrite(tx, actor, productId);
      const brand = input.brand
        ? await brandBySlug(tx, input.brand)
        : (await queryRows<BrandRef>(tx, sql`select id, slug, name from brands where id = ${current.brand_id}`))[0]!;
      if (brand.id !== current.brand_id) await assertCanWriteBrand(tx, actor, brand.id);
      const category = input.category
        ? await categoryBySlug(tx, input.category)
        : await categoryBySlug(
            tx,
            (await queryRows<{ slug: string }>(tx, sql`select slug from categories where id = ${current.category_id}`))[0]!.slug,
          );
      const existing = await queryRows<{ id: string; color: string | null; size: string | null; stock: number }>(
        tx,
        sql`select id, color, size, stock from product_variants where product_id = ${productId} order by position, id`,
      );
      let variants: VariantIn[] | undefined;
      if (input.variants)
        variants = variantsOf({ variants: input.variants, ...(input.inventory !== undefined ? { inventory: input.inventory } : {}) });
      else if (input.inventory !== undefined) {
        if (existing.length > 1) invalid('body.inventory', 'This product has several variants: set each variant’s stock instead');
        variants = [
          {
            ...(existing[0] ? { variantId: existing[0].id } : {}),
            stock: input.inventory,
            ...(existing[0]?.color ? { color: existing[0].color } : {}),
            ...(existing[0]?.size ? { size: existing[0].size } : {}),
          },
        ];
      }
      const attributes = input.attributes ?? current.attributes;
      const facetSource =
        variants ?? existing.map((v) => ({ stock: v.stock, ...(v.color ? { color: v.color } : {}), ...(v.size ? { size: v.size } : {}) }));
      const { colors, sizes } = facetValues(attributes, facetSource);
      const slug = input.slug && input.slug !== current.slug ? await freeSlug(tx, input.slug, true, productId) : current.slug;
      if (input.editionSize && input.limitedEdition === false) invalid('body.editionSize', 'Only a limited edition has an edition size');
      await tx
        .update(products)
        .set({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(price ? { priceMinor: price.minor, currency: price.currency } : {}),
          brandId: brand.id,
          categoryId: category.id,
          ...(images ? { images } : {}),
          attributes,
          colors,
          sizes,
          slug,
          ...(input.visibility ? { visibility: input.visibility } : {}),
          ...(input.purchaseMode ? { purchaseMode: input.purchaseMode } : {}),
          ...(input.priceOnRequest !== undefined ? { priceOnRequest: input.priceOnRequest } : {}),
          ...(input.limitedEdition !== undefined ? { limitedEdition: input.limitedEdition } : {}),
          ...(input.editionSize !== undefined
            ? { editionSize: input.editionSize }
            : input.limitedEdition === false
              ? { editionSize: null }
              : {}),
          ...(input.specifications ? { specifications: input.specifications } : {}),
          ...(input.customisations ? { customisations: input.customisations } : {}),
          updatedAt: new Date(),
        })
        .where(eq(products.id, productId));
      if (variants)
        await replaceVariants(
          tx,
          productId,
          slug,
          variants,
          existing.map((v) => v.id),
        );
      await writeDerived(tx, productId, brand, category);
      if (input.name || input.attributes || input.brand || input.category) {
        await rememberTerms(tx, [
          input.name ?? current.name,
          brand.name,
          ...category.lineageNames,
          attributesText(attributes, colors, sizes),
        ]);
      }
    });
  } catch (err) {
    writeErrors(err);
  }
  invalidateCatalog(db);
  return presentProduct((await readProduct(db, productId))!);
}

export async function deleteProduct(db: Db, actor: Actor, productId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockForWrite(tx, actor, productId);
    await tx.delete(products).where(eq(products.id, productId));
  });
  invalidateCatalog(db);
}

export async function setVisibility(db: Db, actor: Actor, productId: string, visibility: Visibility): Promise<Product> {
  await db.transaction(async (tx) => {
    await lockForWrite(tx, actor, productId);
    await tx.update(products).set({ visibility, updatedAt: new Date() }).where(eq(products.id, productId));
  });
  invalidateCatalog(db);
  return presentProduct((await readProduct(db, productId))!);
}

/** Sets one variant's stock and the product's inventory (their sum) together, under the product's row lock. */
export async function setVariantStock(db: Db, actor: Actor, productId: string, variantId: string, stock: number): Promise<Product> {
  await db.transaction(async (tx) => {
    await lockForWrite(tx, actor, productId);
    const updated = await tx
      .update(productVariants)
      .set({ stock })
      .where(and(eq(productVariants.id, variantId), eq(productVariants.productId, productId)))
      .returning({ id: productVariants.id });
    if (updated.length === 0) throw new ApiError('ResourceNotFoundException', 'No such variant');
    await tx.execute(
      sql`update products set inventory = (select coalesce(sum(stock), 0) from product_variants where product_id = ${productId}), updated_at = now() where id = ${productId}`,
    );
  });
  invalidateCatalog(db);
  return presentProduct((await readProduct(db, productId))!);
}

export { readProduct };
