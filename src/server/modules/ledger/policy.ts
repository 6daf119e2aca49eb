/** The ledger's access rules: the house office reads and posts; stylists and partner houses read their own statements. */
import { isAdmin, isOneOf, rule, type PolicyTable } from '../../http/auth.ts';

export const policies = {
  'ledger.manage': rule(isAdmin, { roleOnly: true }),
  'ledger.statement': rule(isOneOf('STYLIST', 'BRAND_PARTNER'), { roleOnly: true }),
} satisfies PolicyTable;

declare module '../../http/auth.ts' {
  interface PolicyActions extends Record<keyof typeof policies, true> {}
}
