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
  });
  return api;
}
