import { useQuery } from '@tanstack/react-query';
import type { Route } from './+types/admin.journal-edit';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { useSession } from '../features/auth/session.tsx';
import { getContent } from '../features/editorial/api.ts';
import { ContentEditor } from '../features/editorial/components/content-editor.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Edit a piece — The house office', description: 'The Journal’s editor.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

/** A new piece (no id) or an existing one, in the editor. */
export default function AdminJournalEdit({ params }: Route.ComponentProps) {
  const session = useSession();
  const id = params.contentId;
  const query = useQuery({
    queryKey: ['admin', 'content', id],
    queryFn: () => getContent(session.api, id!),
    enabled: session.status === 'signed-in' && !!id,
    gcTime: 0,
  });
  if (!id) {
    return (
      <>
        <PageTitle eyebrow="The Journal" title="A new piece" />
        <ContentEditor api={session.api} content={undefined} />
      </>
    );
  }
  if (query.isPending) return <ListLoading />;
  if (query.isError) return <ListError error={query.error} />;
  return (
    <>
      <PageTitle eyebrow="The Journal" title={query.data.content.title} />
      <ContentEditor key={`${query.data.content.contentId}`} api={session.api} content={query.data.content} />
    </>
  );
}
