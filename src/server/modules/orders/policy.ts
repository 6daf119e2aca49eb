/**
 * Orders' access rules: clients buy and keep a bag and addresses, the house office fulfils. Role parts only: who owns
 * an order is checked in the orders service with the order at hand (another client's order answers 404).
 */
import { isAdmin, isOneOf, rule, type PolicyTable } from '../../http/auth.ts';

export const policies = {
  'bag.manage': rule(isOneOf('CLIENT'), { roleOnly: true }),
  'address.manage': rule(isOneOf('CLIENT'), { roleOnly: true }),
  'order.create': rule(isOneOf('CLIENT'), { roleOnly: true }),
  'order.read': rule(isOneOf('CLIENT', 'ADMIN'), { roleOnly: true }),
  'order.change': rule(isOneOf('CLIENT', 'ADMIN'), { roleOnly: true }),
  'order.fulfil': rule(isAdmin, { roleOnly: true }),
  'tax.manage': rule(isAdmin, { roleOnly: true }),
} satisfies PolicyTable;

declare module '../../http/auth.ts' {
  interface PolicyActions extends Record<keyof typeof policies, true> {}
}
