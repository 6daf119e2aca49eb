/** Stylist profiles: creation, reading, editing, removal, the public and admin lists, and vetting decisions. */
import { and, asc, eq, gt, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import { cutPage, idAfter } from '../../http/pagination.ts';
import { sealText } from '../../security/crypto.ts';
import { audit } from '../../audit/service.ts';
import type { Actor } from '../../http/auth.ts';
import { accountTypeOf } from '../identity/service.ts';
import { computeSlots, type Interval } from './availability.ts';
import { decimalToEurMinor } from './currency.ts';
import type { CreateStylistInput, ListStylistsQuery, ReviewStylistInput, Stylist, UpdateStylistInput } from './models.ts';
import { invalidateMatchingIndex } from './matching-index.ts';
import { notifyStylistVetted } from './notifications.ts';
import { stylistPortfolioItems, stylists } from './schema.ts';
import { type StylistRow, withNames, loadStylist, isAdmin, requireVisibleStylist, requireManageableStylist } from './access.ts';
import { presentStylists, presentOne } from './presentation.ts';
import { resolvePortfolioItems, profileValues } from './profile-input.ts';
import { checkedRange, loadAvailabilityInputs } from './availability-data.ts';

const MAX_LIST_AVAILABILITY_SCAN = 400;

/** CreateStylist: a STYLIST account creates its own profile (an admin may create one for a STYLIST account). */
export async function createStylist(ctx: AppContext, actor: Actor, input: CreateStylistInput): Promise<Stylist> {
  if (input.userId !== actor.userId && !isAdmin(actor)) {
    throw new ApiError('AccessDeniedException', 'You can only create your own stylist profile', {
      fieldErrors: { 'body.userId': ['Must be your own user id'] },
    });
  }
  if ((await accountTypeOf(ctx.db, input.userId)) !== 'STYLIST') {
    throw new ApiError('ValidationException', 'A stylist profile belongs to a STYLIST account', {
      fieldErrors: { 'body.userId': ['Not a stylist account'] },
    });
  }
  const values = profileValues(input);
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(stylists)
      .values({
        id,
        userId: input.userId,
        bio: input.bio,
        rateMinor: values.rateMinor!,
        rateCurrency: values.rateCurrency!,
        rateEurMinor: values.rateEurMinor!,
        ...values,
        languages: values.languages ?? ['en'],
        portraitName: `stylist-${id}`,
      })
      .onConflictDoNothing()
      .returning({ id: stylists.id });
    if (!inserted) throw new ApiError('ConflictException', 'This account already has a stylist profile');
    if (input.portfolio?.length) {
      const items = await resolvePortfolioItems(tx, ctx.keys, input.userId, actor, input.portfolio, 'body.portfolio');
      await tx.insert(stylistPortfolioItems).values(items.map((i) => ({ ...i, stylistId: id })));
    }
  });
  invalidateMatchingIndex(ctx.db);
  return presentOne(ctx, (await loadStylist(ctx.db, id))!, actor);
}

export async function getStylist(ctx: AppContext, viewer: Actor | undefined, stylistId: string): Promise<Stylist> {
  return presentOne(ctx, await requireVisibleStylist(ctx.db, viewer, stylistId), viewer);
}

export async function getMyStylist(ctx: AppContext, actor: Actor): Promise<Stylist> {
  const [found] = await ctx.db
    .select({ id: stylists.id })
    .from(stylists)
    .where(and(eq(stylists.userId, actor.userId), isNull(stylists.deletedAt)));
  if (!found) throw new ApiError('ResourceNotFoundException', 'You have no stylist profile yet');
  return presentOne(ctx, (await loadStylist(ctx.db, found.id))!, actor);
}

/** UpdateStylist: partial; `portfolio`, when given, replaces the whole list. */
export async function updateStylist(ctx: AppContext, actor: Actor, stylistId: string, input: UpdateStylistInput): Promise<Stylist> {
  const row = await requireManageableStylist(ctx.db, actor, stylistId);
  const values = profileValues(input);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(stylists)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(stylists.id, stylistId));
    if (input.portfolio !== undefined) {
      const items = await resolvePortfolioItems(tx, ctx.keys, row.userId, actor, input.portfolio, 'body.portfolio');
      await tx.delete(stylistPortfolioItems).where(eq(stylistPortfolioItems.stylistId, stylistId));
      if (items.length) await tx.insert(stylistPortfolioItems).values(items.map((i) => ({ ...i, stylistId })));
    }
  });
  invalidateMatchingIndex(ctx.db);
  return presentOne(ctx, (await loadStylist(ctx.db, stylistId))!, actor);
}

/** DeleteStylist: the profile goes away; its upcoming bookings and pending requests are cancelled. */
export async function deleteStylist(ctx: AppContext, actor: Actor, stylistId: string): Promise<void> {
  await requireManageableStylist(ctx.db, actor, stylistId);
  const { cancelEverythingOf } = await import('./booking.ts');
  await ctx.db.transaction(async (tx) => {
    await cancelEverythingOf(ctx, tx, actor, stylistId);
    await tx.update(stylists).set({ deletedAt: new Date(), updatedAt: new Date() }).where(eq(stylists.id, stylistId));
  });
  invalidateMatchingIndex(ctx.db);
}

/** ListStylists: APPROVED only, filtered; `availableFrom/To` keeps those with at least one open slot. */
export async function listStylists(ctx: AppContext, query: ListStylistsQuery): Promise<{ stylists: Stylist[]; nextToken?: string }> {
  const conditions: SQL[] = [eq(stylists.status, 'APPROVED'), isNull(stylists.deletedAt)];
  if (query.specialties?.length) conditions.push(sql`${stylists.specialties} && ${sql.param(query.specialties)}::text[]`);
  if (query.minExperienceYears !== undefined) conditions.push(gte(stylists.experienceYears, query.minExperienceYears));
  if (query.maxRate !== undefined) conditions.push(lte(stylists.rateEurMinor, decimalToEurMinor(query.maxRate, query.currency)));
  if (query.language) conditions.push(sql`${query.language} = any(${stylists.languages})`);
  if (query.city) conditions.push(sql`lower(${stylists.city}) = lower(${query.city})`);
  if (query.country) conditions.push(eq(stylists.country, query.country));
  if (query.nextToken) conditions.push(gt(stylists.id, idAfter(query.nextToken, 'stylists')));

  let window: Interval | undefined;
  if (query.availableFrom || query.availableTo) {
    window = checkedRange(query.availableFrom, query.availableTo, 'query.availableFrom', 'query.availableTo');
  }
  const want = query.maxResults + 1;
  const picked: StylistRow[] = [];
  let after: string | undefined;
  let scanned = 0;
  for (;;) {
    const batch = await ctx.db
      .select()
      .from(stylists)
      .where(and(...conditions, ...(after ? [gt(stylists.id, after)] : [])))
      .orderBy(asc(stylists.id))
      .limit(window ? Math.max(want, 50) : want);
    if (!window) {
      picked.push(...batch);
      break;
    }
    const inputs = await loadAvailabilityInputs(ctx.db, batch, window, Date.now());
    for (const row of batch) {
      if (picked.length >= want) break;
      const slots = computeSlots(inputs.get(row.id)!, window.start, window.end, 60);
      if (slots.some((s) => s.status === 'AVAILABLE')) picked.push(row);
    }
    scanned += batch.length;
    after = batch.at(-1)?.id;
    if (picked.length >= want || batch.length < Math.max(want, 50) || scanned >= MAX_LIST_AVAILABILITY_SCAN) break;
  }
  const page = cutPage(picked, query.maxResults, 'stylists', (r) => ({ id: r.id }));
  return {
    stylists: await presentStylists(ctx, await withNames(ctx.db, page.items), undefined, { portfolio: false }),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}

/** The vetting queue and other admin lists by status, oldest first. */
export async function adminListStylists(ctx: AppContext, query: { status: StylistRow['status']; nextToken?: string; maxResults: number }) {
  const rows = await ctx.db
    .select()
    .from(stylists)
    .where(
      and(
        eq(stylists.status, query.status),
        isNull(stylists.deletedAt),
        ...(query.nextToken ? [gt(stylists.id, idAfter(query.nextToken, `admin-stylists:${query.status}`))] : []),
      ),
    )
    .orderBy(asc(stylists.id))
    .limit(query.maxResults + 1);
  const page = cutPage(rows, query.maxResults, `admin-stylists:${query.status}`, (r) => ({ id: r.id }));
  return {
    stylists: await presentStylists(ctx, await withNames(ctx.db, page.items), undefined),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}

const DECISION_STATUS = { APPROVE: 'APPROVED', REJECT: 'REJECTED', SUSPEND: 'SUSPENDED' } as const;

/** Vetting: an admin approves, rejects or suspends with notes; the stylist is told by email. */
export async function reviewStylist(ctx: AppContext, actor: Actor, stylistId: string, input: ReviewStylistInput): Promise<Stylist> {
  const row = await loadStylist(ctx.db, stylistId);
  if (!row) throw new ApiError('ResourceNotFoundException', 'No such stylist');
  const status = DECISION_STATUS[input.decision];
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(stylists)
      .set({ status, vettingNotes: sealText(ctx.keys, input.notes), vettedAt: new Date(), vettedBy: actor.userId, updatedAt: new Date() })
      .where(eq(stylists.id, stylistId));
    await notifyStylistVetted(ctx, tx, row, status, input.notes);
    await audit(tx, {
      action: 'stylist.vetted',
      actorId: actor.userId,
      targetUserId: row.userId,
      details: { stylistId, decision: input.decision, status },
    });
  });
  invalidateMatchingIndex(ctx.db);
  return presentOne(ctx, (await loadStylist(ctx.db, stylistId))!, actor);
}
