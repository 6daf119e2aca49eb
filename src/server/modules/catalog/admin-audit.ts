import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../audit/service.ts';
import { metaOf } from '../../http/auth.ts';

const VERBS: Record<string, string> = { POST: 'created', PUT: 'updated', DELETE: 'deleted' };
const NOUNS: Record<string, string> = {
  brands: 'brand',
  categories: 'category',
  collections: 'collection',
  products: 'products',
  'brand-partners': 'partner',
};

/** `catalog.brand.created`, `catalog.collection.products.updated`, `catalog.partner.deleted`… from the route template. */
export function catalogAuditAction(method: string, url: string): string {
  const nouns = url
    .split('/')
    .filter((part) => part && !part.startsWith(':') && part !== 'api' && part !== 'v1' && part !== 'admin')
    .map((part) => NOUNS[part] ?? part);
  return ['catalog', ...nouns, VERBS[method] ?? method.toLowerCase()].join('.');
}

/**
 * Every successful catalog administration (brands, categories, collections, partner links) goes to the platform audit
 * log with who did it, from where, and the ids it touched. Written before the answer leaves, so a write the admin saw
 * succeed is never missing from the log.
 */
export function auditCatalogAdministration(app: FastifyInstance): void {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    if (request.routeOptions.config?.policy !== 'catalog.manage' || request.method === 'GET' || reply.statusCode >= 400 || !request.actor)
      return payload;
    await audit(app.db, {
      action: catalogAuditAction(request.method, request.routeOptions.url ?? request.url),
      actorId: request.actor.userId,
      details: { params: request.params ?? {} },
      meta: metaOf(request),
    });
    return payload;
  });
}
