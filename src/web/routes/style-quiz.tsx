import { useState } from 'react';
import type { Route } from './+types/style-quiz';
import { ResponsiveImage } from '../components/media/responsive-image.tsx';
import { ButtonLink } from '../components/ui/button.tsx';
import { Container } from '../components/ui/container.tsx';
import { Skeleton } from '../components/ui/skeleton.tsx';
import { useUpdateMe } from '../features/account/api/update-user.ts';
import { ListError } from '../components/ui/list-state.tsx';
import { FormAlert } from '../components/ui/form-alert.tsx';
import { toProblem } from '../lib/api/problem.ts';
import { RequireAuth } from '../features/auth/require-auth.tsx';
import { useSignedInUser } from '../features/auth/session.tsx';
import { useMatches, type MatchQuery } from '../features/stylists/api/matching.ts';
import { MatchCard } from '../features/stylists/components/match-card.tsx';
import { StyleQuiz, type QuizAnswers } from '../features/stylists/components/style-quiz.tsx';
import { addDays, dayKeyOf, visitorTimeZone, zoneLabel, zonedTimeToInstant } from '../features/stylists/time.ts';
import { SERVICE_SPECIALTIES, STYLE_TAG_SLUGS, styleTagLabel } from '../features/stylists/vocabulary.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) =>
  pageMeta(args, {
    title: 'The style quiz',
    description: 'Five questions on the occasion, your style, budget, city and diary: StyleByZaga introduces the personal stylists who suit you, and says why.',
    image: 'stylists-occasions',
  });

export default function StyleQuizRoute() {
  return (
    <Container className="pt-14 pb-24 sm:pt-20 lg:pb-32">
      <header className="max-w-3xl">
        <p className="eyebrow text-gold-deep">The style quiz</p>
        <h1 className="display mt-8 text-5xl text-ink sm:text-6xl">
          Five questions, <em className="italic">then an introduction</em>
        </h1>
        <div aria-hidden="true" className="mt-10 h-px w-16 bg-gold" />
      </header>
      <div className="mt-14">
        <RequireAuth fallback={<QuizPlaceholder />}>
          <QuizForClient />
        </RequireAuth>
      </div>
    </Container>
  );
}

function QuizPlaceholder() {
  return (
    <div aria-busy="true" className="max-w-4xl space-y-6">
      <p role="status" className="sr-only">
        Opening the quiz
      </p>
      <Skeleton className="h-px w-full" />
      <Skeleton className="h-10 w-2/3" />
      <div className="grid gap-3 sm:grid-cols-3">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
    </div>
  );
}

function QuizForClient() {
  const user = useSignedInUser();
  if (user.userType !== 'CLIENT') {
    return (
      <div className="max-w-xl">
        <p className="text-lg leading-relaxed text-ink-soft">The quiz introduces clients to stylists. Your own account is a step away.</p>
        <div className="mt-8">
          <ButtonLink to={user.userType === 'STYLIST' ? '/studio' : '/account'}>{user.userType === 'STYLIST' ? 'Your studio' : 'Your account'}</ButtonLink>
        </div>
      </div>
    );
  }
  return <Quiz />;
}

/** Turns the answers into the matching query; the window is whole days in the visitor's zone. */
function matchQuery(clientId: string, answers: QuizAnswers, zone: string): MatchQuery {
  const specialties = [...new Set(answers.services.flatMap((s) => SERVICE_SPECIALTIES[s]))];
  return {
    clientId,
    maxResults: 6,
    ...(specialties.length ? { specialties: specialties.join(',') } : {}),
    ...(answers.styles.length ? { stylePreferences: answers.styles.join(',') } : {}),
    ...(answers.budget ? { maxRate: answers.budget.amount, currency: answers.budget.currency as MatchQuery['currency'] } : {}),
    ...(answers.where === 'VIRTUAL' ? { locationPreference: 'virtual' } : answers.city ? { locationPreference: answers.city } : {}),
    ...(answers.languages.length ? { languages: answers.languages.join(',') } : {}),
    availableFrom: zonedTimeToInstant(answers.window.from, '00:00', zone).toISOString(),
    availableTo: zonedTimeToInstant(addDays(answers.window.to, 1), '00:00', zone).toISOString(),
  };
}

function Quiz() {
  const user = useSignedInUser();
  const update = useUpdateMe();
  const zone = visitorTimeZone();
  const [query, setQuery] = useState<MatchQuery | null>(null);
  const matches = useMatches(query);
  const saved = user.preferences?.stylePreferences ?? [];
  // Saved words that are one of the house's style tags start the style question pre-chosen.
  const initialStyles = STYLE_TAG_SLUGS.filter((slug) => saved.some((w) => w.toLowerCase().replace(/[\s_]+/g, '-') === slug));

  function complete(answers: QuizAnswers) {
    // The chosen styles join the client's saved preferences, in words, for every stylist they meet.
    const words = [...new Set([...saved, ...answers.styles.map(styleTagLabel)].map((w) => w.trim()).filter(Boolean))];
    const unchanged = words.length === saved.length;
    const show = () => setQuery(matchQuery(user.userId, answers, zone));
    if (unchanged) show();
    else update.mutate({ preferences: { stylePreferences: words.slice(0, 30) } }, { onSuccess: show });
  }

  if (query) {
    return (
      <section aria-labelledby="matches-title">
        <div className="flex flex-wrap items-end justify-between gap-6">
          <div>
            <h2 id="matches-title" className="display text-4xl text-ink sm:text-5xl">
              Your introductions
            </h2>
            <p className="mt-4 max-w-2xl text-lg leading-relaxed text-ink-soft">
              Chosen for the occasion, your style, budget, languages and diary. Open times are in {zoneLabel(zone)}.
            </p>
          </div>
          <button type="button" onClick={() => setQuery(null)} className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink">
            Change my answers
          </button>
        </div>
        <div className="mt-14">
          {matches.isPending ? (
            <div aria-busy="true" className="space-y-10">
              <p role="status" className="sr-only">
                Finding your stylists
              </p>
              {[0, 1].map((i) => (
                <div key={i} className="grid gap-8 md:grid-cols-12">
                  <Skeleton className="aspect-[4/5] md:col-span-4" />
                  <div className="space-y-4 md:col-span-8">
                    <Skeleton className="h-10 w-1/2" />
                    <Skeleton className="h-4 w-3/4" />
                    <Skeleton className="h-4 w-2/3" />
                  </div>
                </div>
              ))}
            </div>
          ) : matches.isError ? (
            <ListError error={matches.error} />
          ) : matches.data.matches.length === 0 ? (
            <div className="border-y border-line py-14 text-center">
              <p className="display text-3xl text-ink">No stylist fits every answer</p>
              <p className="mx-auto mt-4 max-w-md text-ink-soft">Widen the dates or the budget, or browse the whole directory.</p>
              <div className="mt-8 flex justify-center gap-6">
                <ButtonLink to="/stylists" variant="secondary">
                  All stylists
                </ButtonLink>
              </div>
            </div>
          ) : (
            <ol className="space-y-16">
              {matches.data.matches.map((m, i) => (
                <li key={m.stylist.stylistId}>
                  <MatchCard match={m} rank={i} zone={zone} />
                </li>
              ))}
            </ol>
          )}
        </div>
      </section>
    );
  }

  return (
    <div className="grid gap-16 lg:grid-cols-12">
      <div className="lg:col-span-8">
        <StyleQuiz
          initialStyles={initialStyles}
          today={dayKeyOf(new Date(), zone)}
          onComplete={complete}
          submitting={update.isPending}
          error={update.error ? <FormAlert problem={toProblem(update.error)} /> : undefined}
        />
      </div>
      <aside aria-hidden="true" className="hidden lg:col-span-4 lg:block">
        <div className="sticky top-10">
          <ResponsiveImage kind="portrait" name="stylists-occasions" alt="" width={960} height={1200} sizes="30vw" className="aspect-[4/5]" />
          <p className="mt-5 font-display text-xl leading-snug text-ink-soft italic">“The best first session begins with knowing what the evening is for.”</p>
        </div>
      </aside>
    </div>
  );
}
