import multipart from '@fastify/multipart';
import { desc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { ApiError, errorResponses } from '../../http/errors.ts';
import { enqueue } from '../../jobs/queue.ts';
import { openText, sealText } from '../../security/crypto.ts';
import { actorOf } from '../../http/auth.ts';
import { accountNames } from '../identity/service.ts';
import { MAX_ATTACHMENT_BYTES, readSignedAttachment, removeAttachmentsOf, uploadAttachment } from './attachments.ts';
import { purgeOlderThan } from './jobs.ts';
import {
  Attachment,
  BlockInput,
  Conversation,
  ConversationIdParams,
  EditMessageInput,
  GetConversationOutput,
  GetConversationQuery,
  GetMessagesInput,
  GetMessagesOutput,
  ListConversationsInput,
  ListConversationsOutput,
  ListReportsInput,
  MarkMessageAsReadInput,
  MarkMessageAsReadOutput,
  Message,
  MessageIdParams,
  MessageReport,
  MessagingSettings,
  OpenConversationInput,
  ReadUpToInput,
  ReportIdParams,
  ReportMessageInput,
  ReviewReportInput,
  SendMessageInput,
  SendMessageOutput,
  UnreadOutput,
  UpdateMessagingSettingsInput,
} from './models.ts';
import { messageReports, messages, messagingSettings } from './schema.ts';
import {
  accessConversation,
  deleteMessage,
  editMessage,
  getConversation,
  getMessages,
  listConversations,
  markMessageAsRead,
  markReadUpTo,
  openConversation,
  sendMessage,
  setBlocked,
  unreadCounts,
} from './service.ts';

const bearer = [{ bearerAuth: [] }];
const tags = ['Messaging'];

/** SendMessage, GetMessages, GetConversation, MarkMessageAsRead (the spec's) and the inbox around them. */
export async function messagingRoutes(parent: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { ctx } = opts;
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 2, fieldSize: 200, parts: 3 } });

  app.post(
    '/messages',
    {
      schema: {
        tags,
        summary: 'SendMessage: to a conversation you are in, or to a stylist or client you may write to',
        description:
          'Who may write to whom: a client writes to a stylist once a booking request opened the conversation (or the stylist accepted them); a stylist writes to clients who asked for a session; houses answer in the conversations their enquiries opened. At most 10,000 characters and 10 attachments (uploaded first to the conversation).',
        security: bearer,
        body: SendMessageInput,
        response: {
          201: SendMessageOutput,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'ConflictException',
          ),
        },
      },
      // A retried send (a timeout after the commit) with the same Idempotency-Key answers the first message, not a second.
      config: { policy: 'authenticated', idempotent: true },
    },
    async (request, reply) => reply.status(201).send(await sendMessage(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/messages',
    {
      schema: {
        tags,
        summary: 'GetMessages: your messages; with conversationId and afterSeq, what you missed (oldest first)',
        security: bearer,
        querystring: GetMessagesInput,
        response: {
          200: GetMessagesOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => getMessages(ctx, actorOf(request), request.query),
  );

  app.get(
    '/conversations',
    {
      schema: {
        tags,
        summary: 'Your inbox: conversations, latest first, with the other side’s name (or alias), the last message and unread counts',
        security: bearer,
        querystring: ListConversationsInput,
        response: { 200: ListConversationsOutput, ...errorResponses('ValidationException', 'UnauthorizedException') },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => listConversations(ctx, actorOf(request), request.query),
  );

  app.post(
    '/conversations',
    {
      schema: {
        tags,
        summary: 'Open (or find) your conversation with a stylist or client you may write to',
        security: bearer,
        body: OpenConversationInput,
        response: {
          200: Conversation,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => openConversation(ctx, actorOf(request), request.body.recipientId),
  );

  app.get(
    '/conversations/:conversationId',
    {
      schema: {
        tags,
        summary: 'GetConversation: the conversation and its latest messages; nextToken scrolls back',
        security: bearer,
        params: ConversationIdParams,
        querystring: GetConversationQuery,
        response: {
          200: GetConversationOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => getConversation(ctx, actorOf(request), request.params.conversationId, request.query),
  );

  app.put(
    '/messages/:messageId/read',
    {
      schema: {
        tags,
        summary: 'MarkMessageAsRead: you have read up to this message (receipts are "read up to")',
        security: bearer,
        params: MessageIdParams,
        body: MarkMessageAsReadInput,
        response: {
          200: MarkMessageAsReadOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => markMessageAsRead(ctx, actorOf(request), request.params.messageId, request.body.userId),
  );

  app.put(
    '/conversations/:conversationId/read',
    {
      schema: {
        tags,
        summary: 'Read up to a sequence number in a conversation',
        security: bearer,
        params: ConversationIdParams,
        body: ReadUpToInput,
        response: {
          200: z.object({ readUpTo: z.number().int(), unreadCount: z.number().int() }),
          ...errorResponses('ValidationException', 'UnauthorizedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => markReadUpTo(ctx, actorOf(request), request.params.conversationId, request.body.seq),
  );

  app.put(
    '/conversations/:conversationId/block',
    {
      schema: {
        tags,
        summary: 'Block (or unblock) the other side of a conversation: they can no longer write in it',
        security: bearer,
        params: ConversationIdParams,
        body: BlockInput,
        response: {
          200: Conversation,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => setBlocked(ctx, actorOf(request), request.params.conversationId, request.body.blocked),
  );

  app.get(
    '/me/unread',
    {
      schema: {
        tags,
        summary: 'Unread messages per conversation and in total (derived from sequence numbers)',
        security: bearer,
        response: { 200: UnreadOutput, ...errorResponses('UnauthorizedException') },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => unreadCounts(ctx, actorOf(request)),
  );

  app.patch(
    '/messages/:messageId',
    {
      schema: {
        tags,
        summary: 'Edit your message (within 15 minutes of sending)',
        security: bearer,
        params: MessageIdParams,
        body: EditMessageInput,
        response: {
          200: Message,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'ConflictException',
          ),
        },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => editMessage(ctx, actorOf(request), request.params.messageId, request.body.content),
  );

  app.delete(
    '/messages/:messageId',
    {
      schema: {
        tags,
        summary: 'Delete your message for everyone (a tombstone keeps its place)',
        security: bearer,
        params: MessageIdParams,
        response: {
          200: Message,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => deleteMessage(ctx, actorOf(request), request.params.messageId),
  );

  app.post(
    '/conversations/:conversationId/attachments',
    {
      schema: {
        tags,
        summary: 'Upload an attachment (multipart `file`): a JPEG, PNG, WebP or AVIF picture, or a PDF; then name it in SendMessage',
        description:
          'Checked by its bytes (an SVG or HTML file named .jpg is refused), at most 15 MB; pictures are re-encoded without metadata. Stored encrypted and private.',
        security: bearer,
        params: ConversationIdParams,
        consumes: ['multipart/form-data'],
        response: {
          201: Attachment,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'PayloadTooLargeException',
            'UnsupportedMediaTypeException',
          ),
        },
      },
      config: { policy: 'authenticated' },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await accessConversation(ctx.db, actor, request.params.conversationId);
      if (!request.isMultipart())
        throw new ApiError('UnsupportedMediaTypeException', 'Send the file as multipart/form-data with a `file` part', {
          fieldErrors: { 'body.file': ['Required'] },
        });
      const file = await request.file().catch((err: unknown) => {
        if ((err as { statusCode?: number }).statusCode === 413)
          throw new ApiError('PayloadTooLargeException', 'Attachments may be at most 15 MB', {
            fieldErrors: { 'body.file': ['Too large'] },
          });
        throw new ApiError('ValidationException', 'The upload is not valid multipart/form-data', {
          fieldErrors: { 'body.file': ['Malformed multipart body'] },
        });
      });
      if (!file || file.fieldname !== 'file')
        throw new ApiError('ValidationException', 'Attach the file as the `file` part', { fieldErrors: { 'body.file': ['Required'] } });
      const bytes = await file.toBuffer().catch(() => {
        throw new ApiError('PayloadTooLargeException', 'Attachments may be at most 15 MB', { fieldErrors: { 'body.file': ['Too large'] } });
      });
      return reply
        .status(201)
        .send(await uploadAttachment(ctx, actor.userId, request.params.conversationId, { bytes, filename: file.filename }));
    },
  );

  app.get(
    '/attachments/:attachmentId/:variant',
    {
      schema: {
        tags,
        summary: 'An attachment behind a short-lived signed link (from a message); no session needed, the link is the key',
        params: z.strictObject({ attachmentId: z.uuid(), variant: z.enum(['full', 'thumb', 'file']) }),
        querystring: z.strictObject({ expires: z.coerce.number().int(), signature: z.string().max(100) }),
      },
      config: { policy: 'public', identifyCaller: false },
    },
    async (request, reply) => {
      const file = await readSignedAttachment(
        ctx,
        request.params.attachmentId,
        request.params.variant,
        request.query.expires,
        request.query.signature,
      );
      const encoded = encodeURIComponent(file.filename);
      return reply
        .header('content-type', file.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=300')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cross-origin-resource-policy', 'same-origin')
        .header(
          'content-disposition',
          `${file.inline ? 'inline' : 'attachment'}; filename="${file.filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encoded}`,
        )
        .send(file.body);
    },
  );

  // ───────────────────────────── reports ─────────────────────────────

  app.post(
    '/messages/:messageId/report',
    {
      schema: {
        tags,
        summary: 'Report a message of a conversation you are in; the house office reviews it',
        security: bearer,
        params: MessageIdParams,
        body: ReportMessageInput,
        response: {
          201: z.object({ reportId: z.string(), status: z.literal('OPEN') }),
          ...errorResponses('ValidationException', 'UnauthorizedException', 'ResourceNotFoundException', 'ConflictException'),
        },
      },
      config: { policy: 'authenticated' },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const [message] = await ctx.db.select().from(messages).where(eq(messages.id, request.params.messageId));
      if (!message) throw new ApiError('ResourceNotFoundException', 'No such message');
      await accessConversation(ctx.db, actor, message.conversationId);
      if (message.senderId === actor.userId)
        throw new ApiError('ValidationException', 'You cannot report your own message', {
          fieldErrors: { messageId: ['Your own message'] },
        });
      const id = uuidv7();
      const inserted = await ctx.db
        .insert(messageReports)
        .values({ id, messageId: message.id, reporterId: actor.userId, reasonEnc: sealText(ctx.keys, request.body.reason) })
        .onConflictDoNothing()
        .returning({ id: messageReports.id });
      if (!inserted.length) throw new ApiError('ConflictException', 'You already reported this message');
      return reply.status(201).send({ reportId: id, status: 'OPEN' as const });
    },
  );

  app.get(
    '/admin/message-reports',
    {
      schema: {
        tags,
        summary: 'Reported messages for the house office to review (the message is shown to reviewers)',
        security: bearer,
        querystring: ListReportsInput,
        response: {
          200: z.object({ reports: z.array(MessageReport) }),
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException'),
        },
      },
      config: { policy: 'messaging.reports.review' },
    },
    async (request) => {
      const rows = await ctx.db
        .select({ report: messageReports, message: messages })
        .from(messageReports)
        .innerJoin(messages, eq(messages.id, messageReports.messageId))
        .where(request.query.status ? eq(messageReports.status, request.query.status) : sql`true`)
        .orderBy(desc(messageReports.createdAt))
        .limit(request.query.maxResults);
      const names = await accountNames(
        ctx.db,
        rows.flatMap(({ report, message }) => [report.reporterId, message.senderId]),
      );
      return { reports: rows.map(({ report, message }) => presentReport(ctx, report, message, names)) };
    },
  );

  app.post(
    '/admin/message-reports/:reportId/review',
    {
      schema: {
        tags,
        summary: 'Close a report: dismissed, or actioned (optionally deleting the message for everyone)',
        security: bearer,
        params: ReportIdParams,
        body: ReviewReportInput,
        response: {
          200: MessageReport,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'messaging.reports.review' },
    },
    async (request) => {
      const actor = actorOf(request);
      return ctx.db.transaction(async (tx) => {
        const [report] = await tx
          .update(messageReports)
          .set({
            status: request.body.status,
            reviewedBy: actor.userId,
            reviewedAt: new Date(),
            reviewNote: sealText(ctx.keys, request.body.note),
          })
          .where(eq(messageReports.id, request.params.reportId))
          .returning();
        if (!report) throw new ApiError('ResourceNotFoundException', 'No such report');
        if (request.body.deleteMessage) {
          await tx
            .update(messages)
            .set({ bodyEnc: null, card: null, searchTerms: [], hasAttachments: false, deletedAt: new Date() })
            .where(eq(messages.id, report.messageId));
          await removeAttachmentsOf(ctx, tx, [report.messageId]);
          const [m] = await tx.select().from(messages).where(eq(messages.id, report.messageId));
          await enqueue(tx, 'messaging.publish', { kind: 'message.updated', conversationId: m!.conversationId, messageId: m!.id });
        }
        const [message] = await tx.select().from(messages).where(eq(messages.id, report.messageId));
        return presentReport(ctx, report, message!, await accountNames(tx, [report.reporterId, message!.senderId]));
      });
    },
  );

  app.get(
    '/admin/messaging/settings',
    {
      schema: {
        tags,
        summary: 'Messaging settings (retention)',
        security: bearer,
        response: { 200: MessagingSettings, ...errorResponses('UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'messaging.settings.manage' },
    },
    async () => {
      const [row] = await ctx.db.select().from(messagingSettings).where(eq(messagingSettings.id, 1));
      return { retentionMonths: row?.retentionMonths ?? null };
    },
  );

  app.put(
    '/admin/messaging/settings',
    {
      schema: {
        tags,
        summary: 'Set the retention period: conversations quiet for longer lose their content (null keeps everything, the default)',
        security: bearer,
        body: UpdateMessagingSettingsInput,
        response: { 200: MessagingSettings, ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'messaging.settings.manage' },
    },
    async (request) => {
      const values = { id: 1, retentionMonths: request.body.retentionMonths, updatedAt: new Date() };
      await ctx.db.insert(messagingSettings).values(values).onConflictDoUpdate({ target: messagingSettings.id, set: values });
      if (request.body.retentionMonths) await purgeOlderThan(ctx, request.body.retentionMonths);
      return { retentionMonths: request.body.retentionMonths };
    },
  );
}

function presentReport(
  ctx: AppContext,
  report: typeof messageReports.$inferSelect,
  message: typeof messages.$inferSelect,
  names: Map<string, { firstName: string; lastName: string }>,
): z.infer<typeof MessageReport> {
  // Reports are read by the house office, which sees clients' real names (never an alias).
  const nameOf = (id: string) => {
    const n = names.get(id);
    return n ? `${n.firstName} ${n.lastName}`.trim() : 'A former member';
  };
  return {
    reportId: report.id,
    messageId: report.messageId,
    conversationId: message.conversationId,
    reporterId: report.reporterId,
    reporterName: nameOf(report.reporterId),
    senderId: message.senderId,
    senderName: nameOf(message.senderId),
    reason: openText(ctx.keys, report.reasonEnc) ?? '',
    content: message.deletedAt ? '' : (openText(ctx.keys, message.bodyEnc) ?? ''),
    status: report.status,
    ...(report.reviewNote ? { reviewNote: openText(ctx.keys, report.reviewNote)! } : {}),
    createdAt: report.createdAt.toISOString(),
    ...(report.reviewedAt ? { reviewedAt: report.reviewedAt.toISOString() } : {}),
  };
}
