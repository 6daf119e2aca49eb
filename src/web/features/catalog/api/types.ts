import type { paths } from '../../../lib/api/schema.d.ts';

/**
 * API shapes, read from the operations themselves (request and response bodies of the generated `paths`), so
 * they follow the OpenAPI document whatever its component names are.
 */
type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer R } } };
}
  ? R
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer R } } } }
    ? R
    : never;
export type Query<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;

export type Product = Ok<'/api/v1/products/by-slug/{slug}', 'get'>['product'];
export type Variant = NonNullable<Product['variants']>[number];
export type ApiImage = Product['images'][number];
export type ListProductsOutput = Ok<'/api/v1/products', 'get'>;
export type ListProductsQuery = Query<'/api/v1/products', 'get'>;
export type SearchProductsOutput = Ok<'/api/v1/products/search', 'get'>;
export type SearchProductsQuery = Query<'/api/v1/products/search', 'get'>;
export type ProductFacets = SearchProductsOutput['facets'];
export type Suggestions = Ok<'/api/v1/products/suggest', 'get'>;
export type Category = Ok<'/api/v1/categories', 'get'>['categories'][number];
export type GetCategoryOutput = Ok<'/api/v1/categories/{slug}', 'get'>;
export type Brand = Ok<'/api/v1/brands', 'get'>['brands'][number];
export type Collection = Ok<'/api/v1/collections', 'get'>['collections'][number];
export type GetCollectionOutput = Ok<'/api/v1/collections/{slug}', 'get'>;
export type WishlistOutput = Ok<'/api/v1/me/wishlist', 'get'>;
export type Inquiry = Ok<'/api/v1/inquiries', 'get'>['inquiries'][number];
export type InquiryStatus = Inquiry['status'];
export type CreateInquiryInput = Body<'/api/v1/products/{productId}/inquiries', 'post'>;
export type MediaAsset = Ok<'/api/v1/media', 'post'>;

export type AdminProductFilters = Query<'/api/v1/admin/products', 'get'>;
export type CreateProductInput = Body<'/api/v1/products', 'post'>;
export type UpdateProductInput = Body<'/api/v1/products/{productId}', 'put'>;
export type Visibility = Product['visibility'];
export type PurchaseMode = Product['purchaseMode'];
export type BrandInput = Body<'/api/v1/brands', 'post'>;
export type CategoryInput = Body<'/api/v1/categories', 'post'>;
export type CollectionInput = Body<'/api/v1/collections', 'post'>;
