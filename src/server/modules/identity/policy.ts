/**
 * Identity's access rules: accounts, sessions, second factors, VIP status, privacy and the audit log. Routes name
 * these actions in `config.policy`; rules flagged `roleOnly` are decided by the guard before the handler, the others
 * (which need the resource) run again in the service.
 */
import { isAdmin, isSelf, policyChecks, rule, type PolicyTable } from '../../http/auth.ts';

export const policies = {
  'user.read': rule((a, r) => isSelf(a, r) || isAdmin(a, r)),
  'user.update': rule((a, r) => isSelf(a, r) || isAdmin(a, r)),
  'user.delete': rule((a, r) => isSelf(a, r) || isAdmin(a, r)),
  'user.list': rule(isAdmin, { roleOnly: true }),
  'user.changeRole': rule(isAdmin, { roleOnly: true }),
  'user.createPrivileged': rule(isAdmin),
  'session.manage': rule(() => true),
  'mfa.manage': rule(() => true),
  'passkey.manage': rule(() => true),
  'vip.apply': rule((a) => a.userType === 'CLIENT', { roleOnly: true }),
  'vip.decide': rule(isAdmin, { roleOnly: true }),
  'vip.listAll': rule(isAdmin, { roleOnly: true }),
  // Admins see every application; a client sees their own (the service scopes the query).
  'vip.read': rule((a) => a.userType === 'ADMIN' || a.userType === 'CLIENT', { roleOnly: true }),
  // Privacy mode and contact sharing exist for VIP clients only.
  'privacy.manage': rule((a) => a.userType === 'CLIENT' && a.tier === 'VIP', { roleOnly: true }),
  'audit.read': rule(isAdmin, { roleOnly: true }),
  'audit.readOwnViews': rule((a) => a.tier === 'VIP', { roleOnly: true }),
} satisfies PolicyTable;

declare module '../../http/auth.ts' {
  interface PolicyActions extends Record<keyof typeof policies, true> {}
}

export const { can, authorize } = policyChecks(policies);
