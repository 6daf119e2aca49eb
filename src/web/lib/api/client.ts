import createClient from 'openapi-fetch';
import type { paths } from './schema.d.ts';

export type { paths };

/**
 * A typed client for the platform API. In the browser it calls the same origin; on the server (loaders)
 * pass the request's origin so server rendering talks to this very process.
 */
export function createApiClient(origin = '') {
  return createClient<paths>({ baseUrl: origin });
}
