import { index, route, type RouteConfig } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('shop', 'routes/shop.tsx'),
  route('stylists', 'routes/stylists.tsx'),
  route('concierge', 'routes/concierge.tsx'),
  route('journal', 'routes/journal.tsx'),
  route('newsletter', 'routes/newsletter.tsx'),
  // Identity: the threshold pages, the private client area and the house office. Drawn in the browser
  // once the session is known; the server renders their frame and a placeholder.
  route('sign-in', 'routes/sign-in.tsx'),
  route('sign-up', 'routes/sign-up.tsx'),
  route('forgot-password', 'routes/forgot-password.tsx'),
  route('reset-password', 'routes/reset-password.tsx'),
  route('verify-email', 'routes/verify-email.tsx'),
  route('secure-account', 'routes/secure-account.tsx'),
  route('account', 'routes/account.tsx', [
    index('routes/account.profile.tsx'),
    route('preferences', 'routes/account.preferences.tsx'),
    route('security', 'routes/account.security.tsx'),
    route('privacy', 'routes/account.privacy.tsx'),
    route('membership', 'routes/account.membership.tsx'),
    route('delete', 'routes/account.delete.tsx'),
  ]),
  route('admin', 'routes/admin.tsx', [
    index('routes/admin.members.tsx'),
    route('members/:userId', 'routes/admin.member.tsx'),
    route('vip', 'routes/admin.vip.tsx'),
    route('audit', 'routes/admin.audit.tsx'),
    route('mailbox', 'routes/admin.mailbox.tsx'),
  ]),
  // Last: whatever no other route claims renders the house 404 with a real 404 status.
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
