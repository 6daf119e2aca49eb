import type { Route } from './+types/studio.journal-edit';
import { JournalEditPage } from '../features/editorial/components/journal-edit-page.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Write an article — Your studio',
    description: 'Your articles for the Journal.',
    image: 'private-client-atelier',
  }),
  { name: 'robots', content: 'noindex' },
];

/** A stylist's article in the editor: their own, in their name, a draft until a house editor publishes it. */
export default function StudioJournalEdit({ params }: Route.ComponentProps) {
  return <JournalEditPage contentId={params.contentId} mode="stylist" />;
}
