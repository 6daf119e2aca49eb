/**
 * Every access decision in one place. Routes declare a policy (`config.policy`); the guard checks the
 * role part before the handler runs, and services call `can()` / `authorize()` for the resource part.
 */
import { ApiError } from '../../http/errors.ts';

export type UserType = 'CLIENT' | 'STYLIST' | 'ADMIN' | 'BRAND_PARTNER';
export type Tier = 'STANDARD' | 'VIP';

export interface Actor {
  userId: string;
  userType: UserType;
  tier: Tier;
  sessionId: string;
  mfaEnabled: boolean;
  /** When the actor last proved a second factor (sign-in with MFA, or a step-up). */
  mfaVerifiedAt: Date | null;
}

/** Accounts that hold other people's data or money must enrol a second factor before doing anything else. */
export function mustEnrolMfa(actor: Pick<Actor, 'userType' | 'tier' | 'mfaEnabled'>): boolean {
  return !actor.mfaEnabled && (actor.userType !== 'CLIENT' || actor.tier === 'VIP');
}

type Rule = (actor: Actor, resource: { userId?: string }) => boolean;

const isAdmin: Rule = (a) => a.userType === 'ADMIN';
const isSelf: Rule = (a, r) => r.userId !== undefined && a.userId === r.userId;

/** Actions and who may do them. The key is what routes put in `config.policy`. */
export const RULES = {
  'user.read': (a, r) => isSelf(a, r) || isAdmin(a, r),
  'user.update': (a, r) => isSelf(a, r) || isAdmin(a, r),
  'user.delete': (a, r) => isSelf(a, r) || isAdmin(a, r),
  'user.list': isAdmin,
  'user.changeRole': isAdmin,
  'user.createPrivileged': isAdmin,
  'session.manage': () => true,
  'mfa.manage': () => true,
  'passkey.manage': () => true,
  'vip.apply': (a) => a.userType === 'CLIENT',
  'vip.decide': isAdmin,
  'vip.listAll': isAdmin,
  // Admins see every application; a client sees their own (the service scopes the query).
  'vip.read': (a) => a.userType === 'ADMIN' || a.userType === 'CLIENT',
  // Privacy mode and contact sharing exist for VIP clients only.
  'privacy.manage': (a) => a.userType === 'CLIENT' && a.tier === 'VIP',
  'audit.read': isAdmin,
  'audit.readOwnViews': (a) => a.tier === 'VIP',
  'mail.readDevMailbox': isAdmin,
  // The durable job queue's dead letters (jobs/routes.ts): list, retry, discard.
  'jobs.manage': isAdmin,
  // Stylist marketplace. Role parts only: ownership of the profile or booking is checked in the stylists service.
  'stylist.create': (a) => a.userType === 'STYLIST' || a.userType === 'ADMIN',
  'stylist.manage': (a) => a.userType === 'STYLIST' || a.userType === 'ADMIN',
  'stylist.self': (a) => a.userType === 'STYLIST',
  'stylist.vet': isAdmin,
  'stylist.match': (a) => a.userType === 'CLIENT' || a.userType === 'ADMIN',
  'booking.request': (a) => a.userType === 'CLIENT',
  'booking.respond': (a) => a.userType === 'STYLIST' || a.userType === 'ADMIN',
  'booking.read': (a) => a.userType === 'CLIENT' || a.userType === 'STYLIST' || a.userType === 'ADMIN',
  'booking.change': (a) => a.userType === 'CLIENT' || a.userType === 'STYLIST' || a.userType === 'ADMIN',
  'booking.review': (a) => a.userType === 'CLIENT',
  'review.reply': (a) => a.userType === 'STYLIST',
  // Catalog: admins run brands, categories, collections and partner links; partners write their own brand's products
  // (the service checks the brand); clients ask about products and keep a wishlist.
  'catalog.manage': isAdmin,
  'product.write': (a) => a.userType === 'ADMIN' || a.userType === 'BRAND_PARTNER',
  'brand.readOwn': (a) => a.userType === 'BRAND_PARTNER',
  'inquiry.create': (a) => a.userType === 'CLIENT',
  // Admins see every inquiry, a partner their brand's, a client their own (the service scopes the query).
  'inquiry.read': (a) => a.userType === 'ADMIN' || a.userType === 'BRAND_PARTNER' || a.userType === 'CLIENT',
  'inquiry.answer': (a) => a.userType === 'ADMIN' || a.userType === 'BRAND_PARTNER',
  'wishlist.manage': (a) => a.userType === 'CLIENT',
  // Product and brand pictures, stylists' portfolios.
  'media.upload': (a) => a.userType === 'ADMIN' || a.userType === 'BRAND_PARTNER' || a.userType === 'STYLIST',
} satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;

/**
 * What a route declares: `public` (no sign-in), `authenticated` (any signed-in account), or an action whose
 * role part the guard checks with no resource (resource rules run again in the service with the resource).
 */
export type RoutePolicy = 'public' | 'authenticated' | Action;

export function can(actor: Actor, action: Action, resource: { userId?: string } = {}): boolean {
  return RULES[action](actor, resource);
}

/**
 * Throws when the actor may not act. A resource the actor may not even read answers 404, so nobody can
 * learn that an account exists by probing ids.
 */
export function authorize(actor: Actor, action: Action, resource: { userId?: string } = {}, hideAs404 = false): void {
  if (can(actor, action, resource)) return;
  if (hideAs404) throw new ApiError('ResourceNotFoundException', 'No such user');
  throw new ApiError('AccessDeniedException', 'You are not allowed to do this');
}

/** Actions whose role part can be decided before the handler (no resource needed). */
export const ROLE_ONLY_ACTIONS: ReadonlySet<Action> = new Set([
  'user.list',
  'user.changeRole',
  'vip.apply',
  'vip.decide',
  'vip.listAll',
  'vip.read',
  'privacy.manage',
  'audit.read',
  'audit.readOwnViews',
  'mail.readDevMailbox',
  'jobs.manage',
  'stylist.create',
  'stylist.manage',
  'stylist.self',
  'stylist.vet',
  'stylist.match',
  'booking.request',
  'booking.respond',
  'booking.read',
  'booking.change',
  'booking.review',
  'review.reply',
  'catalog.manage',
  'product.write',
  'brand.readOwn',
  'inquiry.create',
  'inquiry.read',
  'inquiry.answer',
  'wishlist.manage',
  'media.upload',
]);
