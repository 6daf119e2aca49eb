import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { ApiProblem, call } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';

import type {
  AdminProductFilters,
  BrandInput,
  CategoryInput,
  CollectionInput,
  CreateProductInput,
  MediaAsset,
  UpdateProductInput,
  Visibility,
} from './types.ts';

export type {
  AdminProductFilters,
  BrandInput,
  CategoryInput,
  CollectionInput,
  CreateProductInput,
  MediaAsset,
  PurchaseMode,
  UpdateProductInput,
  Visibility,
} from './types.ts';

const PAGE_SIZE = 25;

/** The back-office list: drafts included; a partner sees their own house's products only (the server decides). */
export function getAdminProductsQueryOptions(api: ApiClient, filters: Omit<AdminProductFilters, 'nextToken' | 'maxResults'>) {
  return infiniteQueryOptions({
    queryKey: ['catalog', 'admin', 'products', filters],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/admin/products', {
          params: { query: { ...filters, maxResults: PAGE_SIZE, ...(pageParam ? { nextToken: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextToken,
  });
}

export function useAdminProducts(filters: Omit<AdminProductFilters, 'nextToken' | 'maxResults'>) {
  const { api } = useSession();
  return useInfiniteQuery(getAdminProductsQueryOptions(api, filters));
}

export function getAdminProductQueryOptions(api: ApiClient, productId: string) {
  return queryOptions({
    queryKey: ['catalog', 'admin', 'product', productId],
    queryFn: () => call(api.GET('/api/v1/products/{productId}', { params: { path: { productId } } })).then((r) => r.product),
  });
}

export function useAdminProduct(productId: string | undefined) {
  const { api } = useSession();
  return useQuery({ ...getAdminProductQueryOptions(api, productId ?? ''), enabled: Boolean(productId) });
}

function useInvalidateCatalog() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['catalog'] });
}

export function useSaveProduct(productId: string | undefined) {
  const { api } = useSession();
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: (input: CreateProductInput) =>
      productId
        ? call(api.PUT('/api/v1/products/{productId}', { params: { path: { productId } }, body: input as UpdateProductInput })).then(
            (r) => r.product,
          )
        : call(api.POST('/api/v1/products', { body: input })).then((r) => r.product),
    onSuccess: invalidate,
  });
}

export function useDeleteProduct() {
  const { api } = useSession();
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: (productId: string) => call(api.DELETE('/api/v1/products/{productId}', { params: { path: { productId } } })),
    onSuccess: invalidate,
  });
}

export function useSetVisibility() {
  const { api } = useSession();
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: ({ productId, visibility }: { productId: string; visibility: Visibility }) =>
      call(api.PUT('/api/v1/products/{productId}/visibility', { params: { path: { productId } }, body: { visibility } })),
    onSuccess: invalidate,
  });
}

export function useSetStock() {
  const { api } = useSession();
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: ({ productId, variantId, stock }: { productId: string; variantId: string; stock: number }) =>
      call(
        api.PUT('/api/v1/products/{productId}/variants/{variantId}/stock', { params: { path: { productId, variantId } }, body: { stock } }),
      ),
    onSuccess: invalidate,
  });
}

/** Uploads one image (multipart); the server checks, re-encodes and strips it, and answers with its renditions. */
export function useUploadImage() {
  const { api } = useSession();
  return useMutation({
    mutationFn: async (file: File): Promise<MediaAsset> => {
      const form = new FormData();
      form.append('purpose', 'PRODUCT');
      form.append('file', file);
      const result = await api.POST('/api/v1/media', { body: form as never, bodySerializer: (body: unknown) => body as FormData });
      if (result.error || !result.data) throw new ApiProblem(result.response.status, result.error as never);
      return result.data;
    },
  });
}

// ───────────── brands, categories, collections ─────────────

export function useCreateBrand() {
  const { api } = useSession();
  const invalidate = useInvalidateCatalog();
  return useMutation({ mutationFn: (input: BrandInput) => call(api.POST('/api/v1/brands', { body: input })), onSuccess: invalidate });
}

export function useUpdateBrand() {
  const { api } = useSession();
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: ({ brandId, input }: { brandId: string; input: Partial<BrandInput> }) =>
      call(api.PUT('/api/v1/brands/{brandId}', { params: { path: { brandId } }, body: input })),
    onSuccess: invalidate,
  });
}

export function useDeleteBrand() {
  const { api } = useSession();
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: (brandId: string) => call(api.DELETE('/api/v1/brands/{brandId}', { params: { path: { brandId } } })),
    onSuccess: invalidate,
  });
}

export function useCreateCategory() {
  const { api } = useSession();
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: (input: CategoryInput) => call(api.POST('/api/v1/categories', { body: input })),
    onSuccess: invalidate,
  });
}

export function useUpdateCategory() {
  const { api } = useSession();
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: ({ categoryId, input }: { categoryId: string; input: Partial<CategoryInput> }) =>
      call(api.PUT('/api/v1/categories/{categoryId}', { params: { path: { categoryId } }, body: input })),
    onSuccess: invalidate,
  });
}

export function useDeleteCategory() {
  const { api } = useSession();
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: (categoryId: string) => call(api.DELETE('/api/v1/categories/{categoryId}', { params: { path: { categoryId } } })),
    onSuccess: invalidate,
  });
}

export function useCreateCollection() {
  const { api } = useSession();
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: (input: CollectionInput) => call(api.POST('/api/v1/collections', { body: input })),
    onSuccess: invalidate,
  });
}

export function useUpdateCollection() {
  const { api } = useSession();
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: ({ collectionId, input }: { collectionId: string; input: Partial<CollectionInput> }) =>
      call(api.PUT('/api/v1/collections/{collectionId}', { params: { path: { collectionId } }, body: input })),
    onSuccess: invalidate,
  });
}

export function useSetCollectionProducts() {
  const { api } = useSession();
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: ({ collectionId, productIds }: { collectionId: string; productIds: string[] }) =>
      call(api.PUT('/api/v1/collections/{collectionId}/products', { params: { path: { collectionId } }, body: { productIds } })),
    onSuccess: invalidate,
  });
}

export function useDeleteCollection() {
  const { api } = useSession();
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: (collectionId: string) => call(api.DELETE('/api/v1/collections/{collectionId}', { params: { path: { collectionId } } })),
    onSuccess: invalidate,
  });
}
