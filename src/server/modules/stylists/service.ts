/**
 * Stylist profiles: creation, vetting, services, portfolio, schedule, date-specific windows and availability.
 * Plain functions `fn(ctx, actor, …)`; bookings live in booking.ts, matching in matching.ts.
 */
import { and, asc, eq, gt, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { fromDto, MoneyError, toDto, type Currency } from '../../../shared/money.ts';
import { generatedImageUrl } from '../../../shared/media.ts';
import type { AppContext } from '../../context.ts';
import { queryRows, type Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { cutPage, idAfter } from '../../http/pagination.ts';
import { audit } from '../../audit/service.ts';
import type { Actor } from '../../http/auth.ts';
import { accountNames, accountTypeOf } from '../identity/service.ts';
import { findUsableUpload, parseMediaPath, uploadUrl } from '../media/service.ts';
import { computeSlots, DAY, MAX_RANGE_DAYS, type AvailabilityInput, type Interval, type Window } from './availability.ts';
import { decimalToEurMinor, toEurMinor } from './currency.ts';
import type {
  AvailabilitySlot,
  CancellationPolicy,
  CreateStylistInput,
  ListStylistsQuery,
  PortfolioItem,
  PortfolioItemInput,
  ReviewStylistInput,
  Stylist,
  StylistService,
  StylistServiceInput,
  UpdateScheduleInput,
  UpdateStylistAvailabilityInput,
  UpdateStylistInput,
} from './models.ts';
import { invalidateMatchingIndex } from './matching-index.ts';
import { notifyStylistVetted } from './notifications.ts';
import { stylistAvailabilityWindows, stylistPortfolioItems, stylistServices, stylists, type WeeklyRange } from './schema.ts';

export type StylistRow = typeof stylists.$inferSelect;
export type StylistWithName = StylistRow & { firstName: string; lastName: string };

const MAX_LIST_AVAILABILITY_SCAN = 400;

// ───────────────────────────── loading and access ─────────────────────────────

/** Profiles with their account's names, which identity owns (one batched lookup for the whole list). */
export async function withNames(db: Db, rows: readonly StylistRow[]): Promise<StylistWithName[]> {
  const names = await accountNames(
    db,
    rows.map((r) => r.userId),
  );
  return rows.map((r) => ({ ...r, firstName: names.get(r.userId)?.firstName ?? '', lastName: names.get(r.userId)?.lastName ?? '' }));
}

export async function loadStylist(db: Db, stylistId: string): Promise<StylistWithName | undefined> {
  const [found] = await db
    .select()
    .from(stylists)
    .where(and(eq(stylists.id, stylistId), isNull(stylists.deletedAt)));
  return found ? (await withNames(db, [found]))[0] : undefined;
}

export async function loadStylistsByIds(db: Db, ids: readonly string[]): Promise<StylistWithName[]> {
  if (!ids.length) return [];
  const found = await db
    .select()
    .from(stylists)
    .where(and(inArray(stylists.id, [...ids]), isNull(stylists.deletedAt)));
  return withNames(db, found);
}

export const ownsStylist = (actor: Actor | undefined, row: Pick<StylistRow, 'userId'>) =>
  actor !== undefined && actor.userId === row.userId;
const isAdmin = (actor: Actor | undefined) => actor?.userType === 'ADMIN';

/** Visible to `viewer`: approved for everyone, otherwise only to its owner and admins (404 for the rest). */
export async function requireVisibleStylist(db: Db, viewer: Actor | undefined, stylistId: string): Promise<StylistWithName> {
  const row = await loadStylist(db, stylistId);
  if (!row || (row.status !== 'APPROVED' && !ownsStylist(viewer, row) && !isAdmin(viewer))) {
    throw new ApiError('ResourceNotFoundException', 'No such stylist');
  }
  return row;
}

/** The owner or an admin may change it; anyone else who can see it gets 403, the others 404. */
export async function requireManageableStylist(db: Db, actor: Actor, stylistId: string): Promise<StylistWithName> {
  const row = await requireVisibleStylist(db, actor, stylistId);
  if (!ownsStylist(actor, row) && !isAdmin(actor))
    throw new ApiError('AccessDeniedException', 'Only this stylist or an administrator can do this');
  return row;
}

/** Only APPROVED stylists can be booked or matched. */
export async function requireBookableStylist(db: Db, stylistId: string, field = 'body.stylistId'): Promise<StylistWithName> {
  const row = await loadStylist(db, stylistId);
  if (!row || row.status !== 'APPROVED')
    throw new ApiError('ResourceNotFoundException', 'No such stylist', { fieldErrors: { [field]: ['No bookable stylist with this id'] } });
  return row;
}

// ───────────────────────────── presentation ─────────────────────────────

export function portraitUrl(row: Pick<StylistRow, 'portraitName'>): string | undefined {
  return row.portraitName ? generatedImageUrl('portrait', row.portraitName, 640, 'webp') : undefined;
}

const moneyOf = (minor: number, currency: string) => toDto({ minor, currency: currency as Currency });

export function presentService(row: typeof stylistServices.$inferSelect): StylistService {
  return {
    serviceId: row.id,
    kind: row.kind,
    name: row.name,
    description: row.description,
    durationMinutes: row.durationMinutes,
    price: moneyOf(row.priceMinor, row.currency) as StylistService['price'],
    active: row.active,
  };
}

function presentPortfolioItem(row: typeof stylistPortfolioItems.$inferSelect): PortfolioItem {
  return {
    itemId: row.id,
    title: row.title,
    imageUrl: row.imageUrl,
    ...(row.mediaId ? { mediaId: row.mediaId } : {}),
    ...(row.description ? { description: row.description } : {}),
    ...(row.clientName ? { clientName: row.clientName } : {}),
    ...(row.date ? { date: row.date.toISOString() } : {}),
    tags: row.tags,
  };
}

/** Stylists as the API shows them, with services and portfolio loaded in two queries for the whole list. */
export function activeServicesOf(db: Db, ids: readonly string[]) {
  return db
    .select()
    .from(stylistServices)
    .where(and(inArray(stylistServices.stylistId, [...ids]), eq(stylistServices.active, true)))
    .orderBy(asc(stylistServices.durationMinutes), asc(stylistServices.id));
}

export async function presentStylists(
  db: Db,
  rows: readonly StylistWithName[],
  viewer: Actor | undefined,
  opts: { portfolio?: boolean; services?: (typeof stylistServices.$inferSelect)[] } = {},
): Promise<Stylist[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [services, portfolio] = await Promise.all([
    opts.services ? Promise.resolve(opts.services) : activeServicesOf(db, ids),
    opts.portfolio === false
      ? Promise.resolve([])
      : db
          .select()
          .from(stylistPortfolioItems)
          .where(inArray(stylistPortfolioItems.stylistId, ids))
          .orderBy(asc(stylistPortfolioItems.position), asc(stylistPortfolioItems.id)),
  ]);
  return rows.map((row) => {
    const privileged = ownsStylist(viewer, row) || isAdmin(viewer);
    const url = portraitUrl(row);
    return {
      stylistId: row.id,
      userId: row.userId,
      firstName: row.firstName,
      lastName: row.lastName,
      headline: row.headline,
      bio: row.bio,
      specialties: row.specialties,
      styleTags: row.styleTags,
      languages: row.languages,
      experienceYears: row.experienceYears,
      rate: moneyOf(row.rateMinor, row.rateCurrency) as Stylist['rate'],
      portfolio: portfolio.filter((p) => p.stylistId === row.id).map(presentPortfolioItem),
      services: services.filter((s) => s.stylistId === row.id).map(presentService),
      ...(row.reviewCount > 0 ? { rating: Math.round((row.ratingSum / row.reviewCount) * 100) / 100 } : {}),
      reviewCount: row.reviewCount,
      responseRate: row.requestsReceived > 0 ? Math.round((row.requestsAnswered / row.requestsReceived) * 100) / 100 : 1,
      city: row.city,
      country: row.country,
      ...(row.latitude !== null ? { latitude: row.latitude } : {}),
      ...(row.longitude !== null ? { longitude: row.longitude } : {}),
      travelRadiusKm: row.travelRadiusKm,
      offersVirtual: row.offersVirtual,
      timeZone: row.timeZone,
      ...(url ? { portraitUrl: url } : {}),
      cancellationPolicy: { freeCancellationHours: row.freeCancellationHours },
      status: row.status,
      ...(privileged && row.vettingNotes ? { vettingNotes: row.vettingNotes } : {}),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

async function presentOne(db: Db, row: StylistWithName, viewer: Actor | undefined): Promise<Stylist> {
  return (await presentStylists(db, [row], viewer))[0]!;
}

// ───────────────────────────── validation helpers ─────────────────────────────

function minorFrom(dto: { amount: number; currency: string }, field: string) {
  try {
    return fromDto(dto);
  } catch (err) {
    if (err instanceof MoneyError) throw new ApiError('ValidationException', err.message, { fieldErrors: { [field]: [err.message] } });
    throw err;
  }
}

/**
 * Portfolio images are our own media paths only (media's strict rule: no `..`, no quotes, no other host) and an
 * upload must be the stylist's own (an administrator may place any); the URL stored is always one we built.
 */
async function resolvePortfolioItems(db: Db, ownerUserId: string, actor: Actor, items: readonly PortfolioItemInput[], field: string) {
  const user = { userId: ownerUserId, admin: isAdmin(actor) };
  const resolved: Array<{ imageUrl: string; mediaId: string | null }> = [];
  for (const [index, item] of items.entries()) {
    const refuse = (key: 'mediaId' | 'imageUrl', message: string): never => {
      throw new ApiError('ValidationException', message, { fieldErrors: { [`${field}.${index}.${key}`]: [message] } });
    };
    const path = item.imageUrl !== undefined ? parseMediaPath(item.imageUrl) : undefined;
    if (item.imageUrl !== undefined && !path) refuse('imageUrl', 'Use an image uploaded through the media API (POST /api/v1/media)');
    const mediaId = item.mediaId ?? (path && 'mediaId' in path ? path.mediaId : undefined);
    if (mediaId === undefined) {
      resolved.push({ imageUrl: item.imageUrl!, mediaId: null });
      continue;
    }
    const asset = await findUsableUpload(db, mediaId, user);
    if (!asset)
      refuse(item.mediaId ? 'mediaId' : 'imageUrl', 'This image is not one of your uploads: upload it first (POST /api/v1/media)');
    const width = [...asset!.widths].reverse().find((w) => w <= 1280) ?? asset!.widths[0]!;
    resolved.push({ imageUrl: uploadUrl(asset!.id, width, 'jpg'), mediaId: asset!.id });
  }
  return items.map((item, index) => {
    const { imageUrl, mediaId } = resolved[index]!;
    return {
      id: uuidv7(),
      position: index,
      title: item.title,
      imageUrl,
      mediaId,
      description: item.description ?? null,
      clientName: item.clientName ?? null,
      date: item.date ? new Date(item.date) : null,
      tags: item.tags ?? [],
    };
  });
}

function profileValues(input: UpdateStylistInput) {
  const out: Partial<typeof stylists.$inferInsert> = {};
  if (input.headline !== undefined) out.headline = input.headline;
  if (input.bio !== undefined) out.bio = input.bio;
  if (input.specialties !== undefined) out.specialties = [...new Set(input.specialties)];
  if (input.styleTags !== undefined) out.styleTags = [...new Set(input.styleTags)];
  if (input.languages !== undefined) out.languages = [...new Set(input.languages)];
  if (input.experienceYears !== undefined) out.experienceYears = input.experienceYears;
  if (input.rate !== undefined) {
    const rate = minorFrom(input.rate, 'body.rate');
    out.rateMinor = rate.minor;
    out.rateCurrency = rate.currency;
    out.rateEurMinor = toEurMinor(rate);
  }
  if (input.city !== undefined) out.city = input.city;
  if (input.country !== undefined) out.country = input.country;
  if (input.latitude !== undefined) out.latitude = input.latitude;
  if (input.longitude !== undefined) out.longitude = input.longitude;
  if (input.travelRadiusKm !== undefined) out.travelRadiusKm = input.travelRadiusKm;
  if (input.offersVirtual !== undefined) out.offersVirtual = input.offersVirtual;
  if (input.timeZone !== undefined) out.timeZone = input.timeZone;
  return out;
}

// ───────────────────────────── profiles ─────────────────────────────

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
      const items = await resolvePortfolioItems(tx, input.userId, actor, input.portfolio, 'body.portfolio');
      await tx.insert(stylistPortfolioItems).values(items.map((i) => ({ ...i, stylistId: id })));
    }
  });
  invalidateMatchingIndex(ctx.db);
  return presentOne(ctx.db, (await loadStylist(ctx.db, id))!, actor);
}

export async function getStylist(ctx: AppContext, viewer: Actor | undefined, stylistId: string): Promise<Stylist> {
  return presentOne(ctx.db, await requireVisibleStylist(ctx.db, viewer, stylistId), viewer);
}

export async function getMyStylist(ctx: AppContext, actor: Actor): Promise<Stylist> {
  const [found] = await ctx.db
    .select({ id: stylists.id })
    .from(stylists)
    .where(and(eq(stylists.userId, actor.userId), isNull(stylists.deletedAt)));
  if (!found) throw new ApiError('ResourceNotFoundException', 'You have no stylist profile yet');
  return presentOne(ctx.db, (await loadStylist(ctx.db, found.id))!, actor);
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
      const items = await resolvePortfolioItems(tx, row.userId, actor, input.portfolio, 'body.portfolio');
      await tx.delete(stylistPortfolioItems).where(eq(stylistPortfolioItems.stylistId, stylistId));
      if (items.length) await tx.insert(stylistPortfolioItems).values(items.map((i) => ({ ...i, stylistId })));
    }
  });
  invalidateMatchingIndex(ctx.db);
  return presentOne(ctx.db, (await loadStylist(ctx.db, stylistId))!, actor);
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
    stylists: await presentStylists(ctx.db, await withNames(ctx.db, page.items), undefined, { portfolio: false }),
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
    stylists: await presentStylists(ctx.db, await withNames(ctx.db, page.items), undefined),
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
      .set({ status, vettingNotes: input.notes ?? null, vettedAt: new Date(), vettedBy: actor.userId, updatedAt: new Date() })
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
  return presentOne(ctx.db, (await loadStylist(ctx.db, stylistId))!, actor);
}

// ───────────────────────────── services and portfolio ─────────────────────────────

function serviceValues(input: StylistServiceInput) {
  const price = minorFrom(input.price, 'body.price');
  return {
    kind: input.kind,
    name: input.name,
    description: input.description ?? '',
    durationMinutes: input.durationMinutes,
    priceMinor: price.minor,
    currency: price.currency,
    active: input.active ?? true,
  };
}

export async function addService(ctx: AppContext, actor: Actor, stylistId: string, input: StylistServiceInput): Promise<StylistService> {
  await requireManageableStylist(ctx.db, actor, stylistId);
  const [row] = await ctx.db
    .insert(stylistServices)
    .values({ id: uuidv7(), stylistId, ...serviceValues(input) })
    .returning();
  return presentService(row!);
}

export async function updateService(
  ctx: AppContext,
  actor: Actor,
  stylistId: string,
  serviceId: string,
  input: StylistServiceInput,
): Promise<StylistService> {
  await requireManageableStylist(ctx.db, actor, stylistId);
  const [row] = await ctx.db
    .update(stylistServices)
    .set(serviceValues(input))
    .where(and(eq(stylistServices.id, serviceId), eq(stylistServices.stylistId, stylistId)))
    .returning();
  if (!row) throw new ApiError('ResourceNotFoundException', 'No such service');
  return presentService(row);
}

/** Withdraws a service: it stays for past bookings but can no longer be requested. */
export async function deleteService(ctx: AppContext, actor: Actor, stylistId: string, serviceId: string): Promise<void> {
  await requireManageableStylist(ctx.db, actor, stylistId);
  const [row] = await ctx.db
    .update(stylistServices)
    .set({ active: false })
    .where(and(eq(stylistServices.id, serviceId), eq(stylistServices.stylistId, stylistId)))
    .returning({ id: stylistServices.id });
  if (!row) throw new ApiError('ResourceNotFoundException', 'No such service');
}

export async function addPortfolioItem(
  ctx: AppContext,
  actor: Actor,
  stylistId: string,
  input: PortfolioItemInput,
): Promise<PortfolioItem> {
  const stylist = await requireManageableStylist(ctx.db, actor, stylistId);
  const [item] = await resolvePortfolioItems(ctx.db, stylist.userId, actor, [input], 'body');
  const [{ n }] = (await ctx.db
    .select({ n: sql<number>`coalesce(max(${stylistPortfolioItems.position}) + 1, 0)::int` })
    .from(stylistPortfolioItems)
    .where(eq(stylistPortfolioItems.stylistId, stylistId))) as [{ n: number }];
  const { mediaId, ...rest } = item!;
  const [row] = await ctx.db
    .insert(stylistPortfolioItems)
    .values({ ...rest, mediaId, position: n, stylistId })
    .returning();
  return presentPortfolioItem(row!);
}

export async function deletePortfolioItem(ctx: AppContext, actor: Actor, stylistId: string, itemId: string): Promise<void> {
  await requireManageableStylist(ctx.db, actor, stylistId);
  const removed = await ctx.db
    .delete(stylistPortfolioItems)
    .where(and(eq(stylistPortfolioItems.id, itemId), eq(stylistPortfolioItems.stylistId, stylistId)))
    .returning({ id: stylistPortfolioItems.id });
  if (!removed.length) throw new ApiError('ResourceNotFoundException', 'No such portfolio item');
}

// ───────────────────────────── schedule, windows, availability ─────────────────────────────

export function rulesOf(row: Pick<StylistRow, 'timeZone' | 'weekly' | 'bufferMinutes' | 'minNoticeHours' | 'horizonDays'>) {
  return {
    timeZone: row.timeZone,
    weekly: row.weekly,
    bufferMinutes: row.bufferMinutes,
    minNoticeHours: row.minNoticeHours,
    horizonDays: row.horizonDays,
  };
}

const presentWindow = (w: typeof stylistAvailabilityWindows.$inferSelect): AvailabilitySlot => ({
  slotId: w.id,
  startTime: w.startAt.toISOString(),
  endTime: w.endAt.toISOString(),
  status: w.kind,
});

async function upcomingWindows(db: Db, stylistId: string) {
  return db
    .select()
    .from(stylistAvailabilityWindows)
    .where(and(eq(stylistAvailabilityWindows.stylistId, stylistId), gt(stylistAvailabilityWindows.endAt, new Date())))
    .orderBy(asc(stylistAvailabilityWindows.startAt));
}

export async function getSchedule(ctx: AppContext, actor: Actor, stylistId: string) {
  const row = await requireManageableStylist(ctx.db, actor, stylistId);
  return {
    schedule: rulesOf(row),
    windows: (await upcomingWindows(ctx.db, stylistId)).map(presentWindow),
    cancellationPolicy: { freeCancellationHours: row.freeCancellationHours },
  };
}

export async function updateSchedule(ctx: AppContext, actor: Actor, stylistId: string, input: UpdateScheduleInput) {
  await requireManageableStylist(ctx.db, actor, stylistId);
  const weekly: WeeklyRange[] = input.weekly.map((r) => ({ day: r.day, start: r.start, end: r.end }));
  await ctx.db
    .update(stylists)
    .set({
      timeZone: input.timeZone,
      weekly,
      bufferMinutes: input.bufferMinutes,
      minNoticeHours: input.minNoticeHours,
      horizonDays: input.horizonDays,
      updatedAt: new Date(),
    })
    .where(eq(stylists.id, stylistId));
  return getSchedule(ctx, actor, stylistId);
}

export async function setCancellationPolicy(
  ctx: AppContext,
  actor: Actor,
  stylistId: string,
  input: CancellationPolicy,
): Promise<CancellationPolicy> {
  await requireManageableStylist(ctx.db, actor, stylistId);
  await ctx.db
    .update(stylists)
    .set({ freeCancellationHours: input.freeCancellationHours, updatedAt: new Date() })
    .where(eq(stylists.id, stylistId));
  return { freeCancellationHours: input.freeCancellationHours };
}

/** UpdateStylistAvailability: replaces the upcoming date-specific windows; past windows stay as history. */
export async function updateAvailabilityWindows(
  ctx: AppContext,
  actor: Actor,
  stylistId: string,
  input: UpdateStylistAvailabilityInput,
): Promise<AvailabilitySlot[]> {
  await requireManageableStylist(ctx.db, actor, stylistId);
  const now = Date.now();
  const fieldErrors: Record<string, string[]> = {};
  input.availability.forEach((w, i) => {
    const start = Date.parse(w.startTime);
    const end = Date.parse(w.endTime);
    if (end <= now) fieldErrors[`body.availability.${i}.endTime`] = ['This window is already over'];
    else if (end - start > MAX_RANGE_DAYS * DAY)
      fieldErrors[`body.availability.${i}.endTime`] = [`A window spans at most ${MAX_RANGE_DAYS} days`];
    else if (start > now + 400 * DAY) fieldErrors[`body.availability.${i}.startTime`] = ['At most 400 days ahead'];
  });
  if (Object.keys(fieldErrors).length) throw new ApiError('ValidationException', 'Some windows are not valid', { fieldErrors });
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(stylistAvailabilityWindows)
      .where(and(eq(stylistAvailabilityWindows.stylistId, stylistId), gt(stylistAvailabilityWindows.endAt, new Date(now))));
    if (input.availability.length) {
      await tx.insert(stylistAvailabilityWindows).values(
        input.availability.map((w) => ({
          id: uuidv7(),
          stylistId,
          kind: w.status,
          startAt: new Date(w.startTime),
          endAt: new Date(w.endTime),
        })),
      );
    }
  });
  return (await upcomingWindows(ctx.db, stylistId)).map(presentWindow);
}

/** A [from, to) range from two instants: end after start, at most 62 days. */
export function checkedRange(fromIso: string | undefined, toIso: string | undefined, fromField: string, toField: string): Interval {
  if (!fromIso || !toIso) {
    const field = fromIso ? toField : fromField;
    throw new ApiError('ValidationException', 'Give both ends of the range', { fieldErrors: { [field]: ['Required with the other end'] } });
  }
  const start = Date.parse(fromIso);
  const end = Date.parse(toIso);
  if (end <= start)
    throw new ApiError('ValidationException', 'The end must come after the start', {
      fieldErrors: { [toField]: ['Must be after the start'] },
    });
  if (end - start > MAX_RANGE_DAYS * DAY) {
    throw new ApiError('ValidationException', `A range spans at most ${MAX_RANGE_DAYS} days`, {
      fieldErrors: { [toField]: [`At most ${MAX_RANGE_DAYS} days after the start`] },
    });
  }
  return { start, end };
}

type RulesRow = Pick<StylistRow, 'id' | 'timeZone' | 'weekly' | 'bufferMinutes' | 'minNoticeHours' | 'horizonDays'>;

/**
 * Windows and booking blocks of several stylists around [from, to), in ONE round trip: per stylist two index range
 * scans ((stylist_id, start_at) on windows and bookings) aggregated into arrays of epoch milliseconds, so the driver
 * parses numbers, not thousands of timestamps. Sessions last at most 12 h plus a 4 h buffer: a start window one day
 * wider than the range finds every block that overlaps it.
 */
export async function loadAvailabilityInputs(
  db: Db,
  rows: readonly RulesRow[],
  range: Interval,
  now: number,
): Promise<Map<string, AvailabilityInput>> {
  return withRules(
    rows,
    await loadAvailabilityData(
      db,
      rows.map((r) => r.id),
      range,
    ),
    now,
  );
}

export type AvailabilityData = Map<string, Pick<AvailabilityInput, 'windows' | 'bookings'>>;

/** The windows and blocks alone (only ids needed), so callers can fetch them beside other reads. */
export async function loadAvailabilityData(db: Db, ids: readonly string[], range: Interval): Promise<AvailabilityData> {
  const out: AvailabilityData = new Map();
  if (!ids.length) return out;
  const from = new Date(range.start - DAY);
  const to = new Date(range.end + DAY);
  const found = await queryRows<{ id: string; windows: [string, number, number][] | null; blocks: [number, number][] | null }>(
    db,
    sql`select s.id,
          (select json_agg(json_build_array(w.kind, (extract(epoch from w.start_at) * 1000)::bigint, (extract(epoch from w.end_at) * 1000)::bigint))
             from stylist_availability_windows w where w.stylist_id = s.id and w.start_at < ${to} and w.end_at > ${from}) as windows,
          (select json_agg(json_build_array((extract(epoch from b.block_start) * 1000)::bigint, (extract(epoch from b.block_end) * 1000)::bigint))
             from stylist_bookings b
             where b.stylist_id = s.id and b.status in ('CONFIRMED', 'COMPLETED') and b.start_at > ${from} and b.start_at < ${to}) as blocks
        from unnest(${sql.param([...ids])}::uuid[]) as s(id)`,
  );
  for (const f of found) {
    out.set(f.id, {
      windows: (f.windows ?? []).map(([kind, start, end]): Window => ({
        kind: kind as Window['kind'],
        start: Number(start),
        end: Number(end),
      })),
      bookings: (f.blocks ?? []).map(([start, end]) => ({ start: Number(start), end: Number(end) })),
    });
  }
  return out;
}

export function withRules(rows: readonly RulesRow[], data: AvailabilityData, now: number): Map<string, AvailabilityInput> {
  return new Map(
    rows.map((row) => [
      row.id,
      { rules: rulesOf(row), windows: data.get(row.id)?.windows ?? [], bookings: data.get(row.id)?.bookings ?? [], now },
    ]),
  );
}

type ServiceRow = typeof stylistServices.$inferSelect;

/**
 * Matching, step 1: the availability inputs (rules, windows, booking blocks around `range`) of the best candidates by
 * static score, in one prepared statement with narrow rows: no profile text is read for stylists that may not make
 * the list. Candidates no longer APPROVED (the in-memory projection may be seconds old) are simply absent.
 */
export async function loadCandidateAvailability(
  db: Db,
  ids: readonly string[],
  range: Interval,
  now: number,
): Promise<Map<string, AvailabilityInput>> {
  const out = new Map<string, AvailabilityInput>();
  if (!ids.length) return out;
  let query = candidateAvailabilityQueries.get(db);
  if (!query) candidateAvailabilityQueries.set(db, (query = prepareCandidateAvailabilityQuery(db)));
  const found = await query.execute({
    ids: [...ids],
    from: new Date(range.start - DAY).toISOString(),
    to: new Date(range.end + DAY).toISOString(),
  });
  for (const f of found) {
    out.set(f.id, {
      rules: rulesOf(f),
      windows: (f.windows ?? []).map(([kind, start, end]): Window => ({
        kind: kind as Window['kind'],
        start: Number(start),
        end: Number(end),
      })),
      bookings: (f.blocks ?? []).map(([start, end]) => ({ start: Number(start), end: Number(end) })),
      now,
    });
  }
  return out;
}

function prepareCandidateAvailabilityQuery(db: Db) {
  return db
    .select(availabilityColumns())
    .from(stylists)
    .where(and(sql`${stylists.id} = any(${sql.placeholder('ids')}::uuid[])`, eq(stylists.status, 'APPROVED'), isNull(stylists.deletedAt)))
    .prepare('stylists_candidate_availability');
}
const candidateAvailabilityQueries = new WeakMap<Db, ReturnType<typeof prepareCandidateAvailabilityQuery>>();

/**
 * Matching, step 2: the profiles with names and active services of the stylists that made the list (a handful), in
 * one prepared statement. Only APPROVED stylists come back.
 */
export async function loadMatchedProfiles(db: Db, ids: readonly string[]): Promise<{ rows: StylistWithName[]; services: ServiceRow[] }> {
  if (!ids.length) return { rows: [], services: [] };
  let query = matchedProfileQueries.get(db);
  if (!query) matchedProfileQueries.set(db, (query = prepareMatchedProfilesQuery(db)));
  const found = await query.execute({ ids: [...ids] });
  const services: ServiceRow[] = [];
  const rows = found.map((f) => {
    for (const v of f.services ?? [])
      services.push({ ...v, stylistId: f.row.id, priceMinor: Number(v.priceMinor), active: true, createdAt: new Date(0) });
    return f.row;
  });
  return { rows: await withNames(db, rows), services };
}

function prepareMatchedProfilesQuery(db: Db) {
  return db
    .select({
      row: stylists,
      services: sql<
        | {
            id: string;
            kind: ServiceRow['kind'];
            name: string;
            description: string;
            durationMinutes: number;
            priceMinor: number;
            currency: string;
          }[]
        | null
      >`(
        select json_agg(json_build_object('id', v.id, 'kind', v.kind, 'name', v.name, 'description', v.description, 'durationMinutes', v.duration_minutes,
                                          'priceMinor', v.price_minor, 'currency', v.currency) order by v.duration_minutes, v.id)
        from stylist_services v where v.stylist_id = "stylists"."id" and v.active)`,
    })
    .from(stylists)
    .where(and(sql`${stylists.id} = any(${sql.placeholder('ids')}::uuid[])`, eq(stylists.status, 'APPROVED'), isNull(stylists.deletedAt)))
    .prepare('stylists_matched_profiles');
}
const matchedProfileQueries = new WeakMap<Db, ReturnType<typeof prepareMatchedProfilesQuery>>();

// GetStylistAvailability: the rules, windows and booking blocks of one stylist in one round trip, a statement
// built and prepared once per database (this is the hottest read of the marketplace).
const windowsOf = (from: SQL, to: SQL) => sql<
  [string, number, number][] | null
>`(select json_agg(json_build_array(w.kind, (extract(epoch from w.start_at) * 1000)::bigint, (extract(epoch from w.end_at) * 1000)::bigint))
    from stylist_availability_windows w where w.stylist_id = "stylists"."id" and w.start_at < ${to} and w.end_at > ${from})`;
const blocksOf = (from: SQL, to: SQL) => sql<
  [number, number][] | null
>`(select json_agg(json_build_array((extract(epoch from b.block_start) * 1000)::bigint, (extract(epoch from b.block_end) * 1000)::bigint))
    from stylist_bookings b where b.stylist_id = "stylists"."id" and b.status in ('CONFIRMED', 'COMPLETED') and b.start_at > ${from} and b.start_at < ${to})`;

/** A stylist's scheduling rules with its windows and booking blocks between the `from` and `to` placeholders. */
function availabilityColumns() {
  const from = sql`${sql.placeholder('from')}::timestamptz`;
  const to = sql`${sql.placeholder('to')}::timestamptz`;
  return {
    id: stylists.id,
    timeZone: stylists.timeZone,
    weekly: stylists.weekly,
    bufferMinutes: stylists.bufferMinutes,
    minNoticeHours: stylists.minNoticeHours,
    horizonDays: stylists.horizonDays,
    windows: windowsOf(from, to),
    blocks: blocksOf(from, to),
  };
}

function prepareAvailabilityQuery(db: Db) {
  return db
    .select({ ...availabilityColumns(), userId: stylists.userId, status: stylists.status })
    .from(stylists)
    .where(and(eq(stylists.id, sql.placeholder('id')), isNull(stylists.deletedAt)))
    .prepare('stylists_availability');
}
const availabilityQueries = new WeakMap<Db, ReturnType<typeof prepareAvailabilityQuery>>();

async function availabilityRow(db: Db, stylistId: string, range: Interval) {
  let query = availabilityQueries.get(db);
  if (!query) availabilityQueries.set(db, (query = prepareAvailabilityQuery(db)));
  const [row] = await query.execute({
    id: stylistId,
    from: new Date(range.start - DAY).toISOString(),
    to: new Date(range.end + DAY).toISOString(),
  });
  return row;
}

/** GetStylistAvailability: slots between startDate and endDate (≤ 62 days), UTC instants. */
export async function getAvailability(
  ctx: AppContext,
  viewer: Actor | undefined,
  stylistId: string,
  query: { startDate: string; endDate: string; slotMinutes?: number; serviceId?: string },
): Promise<{ availability: AvailabilitySlot[]; timeZone: string }> {
  const range = checkedRange(query.startDate, query.endDate, 'query.startDate', 'query.endDate');
  const row = await availabilityRow(ctx.db, stylistId, range);
  if (!row || (row.status !== 'APPROVED' && !ownsStylist(viewer, row) && !isAdmin(viewer)))
    throw new ApiError('ResourceNotFoundException', 'No such stylist');
  let minutes = query.slotMinutes ?? 60;
  if (query.serviceId) {
    const [service] = await ctx.db
      .select({ durationMinutes: stylistServices.durationMinutes })
      .from(stylistServices)
      .where(and(eq(stylistServices.id, query.serviceId), eq(stylistServices.stylistId, stylistId)));
    if (!service)
      throw new ApiError('ValidationException', 'Not a service of this stylist', {
        fieldErrors: { 'query.serviceId': ['Not a service of this stylist'] },
      });
    minutes = query.slotMinutes ?? service.durationMinutes;
  }
  const input: AvailabilityInput = {
    rules: rulesOf(row),
    windows: (row.windows ?? []).map(([kind, start, end]): Window => ({
      kind: kind as Window['kind'],
      start: Number(start),
      end: Number(end),
    })),
    bookings: (row.blocks ?? []).map(([start, end]) => ({ start: Number(start), end: Number(end) })),
    now: Date.now(),
  };
  const slots = computeSlots(input, range.start, range.end, minutes);
  return {
    timeZone: row.timeZone,
    availability: slots.map((s) => ({
      slotId: `${row.id.slice(-12)}-${s.start.toString(36)}`,
      startTime: new Date(s.start).toISOString(),
      endTime: new Date(s.end).toISOString(),
      status: s.status,
    })),
  };
}
export { EUR_PER_UNIT } from './currency.ts';

/**
 * What a client and a stylist's account have done together, for messaging's policy: whether the client ever asked
 * for a session (a conversation may open) and whether the stylist accepted one (either may write directly).
 */
export async function bookingRelation(
  db: Db,
  clientId: string,
  stylistUserId: string,
): Promise<{ stylistId?: string; requested: boolean; accepted: boolean }> {
  const [row] = await queryRows<{ stylist_id: string; requested: boolean; accepted: boolean }>(
    db,
    sql`select s.id as stylist_id,
          exists (select 1 from booking_requests r where r.stylist_id = s.id and r.client_id = ${clientId}) as requested,
          exists (select 1 from booking_requests r where r.stylist_id = s.id and r.client_id = ${clientId} and r.status = 'ACCEPTED') as accepted
        from stylists s where s.user_id = ${stylistUserId} and s.deleted_at is null limit 1`,
  );
  if (!row) return { requested: false, accepted: false };
  return { stylistId: row.stylist_id, requested: row.requested, accepted: row.accepted };
}

/** Professional names and portraits of stylists by their account ids (a client's inbox). */
export async function stylistCardsByUserIds(
  db: Db,
  userIds: readonly string[],
): Promise<Map<string, { stylistId: string; name: string; portraitUrl?: string }>> {
  if (!userIds.length) return new Map();
  const rows = await withNames(
    db,
    await db
      .select()
      .from(stylists)
      .where(inArray(stylists.userId, [...userIds])),
  );
  return new Map(
    rows.map((r) => [
      r.userId,
      { stylistId: r.id, name: `${r.firstName} ${r.lastName}`.trim(), ...(portraitUrl(r) ? { portraitUrl: portraitUrl(r)! } : {}) },
    ]),
  );
}
