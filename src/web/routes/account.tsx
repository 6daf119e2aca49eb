import { Outlet } from 'react-router';
import type { Route } from './+types/account';
import { PrivateAreaLayout, type AreaNavItem } from '../features/account/components/private-area-layout.tsx';
import { Notice } from '../components/ui/form-alert.tsx';
import { ResendVerification } from '../features/auth/components/resend-verification.tsx';
import { RequireAuth } from '../features/auth/require-auth.tsx';
import { useSignedInUser } from '../features/auth/session.tsx';
import { useEditorialRole } from '../features/editorial/office-api.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Your account', description: 'Your StyleByZaga account.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

export default function AccountRoute() {
  return (
    <RequireAuth>
      <AccountArea />
    </RequireAuth>
  );
}

function AccountArea() {
  const user = useSignedInUser();
  // A partner's account holding the house-editor permission leads to the Journal's desk (a stylist's studio does).
  const editorial = useEditorialRole(user.userType === 'BRAND_PARTNER');
  const items: AreaNavItem[] = [
    { label: 'Profile', to: '/account', end: true },
    { label: 'Preferences & sizes', to: '/account/preferences' },
    ...(user.userType === 'CLIENT' ? [{ label: 'Orders', to: '/account/orders' }] : []),
    ...(user.userType === 'CLIENT' ? [{ label: 'Wishlist', to: '/account/wishlist' }] : []),
    { label: 'Security', to: '/account/security' },
    ...(user.userType === 'CLIENT' && user.tier === 'VIP' ? [{ label: 'Privacy', to: '/account/privacy' }] : []),
    ...(user.userType === 'CLIENT' ? [{ label: 'Sessions', to: '/account/bookings' }] : []),
    ...(user.userType === 'CLIENT' ? [{ label: 'Messages', to: '/account/messages' }] : []),
    { label: 'Notifications', to: '/account/notifications' },
    ...(user.userType === 'CLIENT' ? [{ label: 'VIP membership', to: '/account/membership' }] : []),
    { label: 'Delete account', to: '/account/delete' },
  ];
  return (
    <PrivateAreaLayout
      eyebrow="Private client area"
      navLabel="Account"
      items={items}
      elsewhere={
        user.userType === 'ADMIN'
          ? { label: 'The house office', to: '/admin' }
          : user.userType === 'STYLIST'
            ? { label: 'Your studio', to: '/studio' }
            : editorial.data === 'EDITOR'
              ? { label: 'The Journal desk', to: '/admin/journal' }
              : undefined
      }
    >
      {!user.emailVerified && (
        <Notice title="Please confirm your email address" className="mb-14">
          <p>We sent a link to {user.email}. Until it is confirmed, some letters from the house cannot reach you.</p>
          <div className="mt-4">
            <ResendVerification variant="ghost" />
          </div>
        </Notice>
      )}
      <Outlet />
    </PrivateAreaLayout>
  );
}
