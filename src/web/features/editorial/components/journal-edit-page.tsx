import { useQuery } from '@tanstack/react-query';
import { ListError, ListLoading } from '../../../components/ui/list-state.tsx';
import { PageTitle } from '../../account/components/settings-section.tsx';
import { useSession } from '../../auth/session.tsx';
import { getContent } from '../api.ts';
import { ContentEditor } from './content-editor.tsx';

/** A new piece (no id) or an existing one in the editor: the house office's desk, or a stylist's in the studio. */
export function JournalEditPage({ contentId, mode }: { contentId: string | undefined; mode: 'house' | 'stylist' }) {
  const session = useSession();
  const query = useQuery({
    queryKey: ['admin', 'content', contentId],
    queryFn: () => getContent(session.api, contentId!),
    enabled: session.status === 'signed-in' && !!contentId,
    gcTime: 0,
  });
  const eyebrow = mode === 'house' ? 'The Journal' : 'Your articles';
  if (!contentId) {
    return (
      <>
        <PageTitle
          eyebrow={eyebrow}
          title={mode === 'house' ? 'A new piece' : 'A new article'}
          lede={
            mode === 'stylist'
              ? 'Written in your own name. When it is ready, submit it: a house editor reads it before it is published.'
              : undefined
          }
        />
        <ContentEditor api={session.api} content={undefined} mode={mode} />
      </>
    );
  }
  if (query.isPending) return <ListLoading />;
  if (query.isError) return <ListError error={query.error} />;
  const content = query.data.content;
  return (
    <>
      <PageTitle eyebrow={eyebrow} title={content.title} />
      {/* Keyed by version: a restore, or loading someone's newer save, opens the editor afresh on what the server holds. */}
      <ContentEditor
        key={`${content.contentId}:${content.version}`}
        api={session.api}
        content={content}
        mode={mode}
        onReload={() => void query.refetch()}
      />
    </>
  );
}
