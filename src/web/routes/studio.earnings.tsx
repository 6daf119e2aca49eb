import type { Route } from './+types/studio.earnings';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { MyStatement } from '../features/payments/components/ledger.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Earnings — Your studio',
    description: 'Your commissions and payouts, month by month.',
    image: 'private-client-atelier',
  }),
  { name: 'robots', content: 'noindex' },
];

export default function StudioEarningsRoute() {
  return (
    <>
      <PageTitle
        eyebrow="Your studio"
        title="Earnings"
        lede="Commissions on the orders attributed to you, what refunds took back, and what the house has paid you — month by month, straight from the books."
      />
      <MyStatement />
    </>
  );
}
