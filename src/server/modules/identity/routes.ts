import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { parseCookie, stringifySetCookie } from 'cookie';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { ApiError, errorResponses } from '../../http/errors.ts';
import { randomToken, safeEqual } from '../../security/crypto.ts';
import { actorOf, metaOf } from '../../http/auth.ts';
import {
  AuthenticateUserInput,
  AuthenticateUserOutput,
  ChangeRoleInput,
  CreateUserInput,
  CreateUserOutput,
  DeleteUserOutput,
  EmailInput,
  GetUserOutput,
  ListSessionsOutput,
  ListUsersOutput,
  ListUsersQuery,
  MfaCodeInput,
  MfaSetupOutput,
  MfaVerifyOutput,
  RefreshInput,
  ResetPasswordInput,
  SuccessOutput,
  TokenInput,
  UpdateUserInput,
  UpdateUserOutput,
  UserIdParams,
  type AuthenticateUserOutput as LoginResult,
} from './models.ts';
import {
  changeRole,
  createUser,
  deleteUser,
  forgotPassword,
  getMe,
  getUser,
  listSessions,
  listUsers,
  login,
  logout,
  mfaDisable,
  mfaSetup,
  mfaStepUp,
  mfaVerify,
  refreshSession,
  resendEmailVerification,
  resetPassword,
  revokeOtherSessions,
  revokeSession,
  updateUser,
  verifyEmail,
} from './service.ts';

const tags = ['Identity'];

// The web app keeps the refresh token in an httpOnly cookie scoped to the auth routes; a readable CSRF cookie
// must be echoed in a header (double submit) before the cookie is honoured.
export const REFRESH_COOKIE = 'sbz_refresh';
export const CSRF_COOKIE = 'sbz_csrf';
const AUTH_COOKIE_PATH = '/api/v1/auth';

const wantsCookie = (request: FastifyRequest) => request.headers['x-auth-mode'] === 'cookie';

/** In cookie mode the refresh token goes into the httpOnly cookie and never into JavaScript's reach. */
export function deliver(ctx: AppContext, reply: FastifyReply, request: FastifyRequest, result: LoginResult): LoginResult {
  if (!wantsCookie(request)) return result;
  const maxAge = ctx.config.REFRESH_TOKEN_TTL_DAYS * 86_400;
  const secure = true; // browsers treat http://localhost as secure, so this holds in the demo too
  setCookies(reply, [
    stringifySetCookie({
      name: REFRESH_COOKIE,
      value: result.refreshToken,
      httpOnly: true,
      secure,
      sameSite: 'strict',
      path: AUTH_COOKIE_PATH,
      maxAge,
    }),
    stringifySetCookie({ name: CSRF_COOKIE, value: randomToken(16), httpOnly: false, secure, sameSite: 'strict', path: '/', maxAge }),
  ]);
  return { ...result, refreshToken: '' };
}

function clearCookies(reply: FastifyReply) {
  const gone = { expires: new Date(0), maxAge: 0 };
  setCookies(reply, [
    stringifySetCookie({ name: REFRESH_COOKIE, value: '', ...gone, path: AUTH_COOKIE_PATH }),
    stringifySetCookie({ name: CSRF_COOKIE, value: '', ...gone, path: '/' }),
  ]);
}

// Cookies are written here rather than by @fastify/cookie, whose onSend hook would run on every request of
// the platform for the three routes that set them (bench/RESULTS.md).
function setCookies(reply: FastifyReply, cookies: string[]) {
  for (const cookie of cookies) reply.header('set-cookie', cookie);
}

/** The refresh token from the body, or from the cookie when the CSRF header matches its cookie. */
function presentedRefreshToken(request: FastifyRequest, body: { refreshToken?: string }): string {
  if (body.refreshToken) return body.refreshToken;
  const cookies = request.headers.cookie ? parseCookie(request.headers.cookie) : {};
  const cookie = cookies[REFRESH_COOKIE];
  if (!cookie) throw new ApiError('UnauthorizedException', 'Your session has ended. Please sign in again.');
  const csrfCookie = cookies[CSRF_COOKIE];
  const csrfHeader = request.headers['x-csrf-token'];
  if (!csrfCookie || typeof csrfHeader !== 'string' || !safeEqual(csrfCookie, csrfHeader)) {
    throw new ApiError('AccessDeniedException', 'Missing or wrong CSRF token');
  }
  return cookie;
}

/** Accounts, sign-in, sessions, MFA and email links (spec: CreateUser, GetUser, UpdateUser, DeleteUser, AuthenticateUser). */
export async function identityRoutes(parent: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { ctx } = opts;

  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'CreateUser: self sign-up (CLIENT or STYLIST), or any role by an admin',
        body: CreateUserInput,
        response: {
          201: CreateUserOutput,
          ...errorResponses('ValidationException', 'ConflictException', 'AccessDeniedException', 'ThrottlingException'),
        },
      },
      config: { policy: 'public', idempotent: true, rateLimit: { max: ctx.config.SIGNUP_RATE_LIMIT_PER_HOUR, timeWindow: 3_600_000 } },
    },
    async (request, reply) => {
      const user = await createUser(ctx, request.body, request.actor, metaOf(request));
      return reply.status(201).send({ userId: user.userId, user });
    },
  );

  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'List and search accounts (admin)',
        querystring: ListUsersQuery,
        response: { 200: ListUsersOutput, ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'user.list' },
    },
    async (request) => listUsers(ctx, request.query),
  );

  app.get(
    '/users/:userId',
    {
      schema: {
        tags,
        summary: 'GetUser: oneself or an admin',
        params: UserIdParams,
        response: {
          200: GetUserOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'user.read' },
    },
    async (request) => ({ user: await getUser(ctx, actorOf(request), request.params.userId, metaOf(request)) }),
  );

  app.put(
    '/users/:userId',
    {
      schema: {
        tags,
        summary: 'UpdateUser: oneself or an admin',
        params: UserIdParams,
        body: UpdateUserInput,
        response: {
          200: UpdateUserOutput,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'ConflictException',
          ),
        },
      },
      config: { policy: 'user.update' },
    },
    async (request) => ({ user: await updateUser(ctx, actorOf(request), request.params.userId, request.body, metaOf(request)) }),
  );

  app.delete(
    '/users/:userId',
    {
      schema: {
        tags,
        summary: 'DeleteUser: erases personal data, keeps financial records under a pseudonym',
        params: UserIdParams,
        response: {
          200: DeleteUserOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'user.delete' },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await deleteUser(ctx, actor, request.params.userId, metaOf(request));
      if (actor.userId === request.params.userId) clearCookies(reply);
      return { success: true };
    },
  );

  app.put(
    '/users/:userId/role',
    {
      schema: {
        tags,
        summary: "Change an account's role (admin); its sessions end",
        params: UserIdParams,
        body: ChangeRoleInput,
        response: {
          200: GetUserOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'user.changeRole' },
    },
    async (request) => ({ user: await changeRole(ctx, actorOf(request), request.params.userId, request.body.userType, metaOf(request)) }),
  );

  app.get(
    '/me',
    {
      schema: { tags, summary: 'The signed-in account', response: { 200: GetUserOutput, ...errorResponses('UnauthorizedException') } },
      config: { policy: 'authenticated', allowDuringMfaEnrollment: true },
    },
    async (request) => ({ user: await getMe(ctx, actorOf(request)) }),
  );

  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'AuthenticateUser: password (and MFA code when enabled)',
        body: AuthenticateUserInput,
        headers: z.object({ 'x-auth-mode': z.enum(['cookie', 'token']).optional() }),
        response: { 200: AuthenticateUserOutput, ...errorResponses('ValidationException', 'UnauthorizedException', 'ThrottlingException') },
      },
      config: { policy: 'public' },
    },
    async (request, reply) => deliver(ctx, reply, request, await login(ctx, request.body, metaOf(request))),
  );

  app.post(
    '/auth/refresh',
    {
      schema: {
        tags,
        summary: 'Rotate the refresh token (body, or the web cookie with x-csrf-token)',
        body: RefreshInput.nullish(),
        response: {
          200: AuthenticateUserOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException'),
        },
      },
      config: { policy: 'public' },
    },
    async (request, reply) => {
      const token = presentedRefreshToken(request, request.body ?? {});
      try {
        return deliver(ctx, reply, request, await refreshSession(ctx, token, metaOf(request)));
      } catch (err) {
        if (err instanceof ApiError && err.code === 'UnauthorizedException') clearCookies(reply);
        throw err;
      }
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags,
        summary: 'Sign out: this session ends',
        response: { 200: SuccessOutput, ...errorResponses('UnauthorizedException') },
      },
      config: { policy: 'authenticated', allowDuringMfaEnrollment: true },
    },
    async (request, reply) => {
      await logout(ctx, actorOf(request), metaOf(request));
      clearCookies(reply);
      return { success: true };
    },
  );

  app.get(
    '/auth/sessions',
    {
      schema: {
        tags,
        summary: 'Active sessions of the signed-in account',
        response: { 200: ListSessionsOutput, ...errorResponses('UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'session.manage' },
    },
    async (request) => ({ sessions: await listSessions(ctx, actorOf(request)) }),
  );

  app.delete(
    '/auth/sessions/:sessionId',
    {
      schema: {
        tags,
        summary: 'End one session',
        params: z.strictObject({ sessionId: z.uuid() }),
        response: {
          200: SuccessOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'session.manage' },
    },
    async (request) => {
      await revokeSession(ctx, actorOf(request), request.params.sessionId, metaOf(request));
      return { success: true };
    },
  );

  app.delete(
    '/auth/sessions',
    {
      schema: {
        tags,
        summary: 'End every other session',
        response: { 200: z.object({ revoked: z.number().int() }), ...errorResponses('UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'session.manage' },
    },
    async (request) => ({ revoked: await revokeOtherSessions(ctx, actorOf(request), metaOf(request)) }),
  );

  app.post(
    '/auth/mfa/setup',
    {
      schema: {
        tags,
        summary: 'Start TOTP enrolment: secret, otpauth URL and QR code',
        response: { 200: MfaSetupOutput, ...errorResponses('UnauthorizedException', 'ConflictException') },
      },
      config: { policy: 'mfa.manage', allowDuringMfaEnrollment: true },
    },
    async (request) => mfaSetup(ctx, actorOf(request)),
  );

  app.post(
    '/auth/mfa/verify',
    {
      schema: {
        tags,
        summary: 'Confirm enrolment with a first code; returns 10 recovery codes',
        body: MfaCodeInput,
        response: {
          200: MfaVerifyOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'ConflictException', 'ThrottlingException'),
        },
      },
      config: { policy: 'mfa.manage', allowDuringMfaEnrollment: true },
    },
    async (request) => mfaVerify(ctx, actorOf(request), request.body.code, metaOf(request)),
  );

  app.post(
    '/auth/mfa/disable',
    {
      schema: {
        tags,
        summary: 'Turn MFA off (needs a current code)',
        body: MfaCodeInput,
        response: {
          200: GetUserOutput,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ConflictException',
            'ThrottlingException',
          ),
        },
      },
      config: { policy: 'mfa.manage' },
    },
    async (request) => ({ user: await mfaDisable(ctx, actorOf(request), request.body.code, metaOf(request)) }),
  );

  app.post(
    '/auth/mfa/step-up',
    {
      schema: {
        tags,
        summary: 'Prove the second factor again before a high-value action',
        body: MfaCodeInput,
        response: {
          200: SuccessOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'ConflictException', 'ThrottlingException'),
        },
      },
      config: { policy: 'mfa.manage' },
    },
    async (request) => {
      await mfaStepUp(ctx, actorOf(request), request.body.code, metaOf(request));
      return { success: true };
    },
  );

  app.post(
    '/auth/email/verify',
    {
      schema: {
        tags,
        summary: 'Confirm an email address from the emailed link',
        body: TokenInput,
        response: { 200: SuccessOutput, ...errorResponses('ValidationException') },
      },
      config: { policy: 'public' },
    },
    async (request) => {
      await verifyEmail(ctx, request.body.token, metaOf(request));
      return { success: true };
    },
  );

  app.post(
    '/auth/email/resend',
    {
      schema: {
        tags,
        summary: 'Send the confirmation link again',
        response: { 200: SuccessOutput, ...errorResponses('UnauthorizedException', 'ConflictException') },
      },
      config: { policy: 'authenticated', allowDuringMfaEnrollment: true, rateLimit: { max: 5, timeWindow: 15 * 60_000 } },
    },
    async (request) => {
      await resendEmailVerification(ctx, actorOf(request));
      return { success: true };
    },
  );

  app.post(
    '/auth/password/forgot',
    {
      schema: {
        tags,
        summary: 'Email a password-reset link (same answer whether or not the account exists)',
        body: EmailInput,
        response: { 200: SuccessOutput, ...errorResponses('ValidationException', 'ThrottlingException') },
      },
      config: { policy: 'public' },
    },
    async (request) => {
      await forgotPassword(ctx, request.body.email, metaOf(request));
      return { success: true };
    },
  );

  app.post(
    '/auth/password/reset',
    {
      schema: {
        tags,
        summary: 'Set a new password from a reset link; ends every session',
        body: ResetPasswordInput,
        response: { 200: SuccessOutput, ...errorResponses('ValidationException', 'UnauthorizedException', 'ThrottlingException') },
      },
      config: { policy: 'public' },
    },
    async (request) => {
      await resetPassword(ctx, request.body, metaOf(request));
      return { success: true };
    },
  );
}
