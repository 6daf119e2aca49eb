import { data } from 'react-router';
import type { Route } from './+types/journal.preview';
import { ErrorPage } from '../components/editorial/error-page.tsx';
import { getPreview, readerPage, type ReaderPage } from '../features/editorial/api.ts';
import { ContentView } from '../features/editorial/components/content-view.tsx';
import { ApiProblem } from '../lib/api/problem.ts';
import { serverApi } from '../lib/api/server.ts';

/** A draft shown through its signed preview link; never indexed. */
export async function loader({ params, context }: Route.LoaderArgs) {
  try {
    return { page: readerPage(await getPreview(serverApi(context), params.token)) as ReaderPage | null };
  } catch (error) {
    if (error instanceof ApiProblem && (error.status === 404 || error.status === 400))
      return data({ page: null as ReaderPage | null }, { status: 404 });
    throw error;
  }
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData?.page ? `Preview: ${loaderData.page.content.title}` : 'Preview' },
  { name: 'robots', content: 'noindex, nofollow' },
];

export default function JournalPreview({ loaderData }: Route.ComponentProps) {
  if (!loaderData.page) return <ErrorPage status={404} />;
  return <ContentView page={loaderData.page} preview />;
}
