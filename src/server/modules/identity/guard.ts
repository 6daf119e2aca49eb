import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { AppContext, RequestMeta } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import { appendRouteStep } from '../../http/route-hooks.ts';
import { mustEnrolMfa, ROLE_ONLY_ACTIONS, can, type Action, type Actor, type RoutePolicy } from './policy.ts';
import { actorFromAccessToken } from './service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
  interface FastifyContextConfig {
    /** Who may call the route: see identity/policy.ts. Every /api route must declare one. */
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

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * Authenticates a request that carries a bearer token and enforces the route's declared policy before the
 * handler runs: 401 without a valid session, 403 for the wrong role or a pending MFA enrolment.
 *
 * Each route gets its own onRequest step, built once from its declared policy when the route is registered: it
 * runs after the route's rate limit (so an unauthenticated flood is still counted and refused), and a request
 * pays only for what its route needs (pages, docs and media declare no policy and get no step at all). Register
 * this after @fastify/rate-limit, whose hook is added the same way.
 */
export function registerAuthGuard(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', undefined);
  const authenticate = async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    const match = header ? BEARER.exec(header) : null;
    if (match) request.actor = await actorFromAccessToken(ctx, match[1]!);
  };
  const enforce = (request: FastifyRequest, policy: Exclude<RoutePolicy, 'public'>, allowDuringMfaEnrollment: boolean) => {
    const actor = request.actor;
    if (!actor) {
      throw new ApiError('UnauthorizedException', request.headers.authorization ? 'Your session has expired. Please sign in again.' : 'Please sign in to continue');
    }
    if (mustEnrolMfa(actor) && !allowDuringMfaEnrollment) {
      throw new ApiError('AccessDeniedException', 'Set up two-factor authentication to continue', { reason: 'MFA_ENROLLMENT_REQUIRED' });
    }
    if (policy !== 'authenticated' && ROLE_ONLY_ACTIONS.has(policy) && !can(actor, policy)) {
      throw new ApiError('AccessDeniedException', 'You are not allowed to do this');
    }
  };

  app.addHook('onRoute', (route) => {
    const policy = route.config?.policy;
    if (policy === undefined) return;
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
              .then(() => enforce(request, policy, allowDuringMfaEnrollment))
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

export type { Action };
