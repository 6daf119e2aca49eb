/**
 * The stylist marketplace's access rules. Role parts only: ownership of a profile or a booking is checked in the
 * stylists service with the resource at hand.
 */
import { isAdmin, isOneOf, rule, type PolicyTable } from '../../http/auth.ts';

export const policies = {
  'stylist.create': rule(isOneOf('STYLIST', 'ADMIN'), { roleOnly: true }),
  'stylist.manage': rule(isOneOf('STYLIST', 'ADMIN'), { roleOnly: true }),
  'stylist.self': rule(isOneOf('STYLIST'), { roleOnly: true }),
  'stylist.vet': rule(isAdmin, { roleOnly: true }),
  'stylist.match': rule(isOneOf('CLIENT', 'ADMIN'), { roleOnly: true }),
  'booking.request': rule(isOneOf('CLIENT'), { roleOnly: true }),
  'booking.respond': rule(isOneOf('STYLIST', 'ADMIN'), { roleOnly: true }),
  'booking.read': rule(isOneOf('CLIENT', 'STYLIST', 'ADMIN'), { roleOnly: true }),
  'booking.change': rule(isOneOf('CLIENT', 'STYLIST', 'ADMIN'), { roleOnly: true }),
  'booking.review': rule(isOneOf('CLIENT'), { roleOnly: true }),
  'review.reply': rule(isOneOf('STYLIST'), { roleOnly: true }),
} satisfies PolicyTable;

declare module '../../http/auth.ts' {
  interface PolicyActions extends Record<keyof typeof policies, true> {}
}
