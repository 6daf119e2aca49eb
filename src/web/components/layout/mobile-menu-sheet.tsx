import * as RadixDialog from '@radix-ui/react-dialog';
import type { RefObject } from 'react';
import { NavLink } from 'react-router';
import { AccountLink } from '../../features/auth/components/account-link.tsx';
import { PRIMARY_NAV } from '../../lib/site.ts';
import { Wordmark } from './wordmark.tsx';

type MobileMenuSheetProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The menu button, which takes focus back when the sheet closes. */
  returnFocusTo: RefObject<HTMLButtonElement | null>;
};

/**
 * The small-screen menu: a full-height ivory sheet. It is a Radix dialog so focus stays inside while it is open and
 * returns to the menu button afterwards. Loaded when the menu is first opened (mobile-menu.tsx).
 */
export default function MobileMenuSheet({ open, onOpenChange, returnFocusTo }: MobileMenuSheetProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Content
          className="fixed inset-0 z-50 flex animate-fade-in flex-col bg-ivory px-6 pt-5 pb-10 sm:px-10"
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocusTo.current?.focus();
          }}
        >
          <div className="flex items-center justify-between border-b border-line pb-5">
            <RadixDialog.Title asChild>
              <p className="eyebrow text-ink-soft">Menu</p>
            </RadixDialog.Title>
            <RadixDialog.Description className="sr-only">Site navigation</RadixDialog.Description>
            <RadixDialog.Close className="eyebrow -mr-2 p-2 text-ink">Close</RadixDialog.Close>
          </div>
          <nav aria-label="Main" className="mt-12 flex-1">
            <ul className="space-y-6">
              {PRIMARY_NAV.map((item, index) => (
                <li key={item.to} className="flex items-baseline gap-5">
                  <span aria-hidden="true" className="eyebrow w-6 text-gold-deep">
                    {String(index + 1).padStart(2, '0')}
                  </span>
                  <NavLink
                    to={item.to}
                    onClick={() => onOpenChange(false)}
                    className="display text-5xl text-ink aria-[current=page]:italic"
                  >
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="flex items-center justify-between border-t border-line pt-6">
            <Wordmark className="text-2xl!" />
            {/* Closes the menu when the account link is followed (the click bubbles here). */}
            <div onClickCapture={() => onOpenChange(false)}>
              <AccountLink />
            </div>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
