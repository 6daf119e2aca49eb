import { useState, type ReactNode } from 'react';
import { data, Link } from 'react-router';
import type { Route } from './+types/stylist-profile';
import { formatMoney } from '../../shared/money.ts';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Container } from '../components/ui/container.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { LoadMore } from '../components/ui/load-more.tsx';
import { ApiProblem } from '../lib/api/problem.ts';
import { getStylist, useStylistReviews, type Stylist, type StylistReview } from '../features/stylists/api/stylists.ts';
import { BookingPanel } from '../features/stylists/components/booking-panel.tsx';
import { PortfolioGallery } from '../features/stylists/components/portfolio-gallery.tsx';
import { RatingStars } from '../features/stylists/components/rating-stars.tsx';
import { ReviewList } from '../features/stylists/components/review-list.tsx';
import { ServicesList } from '../features/stylists/components/services-list.tsx';
import { fullName, placeOf } from '../features/stylists/components/stylist-card.tsx';
import { StylistPortrait } from '../features/stylists/components/stylist-portrait.tsx';
import { imageSources } from '../features/stylists/images.ts';
import { languageName, specialtyLabel, styleTagLabel } from '../features/stylists/vocabulary.ts';
import { createApiClient } from '../lib/api/client.ts';
import { pageMeta } from '../lib/seo.ts';
import { cn } from '../lib/cn.ts';
import { useHydrated } from '../lib/use-hydrated.ts';
import { placeName } from '../../shared/zone-cities.ts';
import { formatTime } from '../features/stylists/time.ts';

/** The profile is public and rendered on the server: portrait, words, services, portfolio and the first reviews. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const api = createApiClient(context.apiOrigin);
  const headers = { 'x-forwarded-for': context.clientIp };
  try {
    const [{ stylist }, reviews] = await Promise.all([
      getStylist(api, params.stylistId, headers),
      api.GET('/api/v1/stylists/{stylistId}/reviews', {
        params: { path: { stylistId: params.stylistId }, query: { maxResults: 6 } },
        headers,
      }),
    ]);
    return { stylist, reviews: reviews.data?.reviews ?? [], moreReviews: Boolean(reviews.data?.nextToken) };
  } catch (error) {
    // An unknown, unapproved or malformed id is a page that does not exist.
    if (error instanceof ApiProblem && (error.status === 404 || error.status === 400)) throw data(null, { status: 404 });
    throw error;
  }
}

export const meta: Route.MetaFunction = (args) => {
  const stylist = args.loaderData?.stylist;
  if (!stylist) return [{ title: 'Stylist not found — StyleByZaga' }];
  const name = fullName(stylist);
  const base = pageMeta(args, {
    title: `${name}, personal stylist in ${stylist.city || 'residence'}`,
    description: `${stylist.headline || stylist.bio.slice(0, 140)} — ${stylist.specialties.map(specialtyLabel).join(', ')}. From ${formatMoney(stylist.rate, { compactWhole: true })} an hour.`,
    image: 'stylists-hero',
  });
  // The portrait represents a stylist better than the generic image when the page is shared.
  if (!stylist.portraitUrl) return base;
  const origin = args.matches.find((m) => m?.id === 'root')?.loaderData as { origin?: string } | undefined;
  const portrait = `${origin?.origin ?? ''}${imageSources(stylist.portraitUrl, 1280).src}`;
  const replaced = new Set(['og:image', 'og:type']);
  return [
    ...base.filter((m) => !('property' in m && replaced.has(String(m.property)))),
    { property: 'og:image', content: portrait },
    { property: 'og:type', content: 'profile' },
  ];
};

export default function StylistProfile({ loaderData }: Route.ComponentProps) {
  const { stylist, reviews, moreReviews } = loaderData;
  const name = fullName(stylist);
  const [chosenService, setChosenService] = useState<string | null>(null);

  return (
    <>
      <Container className="grid gap-12 pt-10 pb-20 sm:pt-14 lg:grid-cols-12 lg:gap-16 lg:pt-16 lg:pb-28">
        <StylistPortrait
          url={stylist.portraitUrl}
          name={name}
          priority
          sizes="(min-width: 1024px) 45vw, 100vw"
          className="self-start lg:col-span-6"
        />
        <div className="animate-rise-in lg:col-span-6 lg:self-center">
          <nav aria-label="Breadcrumb">
            <Link to="/stylists" className="eyebrow text-stone hover:text-ink">
              ← All stylists
            </Link>
          </nav>
          <p className="eyebrow mt-10 text-gold-deep">{stylist.specialties.map(specialtyLabel).join(' · ')}</p>
          <h1 className="display mt-6 text-5xl text-ink sm:text-6xl xl:text-7xl">{name}</h1>
          {stylist.headline && <p className="mt-6 max-w-lg font-display text-2xl leading-snug text-ink-soft italic">{stylist.headline}</p>}
          <div aria-hidden="true" className="mt-10 h-px w-16 bg-gold" />
          <dl className="mt-10 grid max-w-lg grid-cols-2 gap-x-8 gap-y-6 text-sm">
            <Fact label="Based in">{placeOf(stylist)}</Fact>
            <Fact label="Languages">{stylist.languages.map(languageName).join(', ') || '—'}</Fact>
            <Fact label="Experience">{stylist.experienceYears} years</Fact>
            <Fact label="Rate">
              {formatMoney(stylist.rate, { compactWhole: true })} <span className="text-stone">an hour</span>
            </Fact>
            <Fact label="Meets">
              {[
                stylist.offersVirtual && 'By video',
                stylist.travelRadiusKm > 0 ? `In person, up to ${stylist.travelRadiusKm.toLocaleString('en-GB')} km` : 'In person',
              ]
                .filter(Boolean)
                .join(' · ')}
            </Fact>
            <Fact label="Local time">
              <LocalTime zone={stylist.timeZone} city={stylist.city} />
            </Fact>
          </dl>
          <RatingStars rating={stylist.rating} count={stylist.reviewCount} className="mt-8" />
          <div className="mt-10 flex flex-wrap items-center gap-6">
            <a
              href="#request"
              className="inline-flex h-14 items-center justify-center bg-ink px-10 text-xs font-medium tracking-[0.2em] text-ivory uppercase transition-colors duration-300 ease-maison hover:bg-ink-soft"
            >
              Request a session
            </a>
            <a href="#portfolio" className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink">
              See the portfolio
            </a>
          </div>
        </div>
      </Container>

      <Section id="about" eyebrow="In their words" title={`About ${stylist.firstName}`} tone="sand">
        <div className="grid gap-12 lg:grid-cols-12">
          <div className="max-w-2xl space-y-5 text-lg leading-relaxed text-ink-soft lg:col-span-8">
            {stylist.bio.split(/\n{2,}/).map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
          </div>
          {stylist.styleTags.length > 0 && (
            <div className="lg:col-span-4">
              <p className="eyebrow text-stone">Signature</p>
              <ul className="mt-4 flex flex-wrap gap-2">
                {stylist.styleTags.map((t) => (
                  <li key={t}>
                    <Badge>{styleTagLabel(t)}</Badge>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </Section>

      <Section id="services" eyebrow="Sessions" title="Services & prices">
        <ServicesList
          services={stylist.services}
          onChoose={(s) => {
            setChosenService(s.serviceId);
            document.getElementById('request')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
          }}
        />
        <p className="mt-6 text-sm text-stone">
          Free cancellation until {stylist.cancellationPolicy.freeCancellationHours} hours before a session.
        </p>
      </Section>

      <Section id="portfolio" eyebrow="Portfolio" title="Recent work">
        <PortfolioGallery items={stylist.portfolio ?? []} stylistName={stylist.firstName} />
      </Section>

      <Section id="request" eyebrow="Availability" title="Request a session" tone="sand">
        <BookingPanel key={chosenService ?? 'default'} stylist={stylist} preselectedServiceId={chosenService} />
      </Section>

      <Section id="reviews" eyebrow="Clients" title="Reviews">
        <Reviews stylist={stylist} first={reviews} more={moreReviews} />
      </Section>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="eyebrow text-stone">{label}</dt>
      <dd className="mt-1.5 text-ink">{children}</dd>
    </div>
  );
}

/** The stylist's clock now; drawn in the browser (the server's clock and the visitor's moment differ). */
function LocalTime({ zone, city }: { zone: string; city: string }) {
  const hydrated = useHydrated();
  return (
    <>
      {hydrated ? formatTime(new Date().toISOString(), zone) : <span className="inline-block w-10" />}{' '}
      <span className="text-stone">in {placeName(city, zone)}</span>
    </>
  );
}

function Section({
  id,
  eyebrow,
  title,
  tone = 'ivory',
  children,
}: {
  id: string;
  eyebrow: string;
  title: string;
  tone?: 'ivory' | 'sand';
  children: ReactNode;
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className={cn('scroll-mt-6 border-t border-line py-16 lg:py-24', tone === 'sand' && 'bg-sand')}
    >
      <Container>
        <p className="eyebrow text-gold-deep">{eyebrow}</p>
        <h2 id={`${id}-title`} className="display mt-4 mb-12 text-4xl text-ink sm:text-5xl">
          {title}
        </h2>
        {children}
      </Container>
    </section>
  );
}

/** The first reviews come with the page; later ones are read in the browser, on request. */
function Reviews({ stylist, first, more }: { stylist: Stylist; first: StylistReview[]; more: boolean }) {
  const [expanded, setExpanded] = useState(false);
  if (expanded) return <AllReviews stylist={stylist} />;
  return (
    <>
      <ReviewList reviews={first} stylistName={stylist.firstName} />
      {more && (
        <div className="mt-10">
          <Button variant="secondary" size="sm" onClick={() => setExpanded(true)}>
            More reviews
          </Button>
        </div>
      )}
    </>
  );
}

function AllReviews({ stylist }: { stylist: Stylist }) {
  const all = useStylistReviews(stylist.stylistId, 20);
  if (all.isPending) return <ListLoading rows={4} />;
  if (all.isError) return <ListError error={all.error} />;
  const rows = all.data.pages.flatMap((p) => p.reviews);
  return (
    <>
      <ReviewList reviews={rows} stylistName={stylist.firstName} />
      <LoadMore
        shown={rows.length}
        noun={rows.length === 1 ? 'review' : 'reviews'}
        hasMore={all.hasNextPage}
        loading={all.isFetchingNextPage}
        onMore={() => void all.fetchNextPage()}
      />
    </>
  );
}
