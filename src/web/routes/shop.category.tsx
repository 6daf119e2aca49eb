import { data, Link } from 'react-router';
import type { Route } from './+types/shop.category';
import { ErrorPage } from '../components/editorial/error-page.tsx';
import { ApiProblem } from '../lib/api/problem.ts';
import { useSearchProducts } from '../features/catalog/api/products.ts';
import { serverApi } from '../lib/api/server.ts';
import { getCategory } from '../features/catalog/api/taxonomy.ts';
import { departmentOf, facetGroups, labelFrom, loadBrowse } from '../features/catalog/browse.ts';
import { BrowseView } from '../features/catalog/components/browse-view.tsx';
import { toCard } from '../features/catalog/present.ts';
import { excerpt, notFoundMeta } from '../features/catalog/seo.ts';
import { clearFilters, searchString } from '../features/catalog/url-state.ts';
import { pageMeta } from '../lib/seo.ts';

/** A department: its description and sub-departments, then every piece in it and below, filtered and counted by the address. */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  try {
    // The tree first: the address may narrow only to this department's own sub-departments.
    const category = await getCategory(serverApi(context), params.categorySlug);
    const browse = await loadBrowse(context, request, departmentOf(category.category));
    return { ...category, browse };
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return data(null, { status: 404 });
    throw error;
  }
}

export const meta: Route.MetaFunction = (args) => {
  const loaded = args.loaderData;
  if (!loaded) return notFoundMeta();
  const { category } = loaded;
  const description = category.description
    ? excerpt(category.description)
    : `${category.name} from the partner houses of StyleByZaga: authenticated, insured and delivered by hand.`;
  return pageMeta(args, { title: category.name, description, image: 'shop-hero' });
};

export default function ShopCategory({ loaderData }: Route.ComponentProps) {
  if (!loaderData) return <ErrorPage status={404} />;
  const { category, breadcrumbs, browse } = loaderData;
  return <Department category={category} breadcrumbs={breadcrumbs} browse={browse} />;
}

type Loaded = NonNullable<Route.ComponentProps['loaderData']>;

function Department({ category, breadcrumbs, browse }: Loaded) {
  const { state, query, result: serverResult, problem } = browse;
  const search = useSearchProducts(query, serverResult ?? undefined);
  const result = search.data;
  return (
    <BrowseView
      eyebrow={category.showcase ? 'The Showcase' : (breadcrumbs.at(-2)?.name ?? 'The Boutique')}
      title={category.name}
      lede={category.description ? <p>{category.description}</p> : undefined}
      breadcrumbs={[{ label: 'Boutique', to: '/shop' }, ...breadcrumbs.map((b) => ({ label: b.name, to: `/shop/${b.slug}` }))]}
      // Links to the sub-departments' own pages; their counts, which follow the filters, are in the sidebar.
      subcategories={category.children.filter((c) => (c.productCount ?? 0) > 0).map((c) => ({ label: c.name, to: `/shop/${c.slug}` }))}
      state={state}
      groups={facetGroups(
        result?.facets,
        category.children.map((c) => c.slug),
      )}
      priceRanges={(result?.facets.priceRanges ?? []).map((p) => ({ value: p.value, label: p.label ?? p.value, count: p.count }))}
      currency={query.currency ?? 'EUR'}
      products={(result?.products ?? []).map(toCard)}
      total={result?.total}
      nextToken={result?.nextToken}
      sorts={['newest', 'price-asc', 'price-desc']}
      labelOf={labelFrom(result?.facets)}
      refreshing={search.refreshing}
      empty={
        <div className="border-y border-line py-20 text-center">
          <p className="display text-3xl text-ink">{problem ? 'This page is no longer available' : 'No piece matches these filters'}</p>
          <p className="mt-8">
            <Link
              to={`/shop/${category.slug}${searchString(clearFilters(state))}`}
              className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink"
            >
              See all of {category.name}
            </Link>
          </p>
        </div>
      }
    />
  );
}
