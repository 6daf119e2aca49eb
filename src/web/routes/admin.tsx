import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Route } from './+types/admin';
import { PrivateAreaLayout } from '../features/account/components/private-area-layout.tsx';
import { SessionPending } from '../features/auth/components/session-pending.tsx';
import { RequireAuth, RequireRole } from '../features/auth/require-auth.tsx';
import { useSignedInUser } from '../features/auth/session.tsx';
import { useEditorialRole } from '../features/editorial/office-api.ts';
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
  { label: 'House editors', to: '/admin/editors' },
  { label: 'Orders', to: '/admin/orders' },
  { label: 'Duties & VAT', to: '/admin/tax-rates' },
  { label: 'Payments', to: '/admin/payments' },
  { label: 'Ledger', to: '/admin/ledger' },
  { label: 'Audit log', to: '/admin/audit' },
  { label: 'Dev mailbox', to: '/admin/mailbox' },
  { label: 'Background jobs', to: '/admin/jobs' },
];

// A house editor (a staff account holding the permission, not an administrator) sees the Journal's desk alone.
const EDITOR_ITEMS = [{ label: 'Journal', to: '/admin/journal' }];

/**
 * The house office: administrators, and house editors for the Journal's pages only. The server enforces the same
 * rules on every route it calls.
 */
export default function AdminRoute() {
  return (
    <RequireAuth>
      <Office />
    </RequireAuth>
  );
}

function Office() {
  const user = useSignedInUser();
  if (user.userType === 'ADMIN') return <Frame items={ITEMS} />;
  return <EditorOffice />;
}

function EditorOffice() {
  const role = useEditorialRole();
  const { pathname } = useLocation();
  if (role.isPending) return <SessionPending label="Opening the house office" />;
  // Anyone else meets the quiet refusal of the administrators' rooms.
  if (role.data !== 'EDITOR') return <RequireRole role="ADMIN">{null}</RequireRole>;
  if (!pathname.startsWith('/admin/journal')) return <Navigate replace to="/admin/journal" />;
  return <Frame items={EDITOR_ITEMS} elsewhere={{ label: 'Your own account', to: '/account' }} />;
}

function Frame({ items, elsewhere, children }: { items: typeof ITEMS; elsewhere?: { label: string; to: string }; children?: ReactNode }) {
  return (
    <PrivateAreaLayout
      eyebrow="The house office"
      navLabel="Administration"
      items={items}
      elsewhere={elsewhere ?? { label: 'Your own account', to: '/account' }}
    >
      {children ?? <Outlet />}
    </PrivateAreaLayout>
  );
}
