import type { Route } from './+types/journal';
import { EditorialFeature } from '../components/editorial/editorial-feature.tsx';
import { FigureGrid, type FigureItem } from '../components/editorial/figure-grid.tsx';
import { PageHero } from '../components/editorial/page-hero.tsx';
import { Container } from '../components/ui/container.tsx';
import { SectionHeading } from '../components/ui/section-heading.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) =>
  pageMeta(args, {
    title: 'Journal',
    description:
      'The StyleByZaga Journal: visits to the ateliers, notes from our stylists, and the places and journeys our clients love.',
    image: 'journal-hero',
  });

const DEPARTMENTS: readonly FigureItem[] = [
  { title: 'Craft', body: 'Inside the workrooms: the hands, tools and patience behind the pieces we carry.', image: { kind: 'editorial', name: 'journal-craft' } },
  { title: 'The Wardrobe', body: 'Our stylists on fit, care and the few pieces worth keeping for a lifetime.', image: { kind: 'editorial', name: 'journal-wardrobe' } },
  { title: 'Travel', body: 'Hotels, coastlines and cities, and what to pack for each of them.', image: { kind: 'editorial', name: 'journal-travel' } },
  { title: 'Conversations', body: 'Designers, collectors and clients in their own words.', image: { kind: 'portrait', name: 'journal-conversations' } },
];

export default function Journal() {
  return (
    <>
      <PageHero
        eyebrow="The Journal"
        title={
          <>
            Slow reading for a <em className="italic">well-dressed</em> life
          </>
        }
        lede={
          <p>
            Written by our stylists and the people we work with: long visits to the ateliers, considered advice on the
            wardrobe, and the places worth travelling for. New editions are announced in The Letter.
          </p>
        }
        image={{ kind: 'editorial', name: 'journal-hero', alt: 'Editorial composition for the journal' }}
      />

      <section aria-labelledby="departments-title" className="border-t border-line py-20 lg:py-32">
        <Container>
          <SectionHeading id="departments-title" eyebrow="In these pages" title="Four departments" />
          <FigureGrid items={DEPARTMENTS} className="mt-16 lg:mt-20" />
        </Container>
      </section>

      <EditorialFeature
        tone="sand"
        eyebrow="From the editors"
        title={
          <>
            Fewer, better, <em className="italic">longer</em>
          </>
        }
        image={{ kind: 'editorial', name: 'journal-editors', alt: '' }}
        reverse
      >
        <p>
          We publish rarely and at length. Each edition is photographed for the journal, and nothing in it is paid
          for: when we write about a house, it is because our stylists return to it for their clients.
        </p>
      </EditorialFeature>
    </>
  );
}
