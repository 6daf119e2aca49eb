import {
  startAuthentication,
  startRegistration,
  WebAuthnError,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import type { ApiClient } from '../../lib/api/authed-client.ts';
import { call } from '../../lib/api/problem.ts';
import type { AuthResult } from './session-store.ts';

/**
 * The server builds its options with @simplewebauthn/server; the OpenAPI document widens a few enums
 * (credential types, transports) to plain strings, so they are narrowed back to the browser library's types.
 */
const asCreationOptions = (options: unknown) => options as PublicKeyCredentialCreationOptionsJSON;
const asRequestOptions = (options: unknown) => options as PublicKeyCredentialRequestOptionsJSON;

/**
 * The browser library's response objects, as the generated request types spell them: interfaces become plain
 * objects (the schema's `clientExtensionResults` is an open record) and a missing attachment is left out.
 */
function forApi<T extends { clientExtensionResults: object; authenticatorAttachment?: string | undefined }>(
  response: T,
): Omit<T, 'clientExtensionResults' | 'authenticatorAttachment'> & {
  clientExtensionResults: Record<string, unknown>;
  authenticatorAttachment?: 'platform' | 'cross-platform';
} {
  const { authenticatorAttachment, clientExtensionResults, ...rest } = response;
  return {
    ...rest,
    clientExtensionResults: { ...clientExtensionResults },
    ...(authenticatorAttachment === 'platform' || authenticatorAttachment === 'cross-platform' ? { authenticatorAttachment } : {}),
  };
}

/** Signs in with a discoverable passkey: options, the browser's ceremony, then verification (cookie mode). */
export async function signInWithPasskey(api: ApiClient): Promise<AuthResult> {
  const { challengeId, options } = await call(api.POST('/api/v1/auth/passkeys/login/options'));
  const response = await startAuthentication({ optionsJSON: asRequestOptions(options) });
  return call(
    api.POST('/api/v1/auth/passkeys/login/verify', {
      params: { header: { 'x-auth-mode': 'cookie' } },
      body: { challengeId, response: forApi(response) },
    }),
  );
}

/** Adds a passkey to the signed-in account. */
export async function registerPasskey(api: ApiClient, name: string | undefined) {
  const options = await call(api.POST('/api/v1/auth/passkeys/register/options'));
  const response = await startRegistration({ optionsJSON: asCreationOptions(options) });
  return call(
    api.POST('/api/v1/auth/passkeys/register/verify', {
      body: {
        response: forApi(response),
        ...(name ? { name } : {}),
      },
    }),
  );
}

/** What to tell someone when the browser's passkey ceremony did not complete; undefined for API errors. */
export function passkeyCeremonyMessage(error: unknown): string | undefined {
  if (error instanceof WebAuthnError || (error instanceof Error && error.name === 'NotAllowedError')) {
    if (error.name === 'NotAllowedError' || (error instanceof WebAuthnError && error.code === 'ERROR_CEREMONY_ABORTED')) {
      return 'The passkey request was cancelled or timed out. Please try again when you are ready.';
    }
    if (error instanceof WebAuthnError && error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') {
      return 'This device already holds a passkey for your account.';
    }
    return 'Your browser could not complete the passkey request. Please try again.';
  }
  return undefined;
}
