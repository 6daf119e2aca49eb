/** Facts about the maison that more than one page or component repeats. */
export const SITE_NAME = 'StyleByZaga';

export const SITE_DESCRIPTION =
  'StyleByZaga is a maison of fashion and lifestyle: partner houses and custom pieces, personal stylists, and a private concierge for automobiles, residences and aviation.';

export type NavItem = { label: string; to: string };

/** The four doors of the house, in the order the header shows them. */
export const PRIMARY_NAV: readonly NavItem[] = [
  { label: 'Shop', to: '/shop' },
  { label: 'Stylists', to: '/stylists' },
  { label: 'Concierge', to: '/concierge' },
  { label: 'Journal', to: '/journal' },
];
