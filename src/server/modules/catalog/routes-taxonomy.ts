import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { actorOf } from '../../http/auth.ts';
import {
  Brand,
  BrandIdParams,
  BrandInput,
  BrandSlugParams,
  Category,
  CategoryIdParams,
  CategoryInput,
  CategorySlugParams,
  Collection,
  CollectionIdParams,
  CollectionInput,
  CollectionSlugParams,
  CountsInput,
  GetCategoryOutput,
  GetCollectionInput,
  GetCollectionOutput,
  ListBrandsOutput,
  ListCategoriesOutput,
  ListCollectionsOutput,
  PartnerBrand,
  PartnerParams,
  SetCollectionProductsInput,
  SetPartnerBrandInput,
  UpdateBrandInput,
  UpdateCategoryInput,
  UpdateCollectionInput,
} from './models.ts';
import {
  createBrand,
  createCategory,
  createCollection,
  deleteBrand,
  deleteCategory,
  deleteCollection,
  getBrand,
  getCategory,
  getCollection,
  listBrands,
  listCategories,
  listCollections,
  myBrand,
  setCollectionProducts,
  setPartnerBrand,
  unlinkPartner,
  updateBrand,
  updateCategory,
  updateCollection,
} from './taxonomy.ts';

const Success = z.object({ success: z.boolean() }).meta({ id: 'CatalogSuccessOutput' });
const adminErrors = (...extra: Parameters<typeof errorResponses>) =>
  errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', ...extra);

/** Brands and partner links, the category tree, collections. Reads are public; writes are admin-only. */
export async function taxonomyRoutes(parent: FastifyInstance, _opts: { ctx: AppContext }): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  // ── brands ──
  let tags = ['Brands'];
  app.get(
    '/brands',
    {
      schema: {
        tags,
        summary: 'Every brand, by name',
        querystring: CountsInput,
        response: { 200: ListBrandsOutput, ...errorResponses('ValidationException') },
      },
      config: { policy: 'public' },
    },
    async (request) => ({
      brands: await listBrands(db, request.actor, request.query.withCounts === 'true'),
    }),
  );
  app.get(
    '/brands/:slug',
    {
      schema: {
        tags,
        summary: 'One brand, with its visible product count',
        params: BrandSlugParams,
        response: { 200: Brand, ...errorResponses('ValidationException', 'ResourceNotFoundException') },
      },
      config: { policy: 'public' },
    },
    async (request) => getBrand(db, request.actor, request.params.slug),
  );
  app.post(
    '/brands',
    {
      schema: { tags, summary: 'Create a brand (admin)', body: BrandInput, response: { 201: Brand, ...adminErrors('ConflictException') } },
      config: { policy: 'catalog.manage' },
    },
    async (request, reply) => reply.status(201).send(await createBrand(db, request.body)),
  );
  app.put(
    '/brands/:brandId',
    {
      schema: {
        tags,
        summary: 'Update a brand (admin)',
        params: BrandIdParams,
        body: UpdateBrandInput,
        response: { 200: Brand, ...adminErrors('ResourceNotFoundException', 'ConflictException') },
      },
      config: { policy: 'catalog.manage' },
    },
    async (request) => updateBrand(db, request.params.brandId, request.body),
  );
  app.delete(
    '/brands/:brandId',
    {
      schema: {
        tags,
        summary: 'Delete a brand without products (admin)',
        params: BrandIdParams,
        response: { 200: Success, ...adminErrors('ResourceNotFoundException', 'ConflictException') },
      },
      config: { policy: 'catalog.manage' },
    },
    async (request) => {
      await deleteBrand(db, request.params.brandId);
      return { success: true };
    },
  );
  app.put(
    '/admin/brand-partners/:userId',
    {
      schema: {
        tags,
        summary: 'Link a brand-partner account to its brand (admin)',
        params: PartnerParams,
        body: SetPartnerBrandInput,
        response: { 200: PartnerBrand, ...adminErrors('ResourceNotFoundException') },
      },
      config: { policy: 'catalog.manage' },
    },
    async (request) => setPartnerBrand(db, request.params.userId, request.body.brandId),
  );
  app.delete(
    '/admin/brand-partners/:userId',
    {
      schema: {
        tags,
        summary: 'Unlink a brand-partner account (admin)',
        params: PartnerParams,
        response: { 200: Success, ...adminErrors('ResourceNotFoundException') },
      },
      config: { policy: 'catalog.manage' },
    },
    async (request) => {
      await unlinkPartner(db, request.params.userId);
      return { success: true };
    },
  );
  app.get(
    '/me/brand',
    {
      schema: {
        tags,
        summary: 'The brand a partner account acts for',
        response: { 200: PartnerBrand, ...errorResponses('UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException') },
      },
      config: { policy: 'brand.readOwn' },
    },
    async (request) => myBrand(db, actorOf(request)),
  );

  // ── categories ──
  tags = ['Categories'];
  app.get(
    '/categories',
    {
      schema: {
        tags,
        summary: 'The category tree',
        querystring: CountsInput,
        response: { 200: ListCategoriesOutput, ...errorResponses('ValidationException') },
      },
      config: { policy: 'public' },
    },
    async (request) => ({
      categories: await listCategories(db, request.actor, request.query.withCounts === 'true'),
    }),
  );
  app.get(
    '/categories/:slug',
    {
      schema: {
        tags,
        summary: 'One category with its sub-tree, counts and breadcrumbs',
        params: CategorySlugParams,
        response: { 200: GetCategoryOutput, ...errorResponses('ValidationException', 'ResourceNotFoundException') },
      },
      config: { policy: 'public' },
    },
    async (request) => getCategory(db, request.actor, request.params.slug),
  );
  app.post(
    '/categories',
    {
      schema: {
        tags,
        summary: 'Create a category (admin)',
        body: CategoryInput,
        response: { 201: Category, ...adminErrors('ConflictException') },
      },
      config: { policy: 'catalog.manage' },
    },
    async (request, reply) => reply.status(201).send(await createCategory(db, request.body)),
  );
  app.put(
    '/categories/:categoryId',
    {
      schema: {
        tags,
        summary: 'Rename, move or reorder a category (admin)',
        params: CategoryIdParams,
        body: UpdateCategoryInput,
        response: { 200: Category, ...adminErrors('ResourceNotFoundException', 'ConflictException') },
      },
      config: { policy: 'catalog.manage' },
    },
    async (request) => updateCategory(db, request.params.categoryId, request.body),
  );
  app.delete(
    '/categories/:categoryId',
    {
      schema: {
        tags,
        summary: 'Delete an empty category (admin)',
        params: CategoryIdParams,
        response: { 200: Success, ...adminErrors('ResourceNotFoundException', 'ConflictException') },
      },
      config: { policy: 'catalog.manage' },
    },
    async (request) => {
      await deleteCategory(db, request.params.categoryId);
      return { success: true };
    },
  );

  // ── collections ──
  tags = ['Collections'];
  app.get(
    '/collections',
    {
      schema: {
        tags,
        summary: 'Curated collections (VIP-only ones are listed locked for non-VIP callers)',
        response: { 200: ListCollectionsOutput },
      },
      config: { policy: 'public' },
    },
    async (request) => ({
      collections: await listCollections(db, request.actor),
    }),
  );
  app.get(
    '/collections/:slug',
    {
      schema: {
        tags,
        summary: 'A collection and its products (none while locked)',
        params: CollectionSlugParams,
        querystring: GetCollectionInput,
        response: { 200: GetCollectionOutput, ...errorResponses('ValidationException', 'ResourceNotFoundException') },
      },
      config: { policy: 'public' },
    },
    async (request) =>
      getCollection(db, request.actor, request.params.slug, {
        maxResults: request.query.maxResults,
        ...(request.query.nextToken ? { nextToken: request.query.nextToken } : {}),
      }),
  );
  app.post(
    '/collections',
    {
      schema: {
        tags,
        summary: 'Create a collection (admin)',
        body: CollectionInput,
        response: { 201: Collection, ...adminErrors('ConflictException') },
      },
      config: { policy: 'catalog.manage' },
    },
    async (request, reply) => reply.status(201).send(await createCollection(db, request.body)),
  );
  app.put(
    '/collections/:collectionId',
    {
      schema: {
        tags,
        summary: 'Update a collection (admin)',
        params: CollectionIdParams,
        body: UpdateCollectionInput,
        response: { 200: Collection, ...adminErrors('ResourceNotFoundException', 'ConflictException') },
      },
      config: { policy: 'catalog.manage' },
    },
    async (request) => updateCollection(db, request.params.collectionId, request.body),
  );
  app.put(
    '/collections/:collectionId/products',
    {
      schema: {
        tags,
        summary: 'Set a collection’s products in order (admin)',
        params: CollectionIdParams,
        body: SetCollectionProductsInput,
        response: { 200: Collection, ...adminErrors('ResourceNotFoundException') },
      },
      config: { policy: 'catalog.manage' },
    },
    async (request) => setCollectionProducts(db, request.params.collectionId, request.body.productIds),
  );
  app.delete(
    '/collections/:collectionId',
    {
      schema: {
        tags,
        summary: 'Delete a collection (admin)',
        params: CollectionIdParams,
        response: { 200: Success, ...adminErrors('ResourceNotFoundException') },
      },
      config: { policy: 'catalog.manage' },
    },
    async (request) => {
      await deleteCollection(db, request.params.collectionId);
      return { success: true };
    },
  );
}
