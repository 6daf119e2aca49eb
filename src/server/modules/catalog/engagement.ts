/** Inquiries (private-viewing requests and questions, answered by the brand or admins) and clients' wishlists. */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../../context.ts';
import { queryRows, type Db } from '../../db/client.ts';
import { openText, sealText } from '../../security/crypto.ts';
import type { Keys } from '../../security/keys.ts';
import { openEnquiryConversation, postEnquiryAnswer } from '../messaging/service.ts';
import { notify, notifyAndMail } from '../notifications/service.ts';
import { ApiError } from '../../http/errors.ts';
import { cutPage, idAfter } from '../../http/pagination.ts';
import { publicClientNames } from '../identity/service.ts';
import type { Actor } from '../../http/auth.ts';
import { audienceFilter, audienceOf, canSeeVisibility, managesBrand, partnerBrandId } from './access.ts';
import { productsByIds } from './browse.ts';
import type { CreateInquiryInput, Inquiry, ListInquiriesInput, Product } from './models.ts';
import { productInquiries, wishlistItems } from './schema.ts';
import { iso } from './sql-util.ts';

interface InquiryRow {
  id: string;
  product_id: string;
  product_name: string;
  product_slug: string;
  brand_slug: string;
  brand_name: string;
  client_id: string;
  message: string;
  preferred_contact: Inquiry['preferredContact'];
  preferred_date: string | null;
  status: Inquiry['status'];
  answer: string | null;
  answered_at: Date | string | null;
  created_at: Date | string;
}

const inquirySelect = sql`select i.id, i.product_id, p.name as product_name, p.slug as product_slug, b.slug as brand_slug, b.name as brand_name,
    i.client_id, i.message, i.preferred_contact, i.preferred_date, i.status, i.answer, i.answered_at, i.created_at
  from product_inquiries i join products p on p.id = i.product_id join brands b on b.id = i.brand_id`;

/**
 * Inquiries as the API shows them; the client is named by identity's privacy rule (its public form: alias or "Ava L.").
 * The message and the answer are stored sealed (security/free-text.ts).
 */
async function presentInquiries(db: Db, keys: Keys, rows: InquiryRow[]): Promise<Inquiry[]> {
  const names = await publicClientNames(
    db,
    rows.map((r) => r.client_id),
  );
  return rows.map((r) => presentInquiry(keys, r, names.get(r.client_id) ?? ''));
}

function presentInquiry(keys: Keys, r: InquiryRow, clientName: string): Inquiry {
  const answer = openText(keys, r.answer);
  return {
    inquiryId: r.id,
    productId: r.product_id,
    productName: r.product_name,
    productSlug: r.product_slug,
    brand: r.brand_slug,
    brandName: r.brand_name,
    clientId: r.client_id,
    clientName,
    message: openText(keys, r.message) ?? '',
    preferredContact: r.preferred_contact,
    ...(r.preferred_date ? { preferredDate: r.preferred_date } : {}),
    status: r.status,
    ...(answer ? { answer } : {}),
    ...(r.answered_at ? { answeredAt: iso(r.answered_at)! } : {}),
    createdAt: iso(r.created_at)!,
  };
}

async function readInquiry(db: Db, id: string): Promise<InquiryRow | undefined> {
  const [row] = await queryRows<InquiryRow>(db, sql`${inquirySelect} where i.id = ${id}`);
  return row;
}

/** A signed-in client asks about a product they can see (any purchase mode; showcase items are the usual case). */
export async function createInquiry(db: Db, actor: Actor, productId: string, input: CreateInquiryInput, ctx: AppContext): Promise<Inquiry> {
  const [product] = await queryRows<{ id: string; brand_id: string; visibility: 'PUBLIC' | 'VIP_ONLY' | 'DRAFT' }>(
    db,
    sql`select id, brand_id, visibility from products where id = ${productId}`,
  );
  if (!product || !canSeeVisibility(audienceOf(actor), product.visibility))
    throw new ApiError('ResourceNotFoundException', 'No such product');
  if (input.preferredDate && input.preferredDate < new Date().toISOString().slice(0, 10)) {
    throw new ApiError('ValidationException', 'The preferred date is in the past', {
      fieldErrors: { 'body.preferredDate': ['Choose today or a later date'] },
    });
  }
  const [open] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from product_inquiries where client_id = ${actor.userId} and status = 'OPEN' and created_at > now() - interval '1 day'`,
  );
  if (Number(open?.n) >= 20)
    throw new ApiError('ThrottlingException', 'You have sent many requests today; our concierge will be in touch', {
      retryAfterSeconds: 3600,
    });
  const id = uuidv7();
  return db.transaction(async (tx) => {
    const w: Db = tx;
    await w.insert(productInquiries).values({
      id,
      productId,
      brandId: product.brand_id,
      clientId: actor.userId,
      message: sealText(ctx.keys, input.message)!,
      preferredContact: input.preferredContact,
      preferredDate: input.preferredDate ?? null,
    });
    const inquiry = (await readInquiry(w, id))!;
    // Every enquiry opens a conversation with the house, where its partners and the house office answer.
    const conversationId = await openEnquiryConversation(ctx, w, {
      inquiryId: id,
      clientId: actor.userId,
      brandId: product.brand_id,
      productId,
      subject: `${inquiry.brand_name} · ${inquiry.product_name}`,
      message: input.message,
      product: { name: inquiry.product_name, brandName: inquiry.brand_name, slug: inquiry.product_slug },
    });
    // The client hears at once that the enquiry arrived: a notice, and the letter in this transaction (#12).
    await notifyAndMail(w, ctx, {
      userId: actor.userId,
      kind: 'enquiry.received',
      title: `Your enquiry to ${inquiry.brand_name} has arrived`,
      body: enquiryReceivedText(inquiry.product_name, inquiry.brand_name, input),
      link: `/account/messages/${conversationId}`,
      data: { inquiryId: id, conversationId },
    });
    return (await presentInquiries(w, ctx.keys, [inquiry]))[0]!;
  });
}

const ANSWER_BY: Record<CreateInquiryInput['preferredContact'], string> = {
  EMAIL: 'by email',
  PHONE: 'by telephone',
  MESSAGE: 'in your messages',
};

/** The confirmation letter's words: what was asked, of whom, and how and when the answer comes. */
function enquiryReceivedText(product: string, brand: string, input: CreateInquiryInput): string {
  const date = input.preferredDate
    ? new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${input.preferredDate}T12:00:00Z`),
      )
    : undefined;
  return [
    `Thank you for your enquiry about ${product} by ${brand}. It has reached the house and our concierge.`,
    ...(date ? ['', `You would like it for ${date}; we keep that date in mind.`] : []),
    '',
    `You will hear from us ${ANSWER_BY[input.preferredContact]}, usually within one working day. The conversation stays open in your messages, where you may add to it at any time.`,
    '',
    'Your words:',
    `“${input.message}”`,
  ].join('\n');
}

const INQUIRIES_SORT = 'inquiries';

/** The inbox: admins see every inquiry, a partner their brand's, a client their own. Newest first. */
export async function listInquiries(
  db: Db,
  keys: Keys,
  actor: Actor,
  input: ListInquiriesInput,
): Promise<{ inquiries: Inquiry[]; nextToken?: string }> {
  const conditions: SQL[] = [];
  if (actor.userType === 'BRAND_PARTNER') {
    const brandId = await partnerBrandId(db, actor.userId);
    if (!brandId) return { inquiries: [] };
    conditions.push(sql`i.brand_id = ${brandId}`);
  } else if (actor.userType !== 'ADMIN') {
    conditions.push(sql`i.client_id = ${actor.userId}`);
  }
  if (input.status) conditions.push(sql`i.status = ${input.status}`);
  if (input.nextToken) conditions.push(sql`i.id < ${idAfter(input.nextToken, INQUIRIES_SORT)}`);
  const where = conditions.length > 0 ? sql.join(conditions, sql` and `) : sql`true`;
  const rows = await queryRows<InquiryRow>(db, sql`${inquirySelect} where ${where} order by i.id desc limit ${input.maxResults + 1}`);
  const page = cutPage(rows, input.maxResults, INQUIRIES_SORT, (r) => ({ id: r.id }));
  return { inquiries: await presentInquiries(db, keys, page.items), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
}

/** The brand's partner or an admin answers; the answer can close the inquiry. A closed inquiry takes no more answers. */
export async function answerInquiry(
  db: Db,
  actor: Actor,
  inquiryId: string,
  input: { answer: string; close?: boolean },
  ctx: AppContext,
): Promise<Inquiry> {
  const [row] = await db.select().from(productInquiries).where(eq(productInquiries.id, inquiryId)).limit(1);
  if (!row || !(await managesBrand(db, actor, row.brandId))) throw new ApiError('ResourceNotFoundException', 'No such inquiry');
  return db.transaction(async (tx) => {
    const w: Db = tx;
    const updated = await w
      .update(productInquiries)
      .set({
        answer: sealText(ctx.keys, input.answer),
        status: input.close ? 'CLOSED' : 'ANSWERED',
        answeredBy: actor.userId,
        answeredAt: new Date(),
        updatedAt: new Date(),
      })
      .where(and(eq(productInquiries.id, inquiryId), sql`${productInquiries.status} <> 'CLOSED'`))
      .returning({ id: productInquiries.id });
    if (updated.length === 0) throw new ApiError('ConflictException', 'This inquiry is closed');
    const inquiry = (await readInquiry(w, inquiryId))!;
    // The answer reaches the client: in the enquiry's conversation, and as a notice (no body in its title).
    const conversationId = await postEnquiryAnswer(ctx, w, { inquiryId, staffUserId: actor.userId, answer: input.answer });
    await notify(w, ctx, {
      userId: row.clientId,
      kind: 'enquiry.answered',
      title: `${inquiry.brand_name} answered your enquiry`,
      body: `About ${inquiry.product_name}: ${input.answer}`,
      link: conversationId ? `/account/messages/${conversationId}` : '/account/messages',
      data: { inquiryId, ...(conversationId ? { conversationId } : {}) },
    });
    return (await presentInquiries(w, ctx.keys, [inquiry]))[0]!;
  });
}

// ───────────────────────────── wishlist ─────────────────────────────

/** Saved products the client can still see (a product that became hidden drops out until it is visible again). */
export async function getWishlist(db: Db, actor: Actor): Promise<{ items: { product: Product; addedAt: string }[] }> {
  const audience = audienceOf(actor);
  const rows = await queryRows<{ product_id: string; created_at: Date | string }>(
    db,
    sql`select w.product_id, w.created_at from wishlist_items w join products p on p.id = w.product_id
        where w.user_id = ${actor.userId} and ${audienceFilter(audience)} order by w.created_at desc limit 500`,
  );
  const found = await productsByIds(
    db,
    audience,
    rows.map((r) => r.product_id),
  );
  const byId = new Map(found.map((p) => [p.productId, p]));
  return {
    items: rows.flatMap((r) => (byId.has(r.product_id) ? [{ product: byId.get(r.product_id)!, addedAt: iso(r.created_at)! }] : [])),
  };
}

export async function saveToWishlist(db: Db, actor: Actor, productId: string): Promise<{ productId: string; saved: boolean }> {
  const [product] = await queryRows<{ visibility: 'PUBLIC' | 'VIP_ONLY' | 'DRAFT' }>(
    db,
    sql`select visibility from products where id = ${productId}`,
  );
  if (!product || !canSeeVisibility(audienceOf(actor), product.visibility))
    throw new ApiError('ResourceNotFoundException', 'No such product');
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from wishlist_items where user_id = ${actor.userId}`);
  if (Number(count?.n) >= 500) throw new ApiError('ConflictException', 'Your wishlist is full (500 pieces); remove some first');
  await db.insert(wishlistItems).values({ userId: actor.userId, productId }).onConflictDoNothing();
  return { productId, saved: true };
}

export async function removeFromWishlist(db: Db, actor: Actor, productId: string): Promise<{ productId: string; saved: boolean }> {
  await db.delete(wishlistItems).where(and(eq(wishlistItems.userId, actor.userId), eq(wishlistItems.productId, productId)));
  return { productId, saved: false };
}
