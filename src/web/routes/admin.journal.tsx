import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { Route } from './+types/admin.journal';
import { ButtonLink } from '../components/ui/button.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { Table, Td, Th, Tr } from '../features/admin/components/table.tsx';
import { useSession } from '../features/auth/session.tsx';
import { formatDate, listContent, TYPE_LABEL } from '../features/editorial/api.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Journal — The house office',
    description: 'Write, schedule and publish the Journal.',
    image: 'private-client-salon',
  }),
  { name: 'robots', content: 'noindex' },
];

const STATUS = { DRAFT: 'Draft', SCHEDULED: 'Scheduled', PUBLISHED: 'Published', ARCHIVED: 'Archived' } as const;

/** Every piece of the Journal and the house's pages, newest change first. */
export default function AdminJournal() {
  const session = useSession();
  const query = useQuery({
    queryKey: ['admin', 'content'],
    // A piece just saved in the editor must be listed on the way back.
    refetchOnMount: 'always',
    queryFn: () => listContent(session.api, { view: 'summary', maxResults: 100 }),
    enabled: session.status === 'signed-in',
  });
  return (
    <>
      <PageTitle
        eyebrow="The house office"
        title="The Journal"
        lede="Articles, lookbooks, house stories, events and the house’s own pages. Every save is kept as a version."
      />
      <ButtonLink to="/admin/journal/new">Write a new piece</ButtonLink>
      <div className="mt-10">
        {query.isPending ? (
          <ListLoading />
        ) : query.isError ? (
          <ListError error={query.error} />
        ) : (
          <Table caption="Pieces">
            <thead>
              <Tr>
                <Th>Title</Th>
                <Th>Kind</Th>
                <Th>Status</Th>
                <Th>Changed</Th>
              </Tr>
            </thead>
            <tbody>
              {query.data.content.map((c) => (
                <Tr key={c.contentId}>
                  <Td>
                    <Link to={`/admin/journal/${c.contentId}`} className="link-underline">
                      {c.title}
                    </Link>
                  </Td>
                  <Td>{TYPE_LABEL[c.contentType]}</Td>
                  <Td>
                    {STATUS[c.status]}
                    {c.reviewRequested ? ' · awaiting review' : ''}
                  </Td>
                  <Td>{formatDate(c.updatedAt)}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </>
  );
}
