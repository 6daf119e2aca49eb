/** Brands (and which partner account acts for which brand), the category tree, and curated collections. */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { queryRows, type Db, type Tx } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { accountTypeOf } from '../identity/service.ts';
import type { Actor } from '../../http/auth.ts';
import { audienceFilter, audienceOf, partnerBrandId, type Audience } from './access.ts';
import { cutPage, decodeCursor } from '../../http/pagination.ts';
import { productsByIds } from './browse.ts';
import { presentImage, resolveImages } from './images.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Brand, BrandInput, CategoryInput, CategoryNode, Collection, CollectionInput, Product } from './models.ts';
import { brandPartners, brands, categories, collectionProducts, collections, type StoredImage } from './schema.ts';
import { documentSql, slugify } from './text.ts';
import { invalidatingCatalog } from './catalog-cache.ts';

const conflict = (what: string) =>
  new ApiError('ConflictException', `${what} already exists`, { fieldErrors: { 'body.slug': ['Already used'] } });

// ───────────────────────────── brands ─────────────────────────────

type BrandRow = typeof brands.$inferSelect;

function presentBrand(row: BrandRow, count?: number): Brand {
  return {
    brandId: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    ...(row.country ? { country: row.country } : {}),
    ...(row.foundedYear ? { foundedYear: row.foundedYear } : {}),
    isPartner: row.isPartner,
    ...(row.logo ? { logo: presentImage(row.logo) } : {}),
    ...(count !== undefined ? { productCount: count } : {}),
  };
}

async function brandCounts(db: Db, audience: Audience): Promise<Map<string, number>> {
  const rows = await queryRows<{ brand_id: string; n: number }>(
    db,
    sql`select p.brand_id, count(*)::int as n from products p where ${audienceFilter(audience)} group by 1`,
  );
  return new Map(rows.map((r) => [r.brand_id, Number(r.n)]));
}

export async function listBrands(db: Db, actor: Actor | undefined, withCounts: boolean): Promise<Brand[]> {
  const rows = await db.select().from(brands).orderBy(brands.name);
  const counts = withCounts ? await brandCounts(db, audienceOf(actor)) : undefined;
  return rows.map((r) => presentBrand(r, counts ? (counts.get(r.id) ?? 0) : undefined));
}

export async function getBrand(db: Db, actor: Actor | undefined, slug: string): Promise<Brand> {
  const [row] = await db.select().from(brands).where(eq(brands.slug, slug)).limit(1);
  if (!row) throw new ApiError('ResourceNotFoundException', 'No such brand');
  const [c] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from products p where p.brand_id = ${row.id} and ${audienceFilter(audienceOf(actor))}`,
  );
  return presentBrand(row, Number(c?.n ?? 0));
}

async function storedOne(
  db: Db | Tx,
  input: { mediaId?: string; url?: string; alt?: string } | undefined,
  field: string,
): Promise<StoredImage | null | undefined> {
  if (input === undefined) return undefined;
  return (await resolveImages(db, [input], field))[0]!;
}

async function createBrandWrite(db: Db, input: BrandInput): Promise<Brand> {
  const logo = await storedOne(db, input.logo, 'logo');
  try {
    const [row] = await db
      .insert(brands)
      .values({
        id: uuidv7(),
        slug: input.slug ?? slugify(input.name),
        name: input.name,
        description: input.description ?? '',
        country: input.country ?? null,
        foundedYear: input.foundedYear ?? null,
        isPartner: input.isPartner ?? false,
        logo: logo ?? null,
      })
      .returning();
    return presentBrand(row!);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('A brand with this name or slug');
    throw err;
  }
}

async function updateBrandWrite(db: Db, brandId: string, input: Partial<BrandInput>): Promise<Brand> {
  const logo = await storedOne(db, input.logo, 'logo');
  try {
    const [row] = await db
      .update(brands)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.slug !== undefined ? { slug: input.slug } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.country !== undefined ? { country: input.country } : {}),
        ...(input.foundedYear !== undefined ? { foundedYear: input.foundedYear } : {}),
        ...(input.isPartner !== undefined ? { isPartner: input.isPartner } : {}),
        ...(logo ? { logo } : {}),
        updatedAt: new Date(),
      })
      .where(eq(brands.id, brandId))
      .returning();
    if (!row) throw new ApiError('ResourceNotFoundException', 'No such brand');
    // Product search documents carry the brand name: refresh them when it changes.
    if (input.name !== undefined) await reindexWhere(db, sql`p.brand_id = ${brandId}`);
    return presentBrand(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('A brand with this name or slug');
    throw err;
  }
}

async function deleteBrandWrite(db: Db, brandId: string): Promise<void> {
  const [used] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from products where brand_id = ${brandId}`);
  if (Number(used?.n) > 0) throw new ApiError('ConflictException', 'This brand still has products: move or delete them first');
  const deleted = await db.delete(brands).where(eq(brands.id, brandId)).returning({ id: brands.id });
  if (deleted.length === 0) throw new ApiError('ResourceNotFoundException', 'No such brand');
}

/** Links a brand-partner account to the brand it acts for (replacing any earlier link). */
async function setPartnerBrandWrite(db: Db, userId: string, brandId: string): Promise<{ userId: string; brand: Brand }> {
  const userType = await accountTypeOf(db, userId, { includeErased: true });
  if (!userType) throw new ApiError('ResourceNotFoundException', 'No such user');
  if (userType !== 'BRAND_PARTNER')
    throw new ApiError('ValidationException', 'Only brand-partner accounts can be linked to a brand', {
      fieldErrors: { 'params.userId': ['Not a brand partner'] },
    });
  const [brand] = await db.select().from(brands).where(eq(brands.id, brandId)).limit(1);
  if (!brand) throw new ApiError('ResourceNotFoundException', 'No such brand');
  await db
    .insert(brandPartners)
    .values({ userId, brandId })
    .onConflictDoUpdate({ target: brandPartners.userId, set: { brandId, createdAt: new Date() } });
  return { userId, brand: presentBrand(brand) };
}

export async function unlinkPartner(db: Db, userId: string): Promise<void> {
  const deleted = await db.delete(brandPartners).where(eq(brandPartners.userId, userId)).returning({ userId: brandPartners.userId });
  if (deleted.length === 0) throw new ApiError('ResourceNotFoundException', 'This account is not linked to a brand');
}

export async function myBrand(db: Db, actor: Actor): Promise<{ userId: string; brand: Brand }> {
  const brandId = await partnerBrandId(db, actor.userId);
  if (!brandId) throw new ApiError('ResourceNotFoundException', 'Your account is not linked to a brand yet; an administrator can link it');
  const [brand] = await db.select().from(brands).where(eq(brands.id, brandId)).limit(1);
  return { userId: actor.userId, brand: presentBrand(brand!) };
}

// ───────────────────────────── categories ─────────────────────────────

type CategoryRow = typeof categories.$inferSelect;

async function categoryCounts(db: Db, audience: Audience): Promise<Map<string, number>> {
  const rows = await queryRows<{ k: string; n: number }>(
    db,
    sql`select unnest(p.category_ids) as k, count(*)::int as n from products p where ${audienceFilter(audience)} group by 1`,
  );
  return new Map(rows.map((r) => [r.k, Number(r.n)]));
}

function buildTree(rows: CategoryRow[], counts: Map<string, number> | undefined): CategoryNode[] {
  const bySlug = new Map(rows.map((r) => [r.id, r.slug]));
  const nodes = new Map<string, CategoryNode>(
    rows.map((r) => [
      r.id,
      {
        categoryId: r.id,
        slug: r.slug,
        name: r.name,
        description: r.description,
        showcase: r.showcase,
        position: r.position,
        ...(r.parentId ? { parent: bySlug.get(r.parentId) } : {}),
        ...(counts ? { productCount: counts.get(r.id) ?? 0 } : {}),
        children: [],
      },
    ]),
  );
  const roots: CategoryNode[] = [];
  for (const r of rows) (r.parentId ? nodes.get(r.parentId)?.children : roots)?.push(nodes.get(r.id)!);
  const sort = (list: CategoryNode[]) => {
    list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

export async function listCategories(db: Db, actor: Actor | undefined, withCounts: boolean): Promise<CategoryNode[]> {
  const rows = await db.select().from(categories);
  return buildTree(rows, withCounts ? await categoryCounts(db, audienceOf(actor)) : undefined);
}

export async function getCategory(
  db: Db,
  actor: Actor | undefined,
  slug: string,
): Promise<{ category: CategoryNode; breadcrumbs: { slug: string; name: string }[] }> {
  const rows = await db.select().from(categories);
  const target = rows.find((r) => r.slug === slug);
  if (!target) throw new ApiError('ResourceNotFoundException', 'No such category');
  const counts = await categoryCounts(db, audienceOf(actor));
  const find = (list: CategoryNode[]): CategoryNode | undefined => {
    for (const n of list) {
      if (n.slug === slug) return n;
      const hit = find(n.children);
      if (hit) return hit;
    }
    return undefined;
  };
  const category = find(buildTree(rows, counts))!;
  const breadcrumbs = rows
    .filter((r) => target.path === r.path || target.path.startsWith(`${r.path}/`))
    .sort((a, b) => a.path.length - b.path.length)
    .map((r) => ({ slug: r.slug, name: r.name }));
  return { category, breadcrumbs };
}

async function createCategoryWrite(db: Db, input: CategoryInput): Promise<CategoryNode> {
  const slug = input.slug ?? slugify(input.name);
  let parent: CategoryRow | undefined;
  if (input.parent) {
    [parent] = await db.select().from(categories).where(eq(categories.slug, input.parent)).limit(1);
    if (!parent)
      throw new ApiError('ValidationException', 'Unknown parent category', { fieldErrors: { 'body.parent': ['No such category'] } });
  }
  try {
    const [row] = await db
      .insert(categories)
      .values({
        id: uuidv7(),
        slug,
        name: input.name,
        description: input.description ?? '',
        parentId: parent?.id ?? null,
        path: parent ? `${parent.path}/${slug}` : slug,
        position: input.position ?? 0,
        showcase: input.showcase ?? parent?.showcase ?? false,
      })
      .returning();
    return { ...buildTree([{ ...row!, parentId: null }], undefined)[0]!, ...(parent ? { parent: parent.slug } : {}) };
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('A category with this slug');
    throw err;
  }
}

/** Renames, describes or reorders a category. Moving under another parent is refused while it holds products. */
async function updateCategoryWrite(db: Db, categoryId: string, input: Partial<CategoryInput>): Promise<CategoryNode> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(categories).where(eq(categories.id, categoryId)).for('update');
    if (!current) throw new ApiError('ResourceNotFoundException', 'No such category');
    const slug = input.slug ?? current.slug;
    let parentPath = current.path.includes('/') ? current.path.slice(0, current.path.lastIndexOf('/')) : undefined;
    let parentId = current.parentId;
    if (input.parent !== undefined) {
      if (input.parent === null) {
        parentPath = undefined;
        parentId = null;
      } else {
        const [parent] = await tx.select().from(categories).where(eq(categories.slug, input.parent)).limit(1);
        if (!parent)
          throw new ApiError('ValidationException', 'Unknown parent category', { fieldErrors: { 'body.parent': ['No such category'] } });
        if (parent.path === current.path || parent.path.startsWith(`${current.path}/`))
          throw new ApiError('ValidationException', 'A category cannot move under itself', {
            fieldErrors: { 'body.parent': ['Would make a loop'] },
          });
        parentPath = parent.path;
        parentId = parent.id;
      }
    }
    const path = parentPath ? `${parentPath}/${slug}` : slug;
    if (parentId !== current.parentId) {
      const [used] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from products where category_ids @> array[${categoryId}]::uuid[]`,
      );
      if (Number(used?.n) > 0)
        throw new ApiError('ConflictException', 'Move this category’s products first: a category with products cannot change parent');
    }
    try {
      if (path !== current.path) {
        // Descendants keep their place under the renamed path.
        await tx.execute(
          sql`update categories set path = ${path} || substr(path, ${current.path.length + 1}) where path like ${`${current.path}/%`}`,
        );
      }
      const [row] = await tx
        .update(categories)
        .set({
          slug,
          path,
          parentId,
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.position !== undefined ? { position: input.position } : {}),
          ...(input.showcase !== undefined ? { showcase: input.showcase } : {}),
          updatedAt: new Date(),
        })
        .where(eq(categories.id, categoryId))
        .returning();
      if (input.name !== undefined) await reindexWhere(tx, sql`p.category_ids @> array[${categoryId}]::uuid[]`);
      const [parentRow] = parentId ? await tx.select({ slug: categories.slug }).from(categories).where(eq(categories.id, parentId)) : [];
      return { ...buildTree([{ ...row!, parentId: null }], undefined)[0]!, ...(parentRow ? { parent: parentRow.slug } : {}) };
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('A category with this slug');
      throw err;
    }
  });
}

async function deleteCategoryWrite(db: Db, categoryId: string): Promise<void> {
  const [row] = await db.select().from(categories).where(eq(categories.id, categoryId)).limit(1);
  if (!row) throw new ApiError('ResourceNotFoundException', 'No such category');
  const [children] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from categories where parent_id = ${categoryId}`);
  if (Number(children?.n) > 0) throw new ApiError('ConflictException', 'This category has sub-categories: delete or move them first');
  const [used] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from products where category_id = ${categoryId}`);
  if (Number(used?.n) > 0) throw new ApiError('ConflictException', 'This category still has products: move or delete them first');
  await db.delete(categories).where(eq(categories.id, categoryId));
}

/** Rebuilds the search document of products matching `where` (after a brand or category rename). */
async function reindexWhere(db: Db | Tx, where: SQL): Promise<void> {
  await db.execute(sql`
    update products p set search_document = ${documentSql({
      name: sql`p.name`,
      brand: sql`(select b.name from brands b where b.id = p.brand_id)`,
      category: sql`(select string_agg(c.name, ' ' order by length(c.path)) from categories c where c.id = any(p.category_ids))`,
      attributes: sql`coalesce(array_to_string(p.colors, ' '), '') || ' ' || coalesce(array_to_string(p.sizes, ' '), '') || ' ' || coalesce(p.attributes->>'material', '') || ' ' || coalesce((select string_agg(value, ' ') from jsonb_each_text(coalesce(p.attributes->'additionalAttributes', '{}'::jsonb))), '')`,
      description: sql`p.description`,
    })}
    where ${where}`);
}

// ───────────────────────────── collections ─────────────────────────────

type CollectionRow = typeof collections.$inferSelect;

/** VIP-only collections are listed for everyone (locked for non-VIP callers), drafts only for staff. */
function collectionFilter(staff: boolean) {
  return staff ? sql`true` : sql.raw(`k.visibility <> 'DRAFT'`);
}

function presentCollection(row: CollectionRow, audience: Audience, count: number): Collection {
  const locked = row.visibility === 'VIP_ONLY' && audience !== 'VIP';
  return {
    collectionId: row.id,
    slug: row.slug,
    name: row.name,
    tagline: row.tagline,
    description: row.description,
    ...(row.hero ? { hero: presentImage(row.hero) } : {}),
    visibility: row.visibility,
    position: row.position,
    locked,
    productCount: locked ? 0 : count,
  };
}

export async function listCollections(db: Db, actor: Actor | undefined): Promise<Collection[]> {
  const audience = audienceOf(actor);
  const staff = actor?.userType === 'ADMIN';
  const rows = await queryRows<CollectionRow & { n: number }>(
    db,
    sql`select k.id, k.slug, k.name, k.tagline, k.description, k.hero, k.visibility, k.position, k.created_at as "createdAt", k.updated_at as "updatedAt",
          (select count(*)::int from collection_products cp join products p on p.id = cp.product_id where cp.collection_id = k.id and ${audienceFilter(audience)}) as n
        from collections k where ${collectionFilter(staff)} order by k.position, k.name`,
  );
  return rows.map((r) => presentCollection(r, audience, Number(r.n)));
}

export async function getCollection(
  db: Db,
  actor: Actor | undefined,
  slug: string,
  page: { nextToken?: string; maxResults: number },
): Promise<{ collection: Collection; products: Product[]; nextToken?: string }> {
  const audience = audienceOf(actor);
  const staff = actor?.userType === 'ADMIN';
  const [row] = await db.select().from(collections).where(eq(collections.slug, slug)).limit(1);
  if (!row || (row.visibility === 'DRAFT' && !staff)) throw new ApiError('ResourceNotFoundException', 'No such collection');
  const locked = row.visibility === 'VIP_ONLY' && audience !== 'VIP';
  if (locked) return { collection: presentCollection(row, audience, 0), products: [] };
  // Keyset on (position, product id), like every list: a product added or removed meanwhile never shifts a page.
  const sort = `collection:${row.id}`;
  const after = page.nextToken ? decodeCursor(page.nextToken, sort, 'int') : undefined;
  const visible = sql`from collection_products cp join products p on p.id = cp.product_id where cp.collection_id = ${row.id} and ${audienceFilter(audience)}`;
  const [ids, counted] = await Promise.all([
    queryRows<{ id: string; position: number }>(
      db,
      sql`select p.id, cp.position ${visible} ${after ? sql`and (cp.position, p.id) > (${Number(after.key)}, ${after.id}::uuid)` : sql``}
          order by cp.position, p.id limit ${page.maxResults + 1}`,
    ),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total ${visible}`),
  ]);
  const cut = cutPage(ids, page.maxResults, sort, (r) => ({ key: String(r.position), id: r.id }));
  const productList = await productsByIds(
    db,
    audience,
    cut.items.map((r) => r.id),
  );
  return {
    collection: presentCollection(row, audience, Number(counted[0]?.total ?? 0)),
    products: productList,
    ...(cut.nextToken ? { nextToken: cut.nextToken } : {}),
  };
}

async function createCollectionWrite(db: Db, input: CollectionInput): Promise<Collection> {
  const hero = await storedOne(db, input.hero, 'hero');
  try {
    const [row] = await db
      .insert(collections)
      .values({
        id: uuidv7(),
        slug: input.slug ?? slugify(input.name),
        name: input.name,
        tagline: input.tagline ?? '',
        description: input.description ?? '',
        hero: hero ?? null,
        visibility: input.visibility ?? 'DRAFT',
        position: input.position ?? 0,
      })
      .returning();
    return presentCollection(row!, 'VIP', 0);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('A collection with this slug');
    throw err;
  }
}

async function updateCollectionWrite(db: Db, collectionId: string, input: Partial<CollectionInput>): Promise<Collection> {
  const hero = await storedOne(db, input.hero, 'hero');
  try {
    const [row] = await db
      .update(collections)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.slug !== undefined ? { slug: input.slug } : {}),
        ...(input.tagline !== undefined ? { tagline: input.tagline } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(hero ? { hero } : {}),
        ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
        ...(input.position !== undefined ? { position: input.position } : {}),
        updatedAt: new Date(),
      })
      .where(eq(collections.id, collectionId))
      .returning();
    if (!row) throw new ApiError('ResourceNotFoundException', 'No such collection');
    const [c] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from collection_products where collection_id = ${collectionId}`,
    );
    return presentCollection(row, 'VIP', Number(c?.n ?? 0));
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('A collection with this slug');
    throw err;
  }
}

async function deleteCollectionWrite(db: Db, collectionId: string): Promise<void> {
  const deleted = await db.delete(collections).where(eq(collections.id, collectionId)).returning({ id: collections.id });
  if (deleted.length === 0) throw new ApiError('ResourceNotFoundException', 'No such collection');
}

/** Replaces a collection's products, in order, in one transaction. */
async function setCollectionProductsWrite(db: Db, collectionId: string, productIds: readonly string[]): Promise<Collection> {
  const unique = [...new Set(productIds)];
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(collections).where(eq(collections.id, collectionId)).for('update');
    if (!row) throw new ApiError('ResourceNotFoundException', 'No such collection');
    if (unique.length > 0) {
      const found = await queryRows<{ id: string }>(
        tx,
        sql`select id from products where id in (${sql.join(
          unique.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
      if (found.length !== unique.length)
        throw new ApiError('ValidationException', 'Some products do not exist', {
          fieldErrors: { 'body.productIds': ['Unknown product id'] },
        });
    }
    await tx.delete(collectionProducts).where(and(eq(collectionProducts.collectionId, collectionId)));
    if (unique.length > 0)
      await tx.insert(collectionProducts).values(unique.map((productId, position) => ({ collectionId, productId, position })));
    return presentCollection(row, 'VIP', unique.length);
  });
}

// Writes clear this instance's catalog cache at once (even when they fail halfway); the NOTIFY trigger clears the others'.
export const createBrand = invalidatingCatalog(createBrandWrite);
export const updateBrand = invalidatingCatalog(updateBrandWrite);
export const deleteBrand = invalidatingCatalog(deleteBrandWrite);
export const createCategory = invalidatingCatalog(createCategoryWrite);
export const updateCategory = invalidatingCatalog(updateCategoryWrite);
export const deleteCategory = invalidatingCatalog(deleteCategoryWrite);
export const createCollection = invalidatingCatalog(createCollectionWrite);
export const updateCollection = invalidatingCatalog(updateCollectionWrite);
export const deleteCollection = invalidatingCatalog(deleteCollectionWrite);
export const setCollectionProducts = invalidatingCatalog(setCollectionProductsWrite);
export const setPartnerBrand = invalidatingCatalog(setPartnerBrandWrite);
