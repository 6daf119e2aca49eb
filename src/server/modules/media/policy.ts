/** Media's access rules: product and brand pictures, stylists' portfolios. */
import { isOneOf, rule, type PolicyTable } from '../../http/auth.ts';

export const policies = {
  'media.upload': rule(isOneOf('ADMIN', 'BRAND_PARTNER', 'STYLIST'), { roleOnly: true }),
} satisfies PolicyTable;

declare module '../../http/auth.ts' {
  interface PolicyActions extends Record<keyof typeof policies, true> {}
}
