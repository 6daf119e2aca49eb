/**
 * The catalog's access rules: admins run brands, categories, collections and partner links; partners write their own
 * brand's products (the service checks the brand); clients ask about products and keep a wishlist.
 */
import { isAdmin, isOneOf, rule, type PolicyTable } from '../../http/auth.ts';

export const policies = {
  'catalog.manage': rule(isAdmin, { roleOnly: true }),
  'product.write': rule(isOneOf('ADMIN', 'BRAND_PARTNER'), { roleOnly: true }),
  'brand.readOwn': rule(isOneOf('BRAND_PARTNER'), { roleOnly: true }),
  'inquiry.create': rule(isOneOf('CLIENT'), { roleOnly: true }),
  // Admins see every inquiry, a partner their brand's, a client their own (the service scopes the query).
  'inquiry.read': rule(isOneOf('ADMIN', 'BRAND_PARTNER', 'CLIENT'), { roleOnly: true }),
  'inquiry.answer': rule(isOneOf('ADMIN', 'BRAND_PARTNER'), { roleOnly: true }),
  'wishlist.manage': rule(isOneOf('CLIENT'), { roleOnly: true }),
} satisfies PolicyTable;

declare module '../../http/auth.ts' {
  interface PolicyActions extends Record<keyof typeof policies, true> {}
}
