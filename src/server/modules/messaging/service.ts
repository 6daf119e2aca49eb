/**
 * Messaging (decision 009): conversations between a client and a stylist or a house, with a sequence number per
 * conversation and a read position per member, so unread counts are derived (`lastSeq - lastReadSeq`) and never
 * counted by hand. Every write commits first and is published after commit through the outbox (`messaging.publish`);
 * bodies are encrypted at rest and searchable through keyed word hashes. The only file other modules import.
 */
import { and, eq, inArray, is, sql, type SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../../context.ts';
import { preparedRows, queryRows, type Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { enqueue, JOBS_CHANNEL } from '../../jobs/queue.ts';
import { openText, sealText } from '../../security/crypto.ts';
import { getProduct, partnerBrandId, recordInquiryAnswer } from '../catalog/service.ts';
import type { Actor } from '../../http/auth.ts';
import { accountKindsOf, clientIdentitiesFor } from '../identity/service.ts';
import { bookingRelation, stylistCardsByUserIds } from '../stylists/service.ts';
import { attachmentsOf, claimAttachments, removeAttachmentsOf } from './attachments.ts';
import { livePublisherFor, PUBLISH_FALLBACK_SECONDS } from './live.ts';
import {
  EDIT_WINDOW_MS,
  type Conversation,
  type GetMessagesInput,
  type Message,
  type MessageCard,
  type SendMessageInput,
} from './models.ts';
import { directRefusal, isHouseStaff, writeRefusal, type Refusal } from './policy.ts';
import { conversationMembers, conversations, messages, type Card, type ConversationRow, type MessageRow } from './schema.ts';
import { searchTermsOf, termHash, wordsOf } from './search-terms.ts';

export const PUBLISH_JOB = 'messaging.publish';
export const DIGEST_JOB = 'messaging.digest';

type Role = 'CLIENT' | 'STYLIST' | 'HOUSE';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type MemberRow = typeof conversationMembers.$inferSelect;

export interface PublishPayload {
  kind: 'message' | 'message.updated' | 'receipt';
  conversationId: string;
  messageId?: string;
  userId?: string;
}

function refuse(r: Refusal, field?: string): never {
  throw new ApiError(r.code, r.message, field ? { fieldErrors: { [field]: [r.message] } } : undefined);
}

/** Map.groupBy (Node 21+), for Node 20. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const inTx = <T>(ctx: AppContext, fn: (db: Db) => Promise<T>): Promise<T> => ctx.db.transaction((tx) => fn(tx));

// ───────────────────────────── access ─────────────────────────────

interface Access {
  conv: ConversationRow;
  role: Role;
  member: MemberRow | undefined;
  /** Everyone in the conversation (house staff once they joined). */
  members: MemberRow[];
}

/** The conversation as the actor may see it, or 404 (a conversation of others does not exist for them). */
export async function accessConversation(db: Db, actor: Actor, conversationId: string, field = 'conversationId'): Promise<Access> {
  const [found] = await conversationWithMembers(db, conversationId);
  const notFound = () => {
    throw new ApiError('ResourceNotFoundException', 'No such conversation', { fieldErrors: { [field]: ['No such conversation'] } });
  };
  if (!found) return notFound();
  const { conv } = found;
  let role: Role | undefined;
  if (conv.clientId === actor.userId) role = 'CLIENT';
  else if (conv.kind === 'DIRECT' && conv.counterpartId === actor.userId) role = 'STYLIST';
  else if (
    conv.kind === 'HOUSE' &&
    isHouseStaff(actor.userType, actor.userType === 'BRAND_PARTNER' ? await partnerBrandId(db, actor.userId) : undefined, conv.brandId)
  )
    role = 'HOUSE';
  if (!role) return notFound();
  const members = found.members.map(memberFromJson);
  return { conv, role, member: members.find((m) => m.userId === actor.userId), members };
}

/**
 * The conversation and its members in one round trip (every send, typing frame and read runs it): prepared once per
 * database, so neither Drizzle nor PostgreSQL plans it again; inside a transaction, the same query unprepared.
 */
function conversationWithMembersQuery(db: Db) {
  return db
    .select({
      conv: conversations,
      members: sql<
        Record<string, unknown>[]
      >`(select coalesce(json_agg(cm), '[]'::json) from conversation_members cm where cm.conversation_id = ${conversations.id})`,
    })
    .from(conversations)
    .where(eq(conversations.id, sql.placeholder('conversationId')));
}
const preparedConversationQueries = new WeakMap<Db, ReturnType<ReturnType<typeof conversationWithMembersQuery>['prepare']>>();
function conversationWithMembers(db: Db, conversationId: string) {
  let query = preparedConversationQueries.get(db);
  if (!query && !is(db, PgTransaction))
    preparedConversationQueries.set(db, (query = conversationWithMembersQuery(db).prepare('messaging_access')));
  return (query ?? conversationWithMembersQuery(db)).execute({ conversationId });
}

async function membersOf(db: Db, conversationId: string): Promise<MemberRow[]> {
  return db.select().from(conversationMembers).where(eq(conversationMembers.conversationId, conversationId));
}

async function ensureMember(db: Db, conversationId: string, userId: string, role: Role): Promise<void> {
  await db.insert(conversationMembers).values({ conversationId, userId, role }).onConflictDoNothing();
}

// ───────────────────────────── opening conversations ─────────────────────────────

async function directConversation(db: Db, clientId: string, stylistUserId: string, bookingRequestId?: string): Promise<ConversationRow> {
  const [created] = await db
    .insert(conversations)
    .values({ id: uuidv7(), kind: 'DIRECT', clientId, counterpartId: stylistUserId, bookingRequestId: bookingRequestId ?? null })
    .onConflictDoNothing()
    .returning();
  if (created) {
    await db.insert(conversationMembers).values([
      { conversationId: created.id, userId: clientId, role: 'CLIENT' },
      { conversationId: created.id, userId: stylistUserId, role: 'STYLIST' },
    ]);
    return created;
  }
  const [existing] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.kind, 'DIRECT'), eq(conversations.clientId, clientId), eq(conversations.counterpartId, stylistUserId)));
  return existing!;
}

/**
 * A booking request opens (or continues) the client's conversation with the stylist: the request appears as a card,
 * with the client's note. Call with the booking's transaction.
 */
export async function openBookingConversation(
  ctx: AppContext,
  tx: Db,
  input: {
    clientId: string;
    stylistUserId: string;
    bookingRequestId: string;
    startTime: string;
    durationMinutes: number;
    message?: string | null;
  },
): Promise<string> {
  const conv = await directConversation(tx, input.clientId, input.stylistUserId, input.bookingRequestId);
  await appendMessage(ctx, tx, conv, input.clientId, {
    body: input.message ?? '',
    card: { type: 'BOOKING', bookingRequestId: input.bookingRequestId },
    cardSnapshot: {
      type: 'BOOKING',
      bookingRequestId: input.bookingRequestId,
      startTime: input.startTime,
      durationMinutes: input.durationMinutes,
    },
  });
  return conv.id;
}

/** One message of a conversation's past (`writeConversationHistory`). */
export interface HistoryEntry {
  senderId: string;
  body: string;
  at: Date;
  /** The booking request shown as a card, as `openBookingConversation` shows it. */
  booking?: { bookingRequestId: string; startTime: string; durationMinutes: number };
}

/**
 * Writes the past of a client's conversation with a stylist (the demo seed): messages at their own times, sealed and
 * searchable like sent ones, in order after whatever the conversation holds. Nothing is published and no digest is
 * queued (these messages were delivered then). Each member has read up to their own last message: what the other side
 * wrote after it is unread, as it would be. Call with the caller's transaction.
 */
export async function writeConversationHistory(
  ctx: AppContext,
  tx: Db,
  input: { clientId: string; stylistUserId: string; bookingRequestId?: string; entries: readonly HistoryEntry[] },
): Promise<string> {
  const conv = await directConversation(tx, input.clientId, input.stylistUserId, input.bookingRequestId);
  const entries = [...input.entries].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (!entries.length) return conv.id;
  let seq = conv.lastSeq;
  const rows = entries.map((e) => {
    seq++;
    const card: MessageCard | null = e.booking ? { type: 'BOOKING', ...e.booking } : null;
    return {
      id: uuidv7(),
      conversationId: conv.id,
      seq,
      senderId: e.senderId,
      bodyEnc: e.body ? sealText(ctx.keys, e.body) : null,
      card,
      searchTerms: e.body ? searchTermsOf(ctx.keys, conv.id, e.body) : [],
      createdAt: e.at,
    };
  });
  await tx.insert(messages).values(rows);
  await tx
    .update(conversations)
    .set({ lastSeq: seq, lastMessageAt: entries.at(-1)!.at })
    .where(eq(conversations.id, conv.id));
  for (const userId of [input.clientId, input.stylistUserId]) {
    const own = rows.findLast((r) => r.senderId === userId)?.seq ?? conv.lastSeq;
    await tx
      .update(conversationMembers)
      .set({ lastReadSeq: own, lastDeliveredSeq: seq })
      .where(and(eq(conversationMembers.conversationId, conv.id), eq(conversationMembers.userId, userId)));
  }
  return conv.id;
}

/** Every enquiry about a piece opens a conversation between the client and the house. Call with its transaction. */
export async function openEnquiryConversation(
  ctx: AppContext,
  tx: Db,
  input: {
    inquiryId: string;
    clientId: string;
    brandId: string;
    productId: string;
    subject: string;
    message: string;
    product: { name: string; brandName: string; slug: string; imageUrl?: string };
  },
): Promise<string> {
  const id = uuidv7();
  await tx.insert(conversations).values({
    id,
    kind: 'HOUSE',
    clientId: input.clientId,
    brandId: input.brandId,
    productId: input.productId,
    inquiryId: input.inquiryId,
    subject: input.subject,
  });
  await tx.insert(conversationMembers).values({ conversationId: id, userId: input.clientId, role: 'CLIENT' });
  const [conv] = await tx.select().from(conversations).where(eq(conversations.id, id));
  await appendMessage(ctx, tx, conv!, input.clientId, {
    body: input.message,
    card: { type: 'PRODUCT', productId: input.productId },
    cardSnapshot: {
      type: 'PRODUCT',
      productId: input.productId,
      name: input.product.name,
      brandName: input.product.brandName,
      href: `/products/${input.product.slug}`,
      ...(input.product.imageUrl ? { imageUrl: input.product.imageUrl } : {}),
    },
  });
  return id;
}

/** The house's answer to an enquiry, posted in its conversation by the partner or admin who wrote it. */
export async function postEnquiryAnswer(
  ctx: AppContext,
  tx: Db,
  input: { inquiryId: string; staffUserId: string; answer: string },
): Promise<string | undefined> {
  const [conv] = await tx.select().from(conversations).where(eq(conversations.inquiryId, input.inquiryId));
  if (!conv) return undefined;
  await ensureMember(tx, conv.id, input.staffUserId, 'HOUSE');
  await appendMessage(ctx, tx, conv, input.staffUserId, { body: input.answer });
  return conv.id;
}

/** Opens (or finds) the DIRECT conversation with a recipient the caller may write to, without sending anything. */
export async function openConversation(ctx: AppContext, actor: Actor, recipientId: string): Promise<Conversation> {
  const conv = await resolveDirect(ctx.db, actor, recipientId, 'body.recipientId', true);
  return getConversationSummary(ctx, actor, conv.id);
}

async function resolveDirect(db: Db, actor: Actor, recipientId: string, field: string, create: boolean): Promise<ConversationRow> {
  const kinds = await accountKindsOf(db, [recipientId]);
  const recipient = kinds.get(recipientId);
  const clientId = actor.userType === 'CLIENT' ? actor.userId : recipientId;
  const stylistUserId = actor.userType === 'CLIENT' ? recipientId : actor.userId;
  const [existing] = recipient
    ? await db
        .select()
        .from(conversations)
        .where(and(eq(conversations.kind, 'DIRECT'), eq(conversations.clientId, clientId), eq(conversations.counterpartId, stylistUserId)))
    : [];
  const relation =
    recipient && !existing && recipient.userType !== actor.userType
      ? await bookingRelation(db, clientId, stylistUserId)
      : { accepted: false };
  const refusal = directRefusal({
    senderType: actor.userType,
    recipientType: recipient?.userType,
    recipientActive: recipient?.active ?? false,
    conversationExists: existing !== undefined,
    accepted: relation.accepted,
  });
  if (refusal) refuse(refusal, field);
  if (existing) return existing;
  if (!create) throw new ApiError('ResourceNotFoundException', 'No such conversation');
  return directConversation(db, clientId, stylistUserId);
}

// ───────────────────────────── sending ─────────────────────────────

interface AppendInput {
  body: string;
  card?: Card;
  cardSnapshot?: MessageCard;
  replyToId?: string;
  attachmentIds?: string[];
}

/**
 * The write rules of a member of a DIRECT conversation, checked by the append statement itself (the send's fast path):
 * the sender is its client or stylist, the recipient the other member, nobody else blocked it, it is not archived.
 */
interface DirectGuard {
  recipientId: string;
}

interface Appended {
  /** The conversation as the append left it (its `lastSeq` is the message's). */
  conv: ConversationRow;
  row: MessageRow;
  /** The members as they stand after the append (the sender's read position moved to the message). */
  members: MemberRow[];
  /** The outbox job that publishes the message if nobody did (see live.ts); cancel it after publishing. */
  publishJobId: string;
}

const p = (name: string) => sql.placeholder(name);
/**
 * The append statement, prepared by name (PostgreSQL parses and plans it once per connection, Drizzle builds its text
 * once): a variant with the fast path's guard, and one that wakes the workers.
 *
 * The job rows are written as jobs/queue.ts `enqueue` writes them (same columns, same dedupe rule); inline so that a send
 * is one round trip. A delayed job needs no NOTIFY: workers find it by polling when it falls due. The guard repeats
 * sendMessage's checks for a DIRECT conversation (accessConversation, the recipient, writeRefusal): when it fails nothing
 * is written, and the caller takes the slow path, which says why.
 */
const appendStatements = new Map<string, ReturnType<typeof preparedRows<AppendedRow>>>();
function appendStatement(guarded: boolean, notify: boolean) {
  const name = `messaging_append${guarded ? '_guarded' : ''}${notify ? '_notify' : ''}`;
  let statement = appendStatements.get(name);
  if (statement) return statement;
  const guard = guarded
    ? sql`and kind = 'DIRECT' and ${p('senderId')} in (client_id, counterpart_id) and purged_at is null
          and exists (select 1 from conversation_members o where o.conversation_id = ${p('conversationId')} and o.user_id = ${p('recipientId')} and o.user_id <> ${p('senderId')})
          and not exists (select 1 from conversation_members o where o.conversation_id = ${p('conversationId')} and o.user_id <> ${p('senderId')} and o.blocked)`
    : sql``;
  statement = preparedRows<AppendedRow>(
    name,
    sql`with c as (
          update conversations set last_seq = last_seq + 1, last_message_at = now() where id = ${p('conversationId')} ${guard} returning *
        ), m as (
          insert into messages (id, conversation_id, seq, sender_id, body_enc, card, reply_to_id, search_terms, has_attachments)
          select ${p('messageId')}, ${p('conversationId')}, c.last_seq, ${p('senderId')}, ${p('bodyEnc')},
                 ${p('card')}::jsonb, ${p('replyToId')}, ${p('searchTerms')}::text[], ${p('hasAttachments')}
          from c returning *
        ), reader as (
          -- Writing is reading: the sender has seen everything up to their own message.
          update conversation_members cm set last_read_seq = greatest(cm.last_read_seq, m.seq), last_delivered_seq = greatest(cm.last_delivered_seq, m.seq)
          from m where cm.conversation_id = ${p('conversationId')} and cm.user_id = ${p('senderId')}
        ), publish as (
          insert into jobs (id, name, payload, run_at)
          select ${p('publishJobId')}, ${PUBLISH_JOB}, ${p('publishPayload')}::jsonb, now() + make_interval(secs => ${p('publishAfterSeconds')}) from m
        ), digest as (
          -- One live digest per person: the first unread message starts the clock, later ones join the same e-mail.
          insert into jobs (id, name, payload, run_at, dedupe_key)
          select gen_random_uuid(), ${DIGEST_JOB}, jsonb_build_object('userId', cm.user_id), now() + make_interval(secs => ${p('digestSeconds')}),
                 ${`${DIGEST_JOB}:`} || cm.user_id
          from conversation_members cm, m where cm.conversation_id = ${p('conversationId')} and cm.user_id <> ${p('senderId')}
          on conflict (dedupe_key) where dedupe_key is not null and status <> 'dead' do nothing
        )
        select m.*, (select coalesce(json_agg(cm), '[]'::json) from conversation_members cm where cm.conversation_id = ${p('conversationId')}) as members,
               (select row_to_json(c) from c) as conv
               ${notify ? sql`, pg_notify(${JOBS_CHANNEL}, ${PUBLISH_JOB})` : sql``}
        from m`,
  );
  appendStatements.set(name, statement);
  return statement;
}
type AppendedRow = Record<string, unknown> & { members: Record<string, unknown>[]; conv: Record<string, unknown> };

/**
 * Appends a message in one statement (atomic on its own, or part of the caller's transaction): the conversation's row
 * lock gives the next sequence number, the message is inserted, the sender's read position moves to it, the publish
 * job (outbox) and the recipients' digest jobs are written. `publishAfterSeconds` 0 lets a worker publish (callers
 * inside another module's transaction cannot publish after a commit they do not see); more is the fallback for a
 * caller that publishes itself right after commit.
 */
async function appendMessage(
  ctx: AppContext,
  db: Db,
  conv: Pick<ConversationRow, 'id'>,
  senderId: string,
  input: AppendInput,
  publishAfterSeconds?: number,
): Promise<Appended>;
async function appendMessage(
  ctx: AppContext,
  db: Db,
  conv: Pick<ConversationRow, 'id'>,
  senderId: string,
  input: AppendInput,
  publishAfterSeconds: number,
  guard: DirectGuard,
): Promise<Appended | undefined>;
async function appendMessage(
  ctx: AppContext,
  db: Db,
  conv: Pick<ConversationRow, 'id'>,
  senderId: string,
  input: AppendInput,
  publishAfterSeconds = 0,
  guard?: DirectGuard,
): Promise<Appended | undefined> {
  const id = uuidv7();
  const publishJobId = uuidv7();
  const card = input.cardSnapshot ?? input.card ?? null;
  const terms = input.body ? searchTermsOf(ctx.keys, conv.id, input.body) : [];
  const publish = JSON.stringify({ kind: 'message', conversationId: conv.id, messageId: id } satisfies PublishPayload);
  const digestSeconds = ctx.config.MESSAGE_DIGEST_MINUTES * 60;
  const [out] = await appendStatement(guard !== undefined, publishAfterSeconds === 0)(db, {
    conversationId: conv.id,
    senderId,
    recipientId: guard?.recipientId ?? null,
    messageId: id,
    bodyEnc: input.body ? sealText(ctx.keys, input.body) : null,
    card: card === null ? null : JSON.stringify(card),
    replyToId: input.replyToId ?? null,
    searchTerms: `{${terms.join(',')}}`,
    hasAttachments: (input.attachmentIds?.length ?? 0) > 0,
    publishJobId,
    publishPayload: publish,
    publishAfterSeconds,
    digestSeconds,
  });
  if (!out) {
    if (guard) return undefined;
    throw new ApiError('ResourceNotFoundException', 'No such conversation');
  }
  const row = rowToMessage(out);
  if (input.attachmentIds?.length) await claimAttachments(db, conv.id, id, senderId, input.attachmentIds);
  // The statement saw the members before its own update: the sender's positions are moved here alike.
  const members = out.members.map((m) => {
    const member = memberFromJson(m);
    return member.userId === senderId
      ? { ...member, lastReadSeq: Math.max(member.lastReadSeq, row.seq), lastDeliveredSeq: Math.max(member.lastDeliveredSeq, row.seq) }
      : member;
  });
  return { conv: conversationFromJson(out.conv), row, members, publishJobId };
}

function conversationFromJson(c: Record<string, unknown>): ConversationRow {
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return {
    id: c.id as string,
    kind: c.kind as ConversationRow['kind'],
    clientId: c.client_id as string,
    counterpartId: (c.counterpart_id as string | null) ?? null,
    brandId: (c.brand_id as string | null) ?? null,
    productId: (c.product_id as string | null) ?? null,
    inquiryId: (c.inquiry_id as string | null) ?? null,
    bookingRequestId: (c.booking_request_id as string | null) ?? null,
    subject: (c.subject as string | null) ?? null,
    lastSeq: Number(c.last_seq),
    lastMessageAt: date(c.last_message_at),
    purgedAt: date(c.purged_at),
    createdAt: date(c.created_at)!,
  };
}

function memberFromJson(m: Record<string, unknown>): MemberRow {
  return {
    conversationId: m.conversation_id as string,
    userId: m.user_id as string,
    role: m.role as MemberRow['role'],
    lastReadSeq: Number(m.last_read_seq),
    lastDeliveredSeq: Number(m.last_delivered_seq),
    digestedSeq: Number(m.digested_seq),
    blocked: Boolean(m.blocked),
    joinedAt: new Date(m.joined_at as string),
  };
}

/** SendMessage: to a conversation the caller is in, or to a recipient they may write to. */
export async function sendMessage(
  ctx: AppContext,
  actor: Actor,
  input: SendMessageInput,
): Promise<{ messageId: string; conversationId: string; timestamp: string; seq: number; message: Message }> {
  if (input.senderId !== actor.userId) {
    throw new ApiError('AccessDeniedException', 'You can only send messages as yourself', {
      fieldErrors: { 'body.senderId': ['Must be your own user id'] },
    });
  }
  const body = input.content.trim();
  const attachmentIds = [...new Set((input.attachments ?? []).map((a) => a.attachmentId))];
  if (!body && !attachmentIds.length && !input.card) {
    throw new ApiError('ValidationException', 'Write a message, or attach a file or a piece', {
      fieldErrors: { 'body.content': ['A message cannot be empty'] },
    });
  }
  // The fast path, nearly every send (text into a conversation the sender is in): the append statement alone, its guard
  // deciding what the checks below decide. Anything else, or anything the guard refuses, takes the slow path, which
  // says why (or, for a house's conversation, writes it).
  if (input.conversationId && UUID.test(input.recipientId) && !attachmentIds.length && !input.card && !input.replyToId) {
    const appended = await appendMessage(ctx, ctx.db, { id: input.conversationId }, actor.userId, { body }, PUBLISH_FALLBACK_SECONDS, {
      recipientId: input.recipientId,
    });
    if (appended) return publishSent(ctx, appended, body);
  }
  const access = await accessConversation(
    ctx.db,
    actor,
    input.conversationId ?? (await resolveDirect(ctx.db, actor, input.recipientId, 'body.recipientId', true)).id,
    'body.conversationId',
  );
  const { conv, members } = access;
  // The recipient named must be the other side of this conversation.
  const otherSide =
    conv.kind === 'HOUSE'
      ? access.role === 'CLIENT'
        ? [`house:${conv.brandId}`]
        : [conv.clientId]
      : members.filter((m) => m.userId !== actor.userId).map((m) => m.userId);
  if (!otherSide.includes(input.recipientId)) {
    throw new ApiError('ValidationException', 'The recipient is not the other side of this conversation', {
      fieldErrors: { 'body.recipientId': [`Expected ${otherSide.join(' or ')}`] },
    });
  }
  const refusal = writeRefusal({
    role: access.role,
    blockedByOther: members.some((m) => m.userId !== actor.userId && m.blocked),
    purged: conv.purgedAt !== null,
  });
  if (refusal) refuse(refusal);
  if (input.replyToId) {
    const [target] = await ctx.db
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.id, input.replyToId), eq(messages.conversationId, conv.id)));
    if (!target)
      throw new ApiError('ValidationException', 'You can only reply to a message of this conversation', {
        fieldErrors: { 'body.replyToId': ['Not a message of this conversation'] },
      });
  }
  let cardSnapshot: MessageCard | undefined;
  if (input.card?.type === 'PRODUCT') {
    const product = await getProduct(ctx.db, actor, { id: input.card.productId }).catch(() => {
      throw new ApiError('ValidationException', 'No such piece', { fieldErrors: { 'body.card.productId': ['No such piece'] } });
    });
    cardSnapshot = {
      type: 'PRODUCT',
      productId: product.productId,
      name: product.name,
      brandName: product.brandName,
      href: `/products/${product.slug}`,
      ...(product.images[0]?.url ? { imageUrl: product.images[0].url } : {}),
    };
  } else if (input.card?.type === 'BOOKING') {
    if (conv.bookingRequestId !== input.card.bookingRequestId) {
      throw new ApiError('ValidationException', 'Only this conversation’s booking can be shared here', {
        fieldErrors: { 'body.card.bookingRequestId': ['Not a booking of this conversation'] },
      });
    }
    cardSnapshot = { type: 'BOOKING', bookingRequestId: input.card.bookingRequestId };
  }
  const append = (db: Db) =>
    appendMessage(
      ctx,
      db,
      conv,
      actor.userId,
      {
        body,
        ...(input.card ? { card: input.card } : {}),
        ...(cardSnapshot ? { cardSnapshot } : {}),
        ...(input.replyToId ? { replyToId: input.replyToId } : {}),
        attachmentIds,
      },
      PUBLISH_FALLBACK_SECONDS,
    );
  // A house answering in an enquiry's conversation answers the enquiry: the inquiry inbox shows it answered.
  const answersEnquiry = access.role === 'HOUSE' && conv.inquiryId !== null && body !== '';
  // One statement is atomic by itself; a transaction only when attachments are claimed, house staff join or answer.
  const appended =
    attachmentIds.length || (access.role === 'HOUSE' && !access.member) || answersEnquiry
      ? await inTx(ctx, async (tx) => {
          if (access.role === 'HOUSE') await ensureMember(tx, conv.id, actor.userId, 'HOUSE');
          if (answersEnquiry)
            await recordInquiryAnswer(tx, ctx.keys, { inquiryId: conv.inquiryId!, staffUserId: actor.userId, answer: body });
          return append(tx);
        })
      : await append(ctx.db);
  return publishSent(ctx, appended, body);
}

/** A committed send: published now; the outbox job written with the message publishes it if this process dies first. */
async function publishSent(ctx: AppContext, { conv, row, members, publishJobId }: Appended, body: string) {
  const [message] = await presentMessages(ctx, ctx.db, conv, [row], members, new Map([[row.id, body]]));
  livePublisherFor(ctx)
    .message(conv, message!, members, publishJobId)
    .catch(() => undefined);
  return { messageId: row.id, conversationId: conv.id, timestamp: row.createdAt.toISOString(), seq: row.seq, message: message! };
}

/** Edits the caller's own message within 15 minutes of sending. */
export async function editMessage(ctx: AppContext, actor: Actor, messageId: string, content: string): Promise<Message> {
  const { row, access } = await ownMessage(ctx, actor, messageId);
  const body = content.trim();
  if (!body)
    throw new ApiError('ValidationException', 'A message cannot be empty; delete it instead', {
      fieldErrors: { 'body.content': ['A message cannot be empty'] },
    });
  if (Date.now() - row.createdAt.getTime() > EDIT_WINDOW_MS)
    throw new ApiError('ConflictException', 'Messages can be edited for 15 minutes after sending');
  const [updated] = await inTx(ctx, async (tx) => {
    const rows = await tx
      .update(messages)
      .set({ bodyEnc: sealText(ctx.keys, body), searchTerms: searchTermsOf(ctx.keys, row.conversationId, body), editedAt: new Date() })
      .where(and(eq(messages.id, messageId), sql`${messages.deletedAt} is null`))
      .returning();
    if (!rows.length) throw new ApiError('ConflictException', 'This message was deleted');
    await enqueue(tx, PUBLISH_JOB, { kind: 'message.updated', conversationId: row.conversationId, messageId } satisfies PublishPayload);
    return rows;
  });
  return (await presentMessages(ctx, ctx.db, access.conv, [updated!], await membersOf(ctx.db, row.conversationId)))[0]!;
}

/** Deletes the caller's own message for everyone: its place in the sequence stays as a tombstone. */
export async function deleteMessage(ctx: AppContext, actor: Actor, messageId: string): Promise<Message> {
  const { row, access } = await ownMessage(ctx, actor, messageId);
  const [updated] = await inTx(ctx, async (tx) => {
    const rows = await tx
      .update(messages)
      .set({ bodyEnc: null, card: null, searchTerms: [], hasAttachments: false, deletedAt: new Date() })
      .where(eq(messages.id, messageId))
      .returning();
    await removeAttachmentsOf(ctx, tx, [messageId]);
    await enqueue(tx, PUBLISH_JOB, { kind: 'message.updated', conversationId: row.conversationId, messageId } satisfies PublishPayload);
    return rows;
  });
  return (await presentMessages(ctx, ctx.db, access.conv, [updated!], await membersOf(ctx.db, row.conversationId)))[0]!;
}

async function ownMessage(ctx: AppContext, actor: Actor, messageId: string) {
  const [row] = await ctx.db.select().from(messages).where(eq(messages.id, messageId));
  if (!row) throw new ApiError('ResourceNotFoundException', 'No such message');
  const access = await accessConversation(ctx.db, actor, row.conversationId);
  if (row.senderId !== actor.userId) throw new ApiError('AccessDeniedException', 'You can only change your own messages');
  return { row, access };
}

// ───────────────────────────── reading ─────────────────────────────

/** "Read up to" this sequence (never backwards); 0 unread when `seq` is the last. Publishes the receipt. */
export async function markReadUpTo(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  seq: number,
): Promise<{ readUpTo: number; unreadCount: number }> {
  const access = await accessConversation(ctx.db, actor, conversationId);
  const upTo = Math.min(seq, access.conv.lastSeq);
  return inTx(ctx, async (tx) => {
    if (!access.member) await ensureMember(tx, conversationId, actor.userId, access.role);
    const [row] = await queryRows<{ last_read_seq: number; moved: boolean; last_seq: number }>(
      tx,
      sql`with before as (select last_read_seq from conversation_members where conversation_id = ${conversationId} and user_id = ${actor.userId} for update)
          update conversation_members m set last_read_seq = greatest(m.last_read_seq, ${upTo}), last_delivered_seq = greatest(m.last_delivered_seq, ${upTo})
          from before, conversations c
          where m.conversation_id = ${conversationId} and m.user_id = ${actor.userId} and c.id = m.conversation_id
          returning m.last_read_seq, (m.last_read_seq > before.last_read_seq) as moved, c.last_seq`,
    );
    if (row?.moved) await enqueue(tx, PUBLISH_JOB, { kind: 'receipt', conversationId, userId: actor.userId } satisfies PublishPayload);
    return { readUpTo: Number(row!.last_read_seq), unreadCount: Math.max(0, Number(row!.last_seq) - Number(row!.last_read_seq)) };
  });
}

/** MarkMessageAsRead: the caller has read up to this message. */
export async function markMessageAsRead(
  ctx: AppContext,
  actor: Actor,
  messageId: string,
  userId: string,
): Promise<{ success: boolean; readUpTo: number; unreadCount: number }> {
  if (userId !== actor.userId) {
    throw new ApiError('AccessDeniedException', 'You can only mark messages read for yourself', {
      fieldErrors: { 'body.userId': ['Must be your own user id'] },
    });
  }
  const [row] = await ctx.db
    .select({ conversationId: messages.conversationId, seq: messages.seq })
    .from(messages)
    .where(eq(messages.id, messageId));
  if (!row) throw new ApiError('ResourceNotFoundException', 'No such message', { fieldErrors: { messageId: ['No such message'] } });
  await accessConversation(ctx.db, actor, row.conversationId, 'messageId').catch(() => {
    throw new ApiError('ResourceNotFoundException', 'No such message', { fieldErrors: { messageId: ['No such message'] } });
  });
  return { success: true, ...(await markReadUpTo(ctx, actor, row.conversationId, row.seq)) };
}

/** The recipient's device has the messages up to `seq` (a socket acknowledged, or a fetch returned them). */
export async function markDelivered(ctx: AppContext, actor: Actor, conversationId: string, seq: number): Promise<void> {
  const moved = await queryRows<{ moved: number }>(
    ctx.db,
    sql`update conversation_members m set last_delivered_seq = least(${seq}, c.last_seq)
        from conversations c where c.id = m.conversation_id and m.conversation_id = ${conversationId} and m.user_id = ${actor.userId} and m.last_delivered_seq < least(${seq}, c.last_seq)
        returning 1 as moved`,
  );
  if (moved.length) await enqueue(ctx.db, PUBLISH_JOB, { kind: 'receipt', conversationId, userId: actor.userId } satisfies PublishPayload);
}

/** Blocks (or unblocks) the other side: they can no longer write here. */
export async function setBlocked(ctx: AppContext, actor: Actor, conversationId: string, blocked: boolean): Promise<Conversation> {
  const access = await accessConversation(ctx.db, actor, conversationId);
  if (access.role === 'HOUSE') throw new ApiError('AccessDeniedException', 'A house cannot block its client; report a message instead');
  await ctx.db
    .update(conversationMembers)
    .set({ blocked })
    .where(and(eq(conversationMembers.conversationId, conversationId), eq(conversationMembers.userId, actor.userId)));
  return getConversationSummary(ctx, actor, conversationId);
}

// ───────────────────────────── presenting ─────────────────────────────

interface PageToken {
  c?: string;
  dir: 'back' | 'fwd' | 'time';
  seq?: number;
  id?: string;
}

function encodeToken(t: PageToken): string {
  return Buffer.from(JSON.stringify(t)).toString('base64url');
}

function decodeToken(token: string, field = 'query.nextToken'): PageToken {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as PageToken;
    if ((t.dir === 'back' || t.dir === 'fwd') && Number.isInteger(t.seq)) return t;
    if (t.dir === 'time' && typeof t.id === 'string' && /^[0-9a-f-]{36}$/.test(t.id)) return t;
  } catch {
    // fall through
  }
  throw new ApiError('ValidationException', 'nextToken is not valid; start again without it', {
    fieldErrors: { [field]: ['Invalid token'] },
  });
}

function statusOf(row: MessageRow, members: MemberRow[]): Message['status'] {
  const others = members.filter((m) => m.userId !== row.senderId);
  if (others.some((m) => m.lastReadSeq >= row.seq)) return 'READ';
  if (others.some((m) => m.lastDeliveredSeq >= row.seq)) return 'DELIVERED';
  return 'SENT';
}

const excerptOf = (text: string | undefined) => (text ? (text.length > 140 ? `${text.slice(0, 139)}…` : text) : '');

export async function presentMessages(
  ctx: AppContext,
  db: Db,
  conv: ConversationRow,
  rows: MessageRow[],
  members: MemberRow[],
  /** Bodies the caller already holds in clear, by message id (a send): not decrypted again. */
  bodies?: ReadonlyMap<string, string>,
): Promise<Message[]> {
  const replyIds = [...new Set(rows.flatMap((r) => (r.replyToId ? [r.replyToId] : [])))];
  const replies = replyIds.length ? await db.select().from(messages).where(inArray(messages.id, replyIds)) : [];
  const replyById = new Map(replies.map((r) => [r.id, r]));
  const files = await attachmentsOf(
    ctx,
    db,
    rows.filter((r) => r.hasAttachments).map((r) => r.id),
  );
  return rows.map((r) => {
    const reply = r.replyToId ? replyById.get(r.replyToId) : undefined;
    const recipientId =
      conv.kind === 'HOUSE'
        ? r.senderId === conv.clientId
          ? `house:${conv.brandId}`
          : conv.clientId
        : r.senderId === conv.clientId
          ? conv.counterpartId!
          : conv.clientId;
    return {
      messageId: r.id,
      conversationId: r.conversationId,
      seq: r.seq,
      senderId: r.senderId,
      recipientId,
      content: r.deletedAt ? '' : (bodies?.get(r.id) ?? openText(ctx.keys, r.bodyEnc) ?? ''),
      ...(files.get(r.id)?.length ? { attachments: files.get(r.id)! } : {}),
      ...(r.card && !r.deletedAt ? { card: r.card as MessageCard } : {}),
      ...(reply
        ? {
            replyTo: {
              messageId: reply.id,
              seq: reply.seq,
              excerpt: reply.deletedAt ? 'Message deleted' : excerptOf(openText(ctx.keys, reply.bodyEnc)),
            },
          }
        : {}),
      timestamp: r.createdAt.toISOString(),
      ...(r.editedAt ? { editedAt: r.editedAt.toISOString() } : {}),
      deleted: r.deletedAt !== null,
      status: statusOf(r, members),
    };
  });
}

function previewOf(ctx: AppContext, r: Pick<MessageRow, 'bodyEnc' | 'card' | 'hasAttachments' | 'deletedAt'> | undefined): string {
  if (!r) return '';
  if (r.deletedAt) return 'Message deleted';
  const text = openText(ctx.keys, r.bodyEnc);
  if (text) return excerptOf(text);
  if (r.hasAttachments) return 'Sent an attachment';
  const card = r.card as MessageCard | null;
  if (card?.type === 'PRODUCT') return `Shared a piece${card.name ? `: ${card.name}` : ''}`;
  if (card?.type === 'BOOKING') return 'Session request';
  return '';
}

interface ConvListRow {
  id: string;
  kind: 'DIRECT' | 'HOUSE';
  client_id: string;
  counterpart_id: string | null;
  brand_id: string | null;
  product_id: string | null;
  inquiry_id: string | null;
  subject: string | null;
  last_seq: number;
  last_message_at: Date | string | null;
  created_at: Date | string;
  purged_at: Date | string | null;
  read_seq: number | null;
  last_body: string | null;
  last_card: unknown;
  last_has_attachments: boolean | null;
  last_deleted_at: Date | string | null;
}

const iso = (v: Date | string | null) => (v === null ? undefined : new Date(v).toISOString());

/** Which conversations the actor's inbox holds: their own as client or stylist; their house's; the house office's. */
async function scopeFor(db: Db, actor: Actor): Promise<SQL> {
  if (actor.userType === 'CLIENT') return sql`c.client_id = ${actor.userId}`;
  if (actor.userType === 'STYLIST') return sql`c.counterpart_id = ${actor.userId}`;
  if (actor.userType === 'BRAND_PARTNER') {
    const brandId = await partnerBrandId(db, actor.userId);
    return brandId ? sql`c.kind = 'HOUSE' and c.brand_id = ${brandId}` : sql`false`;
  }
  return sql`c.kind = 'HOUSE'`;
}

async function listRows(db: Db, actor: Actor, where: SQL, limit: number): Promise<ConvListRow[]> {
  return queryRows<ConvListRow>(
    db,
    sql`select c.id, c.kind, c.client_id, c.counterpart_id, c.brand_id, c.product_id, c.inquiry_id, c.subject, c.last_seq, c.last_message_at, c.created_at, c.purged_at,
          m.last_read_seq as read_seq, lm.body_enc as last_body, lm.card as last_card, lm.has_attachments as last_has_attachments, lm.deleted_at as last_deleted_at
        from conversations c
        left join conversation_members m on m.conversation_id = c.id and m.user_id = ${actor.userId}
        left join messages lm on lm.conversation_id = c.id and lm.seq = c.last_seq
        where ${where}
        order by coalesce(c.last_message_at, c.created_at) desc, c.id desc
        limit ${limit}`,
  );
}

async function presentConversations(ctx: AppContext, actor: Actor, rows: ConvListRow[]): Promise<Conversation[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const members = await ctx.db.select().from(conversationMembers).where(inArray(conversationMembers.conversationId, ids));
  const membersByConv = groupBy(members, (m) => m.conversationId);
  const clientIds = [...new Set(rows.map((r) => r.client_id))];
  const stylistIds = [...new Set(rows.flatMap((r) => (r.counterpart_id ? [r.counterpart_id] : [])))];
  const clients = await clientIdentitiesFor(ctx, actor, clientIds);
  const stylistsByUser = await stylistCardsByUserIds(ctx.db, stylistIds);
  return rows.map((r) => {
    const convMembers = membersByConv.get(r.id) ?? [];
    const mine = convMembers.find((m) => m.userId === actor.userId);
    const readUpTo = Number(r.read_seq ?? 0);
    const lastSeq = Number(r.last_seq);
    const client = clients.get(r.client_id);
    const stylist = r.counterpart_id ? stylistsByUser.get(r.counterpart_id) : undefined;
    const viewerIsClient = actor.userId === r.client_id;
    const title = viewerIsClient
      ? r.kind === 'HOUSE'
        ? (r.subject ?? 'The house')
        : (stylist?.name ?? 'Your stylist')
      : (client?.displayName ?? 'A client');
    const displayFor = (m: MemberRow) =>
      m.role === 'CLIENT'
        ? { displayName: client?.displayName ?? 'A client', isAlias: client?.isAlias ?? false }
        : m.role === 'STYLIST'
          ? { displayName: stylist?.name ?? 'Stylist', isAlias: false }
          : { displayName: r.subject?.split(' · ')[0] ?? 'The house', isAlias: false };
    const blockedByOther = convMembers.some((m) => m.userId !== actor.userId && m.blocked);
    return {
      conversationId: r.id,
      kind: r.kind,
      participants: r.kind === 'HOUSE' ? [r.client_id, `house:${r.brand_id}`] : convMembers.map((m) => m.userId),
      members: convMembers.map((m) => ({
        userId: m.userId,
        role: m.role,
        ...displayFor(m),
        readUpTo: m.lastReadSeq,
        deliveredUpTo: m.lastDeliveredSeq,
      })),
      title,
      ...(r.kind === 'HOUSE' && !viewerIsClient && r.subject ? { subtitle: r.subject } : {}),
      lastMessageTimestamp: iso(r.last_message_at) ?? iso(r.created_at)!,
      lastMessage: previewOf(ctx, {
        bodyEnc: r.last_body,
        card: r.last_card,
        hasAttachments: r.last_has_attachments ?? false,
        deletedAt: r.last_deleted_at ? new Date(r.last_deleted_at) : null,
      }),
      lastSeq,
      readUpTo,
      unreadCount: Math.max(0, lastSeq - readUpTo),
      canWrite: !blockedByOther && r.purged_at === null,
      blocked: mine?.blocked ?? false,
      ...(r.product_id && r.subject
        ? { product: { productId: r.product_id, name: r.subject.split(' · ').slice(1).join(' · ') || r.subject } }
        : {}),
      ...(r.inquiry_id ? { inquiryId: r.inquiry_id } : {}),
    };
  });
}

/** The inbox: the caller's conversations, latest first, with the other side's name or alias and unread counts. */
export async function listConversations(
  ctx: AppContext,
  actor: Actor,
  input: { search?: string; maxResults: number; nextToken?: string },
): Promise<{ conversations: Conversation[]; totalUnread: number; nextToken?: string }> {
  const scope = await scopeFor(ctx.db, actor);
  const totalUnread = await unreadTotal(ctx.db, actor.userId);
  if (input.search) {
    // Names live in identity (and may be aliases): match them after presenting; words through the hashed terms.
    const all = await presentConversations(ctx, actor, await listRows(ctx.db, actor, scope, 500));
    const needle = input.search.toLowerCase();
    const byWords = await conversationsWithWords(
      ctx,
      all.map((c) => c.conversationId),
      input.search,
    );
    const found = all.filter(
      (c) => c.title.toLowerCase().includes(needle) || (c.subtitle ?? '').toLowerCase().includes(needle) || byWords.has(c.conversationId),
    );
    return { conversations: found.slice(0, input.maxResults), totalUnread };
  }
  let where = scope;
  if (input.nextToken) {
    const t = decodeToken(input.nextToken);
    if (t.dir !== 'time' || !t.id || !t.c)
      throw new ApiError('ValidationException', 'nextToken is not valid; start again without it', {
        fieldErrors: { 'query.nextToken': ['Invalid token'] },
      });
    where = sql`${scope} and (coalesce(c.last_message_at, c.created_at), c.id) < (${t.c}::timestamptz, ${t.id}::uuid)`;
  }
  const rows = await listRows(ctx.db, actor, where, input.maxResults + 1);
  const page = rows.slice(0, input.maxResults);
  const last = page.at(-1);
  return {
    conversations: await presentConversations(ctx, actor, page),
    totalUnread,
    ...(rows.length > input.maxResults && last
      ? { nextToken: encodeToken({ dir: 'time', id: last.id, c: new Date(last.last_message_at ?? last.created_at).toISOString() }) }
      : {}),
  };
}

async function getConversationSummary(ctx: AppContext, actor: Actor, conversationId: string): Promise<Conversation> {
  const [row] = await listRows(ctx.db, actor, sql`c.id = ${conversationId}`, 1);
  return (await presentConversations(ctx, actor, [row!]))[0]!;
}

/** Conversations (of these) holding a message with every word of `query`. */
async function conversationsWithWords(ctx: AppContext, conversationIds: string[], query: string): Promise<Set<string>> {
  const words = wordsOf(query);
  if (!words.length || !conversationIds.length) return new Set();
  const pairs = conversationIds.map((id) => sql`(${id}::uuid, ${`{${words.map((w) => termHash(ctx.keys, id, w)).join(',')}}`}::text[])`);
  const rows = await queryRows<{ id: string }>(
    ctx.db,
    sql`select distinct q.id from (values ${sql.join(pairs, sql`, `)}) as q(id, terms) join messages m on m.conversation_id = q.id and m.search_terms @> q.terms`,
  );
  return new Set(rows.map((r) => r.id));
}

/** GetConversation: the conversation and its newest messages (oldest first in the page); nextToken scrolls back. */
export async function getConversation(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  input: { maxResults: number; nextToken?: string },
) {
  const access = await accessConversation(ctx.db, actor, conversationId);
  const before = input.nextToken ? decodeToken(input.nextToken) : undefined;
  if (before && (before.dir !== 'back' || before.c !== conversationId)) {
    throw new ApiError('ValidationException', 'nextToken is not valid; start again without it', {
      fieldErrors: { 'query.nextToken': ['Invalid token'] },
    });
  }
  const upper = before?.seq ?? access.conv.lastSeq + 1;
  const rows = await ctx.db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), sql`${messages.seq} < ${upper}`))
    .orderBy(sql`${messages.seq} desc`)
    .limit(input.maxResults + 1);
  const page = rows.slice(0, input.maxResults).reverse();
  if (access.member && page.length) await markDelivered(ctx, actor, conversationId, page.at(-1)!.seq);
  const members = await membersOf(ctx.db, conversationId);
  return {
    conversation: await getConversationSummary(ctx, actor, conversationId),
    messages: await presentMessages(ctx, ctx.db, access.conv, page, members),
    ...(rows.length > input.maxResults && page[0] ? { nextToken: encodeToken({ c: conversationId, dir: 'back', seq: page[0].seq }) } : {}),
  };
}

/**
 * GetMessages: the caller's messages. With `conversationId` and `afterSeq`, everything after that sequence, oldest
 * first (how a client repairs a gap); otherwise newest first across the caller's conversations, with filters.
 */
export async function getMessages(
  ctx: AppContext,
  actor: Actor,
  input: GetMessagesInput,
): Promise<{ messages: Message[]; nextToken?: string }> {
  if (input.userId !== actor.userId) {
    throw new ApiError('AccessDeniedException', 'You can only read your own messages', {
      fieldErrors: { 'query.userId': ['Must be your own user id'] },
    });
  }
  if (input.afterSeq !== undefined && !input.conversationId) {
    throw new ApiError('ValidationException', 'afterSeq needs a conversationId', {
      fieldErrors: { 'query.conversationId': ['Required with afterSeq'] },
    });
  }
  const token = input.nextToken ? decodeToken(input.nextToken) : undefined;
  let convRows: ConversationRow[];
  if (input.conversationId) {
    convRows = [(await accessConversation(ctx.db, actor, input.conversationId, 'query.conversationId')).conv];
  } else {
    const ids = (await listRows(ctx.db, actor, await scopeFor(ctx.db, actor), 1000)).map((r) => r.id);
    convRows = ids.length ? await ctx.db.select().from(conversations).where(inArray(conversations.id, ids)) : [];
  }
  if (!convRows.length) return { messages: [] };
  const convById = new Map(convRows.map((c) => [c.id, c]));
  const conditions: SQL[] = [
    sql`m.conversation_id in (${sql.join(
      convRows.map((c) => sql`${c.id}::uuid`),
      sql`, `,
    )})`,
  ];
  if (input.startDate) conditions.push(sql`m.created_at >= ${input.startDate}::timestamptz`);
  if (input.endDate) conditions.push(sql`m.created_at < ${input.endDate}::timestamptz`);
  if (input.hasAttachment) conditions.push(input.hasAttachment === 'true' ? sql`m.has_attachments` : sql`not m.has_attachments`);
  if (input.search) {
    const words = wordsOf(input.search);
    if (!words.length) return { messages: [] };
    const pairs = convRows.map(
      (c) =>
        sql`(m.conversation_id = ${c.id}::uuid and m.search_terms @> ${`{${words.map((w) => termHash(ctx.keys, c.id, w)).join(',')}}`}::text[])`,
    );
    conditions.push(sql`(${sql.join(pairs, sql` or `)})`);
  }
  const forward = input.afterSeq !== undefined || token?.dir === 'fwd';
  if (forward) conditions.push(sql`m.seq > ${token?.seq ?? input.afterSeq ?? 0}`);
  else if (token?.dir === 'time') conditions.push(sql`m.id < ${token.id}::uuid`);
  const rows = await queryRows<Record<string, unknown>>(
    ctx.db,
    sql`select m.* from messages m where ${sql.join(conditions, sql` and `)} order by ${forward ? sql`m.seq asc` : sql`m.id desc`} limit ${input.maxResults + 1}`,
  );
  const page = rows.slice(0, input.maxResults).map(rowToMessage);
  const out: Message[] = [];
  for (const [convId, group] of groupBy(page, (m) => m.conversationId)) {
    out.push(...(await presentMessages(ctx, ctx.db, convById.get(convId)!, group, await membersOf(ctx.db, convId))));
  }
  const order = new Map(page.map((m, i) => [m.id, i]));
  out.sort((a, b) => order.get(a.messageId)! - order.get(b.messageId)!);
  if (input.conversationId && forward && page.length) await markDelivered(ctx, actor, input.conversationId, page.at(-1)!.seq);
  const last = page.at(-1);
  return {
    messages: out,
    ...(rows.length > input.maxResults && last
      ? { nextToken: encodeToken(forward ? { dir: 'fwd', seq: last.seq } : { dir: 'time', id: last.id }) }
      : {}),
  };
}

function rowToMessage(r: Record<string, unknown>): MessageRow {
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return {
    id: r.id as string,
    conversationId: r.conversation_id as string,
    seq: Number(r.seq),
    senderId: r.sender_id as string,
    bodyEnc: (r.body_enc as string | null) ?? null,
    card: r.card ?? null,
    replyToId: (r.reply_to_id as string | null) ?? null,
    searchTerms: (r.search_terms as string[]) ?? [],
    hasAttachments: Boolean(r.has_attachments),
    editedAt: date(r.edited_at),
    deletedAt: date(r.deleted_at),
    createdAt: date(r.created_at)!,
  };
}

// ───────────────────────────── unread counts ─────────────────────────────

/** Total unread of a user: the sum over their memberships of `lastSeq - lastReadSeq`. */
export async function unreadTotal(db: Db, userId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select coalesce(sum(greatest(0, c.last_seq - m.last_read_seq)), 0)::int as n from conversation_members m join conversations c on c.id = m.conversation_id where m.user_id = ${userId}`,
  );
  return Number(row?.n ?? 0);
}

/** Unread per conversation (only those with any) and in total. */
export async function unreadCounts(
  ctx: AppContext,
  actor: Actor,
): Promise<{ total: number; conversations: { conversationId: string; unreadCount: number; lastSeq: number }[] }> {
  const rows = await queryRows<{ id: string; n: number; last_seq: number }>(
    ctx.db,
    sql`select c.id, greatest(0, c.last_seq - m.last_read_seq)::int as n, c.last_seq from conversation_members m join conversations c on c.id = m.conversation_id
        where m.user_id = ${actor.userId} and c.last_seq > m.last_read_seq order by c.last_message_at desc limit 500`,
  );
  return {
    total: await unreadTotal(ctx.db, actor.userId),
    conversations: rows.map((r) => ({ conversationId: r.id, unreadCount: Number(r.n), lastSeq: Number(r.last_seq) })),
  };
}

/** The user ids an event about this conversation goes to: its members (house staff once they joined). */
export async function audienceOf(db: Db, conversationId: string): Promise<string[]> {
  return (await membersOf(db, conversationId)).map((m) => m.userId);
}
