import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMAGE_FORMATS, IMAGE_WIDTHS, type ImageFormat } from '../../../shared/media.ts';
import type { AppContext } from '../../context.ts';
import { ApiError, errorResponses } from '../../http/errors.ts';
import { actorOf } from '../../http/auth.ts';
import { CONTENT_TYPES } from './render.ts';
import type { UploadStore } from './upload-store.ts';
import { createMediaAsset, getMediaAsset, MAX_UPLOAD_BYTES, MEDIA_PURPOSES, uploadKey, type MediaPurpose } from './uploads.ts';

const tags = ['Media'];

export const MediaAsset = z
  .object({
    mediaId: z.string(),
    purpose: z.enum(MEDIA_PURPOSES),
    url: z.string().meta({ description: 'The JPEG at 1280 px (or the largest width below it).' }),
    width: z.number().int(),
    height: z.number().int(),
    widths: z.array(z.number().int()),
    placeholder: z.string().meta({ description: 'Tiny blurred WebP data URI.' }),
    srcset: z.object({ avif: z.string(), webp: z.string(), jpg: z.string() }),
    contentType: z.string().meta({ description: 'What the original was (it is never served).' }),
    bytes: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'MediaAsset' });

const MediaIdParams = z.strictObject({ mediaId: z.uuid('Not a valid media id') });
const FILE = /^(\d{1,5})\.([a-z]{3,4})$/;
const UploadFileParams = z.strictObject({
  mediaId: z.uuid('Not a valid media id'),
  file: z.string().max(20).regex(FILE, 'Expected {width}.{format}'),
});

/**
 * The multipart parser throws plain errors for a body that is not multipart at all (a missing boundary, a cut
 * part header): the caller's mistake, a 400. Its own limit errors already carry their 4xx status and pass through.
 */
function malformedMultipart(err: unknown): never {
  const status = (err as { statusCode?: number }).statusCode;
  if (err instanceof ApiError || (status !== undefined && status >= 400 && status < 500)) throw err;
  throw new ApiError('ValidationException', 'The upload is not valid multipart/form-data', {
    fieldErrors: { 'body.file': ['Malformed multipart body'] },
  });
}

/** `POST /api/v1/media` (multipart upload) and `GET /api/v1/media/{id}`; register with the API prefix. */
export async function mediaUploadRoutes(parent: FastifyInstance, opts: { ctx: AppContext; store?: UploadStore }): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const store = opts.store ?? opts.ctx.adapters.uploads;
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 200, parts: 6 } });

  app.post(
    '/media',
    {
      schema: {
        tags,
        summary: 'Upload an image (multipart/form-data: `file`, optional `purpose`): admins, brand partners, stylists',
        description:
          'JPEG, PNG, WebP or AVIF, checked by content; at most 20 MB, 50 megapixels, 12,000 px a side, at least 320 px wide. Re-encoded without metadata (EXIF, GPS) to AVIF/WebP/JPEG at 320/640/1280/2048 px (never wider than the original).',
        consumes: ['multipart/form-data'],
        response: {
          201: MediaAsset,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'PayloadTooLargeException',
            'UnsupportedMediaTypeException',
          ),
        },
      },
      config: { policy: 'media.upload' },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new ApiError('UnsupportedMediaTypeException', 'Send the image as multipart/form-data with a `file` part');
      const file = await request.file().catch(malformedMultipart);
      if (!file)
        throw new ApiError('ValidationException', 'Attach the image as the `file` part', { fieldErrors: { 'body.file': ['Required'] } });
      if (file.fieldname !== 'file')
        throw new ApiError('ValidationException', 'The image part must be called `file`', { fieldErrors: { 'body.file': ['Required'] } });
      const bytes = await file.toBuffer().catch(malformedMultipart);
      const field = file.fields.purpose;
      const purposeValue = field && !Array.isArray(field) && field.type === 'field' ? String(field.value) : 'PRODUCT';
      if (!(MEDIA_PURPOSES as readonly string[]).includes(purposeValue)) {
        throw new ApiError('ValidationException', `purpose must be one of ${MEDIA_PURPOSES.join(', ')}`, {
          fieldErrors: { 'body.purpose': ['Unknown purpose'] },
        });
      }
      const asset = await createMediaAsset(app.db, store, actorOf(request), { bytes, purpose: purposeValue as MediaPurpose });
      return reply.status(201).send(asset);
    },
  );

  app.get(
    '/media/:mediaId',
    {
      schema: {
        tags,
        summary: 'An uploaded image’s sizes, placeholder and srcset',
        params: MediaIdParams,
        response: { 200: MediaAsset, ...errorResponses('ValidationException', 'ResourceNotFoundException') },
      },
      config: { policy: 'public' },
    },
    async (request) => getMediaAsset(app.db, request.params.mediaId),
  );
}

/** `GET /media/uploads/{mediaId}/{width}.{format}`: the renditions, immutable, from the store. Register at the root. */
export async function mediaUploadFiles(parent: FastifyInstance, opts: { ctx: AppContext; store?: UploadStore }): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const store = opts.store ?? opts.ctx.adapters.uploads;
  app.get('/media/uploads/:mediaId/:file', { schema: { hide: true, params: UploadFileParams } }, async (request, reply) => {
    const [, widthText, format] = FILE.exec(request.params.file)!;
    const width = Number(widthText);
    if (!(IMAGE_WIDTHS as readonly number[]).includes(width) || !(IMAGE_FORMATS as readonly string[]).includes(format!)) {
      throw new ApiError('ResourceNotFoundException', 'No such image');
    }
    const etag = `"${request.params.mediaId}-${width}-${format}"`;
    if (request.headers['if-none-match'] === etag)
      return reply.code(304).header('etag', etag).header('cache-control', 'public, max-age=31536000, immutable').send();
    const body = await store.get(uploadKey(request.params.mediaId, width, format as ImageFormat));
    if (!body) throw new ApiError('ResourceNotFoundException', 'No such image');
    return reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
      .type(CONTENT_TYPES[format as ImageFormat])
      .send(body);
  });
}
