import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { actorOf } from '../../http/auth.ts';
import { adminListProducts, listProducts } from './browse.ts';
import {
  AdminListProductsInput,
  CreateProductInput,
  CreateProductOutput,
  DeleteProductOutput,
  GetProductOutput,
  ListProductsInput,
  ListProductsOutput,
  ProductIdParams,
  ProductSlugParams,
  SearchProductsInput,
  SearchProductsOutput,
  SetStockInput,
  SetVisibilityInput,
  SuggestInput,
  SuggestOutput,
  UpdateProductInput,
  UpdateProductOutput,
  VariantParams,
} from './models.ts';
import { createProduct, deleteProduct, getProduct, setVariantStock, setVisibility, updateProduct } from './products.ts';
import { searchProducts, suggest } from './search.ts';
import { sendAnswer } from '../../http/cached-json.ts';

const tags = ['Products'];

/** The spec's product operations, plus slug lookup, suggestions, visibility, stock and the back-office list. */
export async function productRoutes(parent: FastifyInstance, _opts: { ctx: AppContext }): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const db = app.db;
  const production = app.config.NODE_ENV === 'production';

  app.post(
    '/products',
    {
      schema: {
        tags,
        summary: 'CreateProduct — admins, or a brand partner for their own brand (new products are DRAFT unless visibility says otherwise)',
        body: CreateProductInput,
        response: {
          201: CreateProductOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ConflictException'),
        },
      },
      config: { policy: 'product.write' },
    },
    async (request, reply) => {
      const product = await createProduct(db, actorOf(request), request.body);
      return reply.status(201).send({ productId: product.productId, product });
    },
  );

  app.get(
    '/products',
    {
      schema: {
        tags,
        summary: 'ListProducts — browse with filters (category includes descendants), sort and cursor pagination',
        querystring: ListProductsInput,
        response: { 200: ListProductsOutput, ...errorResponses('ValidationException') },
      },
      config: { policy: 'public' },
    },
    async (request, reply) => sendAnswer(reply, production, await listProducts(db, request.actor, request.query)),
  );

  app.get(
    '/products/search',
    {
      schema: {
        tags,
        summary: 'SearchProducts — full-text search with typo tolerance and disjunctive facets',
        querystring: SearchProductsInput,
        response: { 200: SearchProductsOutput, ...errorResponses('ValidationException') },
      },
      config: { policy: 'public' },
    },
    async (request, reply) => sendAnswer(reply, production, await searchProducts(db, request.actor, request.query)),
  );

  app.get(
    '/products/suggest',
    {
      schema: {
        tags,
        summary: 'As-you-type suggestions: products, brands, categories',
        querystring: SuggestInput,
        response: { 200: SuggestOutput, ...errorResponses('ValidationException') },
      },
      config: { policy: 'public' },
    },
    async (request, reply) => sendAnswer(reply, production, await suggest(db, request.actor, request.query)),
  );

  app.get(
    '/products/by-slug/:slug',
    {
      schema: {
        tags,
        summary: 'GetProduct by its URL slug',
        params: ProductSlugParams,
        response: { 200: GetProductOutput, ...errorResponses('ValidationException', 'ResourceNotFoundException') },
      },
      config: { policy: 'public' },
    },
    async (request, reply) => sendAnswer(reply, production, await getProduct(db, request.actor, { slug: request.params.slug }), 'product'),
  );

  app.get(
    '/products/:productId',
    {
      schema: {
        tags,
        summary: 'GetProduct — 404 for products the caller may not see (VIP-only for non-VIP, drafts for all but the brand and admins)',
        params: ProductIdParams,
        response: { 200: GetProductOutput, ...errorResponses('ValidationException', 'ResourceNotFoundException') },
      },
      config: { policy: 'public' },
    },
    async (request, reply) =>
      sendAnswer(reply, production, await getProduct(db, request.actor, { id: request.params.productId }), 'product'),
  );

  app.put(
    '/products/:productId',
    {
      schema: {
        tags,
        summary: 'UpdateProduct — admins, or the brand’s partner',
        params: ProductIdParams,
        body: UpdateProductInput,
        response: {
          200: UpdateProductOutput,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'ConflictException',
          ),
        },
      },
      config: { policy: 'product.write' },
    },
    async (request) => ({ product: await updateProduct(db, actorOf(request), request.params.productId, request.body) }),
  );

  app.delete(
    '/products/:productId',
    {
      schema: {
        tags,
        summary: 'DeleteProduct — admins, or the brand’s partner',
        params: ProductIdParams,
        response: {
          200: DeleteProductOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'product.write' },
    },
    async (request) => {
      await deleteProduct(db, actorOf(request), request.params.productId);
      return { success: true };
    },
  );

  app.put(
    '/products/:productId/visibility',
    {
      schema: {
        tags,
        summary: 'Publish, restrict to VIP or withdraw to draft',
        params: ProductIdParams,
        body: SetVisibilityInput,
        response: {
          200: GetProductOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'product.write' },
    },
    async (request) => ({ product: await setVisibility(db, actorOf(request), request.params.productId, request.body.visibility) }),
  );

  app.put(
    '/products/:productId/variants/:variantId/stock',
    {
      schema: {
        tags,
        summary: 'Set one variant’s stock (the product’s inventory follows)',
        params: VariantParams,
        body: SetStockInput,
        response: {
          200: GetProductOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'product.write' },
    },
    async (request) => ({
      product: await setVariantStock(db, actorOf(request), request.params.productId, request.params.variantId, request.body.stock),
    }),
  );

  app.get(
    '/admin/products',
    {
      schema: {
        tags,
        summary: 'Back-office product list, drafts included: every product for admins, their brand’s for a partner',
        querystring: AdminListProductsInput,
        response: { 200: ListProductsOutput, ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'product.write' },
    },
    async (request) => adminListProducts(db, actorOf(request), request.query),
  );
}
