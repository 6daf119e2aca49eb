import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { ApiError, ErrorBody, errorResponses } from '../../http/errors.ts';
import { actorOf, metaOf } from '../../http/auth.ts';
import { sendAnswer } from '../../http/cached-json.ts';
import { accountTypeOf } from '../identity/service.ts';
import {
  Content,
  ContentDiff,
  ContentVersion,
  CreateContentInput,
  GetContentOutput,
  ListContentOutput,
  ListContentQuery,
  Rsvp,
  UpdateContentInput,
} from './models.ts';
import {
  advanceEditorialClock,
  cancelRsvp,
  createContent,
  createPreviewLink,
  deleteContent,
  diffVersions,
  getAutosave,
  getContent,
  getPreview,
  grantEditor,
  HOME_SLOTS,
  homeSlots,
  listContactMessages,
  keptPublicList,
  listContent,
  rememberPublicList,
  listEditors,
  listVersions,
  myEditorialRole,
  pictureLibrary,
  myRsvp,
  publishDue,
  restoreVersion,
  revokeEditor,
  rsvp,
  saveAutosave,
  sendContactMessage,
  setHomeSlot,
  StaleSaveError,
  updateContent,
} from './service.ts';

const tags = ['Content'];
const ContentIdParams = z.strictObject({ contentId: z.string().min(1).max(200).meta({ description: 'The piece’s id or its slug.' }) });
const ConflictBody = ErrorBody.extend({ current: Content.meta({ description: 'The piece as it now is (the newer version).' }) }).meta({
  id: 'ContentConflict',
});

/** The spec's content operations, plus versions, autosave, previews, RSVPs, the home slots, editors and the contact page. */
export async function editorialRoutes(parent: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { ctx } = opts;
  const production = ctx.config.NODE_ENV === 'production';

  /** A stale save answers 409 with the newer version in the body, so the editor can compare. */
  const conflictAware = async <T>(reply: FastifyReply, write: () => Promise<T>) => {
    try {
      return await write();
    } catch (err) {
      if (err instanceof StaleSaveError)
        return reply.status(409).send({ code: 'ConflictException', message: err.message, reason: 'STALE_VERSION', current: err.current });
      throw err;
    }
  };
  const ifMatch = (header: string | undefined, body: number | undefined): number | undefined => {
    if (body !== undefined || !header) return body;
    const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
    if (!m)
      throw new ApiError('ValidationException', 'If-Match must be a version number', {
        fieldErrors: { 'headers.if-match': ['A version number'] },
      });
    return Number(m[1]);
  };

  app.post(
    '/content',
    {
      schema: {
        tags,
        summary: 'CreateContent — house editors and admins any kind; stylists articles in their own name (drafts for review)',
        body: CreateContentInput,
        response: {
          201: z.object({ contentId: z.string(), content: Content }).meta({ id: 'CreateContentOutput' }),
          ...errorResponses('ValidationException', 'AccessDeniedException'),
        },
      },
      config: { policy: 'content.write' },
    },
    async (request, reply) => {
      const content = await createContent(ctx, actorOf(request), request.body, metaOf(request));
      return reply.status(201).send({ contentId: content.contentId, content });
    },
  );

  app.get(
    '/content',
    {
      schema: {
        tags,
        summary: 'ListContent — published pieces for readers (VIP pieces for private clients only); every status for the house',
        querystring: ListContentQuery,
        response: { 200: ListContentOutput, ...errorResponses('ValidationException') },
      },
      // The Journal's lists for readers who are not signed in are answered from the kept copy when there is one.
      config: { policy: 'public', keptAnswer: (request) => keptPublicList(ctx.db, request.url) },
    },
    async (request, reply) => {
      const answer = await listContent(ctx, request.actor, request.query);
      if (!request.actor) rememberPublicList(request.url, request.query);
      return sendAnswer(reply, production, answer);
    },
  );

  app.get(
    '/content/home-slots',
    {
      schema: {
        tags,
        summary: 'The home page’s editorial slots (chosen in the house office; the latest pieces fill any empty one)',
        response: {
          200: z.object({ slots: z.array(z.object({ slot: z.enum(HOME_SLOTS), content: Content })) }).meta({ id: 'HomeSlotsOutput' }),
        },
      },
      config: { policy: 'public' },
    },
    async (request) => ({ slots: await homeSlots(ctx, request.actor) }),
  );

  app.put(
    '/content/home-slots/:slot',
    {
      schema: {
        tags,
        summary: 'Choose the piece for a home-page slot (house editors); null clears it',
        params: z.strictObject({ slot: z.enum(HOME_SLOTS) }),
        body: z.strictObject({ contentId: z.string().min(1).max(200).nullable() }),
        response: { 200: z.object({ success: z.literal(true) }), ...errorResponses('ValidationException', 'AccessDeniedException') },
      },
      config: { policy: 'content.write' },
    },
    async (request) => {
      await setHomeSlot(ctx, actorOf(request), request.params.slot, request.body.contentId, metaOf(request));
      return { success: true as const };
    },
  );

  app.get(
    '/content/previews/:token',
    {
      schema: {
        tags,
        summary: 'A draft shown through its signed preview link (valid for a week)',
        params: z.strictObject({ token: z.string().min(10).max(200) }),
        response: { 200: GetContentOutput, ...errorResponses('ResourceNotFoundException') },
      },
      config: { policy: 'public' },
    },
    async (request, reply) => {
      reply.header('x-robots-tag', 'noindex');
      return getPreview(ctx, request.params.token);
    },
  );

  app.get(
    '/content/:contentId',
    {
      schema: {
        tags,
        summary: 'GetContent — by id or slug, with the body rendered through the allowlist and its pieces live from the catalogue',
        params: ContentIdParams,
        response: { 200: GetContentOutput, ...errorResponses('ResourceNotFoundException') },
      },
      config: { policy: 'public' },
    },
    async (request, reply) => sendAnswer(reply, production, await getContent(ctx, request.actor, request.params.contentId)),
  );

  app.put(
    '/content/:contentId',
    {
      schema: {
        tags,
        summary:
          'UpdateContent — a new version; name the version you edited (expectedVersion or If-Match) and a newer save answers 409 with it',
        params: ContentIdParams,
        headers: z.object({ 'if-match': z.string().max(40).optional() }),
        body: UpdateContentInput,
        response: {
          200: z.object({ content: Content }).meta({ id: 'UpdateContentOutput' }),
          409: ConflictBody,
          ...errorResponses('ResourceNotFoundException', 'ValidationException', 'AccessDeniedException'),
        },
      },
      config: { policy: 'content.write' },
    },
    async (request, reply) =>
      conflictAware(reply, async () => {
        const expectedVersion = ifMatch(request.headers['if-match'], request.body.expectedVersion);
        const content = await updateContent(
          ctx,
          actorOf(request),
          request.params.contentId,
          { ...request.body, ...(expectedVersion !== undefined ? { expectedVersion } : {}) },
          metaOf(request),
        );
        return { content };
      }),
  );

  app.delete(
    '/content/:contentId',
    {
      schema: {
        tags,
        summary: 'DeleteContent — the house any piece; a stylist an unpublished article of their own',
        params: ContentIdParams,
        response: {
          200: z.object({ success: z.boolean() }).meta({ id: 'DeleteContentOutput' }),
          ...errorResponses('ResourceNotFoundException', 'AccessDeniedException'),
        },
      },
      config: { policy: 'content.write' },
    },
    async (request) => {
      await deleteContent(ctx, actorOf(request), request.params.contentId, metaOf(request));
      return { success: true };
    },
  );

  app.get(
    '/content/:contentId/versions',
    {
      schema: {
        tags,
        summary: 'Every save of a piece: who and when',
        params: ContentIdParams,
        response: {
          200: z.object({ versions: z.array(ContentVersion) }),
          ...errorResponses('ResourceNotFoundException', 'AccessDeniedException'),
        },
      },
      config: { policy: 'content.write' },
    },
    async (request) => ({ versions: await listVersions(ctx, actorOf(request), request.params.contentId) }),
  );

  app.get(
    '/content/:contentId/diff',
    {
      schema: {
        tags,
        summary: 'What changed between two versions',
        params: ContentIdParams,
        querystring: z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
        response: { 200: ContentDiff, ...errorResponses('ResourceNotFoundException', 'ValidationException', 'AccessDeniedException') },
      },
      config: { policy: 'content.write' },
    },
    async (request) => diffVersions(ctx, actorOf(request), request.params.contentId, request.query.from, request.query.to),
  );

  app.post(
    '/content/:contentId/versions/:version/restore',
    {
      schema: {
        tags,
        summary: 'Restore an older version, saved as a new one',
        params: z.strictObject({ contentId: ContentIdParams.shape.contentId, version: z.coerce.number().int().min(1) }),
        body: z.strictObject({ expectedVersion: z.number().int().min(1).optional() }).optional(),
        response: {
          200: z.object({ content: Content }),
          409: ConflictBody,
          ...errorResponses('ResourceNotFoundException', 'ValidationException', 'AccessDeniedException'),
        },
      },
      config: { policy: 'content.write' },
    },
    async (request, reply) =>
      conflictAware(reply, async () => ({
        content: await restoreVersion(
          ctx,
          actorOf(request),
          request.params.contentId,
          request.params.version,
          request.body?.expectedVersion,
          metaOf(request),
        ),
      })),
  );

  const AutosaveOutput = z
    .object({ baseVersion: z.number().int(), currentVersion: z.number().int(), savedAt: z.string() })
    .meta({ id: 'ContentAutosave' });
  app.put(
    '/content/:contentId/autosave',
    {
      schema: {
        tags,
        summary: 'Keep the editor’s one working draft of a piece (not a version)',
        params: ContentIdParams,
        body: z.strictObject({
          baseVersion: z.number().int().min(1),
          draft: z.strictObject({
            title: z.string().max(200).optional(),
            dek: z.string().max(400).optional(),
            body: z.string().optional(),
            tags: z.array(z.string().max(40)).max(12).optional(),
            seoTitle: z.string().max(70).optional(),
            seoDescription: z.string().max(170).optional(),
          }),
        }),
        response: { 200: AutosaveOutput, ...errorResponses('ResourceNotFoundException', 'ValidationException', 'AccessDeniedException') },
      },
      config: { policy: 'content.write' },
    },
    async (request) => saveAutosave(ctx, actorOf(request), request.params.contentId, request.body),
  );

  app.get(
    '/content/:contentId/autosave',
    {
      schema: {
        tags,
        summary: 'The editor’s working draft of a piece, if any',
        params: ContentIdParams,
        response: {
          200: AutosaveOutput.extend({ draft: z.record(z.string(), z.unknown()) }),
          ...errorResponses('ResourceNotFoundException', 'AccessDeniedException'),
        },
      },
      config: { policy: 'content.write' },
    },
    async (request) => getAutosave(ctx, actorOf(request), request.params.contentId),
  );

  app.post(
    '/content/:contentId/preview-links',
    {
      schema: {
        tags,
        summary: 'A signed link that shows this piece, draft or not, to anyone holding it for a week',
        params: ContentIdParams,
        response: {
          201: z.object({ token: z.string(), url: z.string(), expiresAt: z.string() }).meta({ id: 'ContentPreviewLink' }),
          ...errorResponses('ResourceNotFoundException', 'AccessDeniedException'),
        },
      },
      config: { policy: 'content.write' },
    },
    async (request, reply) => reply.status(201).send(await createPreviewLink(ctx, actorOf(request), request.params.contentId)),
  );

  app.post(
    '/content/:contentId/rsvp',
    {
      schema: {
        tags,
        summary: 'Reply to an event: a confirmed seat while any is left, else the waiting list',
        params: ContentIdParams,
        response: { 200: Rsvp, ...errorResponses('ResourceNotFoundException', 'ValidationException', 'AccessDeniedException') },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => rsvp(ctx, actorOf(request), request.params.contentId),
  );

  app.get(
    '/content/:contentId/rsvp',
    {
      schema: {
        tags,
        summary: 'Your reply to an event',
        params: ContentIdParams,
        response: { 200: z.object({ rsvp: Rsvp.nullable() }), ...errorResponses() },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => ({ rsvp: (await myRsvp(ctx, actorOf(request), request.params.contentId)) ?? null }),
  );

  app.delete(
    '/content/:contentId/rsvp',
    {
      schema: {
        tags,
        summary: 'Withdraw your reply (a freed seat goes to the waiting list)',
        params: ContentIdParams,
        response: { 200: Rsvp, ...errorResponses('ResourceNotFoundException') },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => cancelRsvp(ctx, actorOf(request), request.params.contentId),
  );

  app.get(
    '/content-editors',
    {
      schema: {
        tags,
        summary: 'Accounts holding the house-editor permission (admins)',
        response: {
          200: z.object({
            editors: z.array(
              z
                .object({
                  userId: z.string(),
                  grantedAt: z.string(),
                  name: z.string(),
                  userType: z.string().optional(),
                  active: z.boolean().meta({ description: 'False for a suspended or closed account.' }),
                })
                .meta({ id: 'ContentEditor' }),
            ),
          }),
          ...errorResponses('AccessDeniedException'),
        },
      },
      config: { policy: 'content.admin' },
    },
    async (request) => {
      if (actorOf(request).userType !== 'ADMIN')
        throw new ApiError('AccessDeniedException', 'Only administrators see who holds the house-editor permission');
      return { editors: await listEditors(ctx.db) };
    },
  );

  app.get(
    '/content-editors/me',
    {
      schema: {
        tags,
        summary: 'What the signed-in account may do in the Journal: ADMIN or EDITOR (every piece), STYLIST (their own articles), or null',
        response: {
          200: z.object({ role: z.enum(['ADMIN', 'EDITOR', 'STYLIST']).nullable() }).meta({ id: 'EditorialRoleOutput' }),
          ...errorResponses(),
        },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => ({ role: await myEditorialRole(ctx.db, actorOf(request)) }),
  );

  app.get(
    '/content-media',
    {
      schema: {
        tags,
        summary:
          'The picture library a writer chooses from: editorial uploads (a stylist’s own; every one for the house), then the house’s pictures',
        response: {
          200: z.object({
            pictures: z.array(
              z
                .object({
                  src: z.string().meta({ description: 'The address to put in a piece (1280 px JPEG).' }),
                  thumb: z.string().meta({ description: 'A smaller rendition for the picker.' }),
                  label: z.string(),
                  source: z.enum(['HOUSE', 'UPLOAD']),
                  width: z.number().int(),
                  height: z.number().int(),
                  mediaId: z.string().optional(),
                  placeholder: z.string().optional(),
                  createdAt: z.string().optional(),
                })
                .meta({ id: 'LibraryPicture' }),
            ),
          }),
          ...errorResponses('AccessDeniedException'),
        },
      },
      config: { policy: 'content.write' },
    },
    async (request) => pictureLibrary(ctx, actorOf(request)),
  );

  app.put(
    '/content-editors/:userId',
    {
      schema: {
        tags,
        summary: 'Grant the house-editor permission to a staff account (admins)',
        params: z.strictObject({ userId: z.uuid() }),
        response: {
          200: z.object({ success: z.literal(true) }),
          ...errorResponses('ResourceNotFoundException', 'ValidationException', 'AccessDeniedException'),
        },
      },
      config: { policy: 'content.admin' },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.userType !== 'ADMIN') throw new ApiError('AccessDeniedException', 'Only administrators grant the house-editor permission');
      const userType = await accountTypeOf(ctx.db, request.params.userId);
      if (!userType) throw new ApiError('ResourceNotFoundException', 'No such account');
      await grantEditor(ctx, actor, request.params.userId, userType, metaOf(request));
      return { success: true as const };
    },
  );

  app.delete(
    '/content-editors/:userId',
    {
      schema: {
        tags,
        summary: 'Withdraw the house-editor permission (admins)',
        params: z.strictObject({ userId: z.uuid() }),
        response: { 200: z.object({ success: z.literal(true) }), ...errorResponses('AccessDeniedException') },
      },
      config: { policy: 'content.admin' },
    },
    async (request) => {
      await revokeEditor(ctx, actorOf(request), request.params.userId, metaOf(request));
      return { success: true as const };
    },
  );

  app.post(
    '/contact-messages',
    {
      schema: {
        tags,
        summary: 'Write to the house office from the contact page',
        body: z.strictObject({
          name: z.string().trim().min(1, 'Tell us your name').max(120, 'At most 120 characters'),
          email: z.string().trim().max(254, 'At most 254 characters').pipe(z.email('Enter a valid email address')),
          topic: z.enum(['General', 'An order', 'Delivery and returns', 'Private client services', 'Stylists', 'Press', 'Partnerships']),
          message: z.string().trim().min(10, 'Tell us a little more (10 characters at least)').max(4000, 'At most 4,000 characters'),
        }),
        response: { 202: z.object({ messageId: z.string() }), ...errorResponses('ValidationException', 'ThrottlingException') },
      },
      config: { policy: 'public', rateLimit: { max: 10, timeWindow: 3_600_000 } },
    },
    async (request, reply) => reply.status(202).send(await sendContactMessage(ctx, request.actor, request.body)),
  );

  app.get(
    '/contact-messages',
    {
      schema: {
        tags,
        summary: 'Messages from the contact page (the house office)',
        response: {
          200: z.object({
            messages: z.array(
              z.object({
                messageId: z.string(),
                name: z.string(),
                email: z.string(),
                topic: z.string(),
                message: z.string(),
                createdAt: z.string(),
              }),
            ),
          }),
          ...errorResponses('AccessDeniedException'),
        },
      },
      config: { policy: 'content.write' },
    },
    async (request) => ({ messages: await listContactMessages(ctx, actorOf(request)) }),
  );

  // Browser journeys move the editorial clock instead of waiting for a scheduled minute; never in production.
  if (ctx.config.EDITORIAL_TEST_CLOCK) {
    app.post(
      '/content/test-clock',
      {
        schema: {
          tags,
          summary: 'Test only (EDITORIAL_TEST_CLOCK): move the editorial clock forward and publish what falls due',
          body: z.strictObject({
            advanceSeconds: z
              .number()
              .int()
              .min(0)
              .max(86_400 * 366),
          }),
          response: { 200: z.object({ now: z.string(), published: z.array(z.string()) }), ...errorResponses('AccessDeniedException') },
        },
        config: { policy: 'content.admin' },
      },
      async (request) => {
        if (actorOf(request).userType !== 'ADMIN') throw new ApiError('AccessDeniedException', 'Administrators only');
        const now = advanceEditorialClock(ctx.db, request.body.advanceSeconds * 1000);
        return { now: new Date(now).toISOString(), published: await publishDue(ctx.db, now) };
      },
    );
  }
}
