import { Link } from 'react-router';
import type { Route } from './+types/shop';
import { EditorialFeature } from '../components/editorial/editorial-feature.tsx';
import { EditorialTile } from '../components/editorial/editorial-tile.tsx';
import { PageHero } from '../components/editorial/page-hero.tsx';
import { ButtonLink } from '../components/ui/button.tsx';
import { Container } from '../components/ui/container.tsx';
import { SectionHeading } from '../components/ui/section-heading.tsx';
import { useSearchProducts } from '../features/catalog/api/products.ts';
import { serverApi } from '../lib/api/server.ts';
import { listCategories } from '../features/catalog/api/taxonomy.ts';
import { facetGroups, labelFrom, loadBrowse } from '../features/catalog/browse.ts';
import { BrowseView } from '../features/catalog/components/browse-view.tsx';
import { toCard } from '../features/catalog/present.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) =>
  pageMeta(args, {
    title: 'Shop',
    description:
      'Ready-to-wear, leather goods, fine jewellery and objects for the home from the partner houses of StyleByZaga, alongside pieces made to measure.',
    image: 'shop-hero',
  });

/** The boutique: its departments (the category tree's roots) and every piece the public may see, filtered by the address. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const [categories, browse] = await Promise.all([listCategories(serverApi(context)).catch(() => []), loadBrowse(context, request)]);
  return { categories, browse };
}

export default function Shop({ loaderData }: Route.ComponentProps) {
  const { categories, browse } = loaderData;
  const departments = categories.filter((c) => !c.showcase && (c.productCount ?? 0) > 0);
  const showcase = categories.filter((c) => c.showcase && (c.productCount ?? 0) > 0);
  const search = useSearchProducts(browse.query, browse.result ?? undefined);
  const result = search.data;

  return (
    <>
      <PageHero
        eyebrow="The Boutique"
        title={
          <>
            A boutique of <em className="italic">rare</em> houses
          </>
        }
        lede={
          <p>
            We carry the collections of the fashion houses and ateliers we trust, and pieces made to measure in our own workrooms. Every
            item is authenticated, insured in transit and delivered by hand in the major cities.
          </p>
        }
        image={{ kind: 'editorial', name: 'shop-hero', alt: 'Editorial composition for the boutique' }}
      >
        <ButtonLink to="#boutique" size="lg">
          Browse the boutique
        </ButtonLink>
        <ButtonLink to="/stylists" variant="ghost">
          Shop with a stylist
        </ButtonLink>
      </PageHero>

      {departments.length > 0 && (
        <section aria-labelledby="departments-title" className="border-t border-line py-20 lg:py-28">
          <Container>
            <SectionHeading
              id="departments-title"
              eyebrow="Departments"
              title="From the wardrobe to the jewel box"
              lede="Each department chosen piece by piece by our buyers and stylists."
            />
            <ul className="mt-16 grid grid-cols-2 gap-x-4 gap-y-12 sm:gap-x-8 md:grid-cols-3 lg:mt-20 xl:grid-cols-4">
              {departments.map((c) => (
                <li key={c.slug}>
                  <EditorialTile
                    to={`/shop/${c.slug}`}
                    eyebrow={`${(c.productCount ?? 0).toLocaleString('en-GB')} pieces`}
                    title={c.name}
                    image={{ kind: 'product', name: `department-${c.slug}` }}
                    sizes="(min-width: 1280px) 22vw, (min-width: 768px) 30vw, 50vw"
                    aspect="aspect-[4/5]"
                    linkLabel="Enter"
                  />
                </li>
              ))}
            </ul>
          </Container>
        </section>
      )}

      <section id="boutique" aria-labelledby="browse-title" className="scroll-mt-4 border-t border-line">
        <BrowseView
          titleAs="h2"
          eyebrow="Every piece"
          title={
            <>
              The whole <em className="italic">boutique</em>
            </>
          }
          lede={<p>Refine by house, colour, size or price; the address keeps your choices, to share or to return to.</p>}
          state={browse.state}
          groups={facetGroups(
            result?.facets,
            categories.map((c) => c.slug),
          )}
          priceRanges={(result?.facets.priceRanges ?? []).map((p) => ({ value: p.value, label: p.label ?? p.value, count: p.count }))}
          currency={browse.query.currency ?? 'EUR'}
          products={(result?.products ?? []).map(toCard)}
          total={result?.total}
          nextToken={result?.nextToken}
          sorts={['newest', 'price-asc', 'price-desc']}
          labelOf={labelFrom(result?.facets)}
          refreshing={search.refreshing}
          empty={<p className="border-y border-line py-20 text-center text-ink-soft">No piece matches these filters.</p>}
        />
      </section>

      {showcase.length > 0 && (
        <section aria-labelledby="showcase-title" className="bg-ink py-20 text-ivory lg:py-28">
          <Container>
            <SectionHeading
              id="showcase-title"
              tone="dark"
              eyebrow="The Showcase"
              title="Beyond the wardrobe"
              lede="Automobiles, residences, aviation and yachts from our partners, viewed by private appointment."
            />
            <ul className="mt-14 flex flex-wrap gap-x-10 gap-y-4">
              {showcase.map((c) => (
                <li key={c.slug}>
                  <Link to={`/shop/${c.slug}`} className="font-display text-3xl text-ivory/85 transition-colors hover:text-ivory">
                    {c.name}
                  </Link>
                </li>
              ))}
            </ul>
          </Container>
        </section>
      )}

      <EditorialFeature
        id="made-to-measure"
        tone="sand"
        eyebrow="Made to measure"
        title={
          <>
            Pieces that exist <em className="italic">only once</em>
          </>
        }
        image={{ kind: 'editorial', name: 'shop-made-to-measure', alt: '' }}
      >
        <p>
          A coat cut to your shoulders, a ring set with a stone you chose in person, a trunk fitted to the things you carry. Our workrooms
          make each commission from a first conversation, with fittings where you are.
        </p>
        <p>Your stylist follows every step and tells you, plainly, what it will cost and when it will arrive.</p>
      </EditorialFeature>
    </>
  );
}
