import { data } from 'react-router';
import type { Route } from './+types/not-found';
import { ErrorPage } from '../components/editorial/error-page.tsx';

/** Every path no other route claims. A loader, so the document answers with a real 404 status. */
export function loader() {
  return data(null, { status: 404 });
}

export const meta: Route.MetaFunction = () => [
  { title: 'Page not found — StyleByZaga' },
  { name: 'description', content: 'The page you were looking for is not here. Return to StyleByZaga.' },
  { property: 'og:title', content: 'Page not found' },
  { property: 'og:site_name', content: 'StyleByZaga' },
  { name: 'robots', content: 'noindex' },
];

export default function NotFound() {
  return <ErrorPage status={404} />;
}
