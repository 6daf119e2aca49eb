import { Link } from 'react-router';
import type { Route } from './+types/home';
import { EditorialFeature } from '../components/editorial/editorial-feature.tsx';
import { EditorialTile } from '../components/editorial/editorial-tile.tsx';
import { NumberedSteps } from '../components/editorial/numbered-steps.tsx';
import { ResponsiveImage } from '../components/media/responsive-image.tsx';
import { ButtonLink } from '../components/ui/button.tsx';
import { Container } from '../components/ui/container.tsx';
import { SectionHeading } from '../components/ui/section-heading.tsx';
import { pageMeta } from '../lib/seo.ts';
import { SITE_DESCRIPTION } from '../lib/site.ts';

export const meta: Route.MetaFunction = (args) => pageMeta(args, { description: SITE_DESCRIPTION, image: 'maison-hero' });

const EDIT = [
  { eyebrow: 'Evening', title: 'After dark', name: 'edit-evening' },
  { eyebrow: 'Tailoring', title: 'The new tailoring', name: 'edit-tailoring' },
  { eyebrow: 'Resort', title: 'Far from town', name: 'edit-resort' },
] as const;

const SHOWCASE = [
  { eyebrow: 'Automobiles', title: 'Grand tourers & rare marques', name: 'showcase-automobiles' },
  { eyebrow: 'Residences', title: 'Houses with a view of their own', name: 'showcase-residences' },
  { eyebrow: 'Private aviation', title: 'Charters, quietly arranged', name: 'showcase-aviation' },
] as const;

const STYLIST_STEPS = [
  { title: 'Tell us about you', body: 'A short, private questionnaire on your life, your sizes and the way you like to dress.' },
  { title: 'Meet your stylist', body: 'We introduce the stylists best suited to you; you choose, or let us match you.' },
  { title: 'Approve the edit', body: 'Your stylist proposes pieces; you keep what you love, and nothing else.' },
] as const;

export default function Home() {
  return (
    <>
      <Hero />
      <TheEdit />
      <NewArrivals />
      <PersonalStylist />
      <Showcase />
      <EditorialFeature
        id="journal"
        eyebrow="The Journal"
        title={
          <>
            Notes on craft, travel and the <em className="italic">well-kept</em> wardrobe
          </>
        }
        image={{ kind: 'editorial', name: 'journal-feature', alt: '' }}
        reverse
      >
        <p>
          Visits to the ateliers we work with, the rooms and roads our clients love, and our stylists on the pieces
          worth keeping for a lifetime.
        </p>
        <p className="pt-4">
          <ButtonLink to="/journal" variant="ghost">
            Read the journal
          </ButtonLink>
        </p>
      </EditorialFeature>
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
            Pieces from the houses we admire and pieces made only for you, chosen with a stylist who knows your life as
            well as your measurements.
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

function TheEdit() {
  return (
    <section aria-labelledby="edit-title" className="border-t border-line py-20 lg:py-32">
      <Container>
        <SectionHeading
          id="edit-title"
          eyebrow="The Edit"
          title={
            <>
              The season in <em className="italic">three moods</em>
            </>
          }
          lede="Collections composed by our stylists each season, from the houses and ateliers we know best."
          action={{ label: 'Shop the edit', to: '/shop' }}
        />
        <div className="mt-16 grid gap-14 sm:grid-cols-2 lg:mt-20 lg:grid-cols-3 lg:gap-10">
          {EDIT.map((item, index) => (
            <EditorialTile
              key={item.name}
              to="/shop"
              eyebrow={item.eyebrow}
              title={item.title}
              image={{ kind: 'editorial', name: item.name }}
              sizes="(min-width: 1024px) 30vw, (min-width: 640px) 50vw, 100vw"
              linkLabel="Explore"
              // The middle column sits lower, as on a printed spread.
              className={index === 1 ? 'lg:mt-24' : undefined}
            />
          ))}
        </div>
      </Container>
    </section>
  );
}

function NewArrivals() {
  return (
    <section aria-labelledby="arrivals-title" className="bg-sand py-20 lg:py-32">
      <Container className="grid items-center gap-14 lg:grid-cols-12 lg:gap-16">
        <div className="lg:col-span-4">
          <p className="eyebrow text-gold-deep">New arrivals</p>
          <h2 id="arrivals-title" className="display mt-6 text-4xl text-ink sm:text-5xl">
            Just in from the <em className="italic">ateliers</em>
          </h2>
          <p className="mt-8 leading-relaxed text-ink-soft">
            Each week brings new pieces from our partner houses: cashmere from the Scottish borders, leather from
            Florence, fine jewellery from the Place Vendôme. Private clients see them first.
          </p>
          <div className="mt-10">
            <ButtonLink to="/shop" variant="secondary">
              Shop new arrivals
            </ButtonLink>
          </div>
        </div>
        <div className="grid grid-cols-5 items-end gap-4 sm:gap-6 lg:col-span-7 lg:col-start-6">
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
            <ResponsiveImage kind="product" name="arrival-detail" alt="" width={960} height={1280} sizes="(min-width: 1024px) 22vw, 40vw" className="aspect-[3/4]" />
            <ResponsiveImage kind="product" name="arrival-accessory" alt="" width={960} height={960} sizes="(min-width: 1024px) 22vw, 40vw" className="aspect-square" />
          </div>
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

function Showcase() {
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
          {SHOWCASE.map((item) => (
            <EditorialTile
              key={item.name}
              to="/concierge#showcase"
              eyebrow={item.eyebrow}
              title={item.title}
              image={{ kind: 'editorial', name: item.name }}
              sizes="(min-width: 768px) 33vw, 100vw"
              aspect="aspect-[2/3]"
              linkLabel="Enquire"
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
