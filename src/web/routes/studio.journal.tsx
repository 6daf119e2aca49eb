import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { Route } from './+types/studio.journal';
import { ButtonLink } from '../components/ui/button.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { Table, Td, Th, Tr } from '../features/admin/components/table.tsx';
import { useSession } from '../features/auth/session.tsx';
import { contentPath, formatDate, listContent } from '../features/editorial/api.ts';
import { useEditorialRole } from '../features/editorial/office-api.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Your articles — Your studio',
    description: 'Your articles for the Journal.',
    image: 'private-client-atelier',
  }),
  { name: 'robots', content: 'noindex' },
];

/** A stylist's own articles for the Journal, in every state: drafts, with the house for review, published. */
export default function StudioJournal() {
  const session = useSession();
  const role = useEditorialRole();
  const query = useQuery({
    queryKey: ['studio', 'content'],
    // A piece just saved in the editor must be listed on the way back.
    refetchOnMount: 'always',
    queryFn: () => listContent(session.api, { mine: 'true', view: 'summary', maxResults: 100 }),
    enabled: session.status === 'signed-in',
  });
  return (
    <>
      <PageTitle
        eyebrow="The studio"
        title="Your articles"
        lede="Write for the Journal in your own name. A house editor reads each article you submit before it is published."
      />
      <div className="flex flex-wrap items-center gap-6">
        <ButtonLink to="/studio/journal/new">Write an article</ButtonLink>
        {role.data === 'EDITOR' && (
          <Link to="/admin/journal" className="link-underline text-sm text-ink-soft">
            You are also a house editor: the Journal’s desk
          </Link>
        )}
      </div>
      <div className="mt-10">
        {query.isPending ? (
          <ListLoading />
        ) : query.isError ? (
          <ListError error={query.error} />
        ) : query.data.content.length === 0 ? (
          <p className="border-t border-line pt-8 text-ink-soft">No articles yet. Your first one starts as a private draft.</p>
        ) : (
          <Table caption="Your articles">
            <thead>
              <Tr>
                <Th>Title</Th>
                <Th>State</Th>
                <Th>Changed</Th>
              </Tr>
            </thead>
            <tbody>
              {query.data.content.map((c) => (
                <Tr key={c.contentId}>
                  <Td>
                    <Link to={`/studio/journal/${c.contentId}`} className="link-underline">
                      {c.title}
                    </Link>
                  </Td>
                  <Td>
                    {c.status === 'PUBLISHED' ? (
                      <a href={contentPath(c)} className="link-underline">
                        Published
                      </a>
                    ) : c.reviewRequested ? (
                      'With the house for review'
                    ) : c.status === 'DRAFT' ? (
                      'Draft'
                    ) : c.status === 'SCHEDULED' ? (
                      'Scheduled by the house'
                    ) : (
                      'Archived'
                    )}
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
