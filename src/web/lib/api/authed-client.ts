import { createApiClient } from './client.ts';

export type ApiClient = ReturnType<typeof createApiClient>;

/** What the client needs from the tab's session (the auth feature's SessionStore provides it). */
export type TokenSource = {
  token(): Promise<string | null>;
  refresh(): Promise<boolean>;
  requireEnrolment(): void;
};

async function reasonOf(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.clone().json()) as { reason?: unknown };
    return typeof body.reason === 'string' ? body.reason : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The API client for signed-in pages. It adds the bearer token (refreshed first when close to expiry);
 * when the server still answers 401 for the session it refreshes once and repeats the request, and it
 * tells the session when a route demands MFA enrolment. It never redirects or toasts: pages decide that.
 */
export function createAuthedClient(store: TokenSource): ApiClient {
  const client = createApiClient();
  // Copies taken before sending: a sent request's body is spent and cannot be replayed.
  const replayable = new Map<string, Request>();

  client.use({
    async onRequest({ request, id }) {
      const token = await store.token();
      if (!token) return request;
      request.headers.set('authorization', `Bearer ${token}`);
      replayable.set(id, request.clone());
      return request;
    },
    async onResponse({ response, id }) {
      const copy = replayable.get(id);
      replayable.delete(id);
      if (response.status === 401 && copy) {
        // A 401 with a reason (MFA_INVALID…) is about the request, not the session.
        if ((await reasonOf(response)) !== undefined) return response;
        if (!(await store.refresh())) return response;
        const token = await store.token();
        if (!token) return response;
        copy.headers.set('authorization', `Bearer ${token}`);
        return fetch(copy);
      }
      if (response.status === 403 && (await reasonOf(response)) === 'MFA_ENROLLMENT_REQUIRED') store.requireEnrolment();
      return response;
    },
    onError({ id }) {
      replayable.delete(id);
    },
  });
  return client;
}
