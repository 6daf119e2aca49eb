import type { Route } from './+types/stylists';
import { EditorialFeature } from '../components/editorial/editorial-feature.tsx';
import { NumberedSteps } from '../components/editorial/numbered-steps.tsx';
import { PageHero } from '../components/editorial/page-hero.tsx';
import { ButtonLink } from '../components/ui/button.tsx';
import { Container } from '../components/ui/container.tsx';
import { SectionHeading } from '../components/ui/section-heading.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) =>
  pageMeta(args, {
    title: 'Personal stylists',
    description:
      'Meet the personal stylists of StyleByZaga: concierge shoppers who learn your life and your measurements, shop every house for you, and propose only what you would choose.',
    image: 'stylists-hero',
  });

const STEPS = [
  { title: 'The questionnaire', body: 'Ten minutes on your life, your sizes, the colours you love and the ones you never wear.' },
  { title: 'Your match', body: 'We introduce stylists who suit you by taste, language and city. Choose one, or let us choose.' },
  { title: 'A first session', body: 'In person, at home or by video, at a time in your diary that suits you.' },
  { title: 'The edit', body: 'Your stylist proposes pieces; you approve, decline or ask for another look. You pay only for what you keep.' },
] as const;

const STANDARDS = [
  { title: 'Vetted in person', body: 'Every stylist is interviewed, referenced and seen at work before they meet a client.' },
  { title: 'Discreet by default', body: 'Clients may appear under an alias until they accept a booking. Nothing is shared without consent.' },
  { title: 'Fairly paid', body: 'Stylists set their own rates and receive clear statements for every session and commission.' },
] as const;

export default function Stylists() {
  return (
    <>
      <PageHero
        eyebrow="Personal styling"
        title={
          <>
            A stylist who knows <em className="italic">you</em>
          </>
        }
        lede={
          <p>
            Our stylists are concierge shoppers with years in the fitting rooms of the great houses. They learn how you
            live, what you are dressing for and how you like to feel, then shop on your behalf, quietly and without
            pressure.
          </p>
        }
        image={{ kind: 'portrait', name: 'stylists-hero', alt: 'Portrait of a StyleByZaga stylist' }}
      >
        <ButtonLink to="#how-it-works" size="lg">
          How it works
        </ButtonLink>
      </PageHero>

      <section id="how-it-works" aria-labelledby="how-title" className="scroll-mt-8 border-t border-line py-20 lg:py-32">
        <Container>
          <SectionHeading
            id="how-title"
            eyebrow="How it works"
            title={
              <>
                Four movements, <em className="italic">at your pace</em>
              </>
            }
            lede="A first edit usually arrives within a week of your first session. After that, your stylist writes when something worth your attention appears."
          />
          <NumberedSteps steps={STEPS} className="mt-16 lg:mt-20" />
        </Container>
      </section>

      <EditorialFeature
        tone="sand"
        eyebrow="Beyond the wardrobe"
        title={
          <>
            For the premiere, the wedding, the <em className="italic">long summer</em>
          </>
        }
        image={{ kind: 'portrait', name: 'stylists-occasions', alt: '' }}
        reverse
      >
        <p>
          Stylists plan wardrobes for a season, dress clients for a single evening, pack for a month at sea and
          commission pieces that are made once. Some travel with their clients; most simply make sure they never have to
          think about it.
        </p>
      </EditorialFeature>

      <section id="join" aria-labelledby="join-title" className="scroll-mt-8 bg-ink py-20 text-ivory lg:py-32">
        <Container>
          <SectionHeading
            id="join-title"
            tone="dark"
            eyebrow="Work with us"
            title={
              <>
                Become a <em className="italic">StyleByZaga</em> stylist
              </>
            }
            lede="We welcome independent stylists and personal shoppers with an established clientele. You keep your own rates, your own diary and your own voice."
          />
          <ul className="mt-16 grid gap-10 md:grid-cols-3 lg:mt-20">
            {STANDARDS.map((item) => (
              <li key={item.title} className="border-t border-ivory/20 pt-8">
                <h3 className="display text-2xl text-ivory">{item.title}</h3>
                <p className="mt-3 text-sm leading-relaxed text-ivory/80">{item.body}</p>
              </li>
            ))}
          </ul>
        </Container>
      </section>
    </>
  );
}
