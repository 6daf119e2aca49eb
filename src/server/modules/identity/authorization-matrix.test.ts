/**
 * Every API route × every kind of caller. The table below is the specification: a route missing from it
 * fails the test, a caller outside a route's audience must be refused (401 / 403 / 404, never 2xx), and a
 * caller inside it must get past authorization (anything but 401 / 403).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { accountOf, type TestAccount } from '../../test/identity.ts';

type Caller = 'anonymous' | 'client' | 'otherClient' | 'vip' | 'stylist' | 'partner' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'client', 'otherClient', 'vip', 'stylist', 'partner', 'admin'];
const SIGNED_IN: Caller[] = CALLERS.filter((c) => c !== 'anonymous');

const EVERYONE = CALLERS;
const ADMIN: Caller[] = ['admin'];
// Routes about one user act on `client`'s account: only that client and admins may.
const OWNER_OR_ADMIN: Caller[] = ['client', 'admin'];
const CLIENTS: Caller[] = ['client', 'otherClient', 'vip'];
const VIP: Caller[] = ['vip'];
const STYLIST: Caller[] = ['stylist'];
const STYLIST_OR_ADMIN: Caller[] = ['stylist', 'admin'];

/** "METHOD /path" → who may pass authorization. `order: 'last'` routes end the caller's session or account. */
const MATRIX: Record<string, { allowed: Caller[]; order?: 'last' }> = {
  'GET /api/v1/healthz': { allowed: EVERYONE },
  'GET /api/v1/readyz': { allowed: EVERYONE },
  'POST /api/v1/users': { allowed: EVERYONE },
  'GET /api/v1/users': { allowed: ADMIN },
  'GET /api/v1/users/:userId': { allowed: OWNER_OR_ADMIN },
  'PUT /api/v1/users/:userId': { allowed: OWNER_OR_ADMIN },
  'DELETE /api/v1/users/:userId': { allowed: ADMIN, order: 'last' }, // aimed at a separate victim account
  'PUT /api/v1/users/:userId/role': { allowed: ADMIN },
  'GET /api/v1/me': { allowed: SIGNED_IN },
  'POST /api/v1/auth/login': { allowed: EVERYONE },
  'POST /api/v1/auth/refresh': { allowed: EVERYONE },
  'POST /api/v1/auth/logout': { allowed: SIGNED_IN, order: 'last' },
  'GET /api/v1/auth/sessions': { allowed: SIGNED_IN },
  'DELETE /api/v1/auth/sessions/:sessionId': { allowed: SIGNED_IN },
  'DELETE /api/v1/auth/sessions': { allowed: SIGNED_IN },
  'POST /api/v1/auth/mfa/setup': { allowed: SIGNED_IN },
  'POST /api/v1/auth/mfa/verify': { allowed: SIGNED_IN },
  'POST /api/v1/auth/mfa/disable': { allowed: SIGNED_IN },
  'POST /api/v1/auth/mfa/step-up': { allowed: SIGNED_IN },
  'POST /api/v1/auth/email/verify': { allowed: EVERYONE },
  'POST /api/v1/auth/email/resend': { allowed: SIGNED_IN },
  'POST /api/v1/auth/password/forgot': { allowed: EVERYONE },
  'POST /api/v1/auth/password/reset': { allowed: EVERYONE },
  'POST /api/v1/auth/passkeys/register/options': { allowed: SIGNED_IN },
  'POST /api/v1/auth/passkeys/register/verify': { allowed: SIGNED_IN },
  'GET /api/v1/auth/passkeys': { allowed: SIGNED_IN },
  'DELETE /api/v1/auth/passkeys/:passkeyId': { allowed: SIGNED_IN },
  'POST /api/v1/auth/passkeys/login/options': { allowed: EVERYONE },
  'POST /api/v1/auth/passkeys/login/verify': { allowed: EVERYONE },
  'GET /api/v1/admin/dev-mailbox': { allowed: ADMIN },
  'GET /api/v1/admin/audit-log': { allowed: ADMIN },
  // Background jobs: the house office's dead-letter queue.
  'GET /api/v1/admin/jobs': { allowed: ADMIN },
  'POST /api/v1/admin/jobs/:jobId/retry': { allowed: ADMIN },
  'DELETE /api/v1/admin/jobs/:jobId': { allowed: ADMIN },
  'GET /api/v1/me/profile-views': { allowed: VIP },
  'POST /api/v1/vip/applications': { allowed: CLIENTS },
  'GET /api/v1/vip/applications': { allowed: [...CLIENTS, 'admin'] },
  'POST /api/v1/vip/applications/:applicationId/decision': { allowed: ADMIN },
  'PUT /api/v1/me/privacy': { allowed: VIP },
  'GET /api/v1/me/privacy/shares': { allowed: VIP },
  'POST /api/v1/me/privacy/shares': { allowed: VIP },
  'DELETE /api/v1/me/privacy/shares/:userId': { allowed: VIP },
  'POST /api/v1/newsletter/subscriptions': { allowed: EVERYONE },
  // Stylist marketplace (ownership of a profile or booking is checked in the stylists service; see its tests).
  'POST /api/v1/stylists': { allowed: STYLIST_OR_ADMIN },
  'GET /api/v1/stylists': { allowed: EVERYONE },
  'GET /api/v1/admin/stylists': { allowed: ADMIN },
  'GET /api/v1/me/stylist': { allowed: STYLIST },
  'GET /api/v1/stylists/:stylistId': { allowed: EVERYONE },
  'PUT /api/v1/stylists/:stylistId': { allowed: STYLIST_OR_ADMIN },
  'DELETE /api/v1/stylists/:stylistId': { allowed: STYLIST_OR_ADMIN },
  'POST /api/v1/stylists/:stylistId/review': { allowed: ADMIN },
  'POST /api/v1/stylists/:stylistId/services': { allowed: STYLIST_OR_ADMIN },
  'PUT /api/v1/stylists/:stylistId/services/:serviceId': { allowed: STYLIST_OR_ADMIN },
  'DELETE /api/v1/stylists/:stylistId/services/:serviceId': { allowed: STYLIST_OR_ADMIN },
  'POST /api/v1/stylists/:stylistId/portfolio': { allowed: STYLIST_OR_ADMIN },
  'DELETE /api/v1/stylists/:stylistId/portfolio/:itemId': { allowed: STYLIST_OR_ADMIN },
  'GET /api/v1/stylists/:stylistId/schedule': { allowed: STYLIST_OR_ADMIN },
  'PUT /api/v1/stylists/:stylistId/schedule': { allowed: STYLIST_OR_ADMIN },
  'PUT /api/v1/stylists/:stylistId/cancellation-policy': { allowed: STYLIST_OR_ADMIN },
  'GET /api/v1/stylists/:stylistId/availability': { allowed: EVERYONE },
  'PUT /api/v1/stylists/:stylistId/availability': { allowed: STYLIST_OR_ADMIN },
  'GET /api/v1/stylists/:stylistId/reviews': { allowed: EVERYONE },
  'GET /api/v1/matching/stylists': { allowed: [...CLIENTS, 'admin'] },
  'GET /api/v1/matching/introductions': { allowed: EVERYONE },
  'POST /api/v1/matching/request': { allowed: CLIENTS },
  'POST /api/v1/matching/accept': { allowed: STYLIST_OR_ADMIN },
  'POST /api/v1/matching/decline': { allowed: STYLIST_OR_ADMIN },
  'GET /api/v1/me/bookings': { allowed: CLIENTS },
  'GET /api/v1/me/stylist/requests': { allowed: STYLIST },
  'GET /api/v1/requests/:requestId': { allowed: [...CLIENTS, 'stylist', 'admin'] },
  'POST /api/v1/requests/:requestId/cancel': { allowed: [...CLIENTS, 'stylist', 'admin'] },
  'POST /api/v1/requests/:requestId/reschedule': { allowed: [...CLIENTS, 'stylist', 'admin'] },
  'POST /api/v1/requests/:requestId/complete': { allowed: STYLIST_OR_ADMIN },
  'POST /api/v1/requests/:requestId/review': { allowed: CLIENTS },
  'POST /api/v1/reviews/:reviewId/reply': { allowed: STYLIST },
  'GET /api/v1/me/calendar-feed': { allowed: SIGNED_IN },
  'POST /api/v1/me/calendar-feed/rotate': { allowed: SIGNED_IN },
  'GET /api/v1/calendar/:file': { allowed: EVERYONE },
  // Catalog: storefront reads are public (visibility is filtered per caller), writes by admins or the brand's partner.
  'POST /api/v1/products': { allowed: ['partner', 'admin'] },
  'GET /api/v1/products': { allowed: EVERYONE },
  'GET /api/v1/products/search': { allowed: EVERYONE },
  'GET /api/v1/products/suggest': { allowed: EVERYONE },
  'GET /api/v1/products/by-slug/:slug': { allowed: EVERYONE },
  'GET /api/v1/products/:productId': { allowed: EVERYONE },
  'PUT /api/v1/products/:productId': { allowed: ['partner', 'admin'] },
  'DELETE /api/v1/products/:productId': { allowed: ['partner', 'admin'] },
  'PUT /api/v1/products/:productId/visibility': { allowed: ['partner', 'admin'] },
  'PUT /api/v1/products/:productId/variants/:variantId/stock': { allowed: ['partner', 'admin'] },
  'GET /api/v1/admin/products': { allowed: ['partner', 'admin'] },
  'GET /api/v1/brands': { allowed: EVERYONE },
  'GET /api/v1/brands/:slug': { allowed: EVERYONE },
  'POST /api/v1/brands': { allowed: ADMIN },
  'PUT /api/v1/brands/:brandId': { allowed: ADMIN },
  'DELETE /api/v1/brands/:brandId': { allowed: ADMIN },
  'PUT /api/v1/admin/brand-partners/:userId': { allowed: ADMIN },
  'DELETE /api/v1/admin/brand-partners/:userId': { allowed: ADMIN },
  'GET /api/v1/me/brand': { allowed: ['partner'] },
  'GET /api/v1/categories': { allowed: EVERYONE },
  'GET /api/v1/categories/:slug': { allowed: EVERYONE },
  'POST /api/v1/categories': { allowed: ADMIN },
  'PUT /api/v1/categories/:categoryId': { allowed: ADMIN },
  'DELETE /api/v1/categories/:categoryId': { allowed: ADMIN },
  'GET /api/v1/collections': { allowed: EVERYONE },
  'GET /api/v1/collections/:slug': { allowed: EVERYONE },
  'POST /api/v1/collections': { allowed: ADMIN },
  'PUT /api/v1/collections/:collectionId': { allowed: ADMIN },
  'PUT /api/v1/collections/:collectionId/products': { allowed: ADMIN },
  'DELETE /api/v1/collections/:collectionId': { allowed: ADMIN },
  'POST /api/v1/products/:productId/inquiries': { allowed: CLIENTS },
  'GET /api/v1/inquiries': { allowed: [...CLIENTS, 'partner', 'admin'] },
  'POST /api/v1/inquiries/:inquiryId/answer': { allowed: ['partner', 'admin'] },
  'GET /api/v1/me/wishlist': { allowed: CLIENTS },
  'PUT /api/v1/me/wishlist/:productId': { allowed: CLIENTS },
  'DELETE /api/v1/me/wishlist/:productId': { allowed: CLIENTS },
  'POST /api/v1/media': { allowed: ['stylist', 'partner', 'admin'] },
  // Orders: clients buy (ownership of an order is checked in the service), the house office fulfils.
  'GET /api/v1/bag': { allowed: CLIENTS },
  'PUT /api/v1/bag': { allowed: CLIENTS },
  'GET /api/v1/account/addresses': { allowed: CLIENTS },
  'POST /api/v1/account/addresses': { allowed: CLIENTS },
  'DELETE /api/v1/account/addresses/:addressId': { allowed: CLIENTS },
  'POST /api/v1/orders/quote': { allowed: CLIENTS },
  'POST /api/v1/orders': { allowed: CLIENTS },
  'GET /api/v1/orders': { allowed: [...CLIENTS, 'admin'] },
  'GET /api/v1/orders/:orderId': { allowed: [...CLIENTS, 'admin'] },
  'PUT /api/v1/orders/:orderId': { allowed: [...CLIENTS, 'admin'] },
  'POST /api/v1/orders/:orderId/cancel': { allowed: [...CLIENTS, 'admin'] },
  'POST /api/v1/admin/orders/:orderId/approve': { allowed: ADMIN },
  'POST /api/v1/admin/orders/:orderId/processing': { allowed: ADMIN },
  'POST /api/v1/admin/orders/:orderId/deliver': { allowed: ADMIN },
  'POST /api/v1/admin/orders/:orderId/ship': { allowed: ADMIN },
  'GET /api/v1/admin/tax-rates': { allowed: ADMIN },
  'PUT /api/v1/admin/tax-rates/:country': { allowed: ADMIN },
  'PUT /api/v1/admin/products/:productId/deposit': { allowed: ADMIN },
  'GET /api/v1/media/:mediaId': { allowed: EVERYONE },
  // Payments: clients pay their own orders (ownership checked in the payments service); the house office refunds.
  'GET /api/v1/payments/config': { allowed: EVERYONE },
  'POST /api/v1/payments/webhooks/stripe': { allowed: EVERYONE },
  'POST /api/v1/payments/sandbox/payment-methods': { allowed: CLIENTS },
  'POST /api/v1/payments/process': { allowed: CLIENTS },
  'POST /api/v1/payments/:paymentId/complete-action': { allowed: CLIENTS },
  'GET /api/v1/payments/:paymentId/status': { allowed: [...CLIENTS, 'admin'] },
  'POST /api/v1/payments/refund': { allowed: ADMIN },
  'POST /api/v1/payments/refunds/:refundId/approve': { allowed: ADMIN },
  'POST /api/v1/payments/refunds/:refundId/reject': { allowed: ADMIN },
  'POST /api/v1/admin/payments/:paymentId/bank-receipts': { allowed: ADMIN },
  'GET /api/v1/admin/payments': { allowed: ADMIN },
  'GET /api/v1/admin/payments/exceptions': { allowed: ADMIN },
  'POST /api/v1/admin/payments/exceptions/:exceptionId/resolve': { allowed: ADMIN },
  'POST /api/v1/admin/payments/reconcile': { allowed: ADMIN },
  // Receipts (#13): the order's client or an admin (another client's is 404); a signed link needs no session.
  'GET /api/v1/orders/:orderId/receipts': { allowed: [...CLIENTS, 'admin'] },
  'GET /api/v1/orders/:orderId/payments/:paymentId/receipt': { allowed: [...CLIENTS, 'admin'] },
  'GET /api/v1/orders/:orderId/refunds/:refundId/receipt': { allowed: [...CLIENTS, 'admin'] },
  'GET /api/v1/receipts/:kind/:receiptId': { allowed: EVERYONE },
  // Ledger: the house office's books; each stylist and partner house reads its own statement.
  'GET /api/v1/admin/ledger/trial-balance': { allowed: ADMIN },
  'GET /api/v1/admin/ledger/statements': { allowed: ADMIN },
  'GET /api/v1/me/statements': { allowed: ['stylist', 'partner'] },
  'POST /api/v1/admin/ledger/payouts': { allowed: ADMIN },
  'PUT /api/v1/admin/ledger/commission-rates': { allowed: ADMIN },
  // Editorial: readers' routes are public (VIP pieces filtered per caller); staff accounts get past the guard to write and
  // the editorial service decides by the house-editor permission or the stylist's own article (see its tests).
  'POST /api/v1/content': { allowed: ['stylist', 'partner', 'admin'] },
  'GET /api/v1/content': { allowed: EVERYONE },
  'GET /api/v1/content/home-slots': { allowed: EVERYONE },
  'PUT /api/v1/content/home-slots/:slot': { allowed: ['stylist', 'partner', 'admin'] },
  'GET /api/v1/content/previews/:token': { allowed: EVERYONE },
  'GET /api/v1/content/:contentId': { allowed: EVERYONE },
  'PUT /api/v1/content/:contentId': { allowed: STYLIST_OR_ADMIN },
  'DELETE /api/v1/content/:contentId': { allowed: STYLIST_OR_ADMIN },
  'GET /api/v1/content/:contentId/versions': { allowed: STYLIST_OR_ADMIN },
  'GET /api/v1/content/:contentId/diff': { allowed: ['stylist', 'partner', 'admin'] },
  'POST /api/v1/content/:contentId/versions/:version/restore': { allowed: ['stylist', 'partner', 'admin'] },
  'PUT /api/v1/content/:contentId/autosave': { allowed: ['stylist', 'partner', 'admin'] },
  'GET /api/v1/content/:contentId/autosave': { allowed: STYLIST_OR_ADMIN },
  'POST /api/v1/content/:contentId/preview-links': { allowed: STYLIST_OR_ADMIN },
  'POST /api/v1/content/:contentId/rsvp': { allowed: SIGNED_IN },
  'GET /api/v1/content/:contentId/rsvp': { allowed: SIGNED_IN },
  'DELETE /api/v1/content/:contentId/rsvp': { allowed: SIGNED_IN },
  'GET /api/v1/content-editors': { allowed: ADMIN },
  'GET /api/v1/content-editors/me': { allowed: SIGNED_IN },
  'GET /api/v1/content-media': { allowed: STYLIST_OR_ADMIN },
  'PUT /api/v1/content-editors/:userId': { allowed: ADMIN },
  'DELETE /api/v1/content-editors/:userId': { allowed: ADMIN },
  'POST /api/v1/contact-messages': { allowed: EVERYONE },
  'GET /api/v1/contact-messages': { allowed: ADMIN },
  // Messaging: any signed-in account may call; who may write to whom and which conversation one sees is decided per
  // conversation in the messaging service (see messaging.test.ts). The socket authenticates in its first frame.
  'GET /api/v1/realtime': { allowed: EVERYONE },
  'POST /api/v1/messages': { allowed: SIGNED_IN },
  'GET /api/v1/messages': { allowed: SIGNED_IN },
  'PATCH /api/v1/messages/:messageId': { allowed: SIGNED_IN },
  'DELETE /api/v1/messages/:messageId': { allowed: SIGNED_IN },
  'PUT /api/v1/messages/:messageId/read': { allowed: SIGNED_IN },
  'POST /api/v1/messages/:messageId/report': { allowed: SIGNED_IN },
  'GET /api/v1/conversations': { allowed: SIGNED_IN },
  'POST /api/v1/conversations': { allowed: SIGNED_IN },
  'GET /api/v1/conversations/:conversationId': { allowed: SIGNED_IN },
  'PUT /api/v1/conversations/:conversationId/read': { allowed: SIGNED_IN },
  'PUT /api/v1/conversations/:conversationId/block': { allowed: SIGNED_IN },
  'POST /api/v1/conversations/:conversationId/attachments': { allowed: SIGNED_IN },
  'GET /api/v1/attachments/:attachmentId/:variant': { allowed: EVERYONE },
  'GET /api/v1/me/unread': { allowed: SIGNED_IN },
  'GET /api/v1/admin/message-reports': { allowed: ADMIN },
  'POST /api/v1/admin/message-reports/:reportId/review': { allowed: ADMIN },
  'GET /api/v1/admin/messaging/settings': { allowed: ADMIN },
  'PUT /api/v1/admin/messaging/settings': { allowed: ADMIN },
  // Notifications: the caller's own centre, preferences and devices.
  'GET /api/v1/me/notifications': { allowed: SIGNED_IN },
  'PUT /api/v1/me/notifications/read': { allowed: SIGNED_IN },
  'PUT /api/v1/me/notifications/:notificationId/read': { allowed: SIGNED_IN },
  'GET /api/v1/me/notification-settings': { allowed: SIGNED_IN },
  'PUT /api/v1/me/notification-settings': { allowed: SIGNED_IN },
  'GET /api/v1/push/public-key': { allowed: EVERYONE },
  'POST /api/v1/me/push-subscriptions': { allowed: SIGNED_IN },
  'DELETE /api/v1/me/push-subscriptions': { allowed: SIGNED_IN },
};

// Public routes may answer 401 on their own terms (no refresh token, a wrong password): that is not authorization.
const PUBLIC_MAY_401 = new Set([
  'POST /api/v1/auth/refresh',
  'POST /api/v1/auth/passkeys/login/verify',
  'POST /api/v1/auth/password/reset',
]);

let app: TestApp;
const routes: string[] = [];
const accounts = {} as Record<Exclude<Caller, 'anonymous'>, TestAccount>;
let victim: TestAccount;

beforeAll(async () => {
  app = await buildTestApp(
    {},
    {
      beforeRoutes: (instance) =>
        instance.addHook('onRoute', (route) => {
          for (const method of [route.method].flat())
            if (method !== 'HEAD' && route.url.startsWith('/api/v1/')) routes.push(`${method} ${route.url}`);
        }),
    },
  );
  accounts.client = await accountOf(app, 'CLIENT');
  accounts.otherClient = await accountOf(app, 'CLIENT');
  accounts.vip = await accountOf(app, 'CLIENT', { vip: true });
  accounts.stylist = await accountOf(app, 'STYLIST');
  accounts.partner = await accountOf(app, 'BRAND_PARTNER');
  accounts.admin = await accountOf(app, 'ADMIN');
  victim = await accountOf(app, 'CLIENT');
}, 120_000);
afterAll(() => app.shutdown());

function urlFor(route: string): string {
  const path = route.split(' ')[1]!;
  const target = route.startsWith('DELETE /api/v1/users/') ? victim.userId : accounts.client.userId;
  return path
    .replace(':userId', target)
    .replace(':sessionId', '0195f3a2-7c1d-7b8e-9a4f-2d3c4b5a6e7f')
    .replace(':passkeyId', 'AAAAAAAAAAAAAAAAAAAAAA')
    .replace(':applicationId', '0195f3a2-7c1d-7b8e-9a4f-2d3c4b5a6e7e');
}

describe('authorization matrix', () => {
  it('covers every registered API route', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => !MATRIX[r]).sort()).toEqual([]);
  });

  it('refuses everyone outside each route’s audience and lets the audience through', async () => {
    const ordered = [...routes].sort((a, b) => Number(MATRIX[a]?.order === 'last') - Number(MATRIX[b]?.order === 'last'));
    const problems: string[] = [];
    for (const route of ordered) {
      const spec = MATRIX[route];
      if (!spec) continue;
      const [method] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'];
      // Admins last, so a route that changes state (delete, logout) has been tried by everyone else first.
      for (const caller of CALLERS) {
        const headers = caller === 'anonymous' ? {} : accounts[caller].auth;
        const res = await app.inject({
          method,
          url: urlFor(route),
          headers,
          ...(method === 'POST' || method === 'PUT' ? { payload: {} } : {}),
        });
        const allowed = spec.allowed.includes(caller);
        const s = res.statusCode;
        if (allowed && (s === 403 || (s === 401 && !PUBLIC_MAY_401.has(route))))
          problems.push(`${route} as ${caller}: refused with ${s} ${res.body}`);
        if (!allowed && s < 400) problems.push(`${route} as ${caller}: UNEXPECTED ${s}`);
        if (!allowed && ![401, 403, 404].includes(s)) problems.push(`${route} as ${caller}: expected 401/403/404, got ${s}`);
        if (!allowed && caller === 'anonymous' && s !== 401) problems.push(`${route} as anonymous: expected 401, got ${s}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
