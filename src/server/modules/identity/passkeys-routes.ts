import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { actorOf, metaOf } from '../../http/auth.ts';
import { AuthenticateUserOutput, SuccessOutput } from './models.ts';
import {
  AuthenticationResponse,
  Passkey,
  PasskeyAuthenticationOptions,
  PasskeyName,
  PasskeyRegistrationOptions,
  RegistrationResponse,
  deletePasskey,
  listPasskeys,
  loginWithPasskey,
  passkeyLoginOptions,
  passkeyRegistrationOptions,
  registerPasskey,
} from './passkeys.ts';
import { deliver } from './routes.ts';

const tags = ['Identity'];

const RegisterPasskeyInput = z
  .strictObject({ response: RegistrationResponse, name: PasskeyName.optional() })
  .meta({ id: 'RegisterPasskeyInput' });
const PasskeyLoginOptionsOutput = z
  .object({
    challengeId: z.string().describe('Send back with the signed response to /auth/passkeys/login/verify.'),
    options: PasskeyAuthenticationOptions,
  })
  .meta({ id: 'PasskeyLoginOptionsOutput' });
const PasskeyLoginInput = z
  .strictObject({ challengeId: z.uuid('Not a valid challenge id'), response: AuthenticationResponse })
  .meta({ id: 'PasskeyLoginInput' });
const PasskeyIdParams = z.strictObject({
  passkeyId: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'Not a valid passkey id'),
});
const AuthModeHeaders = z.object({ 'x-auth-mode': z.enum(['cookie', 'token']).optional() });

// The browser states the page's origin; WebAuthn checks it against the origin signed in clientDataJSON.
const originOf = (request: FastifyRequest) => (typeof request.headers.origin === 'string' ? request.headers.origin : undefined);

/** Passkeys: add and remove them in account settings; sign in with one instead of a password. */
export async function passkeyRoutes(parent: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { ctx } = opts;

  app.post(
    '/auth/passkeys/register/options',
    {
      schema: {
        tags,
        summary: 'Start adding a passkey: options for navigator.credentials.create()',
        response: {
          200: PasskeyRegistrationOptions,
          ...errorResponses('UnauthorizedException', 'AccessDeniedException', 'ConflictException'),
        },
      },
      config: { policy: 'passkey.manage' },
    },
    async (request) => passkeyRegistrationOptions(ctx, actorOf(request)),
  );

  app.post(
    '/auth/passkeys/register/verify',
    {
      schema: {
        tags,
        summary: 'Finish adding a passkey with the authenticator’s response',
        body: RegisterPasskeyInput,
        response: {
          201: Passkey,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ConflictException'),
        },
      },
      config: { policy: 'passkey.manage' },
    },
    async (request, reply) =>
      reply.status(201).send(await registerPasskey(ctx, actorOf(request), request.body, originOf(request), metaOf(request))),
  );

  app.get(
    '/auth/passkeys',
    {
      schema: {
        tags,
        summary: 'Passkeys of the signed-in account',
        response: {
          200: z.object({ passkeys: z.array(Passkey) }).meta({ id: 'ListPasskeysOutput' }),
          ...errorResponses('UnauthorizedException', 'AccessDeniedException'),
        },
      },
      config: { policy: 'passkey.manage' },
    },
    async (request) => ({ passkeys: await listPasskeys(ctx, actorOf(request)) }),
  );

  app.delete(
    '/auth/passkeys/:passkeyId',
    {
      schema: {
        tags,
        summary: 'Remove a passkey',
        params: PasskeyIdParams,
        response: {
          200: SuccessOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'passkey.manage' },
    },
    async (request) => {
      await deletePasskey(ctx, actorOf(request), request.params.passkeyId, metaOf(request));
      return { success: true };
    },
  );

  app.post(
    '/auth/passkeys/login/options',
    {
      schema: {
        tags,
        summary: 'Start a passwordless sign-in: options for navigator.credentials.get() and a challenge id',
        response: { 200: PasskeyLoginOptionsOutput, ...errorResponses('ThrottlingException') },
      },
      // Anonymous and writes a row: a tighter limit than the global one keeps the challenge table small.
      config: { policy: 'public', rateLimit: { max: 30, timeWindow: 60_000 } },
    },
    async () => passkeyLoginOptions(ctx),
  );

  app.post(
    '/auth/passkeys/login/verify',
    {
      schema: {
        tags,
        summary: 'Sign in with a passkey; answers like /auth/login',
        body: PasskeyLoginInput,
        headers: AuthModeHeaders,
        response: { 200: AuthenticateUserOutput, ...errorResponses('ValidationException', 'UnauthorizedException', 'ThrottlingException') },
      },
      config: { policy: 'public' },
    },
    async (request, reply) => deliver(ctx, reply, request, await loginWithPasskey(ctx, request.body, originOf(request), metaOf(request))),
  );
}
