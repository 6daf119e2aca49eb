/**
 * Editorial's access rules. Staff accounts get past the guard to write; the editorial service then decides by the
 * house-editor permission (granted by an admin) or, for a stylist, by the article being their own. Clients never write.
 */
import { isAdmin, isOneOf, rule, type PolicyTable } from '../../http/auth.ts';

export const policies = {
  'content.write': rule(isOneOf('ADMIN', 'STYLIST', 'BRAND_PARTNER'), { roleOnly: true }),
  // Granting the house-editor permission, and the test clock.
  'content.admin': rule(isAdmin, { roleOnly: true }),
} satisfies PolicyTable;

declare module '../../http/auth.ts' {
  interface PolicyActions extends Record<keyof typeof policies, true> {}
}
