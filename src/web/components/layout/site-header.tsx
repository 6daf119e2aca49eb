import { lazy, Suspense } from 'react';
import { Link, NavLink } from 'react-router';
import { AccountLink } from '../../features/auth/components/account-link.tsx';
import { useSessionState } from '../../features/auth/session.tsx';
import { BagButton } from '../../features/catalog/bag/bag-button.tsx';
import { SearchLink } from '../../features/catalog/components/search-link.tsx';
import { PRIMARY_NAV } from '../../lib/site.ts';
import { Container } from '../ui/container.tsx';
import { MobileMenu } from './mobile-menu.tsx';
import { Wordmark } from './wordmark.tsx';

// The bell and its socket load once someone is signed in: a visitor's public page carries neither.
const NotificationBell = lazy(() => import('../../features/notifications/components/notification-bell.tsx'));

/** The notification bell for a signed-in person; nothing for a visitor (or before the session is known). */
function HeaderBell() {
  const session = useSessionState();
  // An account that still owes its second factor is refused every notice (403) until it enrols: no bell until then.
  if (session.status !== 'signed-in' || session.user.mfaEnrollmentRequired) return null;
  const href = session.user.userType === 'STYLIST' ? '/studio/notifications' : '/account/notifications';
  return (
    <Suspense fallback={null}>
      <NotificationBell href={href} />
    </Suspense>
  );
}

/** Announcement line, then navigation · wordmark · appointment, divided by one hairline. */
export function SiteHeader() {
  return (
    <header className="relative z-30 bg-ivory">
      <p className="eyebrow border-b border-line bg-sand px-6 py-2.5 text-center text-[0.625rem] text-ink-soft">
        Complimentary personal styling<span className="hidden sm:inline"> for every private client</span>
      </p>
      <Container className="grid h-20 grid-cols-[1fr_auto_1fr] items-center border-b border-line lg:h-24">
        <div className="flex items-center">
          <MobileMenu />
          <nav aria-label="Main" className="hidden lg:block">
            <ul className="flex items-center gap-10">
              {PRIMARY_NAV.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    className="eyebrow relative py-2 text-ink after:absolute after:inset-x-0 after:-bottom-0.5 after:h-px after:origin-left after:scale-x-0 after:bg-ink after:transition-transform after:duration-500 after:ease-maison hover:after:scale-x-100 aria-[current=page]:after:scale-x-100"
                  >
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <Wordmark />
        <div className="flex items-center justify-end gap-4 sm:gap-8">
          <SearchLink />
          <HeaderBell />
          {/* On a phone the account link lives in the menu: the header keeps search and the bag. */}
          <AccountLink className="whitespace-nowrap max-sm:hidden" />
          <BagButton />
          <Link
            to="/stylists"
            className="eyebrow hidden border-b border-ink/30 pb-1 text-ink transition-colors hover:border-ink sm:inline-block"
          >
            Book a stylist
          </Link>
        </div>
      </Container>
    </header>
  );
}
