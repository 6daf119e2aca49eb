import type { Route } from './+types/concierge';
import { EditorialFeature } from '../components/editorial/editorial-feature.tsx';
import { FigureGrid, type FigureItem } from '../components/editorial/figure-grid.tsx';
import { NumberedSteps } from '../components/editorial/numbered-steps.tsx';
import { PageHero } from '../components/editorial/page-hero.tsx';
import { ButtonLink } from '../components/ui/button.tsx';
import { Container } from '../components/ui/container.tsx';
import { SectionHeading } from '../components/ui/section-heading.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) =>
  pageMeta(args, {
    title: 'Concierge',
    description:
      'The StyleByZaga concierge: private appointments, sourcing of rare pieces, and introductions to partner automobiles, residences and private aviation.',
    image: 'concierge-hero',
  });

const SHOWCASE: readonly FigureItem[] = [
  {
    title: 'Automobiles',
    body: 'Grand tourers, limited series and rare marques, with viewings and test drives arranged for you.',
    image: { kind: 'editorial', name: 'showcase-automobiles' },
  },
  {
    title: 'Residences',
    body: 'Town houses, estates and coastal villas from the agencies we partner with, often before they are listed.',
    image: { kind: 'editorial', name: 'showcase-residences' },
  },
  {
    title: 'Private aviation',
    body: 'Charters and jet cards from trusted operators, with your stylist’s packing list already on board.',
    image: { kind: 'editorial', name: 'showcase-aviation' },
  },
];

const REQUEST_STEPS = [
  { title: 'Tell us', body: 'A piece you cannot find, a house to furnish, a journey to plan: describe it in your own words.' },
  { title: 'We propose', body: 'Your concierge returns with options, timings and a clear budget, usually within two days.' },
  { title: 'You decide', body: 'Approve each step as it comes; we handle the rest, from fittings to delivery.' },
] as const;

export default function Concierge() {
  return (
    <>
      <PageHero
        eyebrow="The Concierge"
        title={
          <>
            Whatever you have in mind, <em className="italic">arranged</em>
          </>
        }
        lede={
          <p>
            The concierge finds what cannot simply be bought: a sold-out piece, a private viewing, a house for the summer or a flight at
            short notice. One request, one person who sees it through.
          </p>
        }
        image={{ kind: 'editorial', name: 'concierge-hero', alt: 'Editorial composition for the concierge' }}
      >
        <ButtonLink to="#showcase" size="lg">
          Explore the showcase
        </ButtonLink>
      </PageHero>

      <EditorialFeature
        id="appointments"
        tone="sand"
        eyebrow="Private appointments"
        title={
          <>
            The boutique, <em className="italic">brought to you</em>
          </>
        }
        image={{ kind: 'editorial', name: 'concierge-appointments', alt: '' }}
      >
        <p>
          Your stylist arrives with a considered selection at your home, hotel or office, or opens a salon for you alone after hours. Pieces
          not kept leave with them; those you keep are altered and returned within days.
        </p>
      </EditorialFeature>

      <section id="showcase" aria-labelledby="showcase-title" className="scroll-mt-8 py-20 lg:py-32">
        <Container>
          <SectionHeading
            id="showcase-title"
            eyebrow="The Showcase"
            title={
              <>
                Automobiles, residences, <em className="italic">private aviation</em>
              </>
            }
            lede="Our partners present a small number of exceptional listings to StyleByZaga clients. Enquiries go directly to the partner, introduced by your concierge."
          />
          <FigureGrid items={SHOWCASE} columns={3} className="mt-16 lg:mt-20" />
        </Container>
      </section>

      <section aria-labelledby="request-title" className="border-t border-line py-20 lg:py-32">
        <Container>
          <SectionHeading id="request-title" eyebrow="A request" title="How a request unfolds" />
          <NumberedSteps steps={REQUEST_STEPS} className="mt-16 lg:mt-20" />
        </Container>
      </section>

      <section id="partners" aria-labelledby="partners-title" className="scroll-mt-8 bg-ink py-20 text-ivory lg:py-32">
        <Container width="narrow" className="text-center">
          <SectionHeading
            id="partners-title"
            tone="dark"
            align="center"
            eyebrow="Brand partnerships"
            title={
              <>
                For houses, marques and <em className="italic">agencies</em>
              </>
            }
            lede="Fashion houses, jewellers, car makers, estate agencies and charter operators present their pieces and listings to our clients, with featured placements, an enquiry inbox and clear reports on engagement and commission."
          />
        </Container>
      </section>
    </>
  );
}
