import { Link } from 'react-router';
import type { Route } from './+types/search';
import { Container } from '../components/ui/container.tsx';
import { useSearchProducts } from '../features/catalog/api/products.ts';
import { facetGroups, labelFrom, loadBrowse } from '../features/catalog/browse.ts';
import { BrowseView } from '../features/catalog/components/browse-view.tsx';
import { SearchBox } from '../features/catalog/components/search-box.tsx';
import { toCard } from '../features/catalog/present.ts';
import { searchString } from '../features/catalog/url-state.ts';
import { pageMeta } from '../lib/seo.ts';
import { serverApi } from '../lib/api/server.ts';
import { listContent, type Content } from '../features/editorial/api.ts';
import { ContentCard } from '../features/editorial/components/content-card.tsx';

/** Server-rendered results for the address's query and filters, as the public sees them. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  if (!url.searchParams.get('q')?.trim()) return { empty: true as const };
  const words = url.searchParams.get('q')!.trim().slice(0, 120);
  // The Journal's pieces beside the products: the same words, published pieces the public may read.
  const [browse, journal] = await Promise.all([
    loadBrowse(context, request),
    listContent(serverApi(context), { q: words, view: 'summary', maxResults: 4 })
      .then((r) => r.content)
      .catch((): Content[] => []),
  ]);
  return { empty: false as const, ...browse, journal };
}

export const meta: Route.MetaFunction = (args) => {
  const q = new URLSearchParams(args.location.search).get('q')?.trim();
  return [
    ...pageMeta(args, {
      title: q ? `“${q}” — Search` : 'Search',
      description: 'Search the houses, pieces and departments of the StyleByZaga boutique.',
      image: 'shop-hero',
    }),
    // Result pages are many and thin; the departments are what search engines should index.
    { name: 'robots', content: 'noindex, follow' },
  ];
};

const DEPARTMENTS = [
  { label: 'Ready-to-wear', to: '/shop/ready-to-wear' },
  { label: 'Bags', to: '/shop/bags' },
  { label: 'Fine jewellery', to: '/shop/fine-jewellery' },
  { label: 'Watches', to: '/shop/watches' },
  { label: 'Automobiles', to: '/shop/automobiles' },
  { label: 'Residences', to: '/shop/residences' },
];

export default function Search({ loaderData }: Route.ComponentProps) {
  if (loaderData.empty) {
    return (
      <Container width="narrow" className="py-24 sm:py-32">
        <p className="eyebrow text-gold-deep">Search</p>
        <h1 className="display mt-6 text-5xl text-ink sm:text-6xl">
          What may we <em className="italic">find</em> for you?
        </h1>
        <SearchBox autoFocus size="lg" className="mt-14" />
        <div className="mt-16">
          <p className="eyebrow text-stone">Or begin with a department</p>
          <ul className="mt-6 flex flex-wrap gap-x-8 gap-y-3">
            {DEPARTMENTS.map((d) => (
              <li key={d.to}>
                <Link to={d.to} className="font-display text-2xl text-ink-soft hover:text-ink">
                  {d.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </Container>
    );
  }
  return <SearchResults data={loaderData} />;
}

function SearchResults({ data }: { data: Extract<Route.ComponentProps['loaderData'], { empty: false }> }) {
  const { state, query, result: serverResult, problem } = data;
  const search = useSearchProducts(query, serverResult ?? undefined);
  const result = search.data;
  const products = (result?.products ?? []).map(toCard);
  // A correction is worth saying only when it found something; "Showing results for …" above nothing misleads.
  const corrected = products.length > 0 ? result?.correctedQuery : undefined;
  const filtered =
    state.categories.length + state.brands.length + state.colors.length + state.sizes.length > 0 ||
    state.minPrice !== undefined ||
    state.maxPrice !== undefined;
  return (
    <>
      <Container className="pt-10">
        <SearchBox key={state.query} defaultValue={state.query} />
      </Container>
      <BrowseView
        eyebrow="Search"
        title={
          <>
            <span className="sr-only">Results for </span>“{state.query}”
          </>
        }
        state={state}
        groups={facetGroups(result?.facets, 'all')}
        priceRanges={(result?.facets.priceRanges ?? []).map((p) => ({ value: p.value, label: p.label ?? p.value, count: p.count }))}
        currency={query.currency ?? 'EUR'}
        products={products}
        total={result?.total}
        nextToken={result?.nextToken}
        sorts={['relevance', 'newest', 'price-asc', 'price-desc']}
        labelOf={labelFrom(result?.facets)}
        refreshing={search.refreshing}
        notice={
          corrected ? (
            <p className="mb-10 text-ink-soft">
              Showing results for <em className="font-display text-xl text-ink not-italic">{corrected}</em>.
            </p>
          ) : null
        }
        empty={
          <div className="border-y border-line py-20 text-center">
            <p className="display text-3xl text-ink">
              {problem
                ? 'This page of results is no longer available'
                : filtered
                  ? 'Nothing matches these filters'
                  : `Nothing matches “${state.query}”`}
            </p>
            <p className="mx-auto mt-4 max-w-md leading-relaxed text-ink-soft">
              {problem
                ? 'The list has changed since this address was made.'
                : filtered
                  ? 'Loosen a filter, or search the whole boutique for the same words.'
                  : 'Try another word or a house’s name, browse the boutique by department, or ask the concierge: our advisers search the houses for you.'}
            </p>
            <p className="mt-8 flex flex-wrap justify-center gap-x-8 gap-y-4">
              {filtered || problem ? (
                <Link
                  to={`/search${searchString({ ...state, after: undefined, categories: [], brands: [], colors: [], sizes: [], minPrice: undefined, maxPrice: undefined })}`}
                  className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink"
                >
                  Search again without filters
                </Link>
              ) : (
                <>
                  <Link to="/shop" className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink">
                    Browse the boutique
                  </Link>
                  <Link to="/concierge" className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink">
                    Ask the concierge
                  </Link>
                </>
              )}
            </p>
          </div>
        }
      />
      {data.journal.length > 0 && (
        <section aria-labelledby="journal-results-title" className="border-t border-line py-16 lg:py-24">
          <Container>
            <h2 id="journal-results-title" className="display text-4xl text-ink">
              From the <em className="italic">Journal</em>
            </h2>
            <ul className="mt-12 grid gap-x-10 gap-y-14 md:grid-cols-2 xl:grid-cols-4">
              {data.journal.map((c) => (
                <li key={c.contentId}>
                  <ContentCard content={c} sizes="(min-width: 1280px) 22vw, (min-width: 768px) 45vw, 100vw" />
                </li>
              ))}
            </ul>
          </Container>
        </section>
      )}
    </>
  );
}
