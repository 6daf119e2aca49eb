/**
 * Reviews: one per COMPLETED booking by its client, one reply by the stylist. The stylist's rating sum and count are
 * updated in the same transaction, so lists and matching read precomputed aggregates.
 */
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import { cutPage, idAfter } from '../../http/pagination.ts';
import type { Actor } from '../../http/auth.ts';
import { clientIdentitiesFor } from '../identity/service.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { recordEvent } from './booking.ts';
import type { StylistReview } from './models.ts';
import { bookingRequests, stylistBookings, stylistReviews, stylists } from './schema.ts';
import { loadStylist, ownsStylist, requireVisibleStylist } from './access.ts';

type ReviewRow = typeof stylistReviews.$inferSelect;
const anonymous: Actor = {
  userId: 'anonymous',
  userType: 'CLIENT',
  tier: 'STANDARD',
  sessionId: 'anonymous',
  mfaEnabled: false,
  mfaVerifiedAt: null,
};

async function presentReviews(ctx: AppContext, viewer: Actor | undefined, rows: readonly ReviewRow[]): Promise<StylistReview[]> {
  // Reviews are public: authors appear as another client would see them (first name and initial, or the alias).
  const authors = await clientIdentitiesFor(
    ctx,
    viewer?.userType === 'ADMIN' ? viewer : anonymous,
    rows.map((r) => r.clientId),
  );
  return rows.map((r) => ({
    reviewId: r.id,
    stylistId: r.stylistId,
    bookingId: r.bookingId,
    rating: r.rating,
    text: r.text,
    author: authors.get(r.clientId)?.displayName ?? 'A client',
    ...(r.reply ? { reply: r.reply } : {}),
    ...(r.repliedAt ? { repliedAt: r.repliedAt.toISOString() } : {}),
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The client of a COMPLETED booking reviews it, once. */
export async function createReview(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
  input: { rating: number; text: string },
): Promise<StylistReview> {
  const [found] = await ctx.db
    .select({ booking: stylistBookings })
    .from(stylistBookings)
    .innerJoin(bookingRequests, eq(bookingRequests.id, stylistBookings.requestId))
    .where(and(eq(stylistBookings.requestId, requestId), eq(bookingRequests.clientId, actor.userId)));
  if (!found) throw new ApiError('ResourceNotFoundException', 'No such booking of yours');
  if (found.booking.status !== 'COMPLETED') throw new ApiError('ConflictException', 'You can review a session once it is completed');
  let row: ReviewRow;
  try {
    row = await ctx.db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(stylistReviews)
        .values({
          id: uuidv7(),
          bookingId: found.booking.id,
          stylistId: found.booking.stylistId,
          clientId: actor.userId,
          rating: input.rating,
          text: input.text,
        })
        .returning();
      await tx
        .update(stylists)
        .set({ ratingSum: sql`${stylists.ratingSum} + ${input.rating}`, reviewCount: sql`${stylists.reviewCount} + 1` })
        .where(eq(stylists.id, found.booking.stylistId));
      await recordEvent(tx, requestId, actor.userId, 'REVIEWED', { rating: input.rating });
      return inserted!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError('ConflictException', 'You have already reviewed this session');
    throw err;
  }
  return (await presentReviews(ctx, actor, [row]))[0]!;
}

/** The reviewed stylist replies once; a second reply is 409. */
export async function replyToReview(ctx: AppContext, actor: Actor, reviewId: string, reply: string): Promise<StylistReview> {
  const [review] = await ctx.db.select().from(stylistReviews).where(eq(stylistReviews.id, reviewId));
  const stylist = review ? await loadStylist(ctx.db, review.stylistId) : undefined;
  if (!review || !stylist || !ownsStylist(actor, stylist)) throw new ApiError('ResourceNotFoundException', 'No such review of yours');
  const [updated] = await ctx.db
    .update(stylistReviews)
    .set({ reply, repliedAt: new Date() })
    .where(and(eq(stylistReviews.id, reviewId), isNull(stylistReviews.reply)))
    .returning();
  if (!updated) throw new ApiError('ConflictException', 'You have already replied to this review');
  return (await presentReviews(ctx, actor, [updated]))[0]!;
}

/** An approved stylist's reviews, newest first (UUIDv7 ids sort by time). */
export async function listReviews(
  ctx: AppContext,
  viewer: Actor | undefined,
  stylistId: string,
  query: { nextToken?: string; maxResults: number },
) {
  await requireVisibleStylist(ctx.db, viewer, stylistId);
  const rows = await ctx.db
    .select()
    .from(stylistReviews)
    .where(
      and(
        eq(stylistReviews.stylistId, stylistId),
        ...(query.nextToken ? [lt(stylistReviews.id, idAfter(query.nextToken, `reviews:${stylistId}`))] : []),
      ),
    )
    .orderBy(desc(stylistReviews.id))
    .limit(query.maxResults + 1);
  const page = cutPage(rows, query.maxResults, `reviews:${stylistId}`, (r) => ({ id: r.id }));
  return { reviews: await presentReviews(ctx, viewer, page.items), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
}
