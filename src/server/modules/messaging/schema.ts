import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/schema.ts';

// Each vocabulary declared once: the tables check it, models.ts builds the API's enums from it.
export const CONVERSATION_KINDS = ['DIRECT', 'HOUSE'] as const;
export const PARTICIPANT_ROLES = ['CLIENT', 'STYLIST', 'HOUSE'] as const;
/** What is stored; the API's AttachmentType (models.ts) also names VIDEO, which the spec allows and uploads refuse. */
export const STORED_ATTACHMENT_KINDS = ['IMAGE', 'DOCUMENT'] as const;
export const REPORT_STATUSES = ['OPEN', 'DISMISSED', 'ACTIONED'] as const;

/**
 * A private line. `DIRECT`: a client and a stylist (opened by a booking request, or directly once the stylist accepted
 * the client). `HOUSE`: a client and a house about a piece (every enquiry opens one; the house's partners and the house
 * office answer). `lastSeq` is the conversation's sequence: each message takes the next number under the row lock, so
 * messages are totally ordered per conversation and every unread count is `lastSeq - lastReadSeq` (decision 009).
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid().primaryKey(),
    kind: text({ enum: CONVERSATION_KINDS }).notNull(),
    clientId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** DIRECT: the stylist's account. */
    counterpartId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    /** HOUSE: the brand whose partners (and the house office) answer. */
    brandId: uuid(),
    productId: uuid(),
    inquiryId: uuid(),
    bookingRequestId: uuid(),
    /** HOUSE: the house and its piece ("Maison Aurelle · Tourbillon"), shown to the client; no personal data. */
    subject: text(),
    lastSeq: integer().notNull().default(0),
    lastMessageAt: timestamp({ withTimezone: true }),
    /** Set when the retention sweep removed old content. */
    purgedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'conversations_kind_check',
      sql`(${t.kind} = 'DIRECT' and ${t.counterpartId} is not null) or (${t.kind} = 'HOUSE' and ${t.brandId} is not null)`,
    ),
    // One line between a client and a stylist.
    uniqueIndex('conversations_direct_uq')
      .on(t.clientId, t.counterpartId)
      .where(sql`${t.kind} = 'DIRECT'`),
    // One conversation per enquiry.
    uniqueIndex('conversations_inquiry_uq')
      .on(t.inquiryId)
      .where(sql`${t.inquiryId} is not null`),
    index('conversations_client_idx').on(t.clientId, t.lastMessageAt),
    index('conversations_counterpart_idx').on(t.counterpartId, t.lastMessageAt),
    index('conversations_brand_idx').on(t.brandId, t.lastMessageAt),
  ],
);

/**
 * Who is in a conversation and how far they read. Client and stylist rows exist from the start; a house's staff get
 * a row when they first open the conversation. `lastReadSeq` only ever grows (GREATEST in the update).
 */
export const conversationMembers = pgTable(
  'conversation_members',
  {
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text({ enum: PARTICIPANT_ROLES }).notNull(),
    lastReadSeq: integer().notNull().default(0),
    lastDeliveredSeq: integer().notNull().default(0),
    /** The unread digest mailed up to here: never twice for the same messages. */
    digestedSeq: integer().notNull().default(0),
    /** This member blocked the other side: nobody else may write into the conversation. */
    blocked: boolean().notNull().default(false),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.userId] }),
    index('conversation_members_user_idx').on(t.userId),
    check('conversation_members_read_check', sql`${t.lastReadSeq} >= 0 and ${t.lastDeliveredSeq} >= 0`),
  ],
);

/**
 * Messages. The body is AES-GCM ciphertext (decision 003); `searchTerms` holds keyed hashes of its words, per
 * conversation, so participants can search without any readable word at rest (decision 009). A deleted message keeps
 * its row and sequence as a tombstone with no body.
 */
export const messages = pgTable(
  'messages',
  {
    id: uuid().primaryKey(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    seq: integer().notNull(),
    senderId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    bodyEnc: text(),
    /** A catalogue piece or a booking shared as a card: `{ type: 'PRODUCT', productId }` / `{ type: 'BOOKING', bookingRequestId }`. */
    card: jsonb(),
    replyToId: uuid(),
    searchTerms: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    hasAttachments: boolean().notNull().default(false),
    editedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('messages_conversation_seq_uq').on(t.conversationId, t.seq),
    index('messages_search_terms_idx').using('gin', t.searchTerms),
    index('messages_created_idx').on(t.createdAt),
  ],
);

/** Files on messages: private, read only by participants through short-lived signed links. */
export const messageAttachments = pgTable(
  'message_attachments',
  {
    id: uuid().primaryKey(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** Null until the message that carries it is sent. */
    messageId: uuid().references(() => messages.id, { onDelete: 'cascade' }),
    uploaderId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text({ enum: STORED_ATTACHMENT_KINDS }).notNull(),
    mimeType: text().notNull(),
    nameEnc: text().notNull(),
    size: integer().notNull(),
    width: integer(),
    height: integer(),
    storageKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('message_attachments_message_idx').on(t.messageId), index('message_attachments_conversation_idx').on(t.conversationId)],
);

/** A participant reports a message; the house office reviews. */
export const messageReports = pgTable(
  'message_reports',
  {
    id: uuid().primaryKey(),
    messageId: uuid()
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    reporterId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reasonEnc: text(),
    status: text({ enum: REPORT_STATUSES }).notNull().default('OPEN'),
    reviewedBy: uuid(),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('message_reports_once_uq').on(t.messageId, t.reporterId),
    index('message_reports_status_idx').on(t.status, t.createdAt),
  ],
);

/** Platform messaging settings, one row: the retention period (null = keep forever, the default). */
export const messagingSettings = pgTable('messaging_settings', {
  id: integer().primaryKey().default(1),
  retentionMonths: integer(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type Card = { type: 'PRODUCT'; productId: string } | { type: 'BOOKING'; bookingRequestId: string };
