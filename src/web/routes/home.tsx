import { Link } from 'react-router';
import type { Route } from './+types/home';
import { EditorialTile } from '../components/editorial/editorial-tile.tsx';
import { NumberedSteps } from '../components/editorial/numbered-steps.tsx';
import { ResponsiveImage } from '../components/media/responsive-image.tsx';
import { ButtonLink } from '../components/ui/button.tsx';
import { Container } from '../components/ui/container.tsx';
import { SectionHeading } from '../components/ui/section-heading.tsx';
import { listProducts, useProducts, type ListProductsOutput } from '../features/catalog/api/products.ts';
import { serverApi } from '../lib/api/server.ts';
import { listCategories, listCollections, useCollectionsForViewer } from '../features/catalog/api/taxonomy.ts';
import { CollectionTile } from '../features/catalog/components/collection-tile.tsx';
import { ProductGrid } from '../features/catalog/components/product-card.tsx';
import { toCard, type Category, type Collection } from '../features/catalog/present.ts';
import { pageMeta } from '../lib/seo.ts';
import { homeSlots, type HomeSlots } from '../features/editorial/api.ts';
import { ContentCard } from '../features/editorial/components/content-card.tsx';
import { SITE_DESCRIPTION } from '../lib/site.ts';

export const meta: Route.MetaFunction = (args) => pageMeta(args, { description: SITE_DESCRIPTION, image: 'maison-hero' });

/** Editorial words and pictures for the showcase departments the house knows; others get their own name. */
const SHOWCASE_COPY: Record<string, { title: string; image: string }> = {
  automobiles: { title: 'Grand tourers & rare marques', image: 'showcase-automobiles' },
  residences: { title: 'Houses with a view of their own', image: 'showcase-residences' },
  'private-aviation': { title: 'Charters, quietly arranged', image: 'showcase-aviation' },
  yachts: { title: 'Summers at sea', image: 'showcase-yachts' },
  experiences: { title: 'Evenings to remember', image: 'showcase-experiences' },
};

const NEW_ARRIVALS = { sort: 'newest', maxResults: 4 } as const;

/**
 * The home page's catalogue rows, rendered on the server as the public sees them. Each is optional: the editorial
 * page stands on its own if the catalogue cannot answer.
 */
export async function loader({ context }: Route.LoaderArgs) {
  const api = serverApi(context);
  const [collections, arrivals, categories, journal] = await Promise.all([
    listCollections(api).catch((): Collection[] => []),
    listProducts(api, NEW_ARRIVALS).catch((): ListProductsOutput => ({ products: [] })),
    listCategories(api).catch((): Category[] => []),
    homeSlots(api).catch((): HomeSlots => []),
  ]);
  return { collections, arrivals, categories, journal };
}

const STYLIST_STEPS = [
  { title: 'Tell us about you', body: 'A short, private questionnaire on your life, your sizes and the way you like to dress.' },
  { title: 'Meet your stylist', body: 'We introduce the stylists best suited to you; you choose, or let us match you.' },
  { title: 'Approve the edit', body: 'Your stylist proposes pieces; you keep what you love, and nothing else.' },
] as const;

export default function Home({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <Hero />
      <TheEdit collections={loaderData.collections} />
      <NewArrivals serverData={loaderData.arrivals} />
      <PersonalStylist />
      <Showcase categories={loaderData.categories} />
      <FromTheJournal slots={loaderData.journal} />
    </>
  );
}

function Hero() {
  return (
    <section aria-labelledby="hero-title" className="relative">
      <Container className="grid items-end gap-12 pt-10 pb-20 sm:pt-14 lg:grid-cols-12 lg:gap-16 lg:pt-16 lg:pb-28">
        <div className="order-2 animate-rise-in lg:order-1 lg:col-span-5 lg:pb-8">
          <p className="eyebrow text-gold-deep">Autumn · Winter 2026</p>
          <h1 id="hero-title" className="display mt-8 text-[3.25rem] text-ink sm:text-7xl xl:text-[5.5rem]">
            The considered wardrobe, <em className="italic">personally</em> composed.
          </h1>
          <div aria-hidden="true" className="mt-10 h-px w-16 bg-gold" />
          <p className="mt-10 max-w-md text-lg leading-relaxed text-ink-soft">
            Pieces from the houses we admire and pieces made only for you, chosen with a stylist who knows your life as well as your
            measurements.
          </p>
          <div className="mt-12 flex flex-wrap items-center gap-8">
            <ButtonLink to="/shop" size="lg">
              Discover the edit
            </ButtonLink>
            <ButtonLink to="/stylists" variant="ghost">
              Meet your stylist
            </ButtonLink>
          </div>
        </div>
        <ResponsiveImage
          kind="editorial"
          name="maison-hero"
          alt="Editorial composition for the autumn and winter collection"
          width={1280}
          height={1600}
          sizes="(min-width: 1024px) 58vw, 100vw"
          priority
          className="order-1 aspect-[4/5] lg:order-2 lg:col-span-7 lg:aspect-[6/7]"
        />
      </Container>
    </section>
  );
}

/** The collections the house features, three across; a VIP's own list (unlocked) replaces the public one once known. */
function TheEdit({ collections: serverCollections }: { collections: Collection[] }) {
  const collections = useCollectionsForViewer(serverCollections).slice(0, 3);
  if (collections.length === 0) return null;
  return (
    <section aria-labelledby="edit-title" className="border-t border-line py-20 lg:py-32">
      <Container>
        <SectionHeading
          id="edit-title"
          eyebrow="The Edit"
          title={
            <>
              Collections, <em className="italic">composed</em>
            </>
          }
          lede="Collections composed by our stylists each season, from the houses and ateliers we know best."
          action={{ label: 'Shop the boutique', to: '/shop' }}
        />
        <div className="mt-16 grid gap-14 sm:grid-cols-2 lg:mt-20 lg:grid-cols-3 lg:gap-10">
          {collections.map((collection, index) => (
            <CollectionTile
              key={collection.slug}
              collection={collection}
              sizes="(min-width: 1024px) 30vw, (min-width: 640px) 50vw, 100vw"
              // The middle column sits lower, as on a printed spread.
              className={index === 1 ? 'lg:mt-24' : undefined}
            />
          ))}
        </div>
      </Container>
    </section>
  );
}

function NewArrivals({ serverData }: { serverData: ListProductsOutput }) {
  const arrivals = useProducts(NEW_ARRIVALS, serverData).data?.products ?? [];
  return (
    <section aria-labelledby="arrivals-title" className="bg-sand py-20 lg:py-32">
      <Container className="grid items-center gap-14 lg:grid-cols-12 lg:gap-16">
        <div className="lg:col-span-4">
          <p className="eyebrow text-gold-deep">New arrivals</p>
          <h2 id="arrivals-title" className="display mt-6 text-4xl text-ink sm:text-5xl">
            Just in from the <em className="italic">ateliers</em>
          </h2>
          <p className="mt-8 leading-relaxed text-ink-soft">
            Each week brings new pieces from our partner houses: cashmere from the Scottish borders, leather from Florence, fine jewellery
            from the Place Vendôme. Private clients see them first.
          </p>
          <div className="mt-10">
            <ButtonLink to="/shop?sort=newest#boutique" variant="secondary">
              Shop new arrivals
            </ButtonLink>
          </div>
        </div>
        <div className="lg:col-span-7 lg:col-start-6">
          {arrivals.length > 0 ? (
            <ProductGrid products={arrivals.map(toCard)} label="New arrivals" columns={2} priorityCount={0} />
          ) : (
            <div className="grid grid-cols-5 items-end gap-4 sm:gap-6">
              <ResponsiveImage
                kind="product"
                name="arrival-still-life"
                alt=""
                width={1280}
                height={1600}
                sizes="(min-width: 1024px) 35vw, 60vw"
                className="col-span-3 aspect-[4/5]"
              />
              <div className="col-span-2 space-y-4 sm:space-y-6">
                <ResponsiveImage
                  kind="product"
                  name="arrival-detail"
                  alt=""
                  width={960}
                  height={1280}
                  sizes="(min-width: 1024px) 22vw, 40vw"
                  className="aspect-[3/4]"
                />
                <ResponsiveImage
                  kind="product"
                  name="arrival-accessory"
                  alt=""
                  width={960}
                  height={960}
                  sizes="(min-width: 1024px) 22vw, 40vw"
                  className="aspect-square"
                />
              </div>
            </div>
          )}
        </div>
      </Container>
    </section>
  );
}

function PersonalStylist() {
  return (
    <section aria-labelledby="stylist-title" className="bg-ink py-20 text-ivory lg:py-32">
      <Container className="grid gap-14 lg:grid-cols-12 lg:gap-16">
        <ResponsiveImage
          kind="portrait"
          name="stylist-teaser"
          alt=""
          width={1280}
          height={1600}
          sizes="(min-width: 1024px) 40vw, 100vw"
          className="aspect-[4/5] lg:col-span-5"
        />
        <div className="flex flex-col justify-center lg:col-span-6 lg:col-start-7">
          <SectionHeading
            id="stylist-title"
            tone="dark"
            eyebrow="Your personal stylist"
            title={
              <>
                Someone who knows <em className="italic">exactly</em> what you mean
              </>
            }
            lede="Our stylists dress clients for boardrooms, premieres and summers at sea. They shop every house on your behalf, and they never push a piece you would not choose yourself."
          />
          <NumberedSteps steps={STYLIST_STEPS} tone="dark" className="mt-14" />
          <div className="mt-12">
            <ButtonLink to="/stylists" variant="inverse">
              Find your stylist
            </ButtonLink>
          </div>
        </div>
      </Container>
    </section>
  );
}

function Showcase({ categories }: { categories: Category[] }) {
  const showcase = categories.filter((c) => c.showcase && (c.productCount ?? 0) > 0).slice(0, 3);
  return (
    <section aria-labelledby="showcase-title" className="py-20 lg:py-32">
      <Container>
        <SectionHeading
          id="showcase-title"
          align="center"
          eyebrow="The Showcase"
          title={
            <>
              Automobiles, residences, <em className="italic">private aviation</em>
            </>
          }
          lede="Beyond the wardrobe, our concierge introduces clients to the marques, homes and charters of our partners, by private appointment."
        />
        <div className="mt-16 grid gap-14 md:grid-cols-3 md:gap-8 lg:mt-20">
          {showcase.map((category) => (
            <EditorialTile
              key={category.slug}
              to={`/shop/${category.slug}`}
              eyebrow={category.name}
              title={SHOWCASE_COPY[category.slug]?.title ?? category.name}
              image={{ kind: 'editorial', name: SHOWCASE_COPY[category.slug]?.image ?? `showcase-${category.slug}` }}
              sizes="(min-width: 768px) 33vw, 100vw"
              aspect="aspect-[2/3]"
              linkLabel="View the listings"
            />
          ))}
        </div>
        <p className="mt-16 text-center text-sm text-stone">
          Listings are presented by our partners and viewed by appointment.{' '}
          <Link to="/concierge" className="link-underline text-ink">
            How the concierge works
          </Link>
        </p>
      </Container>
    </section>
  );
}

/** The home page's editorial slots, chosen in the house office (the latest pieces fill any it left empty). */
function FromTheJournal({ slots }: { slots: HomeSlots }) {
  if (slots.length === 0) return null;
  const [lead, ...rest] = slots;
  return (
    <section id="journal" aria-labelledby="journal-title" className="border-t border-line py-20 lg:py-32">
      <Container>
        <div className="flex flex-wrap items-end justify-between gap-6">
          <SectionHeading
            id="journal-title"
            eyebrow="The Journal"
            title={
              <>
                Notes on craft, travel and the <em className="italic">well-kept</em> wardrobe
              </>
            }
          />
          <ButtonLink to="/journal" variant="ghost">
            Read the journal
          </ButtonLink>
        </div>
        <div className="mt-16 grid gap-14 lg:grid-cols-12 lg:gap-10">
          <ContentCard content={lead!.content} large sizes="(min-width: 1024px) 55vw, 100vw" className="lg:col-span-7" />
          <ul className="grid gap-14 lg:col-span-5">
            {rest.map((s) => (
              <li key={s.slot}>
                <ContentCard content={s.content} sizes="(min-width: 1024px) 38vw, 100vw" />
              </li>
            ))}
          </ul>
        </div>
      </Container>
    </section>
  );
}
