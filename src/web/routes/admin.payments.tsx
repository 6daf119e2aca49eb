import type { Route } from './+types/admin.payments';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { AdminPayments, ReconcilerExceptions } from '../features/payments/components/admin-payments.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Payments — The house office',
    description: 'Payments, bank transfers, refunds and what the reconciler found.',
    image: 'private-client-salon',
  }),
  { name: 'robots', content: 'noindex' },
];

export default function AdminPaymentsRoute() {
  return (
    <>
      <PageTitle
        eyebrow="The house office"
        title="Payments"
        lede="Every card payment and bank transfer. Record a wire when it arrives, refund a client, approve a colleague's refund, and clear what the reconciler could not repair by itself."
      />
      <ReconcilerExceptions />
      <AdminPayments />
    </>
  );
}
