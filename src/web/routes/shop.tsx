import type { Route } from './+types/shop';
import { EditorialFeature } from '../components/editorial/editorial-feature.tsx';
import { FigureGrid, type FigureItem } from '../components/editorial/figure-grid.tsx';
import { PageHero } from '../components/editorial/page-hero.tsx';
import { ButtonLink } from '../components/ui/button.tsx';
import { Container } from '../components/ui/container.tsx';
import { SectionHeading } from '../components/ui/section-heading.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) =>
  pageMeta(args, {
    title: 'Shop',
    description:
      'Ready-to-wear, leather goods, fine jewellery and objects for the home from the partner houses of StyleByZaga, alongside pieces made to measure.',
    image: 'shop-hero',
  });

const DEPARTMENTS: readonly FigureItem[] = [
  { title: 'Ready-to-wear', body: 'Tailoring, knitwear and evening pieces from the houses of Paris, Milan and London.', image: { kind: 'product', name: 'department-ready-to-wear' } },
  { title: 'Leather goods', body: 'Bags, small leather goods and luggage, cut and stitched by hand.', image: { kind: 'product', name: 'department-leather' } },
  { title: 'Jewellery & watches', body: 'High jewellery, heritage watchmaking and one-of-a-kind commissions.', image: { kind: 'product', name: 'department-jewellery' } },
  { title: 'Home & objects', body: 'Linen, porcelain and crystal for the rooms you return to.', image: { kind: 'product', name: 'department-home' } },
];

export default function Shop() {
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
          <>
            <p>
              We carry the collections of the fashion houses and ateliers we trust, and pieces made to measure in our
              own workrooms. Every item is authenticated, insured in transit and delivered by hand in the major cities.
            </p>
          </>
        }
        image={{ kind: 'editorial', name: 'shop-hero', alt: 'Editorial composition for the boutique' }}
      >
        <ButtonLink to="/stylists" size="lg">
          Shop with a stylist
        </ButtonLink>
      </PageHero>

      <section aria-labelledby="departments-title" className="border-t border-line py-20 lg:py-32">
        <Container>
          <SectionHeading
            id="departments-title"
            eyebrow="Departments"
            title="From the wardrobe to the house"
            lede="Four departments, each chosen piece by piece by our buyers and stylists."
          />
          <FigureGrid items={DEPARTMENTS} className="mt-16 lg:mt-20" />
        </Container>
      </section>

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
          A coat cut to your shoulders, a ring set with a stone you chose in person, a trunk fitted to the things you
          carry. Our workrooms make each commission from a first conversation, with fittings where you are.
        </p>
        <p>Your stylist follows every step and tells you, plainly, what it will cost and when it will arrive.</p>
      </EditorialFeature>

      <section aria-labelledby="private-client-title" className="py-20 lg:py-32">
        <Container width="narrow" className="text-center">
          <SectionHeading
            id="private-client-title"
            align="center"
            eyebrow="Private clients"
            title="First to see, first to choose"
            lede="Private clients preview pieces before they are shown to anyone else, including allocations the houses reserve for a few. Your identity stays with your stylist alone."
          />
          <div className="mt-12">
            <ButtonLink to="/concierge#appointments" variant="secondary">
              Arrange a private appointment
            </ButtonLink>
          </div>
        </Container>
      </section>
    </>
  );
}
