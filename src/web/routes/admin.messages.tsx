import type { Route } from './+types/admin.messages';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { useSignedInUser } from '../features/auth/session.tsx';
import { MessagesPage } from '../features/messaging/components/messages-page.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Enquiry conversations',
    description: 'Clients’ enquiries about pieces, as conversations with the house.',
    image: 'private-client-salon',
  }),
  { name: 'robots', content: 'noindex' },
];

/**
 * The enquiry inbox as conversations: every enquiry about a piece opened one, and the house answers in it. A partner
 * sees their own house's; the house office sees every house's (and joins a conversation when it first answers).
 */
export default function AdminMessagesRoute({ params }: Route.ComponentProps) {
  const user = useSignedInUser();
  const base = user.userType === 'ADMIN' ? '/admin/messages' : '/partner/messages';
  return (
    <>
      <PageTitle
        eyebrow={user.userType === 'ADMIN' ? 'The house office' : 'Partner area'}
        title="Enquiry conversations"
        lede="Each enquiry about a piece is a conversation with its client. Answer in the thread; clients in privacy mode appear under their alias."
      />
      <MessagesPage
        base={base}
        conversationId={params.conversationId}
        empty="No enquiry yet. When a client asks about a piece, the conversation opens here."
      />
    </>
  );
}
