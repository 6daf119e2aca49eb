/** Messaging's API shapes: the spec's (SendMessage, GetMessages, GetConversation, MarkMessageAsRead) and their extensions. */
import { z } from 'zod';
import { CONVERSATION_KINDS, PARTICIPANT_ROLES, REPORT_STATUSES } from './schema.ts';

export const MAX_MESSAGE_CHARS = 10_000;
export const MAX_ATTACHMENTS = 10;
export const EDIT_WINDOW_MS = 15 * 60_000;

const Id = (what: string) => z.uuid(`Not a valid ${what} id`);

export const AttachmentType = z.enum(['IMAGE', 'VIDEO', 'DOCUMENT']).meta({ id: 'AttachmentType' });
export const Attachment = z
  .object({
    attachmentId: z.string(),
    type: AttachmentType,
    url: z.string().describe('A short-lived signed link, only for participants.'),
    thumbnailUrl: z.string().optional().describe('Pictures: a signed link to a 320-pixel preview of the same picture.'),
    name: z.string().optional(),
    size: z.number().int().optional(),
    mimeType: z.string().optional(),
    width: z.number().int().optional(),
    height: z.number().int().optional(),
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof Attachment>;

export const MessageStatus = z.enum(['SENT', 'DELIVERED', 'READ']).meta({ id: 'MessageStatus' });

export const MessageCard = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('PRODUCT'),
      productId: z.string(),
      name: z.string().optional(),
      brandName: z.string().optional(),
      imageUrl: z.string().optional(),
      href: z.string().optional(),
    }),
    z.object({
      type: z.literal('BOOKING'),
      bookingRequestId: z.string(),
      status: z.string().optional(),
      startTime: z.string().optional(),
      durationMinutes: z.number().optional(),
      href: z.string().optional(),
    }),
  ])
  .meta({ id: 'MessageCard' });
export type MessageCard = z.infer<typeof MessageCard>;

export const Message = z
  .object({
    messageId: z.string(),
    conversationId: z.string(),
    seq: z.number().int().describe('Position in the conversation: 1, 2, 3… with no gaps.'),
    senderId: z.string(),
    recipientId: z.string().describe('The other side: a user id, or `house:<brandId>` for a house.'),
    content: z.string().describe('Empty for a deleted message (a tombstone).'),
    attachments: z.array(Attachment).optional(),
    card: MessageCard.optional(),
    replyTo: z.object({ messageId: z.string(), seq: z.number().int(), excerpt: z.string() }).optional(),
    timestamp: z.iso.datetime(),
    editedAt: z.iso.datetime().optional(),
    deleted: z.boolean(),
    status: MessageStatus,
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof Message>;

export const Participant = z
  .object({
    userId: z.string(),
    role: z.enum(PARTICIPANT_ROLES),
    displayName: z.string().describe('A VIP client in privacy mode shows as their alias to stylists and houses until they share.'),
    isAlias: z.boolean(),
    readUpTo: z.number().int(),
    deliveredUpTo: z.number().int(),
  })
  .meta({ id: 'Participant' });

export const Conversation = z
  .object({
    conversationId: z.string(),
    kind: z.enum(CONVERSATION_KINDS),
    participants: z.array(z.string()),
    members: z.array(Participant),
    title: z.string().describe('The other side as the caller sees them: a name, an alias, or a house and its piece.'),
    subtitle: z.string().optional(),
    lastMessageTimestamp: z.iso.datetime(),
    lastMessage: z.string(),
    lastSeq: z.number().int(),
    readUpTo: z.number().int(),
    unreadCount: z.number().int(),
    canWrite: z.boolean(),
    blocked: z.boolean(),
    product: z.object({ productId: z.string(), name: z.string(), href: z.string().optional() }).optional(),
    inquiryId: z.string().optional(),
  })
  .meta({ id: 'Conversation' });
export type Conversation = z.infer<typeof Conversation>;

export const SendMessageInput = z
  .strictObject({
    senderId: Id('sender').describe('Must be the signed-in caller.'),
    recipientId: z
      .string()
      .min(1)
      .max(80)
      .describe('A user id, or `house:<brandId>`; with `conversationId`, must be the other side of it.'),
    conversationId: Id('conversation').optional(),
    content: z.string().max(MAX_MESSAGE_CHARS, `At most ${MAX_MESSAGE_CHARS} characters`),
    attachments: z
      .array(
        z
          .object({ attachmentId: Id('attachment') })
          .describe('An attachment uploaded to this conversation (POST /conversations/{id}/attachments); other fields are ignored.'),
      )
      .max(MAX_ATTACHMENTS, `At most ${MAX_ATTACHMENTS} attachments`)
      .optional(),
    replyToId: Id('message').optional(),
    card: z
      .discriminatedUnion('type', [
        z.strictObject({ type: z.literal('PRODUCT'), productId: Id('product') }),
        z.strictObject({ type: z.literal('BOOKING'), bookingRequestId: Id('booking request') }),
      ])
      .optional(),
  })
  .meta({ id: 'SendMessageInput' });
export type SendMessageInput = z.infer<typeof SendMessageInput>;
export const SendMessageOutput = z
  .object({ messageId: z.string(), conversationId: z.string(), timestamp: z.iso.datetime(), seq: z.number().int(), message: Message })
  .meta({ id: 'SendMessageOutput' });

export const GetMessagesInput = z.strictObject({
  userId: Id('user').describe('Must be the signed-in caller.'),
  conversationId: Id('conversation').optional(),
  startDate: z.iso.datetime().optional(),
  endDate: z.iso.datetime().optional(),
  afterSeq: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Gap repair: messages after this sequence, oldest first (needs conversationId).'),
  search: z.string().trim().min(1).max(200).optional().describe('Words in the message (all of them).'),
  hasAttachment: z.enum(['true', 'false']).optional(),
  nextToken: z.string().max(400).optional(),
  maxResults: z.coerce.number().int().min(1).max(200).default(50),
});
export type GetMessagesInput = z.infer<typeof GetMessagesInput>;
export const GetMessagesOutput = z
  .object({ messages: z.array(Message), nextToken: z.string().optional() })
  .meta({ id: 'GetMessagesOutput' });

export const ConversationIdParams = z.strictObject({ conversationId: Id('conversation') });
export const MessageIdParams = z.strictObject({ messageId: Id('message') });
export const GetConversationQuery = z.strictObject({
  nextToken: z.string().max(400).optional(),
  maxResults: z.coerce.number().int().min(1).max(200).default(50),
});
export const GetConversationOutput = z
  .object({ conversation: Conversation, messages: z.array(Message), nextToken: z.string().optional() })
  .meta({ id: 'GetConversationOutput' });

export const MarkMessageAsReadInput = z
  .strictObject({ userId: Id('user').describe('Must be the signed-in caller.') })
  .meta({ id: 'MarkMessageAsReadInput' });
export const MarkMessageAsReadOutput = z
  .object({ success: z.boolean(), readUpTo: z.number().int(), unreadCount: z.number().int() })
  .meta({ id: 'MarkMessageAsReadOutput' });

export const ListConversationsInput = z.strictObject({
  search: z.string().trim().min(1).max(200).optional().describe('The other person’s name or alias, or words in a message.'),
  maxResults: z.coerce.number().int().min(1).max(100).default(30),
  nextToken: z.string().max(400).optional(),
});
export const ListConversationsOutput = z
  .object({ conversations: z.array(Conversation), totalUnread: z.number().int(), nextToken: z.string().optional() })
  .meta({ id: 'ListConversationsOutput' });
export const UnreadOutput = z
  .object({
    total: z.number().int(),
    conversations: z.array(z.object({ conversationId: z.string(), unreadCount: z.number().int(), lastSeq: z.number().int() })),
  })
  .meta({ id: 'UnreadCounts' });

export const OpenConversationInput = z.strictObject({ recipientId: Id('recipient') }).meta({ id: 'OpenConversationInput' });
export const EditMessageInput = z
  .strictObject({ content: z.string().max(MAX_MESSAGE_CHARS, `At most ${MAX_MESSAGE_CHARS} characters`) })
  .meta({ id: 'EditMessageInput' });
export const ReadUpToInput = z.strictObject({ seq: z.number().int().min(0) }).meta({ id: 'ReadUpToInput' });
export const BlockInput = z.strictObject({ blocked: z.boolean() }).meta({ id: 'BlockInput' });

export const ReportMessageInput = z
  .strictObject({ reason: z.string().trim().min(3, 'Tell us briefly what is wrong').max(1000) })
  .meta({ id: 'ReportMessageInput' });
export const MessageReport = z
  .object({
    reportId: z.string(),
    messageId: z.string(),
    conversationId: z.string(),
    reporterId: z.string(),
    reporterName: z.string().describe('The reporter’s name, as the house office sees it.'),
    senderId: z.string(),
    senderName: z.string().describe('The author of the reported message, as the house office sees them.'),
    reason: z.string(),
    content: z.string(),
    status: z.enum(REPORT_STATUSES),
    reviewNote: z.string().optional(),
    createdAt: z.iso.datetime(),
    reviewedAt: z.iso.datetime().optional(),
  })
  .meta({ id: 'MessageReport' });
export const ListReportsInput = z.strictObject({
  status: z.enum(REPORT_STATUSES).optional(),
  maxResults: z.coerce.number().int().min(1).max(100).default(50),
});
export const ReviewReportInput = z
  .strictObject({
    status: z.enum(REPORT_STATUSES).exclude(['OPEN']),
    note: z.string().max(1000).optional(),
    deleteMessage: z.boolean().optional(),
  })
  .meta({ id: 'ReviewReportInput' });
export const ReportIdParams = z.strictObject({ reportId: Id('report') });

export const MessagingSettings = z.object({ retentionMonths: z.number().int().nullable() }).meta({ id: 'MessagingSettings' });
export const UpdateMessagingSettingsInput = z
  .strictObject({ retentionMonths: z.number().int().min(1).max(120).nullable() })
  .meta({ id: 'UpdateMessagingSettingsInput' });
