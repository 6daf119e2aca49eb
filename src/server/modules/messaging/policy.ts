/**
 * Who may write to whom (decision 009), as pure rules over facts the service gathers. A client cannot cold-message
 * a stylist (a booking request opens the line, or the stylist accepted them before); a stylist cannot message a
 * client who never engaged; a house answers only in conversations its enquiries opened; nobody writes into a
 * conversation the other side blocked.
 */
import { isAdmin, rule, type PolicyTable, type UserType } from '../../http/auth.ts';

/** Route rules: everything else is decided per conversation in the service (below); the house office reviews reports. */
export const policies = {
  'messaging.reports.review': rule(isAdmin, { roleOnly: true }),
  'messaging.settings.manage': rule(isAdmin, { roleOnly: true }),
} satisfies PolicyTable;

declare module '../../http/auth.ts' {
  interface PolicyActions extends Record<keyof typeof policies, true> {}
}

export type Refusal = { code: 'ResourceNotFoundException' | 'AccessDeniedException'; message: string };

export interface DirectFacts {
  senderType: UserType;
  recipientType: UserType | undefined;
  recipientActive: boolean;
  /** A conversation between the two already exists (opened by a booking request). */
  conversationExists: boolean;
  /** The stylist accepted a booking of this client. */
  accepted: boolean;
}

/** May the sender open (or write into) a DIRECT conversation with this recipient? */
export function directRefusal(f: DirectFacts): Refusal | undefined {
  if (!f.recipientType || !f.recipientActive) return { code: 'ResourceNotFoundException', message: 'No such recipient' };
  const pair = `${f.senderType}>${f.recipientType}`;
  if (pair !== 'CLIENT>STYLIST' && pair !== 'STYLIST>CLIENT') {
    return {
      code: 'AccessDeniedException',
      message: 'Messages go between a client and their stylist, or a client and a house about a piece',
    };
  }
  if (f.conversationExists || f.accepted) return undefined;
  return pair === 'CLIENT>STYLIST'
    ? { code: 'AccessDeniedException', message: 'Send this stylist a booking request first; the conversation opens with it' }
    : { code: 'AccessDeniedException', message: 'You can write to clients who asked you for a session' };
}

export interface MemberFacts {
  role: 'CLIENT' | 'STYLIST' | 'HOUSE';
  blockedByOther: boolean;
  purged: boolean;
}

/** May a member (or house staff) write into an existing conversation? */
export function writeRefusal(f: MemberFacts): Refusal | undefined {
  if (f.blockedByOther) return { code: 'AccessDeniedException', message: 'You can no longer write in this conversation' };
  if (f.purged) return { code: 'AccessDeniedException', message: 'This conversation was archived under the retention policy' };
  return undefined;
}

/** Who reads a HOUSE conversation besides its client: the brand's partners and the house office. */
export function isHouseStaff(userType: UserType, partnerBrandId: string | undefined, brandId: string | null): boolean {
  if (userType === 'ADMIN') return true;
  return userType === 'BRAND_PARTNER' && brandId !== null && partnerBrandId === brandId;
}
