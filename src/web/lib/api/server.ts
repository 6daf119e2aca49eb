import type { AppLoadContext } from 'react-router';
import { createApiClient } from './client.ts';
import type { ApiClient } from './authed-client.ts';

/**
 * The client a loader uses: this process's API over loopback, as an anonymous visitor. The server never knows
 * who is signed in (the access token lives only in the tab), so what it renders is what anyone may see; VIP
 * pieces are fetched again in the browser once the session is known. No privileged token is ever used here.
 */
export function serverApi(context: AppLoadContext): ApiClient {
  const api = createApiClient(context.apiOrigin);
  api.use({
    onRequest({ request }) {
      // Per-visitor rate limits stay per visitor.
      request.headers.set('x-forwarded-for', context.clientIp);
      return request;
    },
    async onResponse({ response }) {
      // A page address the API cannot even read (a NUL byte, half a character, a malformed id) names nothing:
      // the page answers 404 for its path, 400 for its query, as a route error, never a 500. Field errors of a
      // posted form (body.*) are left to the action that shows them.
      if (response.status !== 400) return undefined;
      const body = (await response
        .clone()
        .json()
        .catch(() => undefined)) as { fieldErrors?: Record<string, unknown> } | undefined;
      const fields = Object.keys(body?.fieldErrors ?? {});
      if (fields.length && fields.every((f) => f.startsWith('params.'))) throw new Response(null, { status: 404 });
      if (fields.length && fields.every((f) => f.startsWith('params.') || f.startsWith('query.')))
        throw new Response(null, { status: 400 });
      return undefined;
    },
  });
  return api;
}
