import { Link } from 'react-router';
import type { Route } from './+types/journal';
import { Container } from '../components/ui/container.tsx';
import { SectionHeading } from '../components/ui/section-heading.tsx';
import { cn } from '../lib/cn.ts';
import { pageMeta } from '../lib/seo.ts';
import { serverApi } from '../lib/api/server.ts';
import { listContent, SECTION_OF, type Content, type ListContentQuery } from '../features/editorial/api.ts';
import { ContentCard } from '../features/editorial/components/content-card.tsx';

const SECTIONS = [
  { key: '', label: 'Everything' },
  { key: 'articles', label: 'Articles' },
  { key: 'lookbooks', label: 'Lookbooks' },
  { key: 'houses', label: 'The houses' },
  { key: 'events', label: 'Events' },
] as const;

/**
 * The Journal: the latest and featured pieces, then sections by kind (`?section=lookbooks`) and by tag (`?tag=travel`),
 * rendered on the server as the public sees them. Pages of the house live at the root (/about, /terms…), not here.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const section = url.searchParams.get('section') ?? '';
  const tag = url.searchParams.get('tag')?.slice(0, 40) ?? '';
  const after = url.searchParams.get('after') ?? undefined;
  const api = serverApi(context);
  const type = SECTION_OF[section];
  const query: ListContentQuery = {
    view: 'summary',
    maxResults: 13,
    ...(type ? { contentType: type } : {}),
    ...(tag ? { tags: tag } : {}),
    ...(after ? { nextToken: after } : {}),
  };
  const [page, featured] = await Promise.all([
    listContent(api, query),
    section || tag || after ? Promise.resolve(undefined) : listContent(api, { view: 'summary', featured: 'true', maxResults: 3 }),
  ]);
  // The house's own pages are not Journal pieces.
  const pieces = page.content.filter((c) => c.contentType !== 'PAGE');
  return { section, tag, pieces, featured: featured?.content.filter((c) => c.contentType !== 'PAGE') ?? [], nextToken: page.nextToken };
}

export const meta: Route.MetaFunction = (args) =>
  pageMeta(args, {
    title: args.data?.tag ? `Journal: ${args.data.tag}` : 'Journal',
    description:
      'The StyleByZaga Journal: visits to the ateliers, notes from our stylists, lookbooks, the houses we carry and the evenings we host.',
    image: 'journal-hero',
  }).concat([
    { tagName: 'link', rel: 'alternate', type: 'application/rss+xml', title: 'The StyleByZaga Journal', href: '/journal/rss.xml' },
  ]);

export default function Journal({ loaderData }: Route.ComponentProps) {
  const { section, tag, pieces, featured, nextToken } = loaderData;
  const front = !section && !tag;
  const lead = front ? (featured[0] ?? pieces[0]) : undefined;
  const rest = pieces.filter((p) => p.contentId !== lead?.contentId);
  return (
    <>
      <Container className="pt-12 sm:pt-16 lg:pt-20">
        <p className="eyebrow text-gold-deep">The Journal</p>
        <h1 className="display mt-6 text-5xl text-ink sm:text-6xl">
          {tag ? (
            <>
              On <em className="italic">{tag}</em>
            </>
          ) : (
            <>
              Slow reading for a <em className="italic">well-dressed</em> life
            </>
          )}
        </h1>
        <nav aria-label="Journal sections" className="mt-10 flex flex-wrap gap-x-8 gap-y-3 border-b border-line pb-4">
          {SECTIONS.map((s) => (
            <Link
              key={s.key}
              to={s.key ? `/journal?section=${s.key}` : '/journal'}
              aria-current={section === s.key && !tag ? 'page' : undefined}
              className={cn(
                'eyebrow pb-1 transition-colors',
                section === s.key && !tag ? 'border-b border-ink text-ink' : 'text-stone hover:text-ink',
              )}
            >
              {s.label}
            </Link>
          ))}
        </nav>
      </Container>

      {lead && (
        <Container className="py-14 lg:py-20">
          <ContentCard content={lead} sizes="(min-width: 1024px) 80vw, 100vw" large priority headingLevel={2} />
        </Container>
      )}

      <section aria-labelledby="latest-title" className={cn('pb-20 lg:pb-32', !lead && 'pt-14')}>
        <Container>
          {front && <SectionHeading id="latest-title" eyebrow="Latest" title="From the Journal" />}
          {!front && (
            <h2 id="latest-title" className="sr-only">
              Pieces
            </h2>
          )}
          {rest.length === 0 ? (
            <p className="mt-10 text-ink-soft">Nothing here yet. New pieces are announced in The Letter.</p>
          ) : (
            <ul className="mt-12 grid gap-x-10 gap-y-16 md:grid-cols-2 xl:grid-cols-3">
              {rest.map((piece) => (
                <li key={piece.contentId}>
                  <ContentCard content={piece} sizes="(min-width: 1280px) 30vw, (min-width: 768px) 45vw, 100vw" />
                  <Tags piece={piece} />
                </li>
              ))}
            </ul>
          )}
          {nextToken && (
            <div className="mt-16 text-center">
              <Link
                to={`/journal?${new URLSearchParams({ ...(section ? { section } : {}), ...(tag ? { tag } : {}), after: nextToken })}`}
                className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink"
              >
                Older pieces
              </Link>
            </div>
          )}
        </Container>
      </section>
    </>
  );
}

function Tags({ piece }: { piece: Content }) {
  if (!piece.tags.length) return null;
  return (
    <p className="relative mt-3 flex flex-wrap gap-3 text-xs text-stone">
      {piece.tags.slice(0, 3).map((t) => (
        <Link key={t} to={`/journal?tag=${encodeURIComponent(t)}`} className="link-underline">
          {t}
        </Link>
      ))}
    </p>
  );
}
