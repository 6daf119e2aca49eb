import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext, RequestMeta } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
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
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * Authenticates a request that carries a bearer token and enforces the route's declared policy before the
 * handler runs: 401 without a valid session, 403 for the wrong role or a pending MFA enrolment. Returns the
 * onRequest step, which app.ts runs in the one hook every request passes (a hook per concern costs on every
 * request, bench/RESULTS.md).
 */
export function authGuard(app: FastifyInstance, ctx: AppContext): (request: FastifyRequest, done: (err?: Error) => void) => void {
  app.decorateRequest('actor', undefined);
  const check = async (request: FastifyRequest, policy: RoutePolicy) => {
    const header = request.headers.authorization;
    const match = header ? BEARER.exec(header) : null;
    if (match) request.actor = await actorFromAccessToken(ctx, match[1]!);
    if (policy === 'public') return; // a stale token on a public route just means "anonymous"
    const actor = request.actor;
    if (!actor) throw new ApiError('UnauthorizedException', header ? 'Your session has expired. Please sign in again.' : 'Please sign in to continue');
    if (mustEnrolMfa(actor) && !request.routeOptions.config.allowDuringMfaEnrollment) {
      throw new ApiError('AccessDeniedException', 'Set up two-factor authentication to continue', { reason: 'MFA_ENROLLMENT_REQUIRED' });
    }
    if (policy !== 'authenticated' && ROLE_ONLY_ACTIONS.has(policy) && !can(actor, policy)) {
      throw new ApiError('AccessDeniedException', 'You are not allowed to do this');
    }
  };
  return (request, done) => {
    const policy = request.routeOptions.config?.policy;
    // Fast path without a promise: pages, docs and media have no policy; public routes without a token need no actor.
    if (policy === undefined || (policy === 'public' && !request.headers.authorization)) return done();
    check(request, policy).then(() => done(), done);
  };
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
