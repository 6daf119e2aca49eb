import { index, route, type RouteConfig } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('shop', 'routes/shop.tsx'),
  route('stylists', 'routes/stylists.tsx'),
  route('concierge', 'routes/concierge.tsx'),
  route('journal', 'routes/journal.tsx'),
  route('newsletter', 'routes/newsletter.tsx'),
  // Last: whatever no other route claims renders the house 404 with a real 404 status.
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
