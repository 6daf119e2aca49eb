/**
 * Payments' access rules. Clients pay for their own orders (ownership is checked in the service with the order at
 * hand); the house office refunds, records bank transfers and reads what the reconciler reports.
 */
import { isAdmin, isOneOf, rule, type PolicyTable } from '../../http/auth.ts';

export const policies = {
  'payment.pay': rule(isOneOf('CLIENT'), { roleOnly: true }),
  // Clients and admins; whether this client owns this payment is decided in the service with the payment at hand.
  'payment.read': rule(isOneOf('CLIENT', 'ADMIN'), { roleOnly: true }),
  'payment.manage': rule(isAdmin, { roleOnly: true }),
} satisfies PolicyTable;

declare module '../../http/auth.ts' {
  interface PolicyActions extends Record<keyof typeof policies, true> {}
}
