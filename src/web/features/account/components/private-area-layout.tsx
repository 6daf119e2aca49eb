import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { Badge } from '../../../components/ui/badge.tsx';
import { Container } from '../../../components/ui/container.tsx';
import { cn } from '../../../lib/cn.ts';
import { useSession, useSignedInUser } from '../../auth/session.tsx';
import { greeting } from '../format.ts';

export type AreaNavItem = { label: string; to: string; end?: boolean };

type PrivateAreaLayoutProps = {
  eyebrow: string;
  navLabel: string;
  items: readonly AreaNavItem[];
  /** Links to the other area (account ↔ house office), shown under the navigation. */
  elsewhere?: AreaNavItem;
  children: ReactNode;
};

/**
 * The frame of the private client area and the house office: a greeting and the section list on the left
 * (a scrolling row on phones), the section itself on the right.
 */
export function PrivateAreaLayout({ eyebrow, navLabel, items, elsewhere, children }: PrivateAreaLayoutProps) {
  const user = useSignedInUser();
  const session = useSession();
  const signOut = useMutation({ mutationFn: () => session.signOut() });
  const navRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // On a phone the sections are one scrolling row: bring the current one into view, without moving the page.
  useEffect(() => {
    const reveal = () => {
      const nav = navRef.current;
      const active = nav?.querySelector<HTMLElement>('[aria-current="page"]');
      if (nav && active && nav.scrollWidth > nav.clientWidth) nav.scrollLeft = Math.max(0, active.offsetLeft - 24);
    };
    reveal();
    window.addEventListener('resize', reveal);
    return () => window.removeEventListener('resize', reveal);
  }, [pathname]);
  return (
    <Container className="grid gap-10 pt-10 pb-24 lg:grid-cols-12 lg:gap-16 lg:pt-16 lg:pb-32">
      <aside className="min-w-0 lg:col-span-3">
        <div className="lg:sticky lg:top-10">
          <p className="eyebrow text-gold-deep">{eyebrow}</p>
          <p className="display mt-4 text-4xl text-ink">
            {greeting()},<br className="hidden lg:block" /> <em className="italic">{user.firstName}</em>
          </p>
          <div className="mt-5 flex flex-wrap gap-2">
            {user.tier === 'VIP' && <Badge tone="gold">VIP member</Badge>}
            {user.userType !== 'CLIENT' && (
              <Badge>{user.userType === 'BRAND_PARTNER' ? 'Partner' : user.userType === 'ADMIN' ? 'Administrator' : 'Stylist'}</Badge>
            )}
          </div>
          <nav
            ref={navRef}
            aria-label={navLabel}
            className="-mx-6 mt-8 overflow-x-auto px-6 sm:-mx-10 sm:px-10 lg:mx-0 lg:mt-12 lg:overflow-visible lg:px-0"
          >
            <ul className="flex gap-7 border-b border-line lg:flex-col lg:gap-0 lg:border-b-0 lg:border-l">
              {items.map((item) => (
                <li key={item.to} className="shrink-0">
                  <NavLink
                    to={item.to}
                    end={item.end}
                    className={({ isActive }) =>
                      cn(
                        'eyebrow -mb-px block border-b py-3 whitespace-nowrap transition-colors duration-300 ease-maison lg:-ml-px lg:border-b-0 lg:border-l lg:py-3.5 lg:pl-6',
                        isActive ? 'border-ink text-ink' : 'border-transparent text-ink-soft hover:text-ink',
                      )
                    }
                  >
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="mt-8 flex flex-wrap items-center gap-x-8 gap-y-4 lg:mt-12 lg:flex-col lg:items-start">
            {elsewhere && (
              <NavLink to={elsewhere.to} className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink">
                {elsewhere.label}
              </NavLink>
            )}
            <button
              type="button"
              onClick={() => signOut.mutate()}
              disabled={signOut.isPending}
              aria-busy={signOut.isPending || undefined}
              className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink disabled:opacity-60"
            >
              {signOut.isPending ? 'Signing out…' : 'Sign out'}
            </button>
          </div>
        </div>
      </aside>
      <div className="min-w-0 lg:col-span-8 lg:col-start-5">{children}</div>
    </Container>
  );
}
