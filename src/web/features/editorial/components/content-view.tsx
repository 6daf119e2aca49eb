import { useState } from 'react';
import { Link } from 'react-router';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { Container } from '../../../components/ui/container.tsx';
import { call, problemMessage, toProblem } from '../../../lib/api/problem.ts';
import { signInPath } from '../../auth/next-path.ts';
import { useSession } from '../../auth/session.tsx';
import { contentPath, formatDate, formatLocal, TYPE_LABEL, type ReaderPage, type Rsvp } from '../api.ts';
import { cityOfPlace } from '../../../../shared/zone-cities.ts';
import { ArticleBody } from './article-body.tsx';
import { ContentCard } from './content-card.tsx';
import { ContentImage } from './content-image.tsx';

/** A Journal piece as a reader sees it: the opening, the body with its shoppable embeds, the event card, the related pieces. */
export function ContentView({ page, preview = false }: { page: ReaderPage; preview?: boolean }) {
  const { content, blocks, related } = page;
  return (
    <article>
      {preview && (
        <p role="status" className="bg-gold-light px-6 py-3 text-center text-sm text-ink">
          A preview of a piece that is not published ({content.status.toLowerCase()}). Do not share this link.
        </p>
      )}
      <Container width="narrow" className="pt-12 text-center sm:pt-16 lg:pt-20">
        <p className="eyebrow text-gold-deep">
          <Link
            to={content.contentType === 'PAGE' ? '/' : `/journal?section=${SECTION_KEY[content.contentType]}`}
            className="hover:text-ink"
          >
            {TYPE_LABEL[content.contentType]}
          </Link>
          {content.audience === 'VIP' ? ' · For private clients' : ''}
        </p>
        <h1 className="display mt-6 text-5xl text-ink sm:text-6xl">{content.title}</h1>
        {content.dek && <p className="mx-auto mt-8 max-w-2xl text-xl leading-relaxed text-ink-soft">{content.dek}</p>}
        {content.contentType !== 'PAGE' && (
          <p className="mt-8 text-sm tracking-wide text-stone">
            {content.authorStylistId ? (
              <Link to={`/stylists/${content.authorStylistId}`} className="link-underline">
                {content.author}
              </Link>
            ) : (
              content.author
            )}
            {content.publishedAt ? ` · ${formatDate(content.publishedAt)}` : ''} · {content.readingMinutes} min read
          </p>
        )}
      </Container>
      {content.featuredImage && content.contentType !== 'PAGE' && (
        <Container className="mt-12 lg:mt-16">
          <ContentImage
            src={content.featuredImage}
            alt={content.featuredImageAlt}
            sizes="(min-width: 1440px) 1300px, 100vw"
            priority
            className="aspect-[16/9]"
          />
        </Container>
      )}
      <Container width="narrow" className="py-14 lg:py-20">
        {content.event && <EventCard page={page} />}
        <ArticleBody blocks={blocks} />
        {content.tags.length > 0 && (
          <p className="mt-14 flex flex-wrap gap-4 border-t border-line pt-8 text-sm text-stone">
            {content.tags.map((t) => (
              <Link key={t} to={`/journal?tag=${encodeURIComponent(t)}`} className="link-underline">
                {t}
              </Link>
            ))}
          </p>
        )}
      </Container>
      {related.length > 0 && (
        <section aria-labelledby="related-title" className="border-t border-line bg-sand py-20 lg:py-28">
          <Container>
            <h2 id="related-title" className="display text-4xl text-ink">
              Read <em className="italic">next</em>
            </h2>
            <ul className="mt-12 grid gap-x-10 gap-y-14 md:grid-cols-3">
              {related.map((r) => (
                <li key={r.contentId}>
                  <ContentCard content={r} sizes="(min-width: 768px) 30vw, 100vw" />
                </li>
              ))}
            </ul>
          </Container>
        </section>
      )}
    </article>
  );
}

const SECTION_KEY = { ARTICLE: 'articles', LOOKBOOK: 'lookbooks', BRAND_STORY: 'houses', EVENT: 'events', PAGE: '' } as const;

const ATTENDANCE = { EVERYONE: 'Open to all members', CLIENTS: 'For clients of the house', VIP: 'For private clients' } as const;

/** The event's time (the place's own clock), place and seats, and the reply: a seat while any is left, else the waiting list. */
function EventCard({ page }: { page: ReaderPage }) {
  const event = page.content.event!;
  const session = useSession();
  const [reply, setReply] = useState<Rsvp | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const respond = async () => {
    if (session.status !== 'signed-in') return;
    setBusy(true);
    setError(undefined);
    try {
      setReply(
        await call(session.api.POST('/api/v1/content/{contentId}/rsvp', { params: { path: { contentId: page.content.contentId } } })),
      );
    } catch (err) {
      setError(problemMessage(toProblem(err)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <aside aria-label="The event" className="mb-14 border border-line bg-ivory p-8">
      <dl className="grid gap-6 sm:grid-cols-2">
        <div>
          <dt className="eyebrow text-stone">When</dt>
          <dd className="mt-2 font-display text-2xl text-ink">{formatLocal(event.localStartsAt)}</dd>
          <dd className="mt-1 text-sm text-stone">
            Until {event.localEndsAt.slice(11)}, {cityOfPlace(event.place, event.timeZone)} time
          </dd>
        </div>
        <div>
          <dt className="eyebrow text-stone">Where</dt>
          <dd className="mt-2 font-display text-2xl text-ink">{event.place}</dd>
          {event.address && <dd className="mt-1 text-sm text-stone">{event.address}</dd>}
        </div>
      </dl>
      <p className="mt-6 text-sm text-ink-soft">
        {ATTENDANCE[event.attendance]} ·{' '}
        {event.seatsLeft > 0 ? `${event.seatsLeft} of ${event.capacity} seats left` : 'Every seat is taken; replies join the waiting list'}
      </p>
      <div className="mt-6">
        {reply ? (
          <p role="status" className="font-display text-xl text-ink">
            {reply.status === 'CONFIRMED'
              ? 'Your seat is confirmed. It is in your calendar feed.'
              : `You are on the waiting list (number ${reply.waitlistPosition ?? '—'}). We will write if a seat frees up.`}
          </p>
        ) : session.status === 'signed-in' ? (
          <Button onClick={respond} loading={busy}>
            {event.seatsLeft > 0 ? 'Reply to attend' : 'Join the waiting list'}
          </Button>
        ) : (
          <ButtonLink to={signInPath(contentPath(page.content))}>Sign in to reply</ButtonLink>
        )}
        {error && (
          <p role="alert" className="mt-3 text-sm text-danger">
            {error}
          </p>
        )}
      </div>
    </aside>
  );
}
