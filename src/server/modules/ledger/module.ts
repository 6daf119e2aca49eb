import { defineModule } from '../module.ts';
import { policies } from './policy.ts';
import { ledgerRoutes } from './routes.ts';

/** The double-entry ledger: trial balance, commission rates, statements and payouts. */
export const ledgerModule = defineModule({ name: 'ledger', routes: ledgerRoutes, policies, jobs: [], listeners: [], seeders: [] });
