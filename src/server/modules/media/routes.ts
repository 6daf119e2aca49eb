import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GENERATED_KINDS, IMAGE_FORMATS, IMAGE_WIDTHS, type ImageFormat } from '../../../shared/media.ts';
import { ApiError } from '../../http/errors.ts';
import { CONTENT_TYPES } from './render.ts';
import { createGeneratedImageStore } from './store.ts';

/** `{name}-{width}.{format}`: a lowercase slug of up to 80 characters, a width and an extension. */
const FILE = /^([a-z0-9-]{1,80})-(\d{1,5})\.([a-z0-9]{1,5})$/;

export const GeneratedImageParams = z.object({
  kind: z.enum(GENERATED_KINDS),
  file: z.string().max(100).regex(FILE, 'Expected {name}-{width}.{format} with a lowercase name of letters, digits and dashes'),
});

/**
 * `GET /media/generated/:kind/:file`: demo imagery rendered on first request, then served from disk with a year-long
 * immutable cache. Not part of the public API document. Register at the root: `app.register(mediaRoutes)`.
 */
export async function mediaRoutes(app: FastifyInstance): Promise<void> {
  const store = createGeneratedImageStore(join(app.config.dataDir, 'media', 'generated'));

  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/media/generated/:kind/:file', { schema: { hide: true, params: GeneratedImageParams } }, async (request, reply) => {
      const [, name, widthText, format] = FILE.exec(request.params.file)!;
      const width = Number(widthText);
      if (!(IMAGE_WIDTHS as readonly number[]).includes(width)) {
        throw new ApiError('ValidationException', `Width must be one of ${IMAGE_WIDTHS.join(', ')}`);
      }
      if (!(IMAGE_FORMATS as readonly string[]).includes(format!)) {
        throw new ApiError('ValidationException', `Format must be one of ${IMAGE_FORMATS.join(', ')}`);
      }
      const image = await store.get(request.params.kind, name!, width, format as ImageFormat);
      reply.header('cache-control', 'public, max-age=31536000, immutable').header('etag', image.etag);
      if (matches(request.headers['if-none-match'], image.etag)) return reply.code(304).send();
      return reply.type(CONTENT_TYPES[format as ImageFormat]).send(image.body);
    });
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
