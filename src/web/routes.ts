import { index, route, type RouteConfig } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('shop', 'routes/shop.tsx'),
  // Catalog: departments, search, products and collections, server-rendered as the public sees them; VIP
  // pieces are fetched again in the browser with the visitor's own session.
  route('shop/:categorySlug', 'routes/shop.category.tsx'),
  route('search', 'routes/search.tsx'),
  route('products/:slug', 'routes/product.tsx'),
  route('collections/:slug', 'routes/collection.tsx'),
  route('stylists', 'routes/stylists.tsx'),
  route('stylists/:stylistId', 'routes/stylist-profile.tsx'),
  route('style-quiz', 'routes/style-quiz.tsx'),
  route('concierge', 'routes/concierge.tsx'),
  route('journal', 'routes/journal.tsx'),
  route('journal/rss.xml', 'routes/journal.rss.ts'),
  route('journal/preview/:token', 'routes/journal.preview.tsx'),
  route('journal/:slug', 'routes/journal.article.tsx'),
  route('sitemap.xml', 'routes/sitemap.ts'),
  // The house's own pages, written in the house office and linked from the footer.
  route('about', 'routes/house-page.tsx', { id: 'page-about' }),
  route('contact', 'routes/house-page.tsx', { id: 'page-contact' }),
  route('delivery-and-returns', 'routes/house-page.tsx', { id: 'page-delivery-and-returns' }),
  route('privacy', 'routes/house-page.tsx', { id: 'page-privacy' }),
  route('terms', 'routes/house-page.tsx', { id: 'page-terms' }),
  route('newsletter', 'routes/newsletter.tsx'),
  // Identity: the threshold pages, the private client area and the house office. Drawn in the browser
  // once the session is known; the server renders their frame and a placeholder.
  route('sign-in', 'routes/sign-in.tsx'),
  route('sign-up', 'routes/sign-up.tsx'),
  route('forgot-password', 'routes/forgot-password.tsx'),
  route('reset-password', 'routes/reset-password.tsx'),
  route('verify-email', 'routes/verify-email.tsx'),
  route('secure-account', 'routes/secure-account.tsx'),
  // The shop: checkout in steps and its confirmation (drawn once the session is known).
  route('checkout', 'routes/checkout.tsx'),
  route('checkout/placed/:orderId', 'routes/checkout.placed.tsx'),
  // Payments: the 3-D Secure step a card may ask for, on the way back to the order.
  route('checkout/authenticate/:paymentId', 'routes/checkout.authenticate.tsx'),
  route('account', 'routes/account.tsx', [
    index('routes/account.profile.tsx'),
    route('preferences', 'routes/account.preferences.tsx'),
    route('security', 'routes/account.security.tsx'),
    route('privacy', 'routes/account.privacy.tsx'),
    route('membership', 'routes/account.membership.tsx'),
    route('bookings', 'routes/account.bookings.tsx'),
    route('messages/:conversationId?', 'routes/account.messages.tsx'),
    route('wishlist', 'routes/account.wishlist.tsx'),
    route('orders', 'routes/account.orders.tsx'),
    route('orders/:orderId', 'routes/account.order.tsx'),
    route('delete', 'routes/account.delete.tsx'),
  ]),
  route('admin', 'routes/admin.tsx', [
    index('routes/admin.members.tsx'),
    route('members/:userId', 'routes/admin.member.tsx'),
    route('vip', 'routes/admin.vip.tsx'),
    route('audit', 'routes/admin.audit.tsx'),
    route('mailbox', 'routes/admin.mailbox.tsx'),
    route('jobs', 'routes/admin.jobs.tsx'),
    route('payments', 'routes/admin.payments.tsx'),
    route('ledger', 'routes/admin.ledger.tsx'),
    route('stylists', 'routes/admin.stylists.tsx'),
    route('products', 'routes/admin.products.tsx'),
    route('products/new', 'routes/admin.product-edit.tsx', { id: 'admin-product-new' }),
    route('products/:productId', 'routes/admin.product-edit.tsx'),
    route('brands', 'routes/admin.brands.tsx'),
    route('categories', 'routes/admin.categories.tsx'),
    route('collections', 'routes/admin.collections.tsx'),
    route('inquiries', 'routes/admin.inquiries.tsx'),
    route('orders', 'routes/admin.orders.tsx'),
    route('orders/:orderId', 'routes/admin.order.tsx'),
    route('tax-rates', 'routes/admin.tax-rates.tsx'),
  ]),
  // The partner area: a brand partner's own products and their house's inquiry inbox.
  route('partner', 'routes/partner.tsx', [
    index('routes/admin.inquiries.tsx', { id: 'partner-inquiries' }),
    route('products', 'routes/admin.products.tsx', { id: 'partner-products' }),
    route('products/new', 'routes/admin.product-edit.tsx', { id: 'partner-product-new' }),
    route('products/:productId', 'routes/admin.product-edit.tsx', { id: 'partner-product-edit' }),
  ]),
  // The stylist's studio: requests, diary, schedule, profile and reviews (drawn once the session is known).
  route('studio', 'routes/studio.tsx', [
    index('routes/studio.requests.tsx'),
    route('calendar', 'routes/studio.calendar.tsx'),
    route('schedule', 'routes/studio.schedule.tsx'),
    route('profile', 'routes/studio.profile.tsx'),
    route('reviews', 'routes/studio.reviews.tsx'),
    route('messages/:conversationId?', 'routes/studio.messages.tsx'),
    route('earnings', 'routes/studio.earnings.tsx'),
  ]),
  // Last: whatever no other route claims renders the house 404 with a real 404 status.
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
