import { data } from 'react-router';
import type { Route } from './+types/journal.article';
import { ErrorPage } from '../components/editorial/error-page.tsx';
import { SessionPending } from '../features/auth/components/session-pending.tsx';
import { useSession } from '../features/auth/session.tsx';
import { getContent, readerPage, useContentForViewer, type ReaderPage } from '../features/editorial/api.ts';
import { ContentView } from '../features/editorial/components/content-view.tsx';
import { contentMeta } from '../features/editorial/seo.ts';
import { notFoundMeta } from '../features/catalog/seo.ts';
import { ApiProblem } from '../lib/api/problem.ts';
import { serverApi } from '../lib/api/server.ts';

/**
 * A Journal piece, rendered on the server as the public sees it. A piece the public may not read (for private clients)
 * answers 404 here; in the browser, a signed-in private client then fetches it with their own session.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  try {
    const page = await getContent(serverApi(context), params.slug);
    // The house's pages have their own addresses at the root.
    if (page.content.contentType === 'PAGE') return data({ page: null as ReaderPage | null }, { status: 404 });
    return { page: readerPage(page) as ReaderPage | null };
  } catch (error) {
    if (error instanceof ApiProblem && (error.status === 404 || error.status === 400))
      return data({ page: null as ReaderPage | null }, { status: 404 });
    throw error;
  }
}

export const meta: Route.MetaFunction = (args) =>
  args.loaderData?.page ? contentMeta(args, args.loaderData.page.content) : notFoundMeta();

export default function JournalArticle({ loaderData, params }: Route.ComponentProps) {
  if (!loaderData.page) return <HiddenPiece slug={params.slug} />;
  return <ContentView page={loaderData.page} />;
}

function HiddenPiece({ slug }: { slug: string }) {
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  const query = useContentForViewer(session.api, slug, signedIn);
  if (session.status === 'unknown' || (signedIn && query.isPending)) return <SessionPending label="Opening the piece" />;
  if (query.data && query.data.content.contentType !== 'PAGE') return <ContentView page={query.data} />;
  return <ErrorPage status={404} />;
}
