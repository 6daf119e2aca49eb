import type { Route } from './+types/account.messages';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { MessagesPage } from '../features/messaging/components/messages-page.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Messages', description: 'Your conversations at StyleByZaga.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

export default function AccountMessagesRoute({ params }: Route.ComponentProps) {
  return (
    <>
      <PageTitle eyebrow="Messages" title="Conversations" lede="Your private line to your stylists and to the houses." />
      <MessagesPage base="/account/messages" conversationId={params.conversationId} />
    </>
  );
}
