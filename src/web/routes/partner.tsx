import { Outlet } from 'react-router';
import type { Route } from './+types/partner';
import { PrivateAreaLayout } from '../features/account/components/private-area-layout.tsx';
import { RequireAuth, RequireRole } from '../features/auth/require-auth.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Partner area',
    description: 'Your house at StyleByZaga: products and inquiries.',
    image: 'private-client-salon',
  }),
  { name: 'robots', content: 'noindex' },
];

const ITEMS = [
  { label: 'Inquiries', to: '/partner', end: true },
  { label: 'Conversations', to: '/partner/messages' },
  { label: 'Products', to: '/partner/products' },
];

/** A brand partner's area: their house's inquiry inbox and products. The server limits every call to their own brand. */
export default function PartnerRoute() {
  return (
    <RequireAuth>
      <RequireRole role="BRAND_PARTNER">
        <PrivateAreaLayout
          eyebrow="Partner area"
          navLabel="Partner"
          items={ITEMS}
          elsewhere={{ label: 'Your own account', to: '/account' }}
        >
          <Outlet />
        </PrivateAreaLayout>
      </RequireRole>
    </RequireAuth>
  );
}
