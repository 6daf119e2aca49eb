import { useEffect, useState } from 'react';
import { Navigate } from 'react-router';
import type { Route } from './+types/style-quiz';
import { ResponsiveImage } from '../components/media/responsive-image.tsx';
import { ButtonLink } from '../components/ui/button.tsx';
import { Container } from '../components/ui/container.tsx';
import { Skeleton } from '../components/ui/skeleton.tsx';
import { useUpdateMe } from '../features/account/api/update-user.ts';
import { ListError } from '../components/ui/list-state.tsx';
import { FormAlert } from '../components/ui/form-alert.tsx';
import { toProblem } from '../lib/api/problem.ts';
import { useSessionState } from '../features/auth/session.tsx';
import type { User } from '../features/auth/session-store.ts';
import { useIntroductions, type IntroductionQuery } from '../features/stylists/api/matching.ts';
import { keepQuizAnswers, shownQuizAnswers, takeQuizAnswers } from '../features/stylists/quiz-memory.ts';
import { MatchCard } from '../features/stylists/components/match-card.tsx';
import { StyleQuiz, type QuizAnswers } from '../features/stylists/components/style-quiz.tsx';
import { addDays, dayKeyOf, visitorTimeZone, zonedTimeToInstant } from '../features/stylists/time.ts';
import { SERVICE_SPECIALTIES, STYLE_TAGS, mergeStyleWords, styleKey, styleTagLabel } from '../features/stylists/vocabulary.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) =>
  pageMeta(args, {
    title: 'The style quiz',
    description:
      'Five questions on the occasion, your style, budget, city and diary: StyleByZaga introduces the personal stylists who suit you, and says why.',
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
        <QuizForVisitor />
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

/**
 * The home page's main call to action, open to everyone: a visitor answers and sees their introductions at
 * once; a client's answers also join their saved style preferences. Other accounts are pointed to their area.
 */
function QuizForVisitor() {
  const session = useSessionState();
  if (session.status === 'unknown') return <QuizPlaceholder />;
  if (session.status === 'signed-out') return <Quiz user={null} />;
  const user = session.user;
  if (user.mfaEnrollmentRequired) return <Navigate replace to="/secure-account?next=%2Fstyle-quiz" />;
  if (user.userType !== 'CLIENT') {
    return (
      <div className="max-w-xl">
        <p className="text-lg leading-relaxed text-ink-soft">The quiz introduces clients to stylists. Your own account is a step away.</p>
        <div className="mt-8">
          <ButtonLink to={user.userType === 'STYLIST' ? '/studio' : '/account'}>
            {user.userType === 'STYLIST' ? 'Your studio' : 'Your account'}
          </ButtonLink>
        </div>
      </div>
    );
  }
  return <ClientQuiz user={user} />;
}

/** A client's answers also join their saved style preferences. */
function ClientQuiz({ user }: { user: User }) {
  const update = useUpdateMe();
  return <Quiz user={user} save={update} />;
}

type SavePreferences = ReturnType<typeof useUpdateMe>;

/** Turns the answers into the matching query; the window is whole days in the visitor's zone. */
function matchQuery(answers: QuizAnswers, zone: string): IntroductionQuery {
  const specialties = [...new Set(answers.services.flatMap((s) => SERVICE_SPECIALTIES[s]))];
  return {
    maxResults: 6,
    ...(specialties.length ? { specialties: specialties.join(',') } : {}),
    ...(answers.styles.length ? { stylePreferences: answers.styles.join(',') } : {}),
    ...(answers.budget ? { maxRate: answers.budget.amount, currency: answers.budget.currency as IntroductionQuery['currency'] } : {}),
    ...(answers.where === 'VIRTUAL' ? { locationPreference: 'virtual' } : answers.city ? { locationPreference: answers.city } : {}),
    ...(answers.languages.length ? { languages: answers.languages.join(',') } : {}),
    availableFrom: zonedTimeToInstant(answers.window.from, '00:00', zone).toISOString(),
    availableTo: zonedTimeToInstant(addDays(answers.window.to, 1), '00:00', zone).toISOString(),
  };
}

function Quiz({ user, save }: { user: User | null; save?: SavePreferences }) {
  const zone = visitorTimeZone();
  const [query, setQuery] = useState<IntroductionQuery | null>(null);
  const matches = useIntroductions(query, user?.userId);
  const saved = user?.preferences?.stylePreferences ?? [];
  // Saved words that are one of the house's style tags start the style question pre-chosen.
  const initialStyles = STYLE_TAGS.filter((slug) => saved.some((w) => styleKey(w) === slug));

  function complete(answers: QuizAnswers) {
    const show = () => {
      shownQuizAnswers();
      setQuery(matchQuery(answers, zone));
    };
    if (!user || !save) {
      // Kept in this browser so that signing up afterwards does not mean answering again.
      keepQuizAnswers(answers);
      show();
      return;
    }
    // The chosen styles join the client's saved preferences, in words, for every stylist they meet ("glamour"
    // and "Glamour" are one word).
    const words = mergeStyleWords(saved, answers.styles.map(styleTagLabel));
    const unchanged = words.length === saved.length;
    if (unchanged) show();
    else save.mutate({ preferences: { stylePreferences: words.slice(0, 30) } }, { onSuccess: show });
  }

  // A visitor who answered before signing up finds their introductions again, and their styles saved.
  const [restored] = useState(() => (user ? takeQuizAnswers() : null));
  useEffect(() => {
    if (restored) complete(restored);
    // Once, for the answers found when the page opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [restored]);

  if (query) {
    return (
      <section aria-labelledby="matches-title">
        <div className="flex flex-wrap items-end justify-between gap-6">
          <div>
            <h2 id="matches-title" className="display text-4xl text-ink sm:text-5xl">
              Your introductions
            </h2>
            <p className="mt-4 max-w-2xl text-lg leading-relaxed text-ink-soft">
              Chosen for the occasion, your style, budget, languages and diary. Open times are in your own time.
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
          {!user && (
            <aside aria-labelledby="keep-title" className="mt-16 border-t border-line pt-10">
              <h3 id="keep-title" className="display text-3xl text-ink">
                Keep these introductions
              </h3>
              <p className="mt-4 max-w-2xl text-ink-soft">
                Create your account to request a time. Your answers are kept: your styles are saved to your profile and these introductions
                are waiting when you return.
              </p>
              <div className="mt-8 flex flex-wrap gap-6">
                <ButtonLink to="/sign-up?next=%2Fstyle-quiz">Create your account</ButtonLink>
                <ButtonLink to="/sign-in?next=%2Fstyle-quiz" variant="secondary">
                  Sign in
                </ButtonLink>
              </div>
            </aside>
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
          submitting={save?.isPending ?? false}
          error={save?.error ? <FormAlert problem={toProblem(save.error)} /> : undefined}
        />
      </div>
      <aside aria-hidden="true" className="hidden lg:col-span-4 lg:block">
        <div className="sticky top-10">
          <ResponsiveImage
            kind="portrait"
            name="stylists-occasions"
            alt=""
            width={960}
            height={1200}
            sizes="30vw"
            className="aspect-[4/5]"
          />
          <p className="mt-5 font-display text-xl leading-snug text-ink-soft italic">
            “The best first session begins with knowing what the evening is for.”
          </p>
        </div>
      </aside>
    </div>
  );
}
