import { Outlet } from 'react-router';
import type { Route } from './+types/admin';
import { PrivateAreaLayout } from '../features/account/components/private-area-layout.tsx';
import { RequireAuth, RequireRole } from '../features/auth/require-auth.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'The house office', description: 'Administration of StyleByZaga.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

const ITEMS = [
  { label: 'Members', to: '/admin', end: true },
  { label: 'VIP approvals', to: '/admin/vip' },
  { label: 'Stylist vetting', to: '/admin/stylists' },
  { label: 'Products', to: '/admin/products' },
  { label: 'Houses', to: '/admin/brands' },
  { label: 'Categories', to: '/admin/categories' },
  { label: 'Collections', to: '/admin/collections' },
  { label: 'Inquiries', to: '/admin/inquiries' },
  { label: 'Enquiry conversations', to: '/admin/messages' },
  { label: 'Reported messages', to: '/admin/message-reports' },
  { label: 'Journal', to: '/admin/journal' },
  { label: 'Orders', to: '/admin/orders' },
  { label: 'Duties & VAT', to: '/admin/tax-rates' },
  { label: 'Payments', to: '/admin/payments' },
  { label: 'Ledger', to: '/admin/ledger' },
  { label: 'Audit log', to: '/admin/audit' },
  { label: 'Dev mailbox', to: '/admin/mailbox' },
  { label: 'Background jobs', to: '/admin/jobs' },
];

/** The house office: administrators only. The server enforces the same rule on every route it calls. */
export default function AdminRoute() {
  return (
    <RequireAuth>
      <RequireRole role="ADMIN">
        <PrivateAreaLayout
          eyebrow="The house office"
          navLabel="Administration"
          items={ITEMS}
          elsewhere={{ label: 'Your own account', to: '/account' }}
        >
          <Outlet />
        </PrivateAreaLayout>
      </RequireRole>
    </RequireAuth>
  );
}
