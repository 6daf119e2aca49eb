/**
 * Who calls, and what each route lets them do: the Actor, the policy vocabulary every module's `policy.ts` uses, and
 * the guard that enforces a route's declared policy before its handler runs. This is platform code: it knows no
 * module. Modules hand their policy tables in through their module definition (modules/module.ts), and identity
 * hands in the function that turns a bearer token into an Actor.
 */
import type { FastifyInstance, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify';
import type { AppContext, RequestMeta } from '../context.ts';
import type { Tier, UserType } from '../../shared/accounts.ts';
import { ApiError, ErrorBody } from './errors.ts';
import { appendRouteStep } from './route-hooks.ts';

export type { Tier, UserType } from '../../shared/accounts.ts';

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

export type Check = (actor: Actor, resource: { userId?: string }) => boolean;

/**
 * One access rule. `roleOnly` says the rule can be decided from the caller alone, so the guard refuses before the
 * handler runs; otherwise the guard only requires a signed-in caller and the service checks the rule with the resource.
 */
export interface Rule {
  readonly check: Check;
  readonly roleOnly: boolean;
}

export function rule(check: Check, options: { roleOnly?: boolean } = {}): Rule {
  return { check, roleOnly: options.roleOnly === true };
}

export const isAdmin: Check = (a) => a.userType === 'ADMIN';
export const isSelf: Check = (a, r) => r.userId !== undefined && a.userId === r.userId;
/** Any of these account types. */
export const isOneOf =
  (...types: UserType[]): Check =>
  (a) =>
    types.includes(a.userType);

/** A module's rules, by action name (`<noun>.<verb>`); names are unique across the platform. */
export type PolicyTable = Readonly<Record<string, Rule>>;

/**
 * Every action a route may name. Each module's policy.ts adds its own names by declaration merging, so a typo in a
 * route's `config.policy` fails the type check and the guard still refuses an unknown name at start.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by each module's policy.ts
export interface PolicyActions {}
export type Action = keyof PolicyActions & string;

/**
 * What a route declares: `public` (no sign-in), `authenticated` (any signed-in account), or an action whose
 * role part the guard checks with no resource (resource rules run again in the service with the resource).
 */
export type RoutePolicy = 'public' | 'authenticated' | Action;

/** `can` and `authorize` over one module's table, typed to its action names. */
export function policyChecks<T extends PolicyTable>(table: T) {
  const can = (actor: Actor, action: keyof T & string, resource: { userId?: string } = {}): boolean =>
    table[action]!.check(actor, resource);
  /**
   * Throws when the actor may not act. A resource the actor may not even read answers 404, so nobody can learn that
   * an account exists by probing ids.
   */
  const authorize = (actor: Actor, action: keyof T & string, resource: { userId?: string } = {}, hideAs404 = false): void => {
    if (can(actor, action, resource)) return;
    if (hideAs404) throw new ApiError('ResourceNotFoundException', 'No such user');
    throw new ApiError('AccessDeniedException', 'You are not allowed to do this');
  };
  return { can, authorize };
}

/** Merges modules' tables; the same action in two modules is a programming error caught at start. */
export function mergePolicies(tables: ReadonlyArray<{ name: string; policies: PolicyTable }>): PolicyTable {
  const merged: Record<string, Rule> = {};
  const owner = new Map<string, string>();
  for (const { name, policies } of tables) {
    for (const [action, r] of Object.entries(policies)) {
      if (owner.has(action)) throw new Error(`Policy "${action}" is declared by both the ${owner.get(action)} and the ${name} module`);
      owner.set(action, name);
      merged[action] = r;
    }
  }
  return merged;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
  interface FastifyContextConfig {
    /** Who may call the route: a module's action (its policy.ts), `public` or `authenticated`. Every /api route must declare one. */
    policy?: RoutePolicy;
    /** Reachable while an account still has to enrol MFA (setup, verify, /me, logout). */
    allowDuringMfaEnrollment?: boolean;
    /**
     * `false` on a public route that never looks at who calls (liveness and readiness probes): no token is read,
     * so the request pays nothing for authentication.
     */
    identifyCaller?: boolean;
  }
}

/** The browsable documentation (@fastify/swagger-ui's own routes): static pages about the API, not part of it. */
const API_DOCS = '/api/docs';
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;
const BEARER_AUTH: Record<string, string[]>[] = [{ bearerAuth: [] }];
/** Public routes that read a token when one is sent: anonymous or signed in. */
const OPTIONAL_BEARER_AUTH: Record<string, string[]>[] = [{}, { bearerAuth: [] }];

/** Turns a bearer token into the signed-in caller, or undefined when it is not (or no longer) valid. */
export type Authenticator = (ctx: AppContext, token: string) => Promise<Actor | undefined>;

/** Thrown while routes register: the app must not start with a route nobody decided the audience of. */
export class RoutePolicyError extends Error {
  override name = 'RoutePolicyError';
}

/**
 * Derives a route's OpenAPI `security` and its 401/403 answers from its policy, so the published document can never
 * disagree with what the guard enforces. Public routes that identify a caller accept an optional token.
 */
export function documentPolicy(route: RouteOptions, policy: RoutePolicy): void {
  const schema = route.schema;
  if (!schema || schema.hide) return;
  const identifies = route.config?.identifyCaller !== false;
  if (policy === 'public') {
    const { security: _unused, ...rest } = schema as typeof schema & { security?: unknown };
    route.schema = identifies ? { ...rest, security: OPTIONAL_BEARER_AUTH } : rest;
    return;
  }
  // Any signed-in route answers 401 without a session and 403 while an account must enrol MFA (or for the wrong role).
  const refusals: Record<number, typeof ErrorBody> = { 401: ErrorBody, 403: ErrorBody };
  route.schema = { ...schema, security: BEARER_AUTH, response: { ...(schema.response as object | undefined), ...refusals } };
}

/**
 * Authenticates a request that carries a bearer token and enforces the route's declared policy before the
 * handler runs: 401 without a valid session, 403 for the wrong role or a pending MFA enrolment.
 *
 * Each route gets its own onRequest step, built once from its declared policy when the route is registered: it
 * runs after the route's rate limit (so an unauthenticated flood is still counted and refused), and a request
 * pays only for what its route needs (pages, docs and media serve no /api/ route and get no step at all).
 * Fails closed: an /api/ route without a policy, or naming an action no module declares, stops the app from starting.
 * Register this after @fastify/rate-limit, whose hook is added the same way.
 */
export function registerAuthGuard(app: FastifyInstance, ctx: AppContext, rules: PolicyTable, actorFromToken: Authenticator): void {
  app.decorateRequest('actor', undefined);
  const authenticate = async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    const match = header ? BEARER.exec(header) : null;
    if (match) request.actor = await actorFromToken(ctx, match[1]!);
  };
  const enforce = (request: FastifyRequest, r: Rule | undefined, allowDuringMfaEnrollment: boolean) => {
    const actor = request.actor;
    if (!actor) {
      throw new ApiError(
        'UnauthorizedException',
        request.headers.authorization ? 'Your session has expired. Please sign in again.' : 'Please sign in to continue',
      );
    }
    if (mustEnrolMfa(actor) && !allowDuringMfaEnrollment) {
      throw new ApiError('AccessDeniedException', 'Set up two-factor authentication to continue', { reason: 'MFA_ENROLLMENT_REQUIRED' });
    }
    if (r?.roleOnly && !r.check(actor, {})) throw new ApiError('AccessDeniedException', 'You are not allowed to do this');
  };

  app.addHook('onRoute', (route) => {
    const policy = route.config?.policy;
    if (policy === undefined) {
      if (route.url.startsWith('/api/') && !route.url.startsWith(API_DOCS)) {
        const methods = Array.isArray(route.method) ? route.method.join(',') : route.method;
        throw new RoutePolicyError(
          `Route ${methods} ${route.url} declares no policy: set config.policy to 'public', 'authenticated' or a module's action`,
        );
      }
      return;
    }
    const r = policy === 'public' || policy === 'authenticated' ? undefined : rules[policy];
    if (policy !== 'public' && policy !== 'authenticated' && !r) {
      throw new RoutePolicyError(`Route ${String(route.method)} ${route.url} names the policy "${policy}", which no module declares`);
    }
    documentPolicy(route, policy);
    if (policy === 'public' && route.config?.identifyCaller === false) return;
    const allowDuringMfaEnrollment = route.config?.allowDuringMfaEnrollment === true;
    const step: onRequestHookHandler =
      policy === 'public'
        ? // A token on a public route identifies the caller when valid; a stale one just means "anonymous".
          (request, _reply, done) => {
            if (!request.headers.authorization) return done();
            authenticate(request).then(() => done(), done);
          }
        : (request, _reply, done) => {
            authenticate(request)
              .then(() => enforce(request, r, allowDuringMfaEnrollment))
              .then(() => done(), done);
          };
    appendRouteStep(route, 'onRequest', step);
  });
}

/** The signed-in caller; routes with a non-public policy always have one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new ApiError('UnauthorizedException', 'Please sign in to continue');
  return request.actor;
}

export function metaOf(request: FastifyRequest): RequestMeta {
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip, ...(userAgent ? { userAgent } : {}) };
}
