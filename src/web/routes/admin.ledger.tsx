import type { Route } from './+types/admin.ledger';
import { PageTitle, SettingsSection } from '../features/account/components/settings-section.tsx';
import { PayoutForm, TrialBalanceTable } from '../features/payments/components/ledger.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Ledger — The house office', description: 'The trial balance and payouts.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

export default function AdminLedgerRoute() {
  return (
    <>
      <PageTitle
        eyebrow="The house office"
        title="Ledger"
        lede="Double-entry books: every movement of money is one balanced transaction, never edited. Each currency nets to zero."
      />
      <SettingsSection title="Trial balance">
        <TrialBalanceTable />
      </SettingsSection>
      <SettingsSection
        title="Record a payout"
        description="Money sent to a stylist or a partner house. The ledger refuses more than it owes them."
      >
        <PayoutForm />
      </SettingsSection>
    </>
  );
}
