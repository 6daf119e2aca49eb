/** Mail's access rules: the development mailbox shows every message sent, so only admins read it. */
import { isAdmin, rule, type PolicyTable } from '../../http/auth.ts';

export const policies = {
  'mail.readDevMailbox': rule(isAdmin, { roleOnly: true }),
} satisfies PolicyTable;

declare module '../../http/auth.ts' {
  interface PolicyActions extends Record<keyof typeof policies, true> {}
}
