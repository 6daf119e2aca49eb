import { data, Link } from 'react-router';
import type { Route } from './+types/stylists';
import { NumberedSteps } from '../components/editorial/numbered-steps.tsx';
import { ButtonLink } from '../components/ui/button.tsx';
import { Container } from '../components/ui/container.tsx';
import { SectionHeading } from '../components/ui/section-heading.tsx';
import { ApiProblem, problemMessage } from '../lib/api/problem.ts';
import { listStylists } from '../features/stylists/api/stylists.ts';
import { DirectoryFiltersForm } from '../features/stylists/components/directory-filters.tsx';
import { StylistCard } from '../features/stylists/components/stylist-card.tsx';
import { activeFilterCount, filtersSearch, readFilters, toListQuery } from '../features/stylists/filters.ts';
import { LANGUAGE_NAMES, specialtyLabel } from '../features/stylists/vocabulary.ts';
import { createApiClient } from '../lib/api/client.ts';
import { pageMeta } from '../lib/seo.ts';

/** The directory, rendered on the server from the URL's filters: a filtered list is a link anyone can open. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const filters = readFilters(new URL(request.url).searchParams);
  const api = createApiClient(context.apiOrigin);
  try {
    const result = await listStylists(api, toListQuery(filters), { 'x-forwarded-for': context.clientIp });
    return { filters, stylists: result.stylists, nextToken: result.nextToken ?? null, error: null };
  } catch (error) {
    // A filter the server refuses (a window longer than it allows, say) is the visitor's to change, not a crash.
    if (error instanceof ApiProblem && error.status === 400)
      return data({ filters, stylists: [], nextToken: null, error: problemMessage(error) }, { status: 400 });
    throw error;
  }
}

export const meta: Route.MetaFunction = (args) => {
  const f = args.loaderData?.filters;
  const focus = f?.specialties.length ? f.specialties.map(specialtyLabel).join(', ') : null;
  const where = f?.city ? ` in ${f.city}` : '';
  const tongue = f?.language ? ` who speak ${LANGUAGE_NAMES[f.language] ?? f.language}` : '';
  const title = focus ? `${focus} stylists${where}` : `Personal stylists${where}`;
  return pageMeta(args, {
    title,
    description: `Meet the personal stylists of StyleByZaga${where}${tongue}: vetted concierge shoppers with their portfolios, rates, reviews and open times. Request a session or take the style quiz to be matched.`,
    image: 'stylists-hero',
  });
};

const STEPS = [
  { title: 'The questionnaire', body: 'Five short questions on the occasion, your style, your budget, where and when.' },
  { title: 'Your match', body: 'We introduce stylists who suit you by taste, language and city, and say why. Choose one, or ask us to.' },
  {
    title: 'A first session',
    body: 'In person, at home or by video, at a time in your diary that suits you, shown in your own time zone.',
  },
  {
    title: 'The edit',
    body: 'Your stylist proposes pieces; you approve, decline or ask for another look. You pay only for what you keep.',
  },
] as const;

const STANDARDS = [
  { title: 'Vetted in person', body: 'Every stylist is interviewed, referenced and seen at work before they meet a client.' },
  {
    title: 'Discreet by default',
    body: 'Clients may appear under an alias until they accept a booking. Nothing is shared without consent.',
  },
  { title: 'Fairly paid', body: 'Stylists set their own rates and receive clear statements for every session and commission.' },
] as const;

export default function Stylists({ loaderData }: Route.ComponentProps) {
  const { filters, stylists, nextToken, error } = loaderData;
  const active = activeFilterCount(filters);
  return (
    <>
      <Container className="pt-14 pb-12 sm:pt-20 lg:pt-24 lg:pb-16">
        <div className="grid gap-10 lg:grid-cols-12 lg:items-end">
          <div className="animate-rise-in lg:col-span-7">
            <p className="eyebrow text-gold-deep">Personal styling</p>
            <h1 className="display mt-8 text-5xl text-ink sm:text-6xl xl:text-7xl">
              A stylist who knows <em className="italic">you</em>
            </h1>
            <div aria-hidden="true" className="mt-10 h-px w-16 bg-gold" />
          </div>
          <div className="lg:col-span-5">
            <p className="max-w-md text-lg leading-relaxed text-ink-soft">
              Concierge shoppers with years in the fitting rooms of the great houses. Browse their work and their diaries, or answer five
              questions and we will introduce the ones who suit you.
            </p>
            <div className="mt-8 flex flex-wrap items-center gap-6">
              <ButtonLink to="/style-quiz" size="lg">
                Take the style quiz
              </ButtonLink>
              <Link to="#how-it-works" className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink">
                How it works
              </Link>
            </div>
          </div>
        </div>
      </Container>

      <section aria-labelledby="directory-title" className="border-t border-line">
        <Container className="grid gap-12 py-14 lg:grid-cols-12 lg:gap-16 lg:py-20">
          <aside className="lg:col-span-3">
            <h2 id="directory-title" className="sr-only">
              The stylists
            </h2>
            {/* Open on wide screens; one tap away on a phone. */}
            <details className="group lg:hidden" open={active > 0 ? true : undefined}>
              <summary className="eyebrow flex cursor-pointer list-none items-center justify-between border-y border-line py-4 text-ink">
                Refine{active > 0 ? ` (${active})` : ''}
                <span aria-hidden="true" className="font-display text-xl font-normal transition-transform group-open:rotate-45">
                  +
                </span>
              </summary>
              <div className="pt-8 pb-4">
                <DirectoryFiltersForm filters={filters} />
              </div>
            </details>
            <div className="hidden lg:sticky lg:top-10 lg:block">
              <p className="eyebrow mb-8 text-stone">Refine</p>
              <DirectoryFiltersForm filters={filters} />
            </div>
          </aside>
          <div className="min-w-0 lg:col-span-9">
            <p className="mb-10 text-sm text-stone" aria-live="polite">
              {error
                ? error
                : stylists.length === 0
                  ? 'No stylist matches all of these filters.'
                  : `${nextToken || filters.cursor ? 'Showing ' : ''}${stylists.length} ${stylists.length === 1 ? 'stylist' : 'stylists'}${active ? ' for your filters' : ''}${filters.cursor ? ', continued' : ''}`}
            </p>
            {stylists.length === 0 ? (
              <div className="border-y border-line py-16 text-center">
                <p className="display text-3xl text-ink">Nobody quite fits</p>
                <p className="mx-auto mt-4 max-w-md leading-relaxed text-ink-soft">
                  Loosen a filter, or let the style quiz weigh everything at once and explain its choice.
                </p>
                <div className="mt-8 flex justify-center gap-6">
                  <ButtonLink to="/stylists" variant="secondary">
                    Clear the filters
                  </ButtonLink>
                  <ButtonLink to="/style-quiz">Take the quiz</ButtonLink>
                </div>
              </div>
            ) : (
              <ul className="grid gap-x-8 gap-y-16 sm:grid-cols-2 xl:grid-cols-3">
                {stylists.map((s, i) => (
                  <li key={s.stylistId}>
                    <StylistCard stylist={s} priority={i < 3} />
                  </li>
                ))}
              </ul>
            )}
            {(nextToken || filters.cursor) && (
              <nav aria-label="More stylists" className="mt-16 flex flex-wrap items-center justify-between gap-6 border-t border-line pt-8">
                {filters.cursor ? (
                  <Link to={`/stylists${filtersSearch(filters)}`} className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink">
                    Back to the first stylists
                  </Link>
                ) : (
                  <span />
                )}
                {nextToken && (
                  <ButtonLink to={`/stylists${filtersSearch(filters, { cursor: nextToken })}`} variant="secondary">
                    More stylists
                  </ButtonLink>
                )}
              </nav>
            )}
          </div>
        </Container>
      </section>

      <section id="how-it-works" aria-labelledby="how-title" className="scroll-mt-8 border-t border-line bg-sand py-20 lg:py-32">
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
            action={{ label: 'Begin the quiz', to: '/style-quiz' }}
          />
          <NumberedSteps steps={STEPS} className="mt-16 lg:mt-20" />
        </Container>
      </section>

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
            action={{ label: 'Apply as a stylist', to: '/sign-up?as=stylist' }}
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
