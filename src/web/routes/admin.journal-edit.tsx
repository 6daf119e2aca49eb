import type { Route } from './+types/admin.journal-edit';
import { JournalEditPage } from '../features/editorial/components/journal-edit-page.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Edit a piece — The house office', description: 'The Journal’s editor.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

/** A new piece (no id) or an existing one, in the house office's editor (administrators and house editors). */
export default function AdminJournalEdit({ params }: Route.ComponentProps) {
  return <JournalEditPage contentId={params.contentId} mode="house" />;
}
