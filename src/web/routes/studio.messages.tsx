import type { Route } from './+types/studio.messages';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { MessagesPage } from '../features/messaging/components/messages-page.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Messages', description: 'Your conversations at StyleByZaga.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

export default function StudioMessagesRoute({ params }: Route.ComponentProps) {
  return (
    <>
      <PageTitle eyebrow="Messages" title="Conversations" lede="Your clients, their requests and your replies." />
      <MessagesPage base="/studio/messages" conversationId={params.conversationId} />
    </>
  );
}
