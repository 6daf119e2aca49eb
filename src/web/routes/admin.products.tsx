import type { FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { Route } from './+types/admin.products';
import { ButtonLink, Button } from '../components/ui/button.tsx';
import { Field } from '../components/ui/field.tsx';
import { Input } from '../components/ui/input.tsx';
import { useToast } from '../components/ui/toast.tsx';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { LoadMore } from '../components/ui/load-more.tsx';
import { Select } from '../components/ui/select.tsx';
import { Table, Td, Th, Tr } from '../features/admin/components/table.tsx';
import { problemMessage, toProblem } from '../lib/api/problem.ts';
import { useSignedInUser } from '../features/auth/session.tsx';
import { useAdminProducts, useSetVisibility, type AdminProductFilters, type Visibility } from '../features/catalog/api/admin.ts';
import { flattenCategories, useBrands, useCategories } from '../features/catalog/api/taxonomy.ts';
import { formatPrice } from '../features/catalog/components/price.tsx';
import { ProductImage } from '../features/catalog/components/product-image.tsx';
import { toPicture, type Product } from '../features/catalog/present.ts';
import { pageMeta } from '../lib/seo.ts';
import { VISIBILITIES } from '../features/catalog/components/admin/visibilities.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Products — The house office', description: 'The catalogue of StyleByZaga.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

type Filters = Omit<AdminProductFilters, 'nextToken' | 'maxResults'>;

/** Filters in the address: shareable, and Back returns to the previous search. */
function filtersFrom(params: URLSearchParams): Filters {
  const visibility = params.get('visibility');
  const q = params.get('q')?.trim();
  const brand = params.get('brand')?.trim();
  const category = params.get('category')?.trim();
  return {
    ...(q ? { query: q } : {}),
    ...(VISIBILITIES.some((v) => v.value === visibility) ? { visibility: visibility as Visibility } : {}),
    ...(brand ? { brand } : {}),
    ...(category ? { category } : {}),
  };
}

/** The catalogue ledger for administrators (every product) and brand partners (their house's), drafts included. */
export default function AdminProducts() {
  const user = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  const base = pathname.replace(/\/$/, '');
  const filters = filtersFrom(params);
  const products = useAdminProducts(filters);
  const brands = useBrands();
  const categories = useCategories();
  const rows = products.data?.pages.flatMap((p) => p.products) ?? [];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const [key, value] of form) if (typeof value === 'string' && value.trim()) next.set(key, value.trim());
    setParams(next);
  }

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-x-10">
        <div className="min-w-0 flex-1 basis-80">
          <PageTitle
            eyebrow={user.userType === 'ADMIN' ? 'The house office' : 'Partner area'}
            title="Products"
            lede="Every piece, drafts included. Publish, reserve for private clients or withdraw with one change."
          />
        </div>
        <ButtonLink to={`${base}/new`} className="mb-12 sm:mt-10">
          New product
        </ButtonLink>
      </div>
      <form
        key={params.toString()}
        onSubmit={submit}
        role="search"
        aria-label="Find products"
        className="mb-12 grid gap-8 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end"
      >
        <Field label="Name">
          {(p) => <Input {...p} name="q" type="search" defaultValue={filters.query ?? ''} placeholder="e.g. Kelly" />}
        </Field>
        <Field label="Visibility">
          {(p) => (
            <Select {...p} name="visibility" defaultValue={filters.visibility ?? ''}>
              <option value="">All</option>
              {VISIBILITIES.map((v) => (
                <option key={v.value} value={v.value}>
                  {v.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {user.userType === 'ADMIN' && (
          <Field label="House">
            {(p) => (
              <Select {...p} name="brand" defaultValue={filters.brand ?? ''}>
                <option value="">All</option>
                {(brands.data ?? []).map((b) => (
                  <option key={b.slug} value={b.slug}>
                    {b.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        )}
        <Field label="Category">
          {(p) => (
            <Select {...p} name="category" defaultValue={filters.category ?? ''}>
              <option value="">All</option>
              {flattenCategories(categories.data ?? []).map(({ category, depth }) => (
                <option key={category.slug} value={category.slug}>
                  {'\u2002'.repeat(depth)}
                  {category.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" size="sm" className="h-12">
          Filter
        </Button>
      </form>

      {products.isPending ? (
        <ListLoading />
      ) : products.isError ? (
        <ListError error={products.error} />
      ) : rows.length === 0 ? (
        <p className="border-y border-line py-10 text-center text-stone">No product matches these filters.</p>
      ) : (
        <>
          <Table caption="Products">
            <thead>
              <tr>
                <Th className="w-16">
                  <span className="sr-only">Picture</span>
                </Th>
                <Th>Product</Th>
                <Th>Category</Th>
                <Th>Price</Th>
                <Th>Stock</Th>
                <Th>Visibility</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <ProductRow key={p.productId} product={p} base={base} />
              ))}
            </tbody>
          </Table>
          <LoadMore
            shown={rows.length}
            noun={rows.length === 1 ? 'product' : 'products'}
            hasMore={products.hasNextPage}
            loading={products.isFetchingNextPage}
            onMore={() => void products.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}

function ProductRow({ product, base }: { product: Product; base: string }) {
  const setVisibility = useSetVisibility();
  const { toast } = useToast();
  return (
    <Tr>
      <Td>
        <ProductImage picture={toPicture(product.images[0], '')} alt="" sizes="48px" className="aspect-[4/5] w-12" />
      </Td>
      <Td>
        <Link
          to={`${base}/${product.productId}`}
          className="font-display text-lg text-ink underline decoration-line underline-offset-4 hover:decoration-ink"
        >
          {product.name}
        </Link>
        <span className="block text-stone">{product.brandName}</span>
      </Td>
      <Td>{product.categoryName}</Td>
      <Td className="whitespace-nowrap">{product.priceOnRequest ? <em>On request</em> : formatPrice(product.price)}</Td>
      <Td className={product.inventory === 0 ? 'text-danger' : undefined}>{product.inventory}</Td>
      <Td>
        <label className="sr-only" htmlFor={`visibility-${product.productId}`}>
          Visibility of {product.name}
        </label>
        <Select
          id={`visibility-${product.productId}`}
          value={product.visibility}
          disabled={setVisibility.isPending}
          onChange={(e) =>
            setVisibility.mutate(
              { productId: product.productId, visibility: e.target.value as Visibility },
              {
                onSuccess: () => toast({ title: 'Visibility changed', description: product.name, tone: 'success' }),
                onError: (error) => toast({ title: 'Visibility unchanged', description: problemMessage(toProblem(error)), tone: 'error' }),
              },
            )
          }
          className="py-1.5 text-sm"
        >
          {VISIBILITIES.map((v) => (
            <option key={v.value} value={v.value}>
              {v.label}
            </option>
          ))}
        </Select>
      </Td>
    </Tr>
  );
}
