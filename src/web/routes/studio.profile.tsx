import { Link } from 'react-router';
import type { Route } from './+types/studio.profile';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { useStudioStylist } from '../features/stylists/studio-context.ts';
import { PortfolioEditor } from '../features/stylists/components/portfolio-editor.tsx';
import { ProfileEditor } from '../features/stylists/components/profile-editor.tsx';
import { ServicesEditor } from '../features/stylists/components/services-editor.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Profile & services — Your studio',
    description: 'Your public profile, services and portfolio.',
    image: 'private-client-atelier',
  }),
  { name: 'robots', content: 'noindex' },
];

export default function StudioProfile() {
  const stylist = useStudioStylist();
  return (
    <>
      <PageTitle
        eyebrow="The studio"
        title="Profile & services"
        lede={
          <>
            What clients read and book.{' '}
            {stylist.status === 'APPROVED' && (
              <Link to={`/stylists/${stylist.stylistId}`} className="link-underline text-ink">
                See your public page
              </Link>
            )}
          </>
        }
      />
      <ServicesEditor stylist={stylist} />
      <PortfolioEditor stylist={stylist} />
      <ProfileEditor key={stylist.updatedAt ?? stylist.createdAt} stylist={stylist} />
    </>
  );
}
