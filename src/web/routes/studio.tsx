import { Outlet } from 'react-router';
import type { Route } from './+types/studio';
import { ButtonLink } from '../components/ui/button.tsx';
import { Container } from '../components/ui/container.tsx';
import { PrivateAreaLayout } from '../features/account/components/private-area-layout.tsx';
import { ListError } from '../components/ui/list-state.tsx';
import { Notice } from '../components/ui/form-alert.tsx';
import { SessionPending } from '../features/auth/components/session-pending.tsx';
import { RequireAuth } from '../features/auth/require-auth.tsx';
import { useSignedInUser } from '../features/auth/session.tsx';
import { useMyStylist } from '../features/stylists/api/studio.ts';
import type { Stylist } from '../features/stylists/api/stylists.ts';
import { ProfileEditor } from '../features/stylists/components/profile-editor.tsx';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Your studio', description: 'The stylist studio at StyleByZaga.', image: 'private-client-atelier' }),
  { name: 'robots', content: 'noindex' },
];

const ITEMS = [
  { label: 'Requests', to: '/studio', end: true },
  { label: 'Messages', to: '/studio/messages' },
  { label: 'Notifications', to: '/studio/notifications' },
  { label: 'Week calendar', to: '/studio/calendar' },
  { label: 'Schedule', to: '/studio/schedule' },
  { label: 'Profile & services', to: '/studio/profile' },
  { label: 'Reviews', to: '/studio/reviews' },
  { label: 'Earnings', to: '/studio/earnings' },
  { label: 'Journal', to: '/studio/journal' },
];

/** The stylist's studio. Every page inside reads the profile from here (`useStudioStylist`). */
export default function StudioRoute() {
  return (
    <RequireAuth>
      <Studio />
    </RequireAuth>
  );
}

function Studio() {
  const user = useSignedInUser();
  if (user.userType !== 'STYLIST') {
    return (
      <Container width="narrow" className="py-24 text-center sm:py-32">
        <p className="eyebrow text-gold-deep">Reserved</p>
        <h1 className="display mt-8 text-5xl text-ink sm:text-6xl">
          The studio is for <em className="italic">stylists</em>
        </h1>
        <p className="mx-auto mt-10 max-w-md text-lg leading-relaxed text-ink-soft">
          Stylists of the house keep their diary and their clients here. Your own account is a step away.
        </p>
        <div className="mt-12">
          <ButtonLink to={user.userType === 'ADMIN' ? '/admin' : '/account'}>Your account</ButtonLink>
        </div>
      </Container>
    );
  }
  return <StylistStudio />;
}

function StylistStudio() {
  const profile = useMyStylist();
  if (profile.isPending) return <SessionPending label="Opening your studio" />;
  return (
    <PrivateAreaLayout
      eyebrow="The studio"
      navLabel="Studio"
      items={profile.data ? ITEMS : []}
      elsewhere={{ label: 'Your account', to: '/account' }}
    >
      {profile.isError ? (
        <ListError error={profile.error} />
      ) : !profile.data ? (
        <>
          <PageTitle
            eyebrow="The studio"
            title="Your stylist profile"
            lede="Tell clients who you are and how you work. The house reads every new profile before it is listed."
          />
          <ProfileEditor stylist={null} />
        </>
      ) : (
        <>
          <StatusNotice stylist={profile.data} />
          <Outlet context={profile.data satisfies Stylist} />
        </>
      )}
    </PrivateAreaLayout>
  );
}

function StatusNotice({ stylist }: { stylist: Stylist }) {
  if (stylist.status === 'APPROVED') return null;
  const text = {
    PENDING_REVIEW: [
      'Your profile is with the house',
      'Until it is approved it is not listed and cannot be booked. You may keep refining it meanwhile.',
    ],
    REJECTED: ['Your profile was not approved', 'Read the notes below, refine the profile and write to the house.'],
    SUSPENDED: ['Your profile is suspended', 'It is not listed and cannot be booked. Upcoming sessions stand unless cancelled.'],
  }[stylist.status];
  return (
    <Notice title={text[0]} className="mb-14">
      <p>{text[1]}</p>
      {stylist.vettingNotes && <p className="mt-2">Notes from the house: “{stylist.vettingNotes}”</p>}
    </Notice>
  );
}
