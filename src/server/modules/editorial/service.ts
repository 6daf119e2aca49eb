/**
 * Editorial: the Journal's articles, lookbooks, brand stories, events and the house's pages. The only file other
 * modules import. Every save is a version; an update names the version it was made from and a newer save answers
 * 409 with it; scheduled pieces publish at their minute (a job, exactly once, by a conditional update) and read as
 * published from that minute even before the job has run; VIP pieces exist only for private clients and the house.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AppContext, RequestMeta } from '../../context.ts';
import { publicOrigin } from '../../config.ts';
import { queryRows, type Db } from '../../db/client.ts';
import { audit } from '../../audit/service.ts';
import { describeWhen } from '../../../shared/time-words.ts';
import { cityOfPlace } from '../../../shared/zone-cities.ts';
import type { Actor } from '../../http/auth.ts';
import { ApiError } from '../../http/errors.ts';
import { cutPage, decodeCursor, TIME_KEY_FORMAT } from '../../http/pagination.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { enqueue } from '../../jobs/queue.ts';
import { decrypt, encrypt, lookupHash, openText, safeEqual, sealText } from '../../security/crypto.ts';
import { audienceOf, productsByIds } from '../catalog/service.ts';
import { accountKindsOf, accountNames, clientIdentitiesFor } from '../identity/service.ts';
import { readerTimeZone } from '../notifications/service.ts';
import { findUsableUpload, listMediaByPurpose, parseMediaPath } from '../media/service.ts';
import { getMyStylist, loadStylistsByIds, portraitUrl } from '../stylists/service.ts';
import { BodyError, checkDoc, embedsOf, parseBody, plainText, readingMinutes, blocksOf, type ContentDoc } from './body.ts';
import { contentCache, editorialNow } from './content-cache.ts';
import { diffLines } from './diff.ts';
import type { Content, ContentStatus, ContentType, CreateContentInput, ListContentQuery, UpdateContentInput } from './models.ts';
import { renderBlocks, renderHtml, type EmbeddedProduct, type EmbeddedStylist, type Embeds, type RenderedBlock } from './render.ts';
import {
  content,
  contactMessages,
  contentAutosaves,
  contentEditors,
  contentRsvps,
  contentSlots,
  contentVersions,
  type ContentSnapshot,
  type EventDetails,
} from './schema.ts';
import { SEED_PIECES } from './seed-content.ts';
import { instantOfLocal, localOfInstant } from './zone-time.ts';

export type { Content } from './models.ts';
export { editorialNow, advanceEditorialClock, listenForContentChanges } from './content-cache.ts';

type ContentRow = typeof content.$inferSelect;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const PUBLISH_JOB = 'editorial.publish-scheduled';

// ───────────────────────────── roles ─────────────────────────────

/** ADMIN and EDITOR (the house-editor permission) run all content; a STYLIST writes articles in their own name. */
export type EditorialRole = 'ADMIN' | 'EDITOR' | 'STYLIST';

export async function editorialRole(db: Db, actor: Actor | undefined): Promise<EditorialRole | undefined> {
  if (!actor) return undefined;
  if (actor.userType === 'ADMIN') return 'ADMIN';
  // Clients never hold staff permissions: no lookup on their reads.
  if (actor.userType === 'CLIENT') return undefined;
  const [editor] = await db
    .select({ userId: contentEditors.userId })
    .from(contentEditors)
    .where(eq(contentEditors.userId, actor.userId))
    .limit(1);
  if (editor) return 'EDITOR';
  return actor.userType === 'STYLIST' ? 'STYLIST' : undefined;
}

const isHouse = (role: EditorialRole | undefined): role is 'ADMIN' | 'EDITOR' => role === 'ADMIN' || role === 'EDITOR';

async function requireWriter(db: Db, actor: Actor): Promise<EditorialRole> {
  const role = await editorialRole(db, actor);
  if (!role)
    throw new ApiError(
      'AccessDeniedException',
      'Only house editors, administrators and stylists (for their own articles) can write content',
    );
  return role;
}

/** Private clients and the house read VIP pieces; nobody else ever sees them. */
function seesVip(actor: Actor | undefined, role: EditorialRole | undefined): boolean {
  return audienceOf(actor) === 'VIP' || isHouse(role);
}

// ───────────────────────────── presentation ─────────────────────────────

/** A scheduled piece whose minute has come reads as published, whether or not the job has run yet. */
function effectiveStatus(row: Pick<ContentRow, 'status' | 'publishAt'>, now: number): ContentStatus {
  return row.status === 'SCHEDULED' && row.publishAt && row.publishAt.getTime() <= now ? 'PUBLISHED' : row.status;
}

function presentEvent(row: ContentRow): Content['event'] {
  if (!row.event || row.capacity === null) return undefined;
  const e = row.event;
  return {
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    timeZone: e.timeZone,
    localStartsAt: localOfInstant(Date.parse(e.startsAt), e.timeZone),
    localEndsAt: localOfInstant(Date.parse(e.endsAt), e.timeZone),
    place: e.place,
    ...(e.address ? { address: e.address } : {}),
    attendance: e.attendance,
    capacity: row.capacity,
    seatsLeft: Math.max(0, row.capacity - row.seatsTaken),
  };
}

export function presentContent(row: ContentRow, now: number, view: 'full' | 'summary' = 'full'): Content {
  const status = effectiveStatus(row, now);
  const publishedAt = row.publishedAt ?? (status === 'PUBLISHED' && row.publishAt ? row.publishAt : null);
  const event = presentEvent(row);
  return {
    contentId: row.id,
    title: row.title,
    contentType: row.type,
    body: view === 'full' ? JSON.stringify(row.body) : '',
    status,
    tags: row.tags,
    ...(row.featuredImage ? { featuredImage: row.featuredImage } : {}),
    featuredImageAlt: row.featuredImageAlt,
    author: row.authorName,
    ...(row.authorStylistId ? { authorStylistId: row.authorStylistId } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    slug: row.slug,
    dek: row.dek,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    audience: row.audience,
    featured: row.featured,
    ...(row.publishAt && status === 'SCHEDULED' ? { publishAt: row.publishAt.toISOString() } : {}),
    ...(row.publishZone && status === 'SCHEDULED' ? { publishZone: row.publishZone } : {}),
    ...(publishedAt ? { publishedAt: publishedAt.toISOString() } : {}),
    reviewRequested: row.reviewRequestedAt !== null,
    readingMinutes: readingMinutes(row.bodyText),
    version: row.version,
    ...(event ? { event } : {}),
  };
}

function snapshotOf(row: ContentRow): ContentSnapshot {
  return {
    title: row.title,
    slug: row.slug,
    dek: row.dek,
    body: row.body,
    tags: row.tags,
    featuredImage: row.featuredImage,
    featuredImageAlt: row.featuredImageAlt,
    authorKind: row.authorKind,
    authorName: row.authorName,
    authorStylistId: row.authorStylistId,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    audience: row.audience,
    featured: row.featured,
    event: row.event,
    capacity: row.capacity,
    status: row.status,
  };
}

// ───────────────────────────── checks ─────────────────────────────

function invalid(field: string, message: string): never {
  throw new ApiError('ValidationException', message, { fieldErrors: { [field]: [message] } });
}

export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || 'piece';
}

const isMediaPath = (url: string) => parseMediaPath(url) !== undefined;

function bodyOf(body: string): ContentDoc {
  try {
    return parseBody(body, { isMediaPath });
  } catch (err) {
    if (err instanceof BodyError)
      throw new ApiError('ValidationException', err.problems[0]!, { fieldErrors: { 'body.body': err.problems } });
    throw err;
  }
}

/** Images must be ours (generated, or uploads the writer may use); embedded pieces and stylists must exist. */
async function checkReferences(
  db: Db,
  actor: Actor,
  role: EditorialRole,
  doc: ContentDoc,
  featuredImage: string | null | undefined,
): Promise<void> {
  const images: Array<{ src: string; field: string }> = [];
  if (featuredImage) images.push({ src: featuredImage, field: 'body.featuredImage' });
  for (const node of blocksOf(doc)) {
    if (node.type === 'image' || node.type === 'look') images.push({ src: node.attrs.src, field: 'body.body' });
    if (node.type === 'gallery') node.attrs.images.forEach((i) => images.push({ src: i.src, field: 'body.body' }));
  }
  for (const { src, field } of images) {
    const path = parseMediaPath(src);
    if (!path) invalid(field, `"${src.slice(0, 80)}" is not an image from the media library`);
    if ('mediaId' in path && !(await findUsableUpload(db, path.mediaId, { userId: actor.userId, admin: isHouse(role) })))
      invalid(field, 'That image is not in your media library');
  }
  const { productIds, stylistIds } = embedsOf(doc);
  if (productIds.length) {
    const found = new Set((await productsByIds(db, 'VIP', productIds)).map((p) => p.productId));
    const missing = productIds.filter((id) => !found.has(id));
    if (missing.length) invalid('body.body', `No piece in the catalogue with id ${missing[0]}`);
  }
  if (stylistIds.length) {
    const found = new Set((await loadStylistsByIds(db, stylistIds)).filter((s) => s.status === 'APPROVED').map((s) => s.id));
    const missing = stylistIds.filter((id) => !found.has(id));
    if (missing.length) invalid('body.body', `No stylist on the platform with id ${missing[0]}`);
  }
}

function eventOf(input: NonNullable<CreateContentInput['event']>): { event: EventDetails; capacity: number } {
  const start = instantOfLocal(input.startsAt, input.timeZone);
  const end = instantOfLocal(input.endsAt, input.timeZone);
  if ('error' in start)
    invalid(
      start.error === 'zone' ? 'body.event.timeZone' : 'body.event.startsAt',
      start.error === 'zone'
        ? 'Unknown time zone'
        : start.error === 'skipped'
          ? 'That time does not exist in this zone (the clocks go forward)'
          : 'Not a valid date and time',
    );
  if ('error' in end)
    invalid(
      end.error === 'zone' ? 'body.event.timeZone' : 'body.event.endsAt',
      end.error === 'skipped' ? 'That time does not exist in this zone (the clocks go forward)' : 'Not a valid date and time',
    );
  if (end.instant <= start.instant) invalid('body.event.endsAt', 'The event must end after it starts');
  return {
    event: {
      startsAt: new Date(start.instant).toISOString(),
      endsAt: new Date(end.instant).toISOString(),
      timeZone: input.timeZone,
      place: input.place,
      ...(input.address ? { address: input.address } : {}),
      attendance: input.attendance,
    },
    capacity: input.capacity,
  };
}

function publishTimeOf(input: { publishAt?: string; timeZone?: string }, now: number): { at: Date; zone: string } {
  if (!input.publishAt) invalid('body.publishAt', 'Choose when to publish');
  const zone = input.timeZone ?? 'UTC';
  const result = instantOfLocal(input.publishAt, zone);
  if ('error' in result) {
    if (result.error === 'zone') invalid('body.timeZone', 'Unknown time zone');
    invalid(
      'body.publishAt',
      result.error === 'skipped'
        ? 'That time does not exist in your zone on that day (the clocks go forward); choose another'
        : 'Not a valid date and time',
    );
  }
  if (result.instant <= now) invalid('body.publishAt', 'The publishing time has passed; choose a time in the future');
  return { at: new Date(result.instant), zone };
}

async function uniqueSlug(db: Db, wanted: string, exceptId?: string, explicit = false): Promise<string> {
  const taken = async (slug: string) => {
    const [row] = await db.select({ id: content.id }).from(content).where(eq(content.slug, slug)).limit(1);
    return row !== undefined && row.id !== exceptId;
  };
  if (!(await taken(wanted))) return wanted;
  if (explicit) invalid('body.slug', 'This address is already used by another piece');
  for (let n = 2; n < 100; n++) {
    const candidate = `${wanted.slice(0, 110)}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
  return `${wanted.slice(0, 100)}-${uuidv7().slice(-8)}`;
}

function isSlugConflict(err: unknown): boolean {
  return isUniqueViolation(err, 'content_slug_key');
}

// ───────────────────────────── writes ─────────────────────────────

async function recordVersion(db: Db, row: ContentRow, actor: Actor, savedByName: string, note = ''): Promise<void> {
  await db
    .insert(contentVersions)
    .values({ contentId: row.id, version: row.version, snapshot: snapshotOf(row), savedBy: actor.userId, savedByName, note });
}

async function nameOf(ctx: AppContext, actor: Actor, role: EditorialRole): Promise<{ authorName: string; stylistId?: string }> {
  if (role === 'STYLIST') {
    const stylist = await getMyStylist(ctx, actor);
    return { authorName: `${stylist.firstName} ${stylist.lastName}`.trim(), stylistId: stylist.stylistId };
  }
  return { authorName: 'The House' };
}

/** Statuses a writer may set: the house all of them, a stylist only drafts (an editor publishes). */
function checkStatusAllowed(role: EditorialRole, status: ContentStatus | undefined): void {
  if (status && status !== 'DRAFT' && !isHouse(role))
    throw new ApiError('AccessDeniedException', 'A house editor reviews and publishes stylists’ articles; submit it for review instead');
}

async function schedulePublication(db: Db, row: Pick<ContentRow, 'id' | 'publishAt' | 'version'>): Promise<void> {
  if (!row.publishAt) return;
  await enqueue(
    db,
    PUBLISH_JOB,
    { contentId: row.id, publishAt: row.publishAt.toISOString() },
    { runAt: row.publishAt, dedupeKey: `editorial.publish:${row.id}:${row.publishAt.toISOString()}` },
  );
}

/** CreateContent: a new piece, version 1. */
export async function createContent(ctx: AppContext, actor: Actor, input: CreateContentInput, meta: RequestMeta = {}): Promise<Content> {
  const role = await requireWriter(ctx.db, actor);
  if (role === 'STYLIST' && input.contentType !== 'ARTICLE')
    throw new ApiError('AccessDeniedException', 'Stylists write articles; the house writes the other kinds of piece');
  checkStatusAllowed(role, input.status);
  const now = editorialNow(ctx.db);
  const doc = bodyOf(input.body);
  await checkReferences(ctx.db, actor, role, doc, input.featuredImage);
  const own = await nameOf(ctx, actor, role);
  let authorStylistId: string | null = null;
  let authorName = own.authorName;
  let authorKind = 'HOUSE';
  if (role === 'STYLIST') {
    authorKind = 'STYLIST';
    authorStylistId = own.stylistId!;
  } else if (input.authorStylistId) {
    const [stylist] = (await loadStylistsByIds(ctx.db, [input.authorStylistId])).filter((s) => s.status === 'APPROVED');
    if (!stylist) invalid('body.authorStylistId', 'No stylist on the platform with this id');
    authorKind = 'STYLIST';
    authorStylistId = stylist.id;
    authorName = `${stylist.firstName} ${stylist.lastName}`;
  } else if (input.author) authorName = input.author;

  if (input.contentType === 'EVENT' && !input.event) invalid('body.event', 'An event needs its date, place and capacity');
  if (input.contentType !== 'EVENT' && input.event) invalid('body.event', 'Only events have event details');
  const event = input.event ? eventOf(input.event) : undefined;
  const schedule = input.status === 'SCHEDULED' ? publishTimeOf(input, now) : undefined;
  const slug = await uniqueSlug(ctx.db, input.slug ?? slugify(input.title), undefined, input.slug !== undefined);
  const id = uuidv7();
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(content)
        .values({
          id,
          type: input.contentType,
          status: input.status,
          slug,
          title: input.title,
          dek: input.dek ?? '',
          body: doc,
          bodyText: plainText(doc),
          tags: normaliseTags(input.tags ?? []),
          featuredImage: input.featuredImage ?? null,
          featuredImageAlt: input.featuredImageAlt ?? '',
          authorKind,
          authorName,
          authorStylistId,
          ownerId: actor.userId,
          seoTitle: input.seoTitle ?? '',
          seoDescription: input.seoDescription ?? '',
          audience: input.audience ?? 'EVERYONE',
          featured: isHouse(role) ? (input.featured ?? false) : false,
          publishAt: schedule?.at ?? null,
          publishZone: schedule?.zone ?? null,
          publishedAt: input.status === 'PUBLISHED' ? new Date(now) : null,
          event: event?.event ?? null,
          capacity: event?.capacity ?? null,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        })
        .returning();
      await recordVersion(tx, inserted!, actor, own.authorName, 'Created');
      if (inserted!.status === 'SCHEDULED') await schedulePublication(tx, inserted!);
      await audit(tx, {
        action: 'content.created',
        actorId: actor.userId,
        details: { contentId: id, type: input.contentType, status: input.status },
        meta,
      });
      return inserted!;
    });
    contentCache(ctx.db).invalidate();
    return presentContent(row, now);
  } catch (err) {
    if (isSlugConflict(err)) invalid('body.slug', 'This address is already used by another piece');
    throw err;
  }
}

function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

async function findRow(db: Db, idOrSlug: string): Promise<ContentRow | undefined> {
  const [row] = await db
    .select()
    .from(content)
    .where(UUID.test(idOrSlug) ? eq(content.id, idOrSlug.toLowerCase()) : eq(content.slug, idOrSlug))
    .limit(1);
  return row;
}

/** Whether `actor` may change this piece: the house always, a stylist their own unpublished article. */
function canEdit(role: EditorialRole | undefined, actor: Actor, row: ContentRow, now: number): boolean {
  if (isHouse(role)) return true;
  return role === 'STYLIST' && row.ownerId === actor.userId && effectiveStatus(row, now) === 'DRAFT';
}

/** A refused stale save: 409 with the piece as it now is, so the editor can compare and merge. */
export class StaleSaveError extends ApiError {
  constructor(readonly current: Content) {
    super(
      'ConflictException',
      `Someone saved this piece after the copy you edited (now version ${current.version}); compare and save again`,
      { reason: 'STALE_VERSION' },
    );
  }
}

/** UpdateContent: a partial edit, saved as the next version, refused when made from an older one. */
export async function updateContent(
  ctx: AppContext,
  actor: Actor,
  idOrSlug: string,
  input: UpdateContentInput,
  meta: RequestMeta = {},
): Promise<Content> {
  const role = await requireWriter(ctx.db, actor);
  const now = editorialNow(ctx.db);
  const before = await findRow(ctx.db, idOrSlug);
  if (!before || (!isHouse(role) && before.ownerId !== actor.userId)) throw new ApiError('ResourceNotFoundException', 'No such piece');
  if (!canEdit(role, actor, before, now))
    throw new ApiError('AccessDeniedException', 'This article has been published; a house editor can change it now');
  checkStatusAllowed(role, input.status);

  const doc = input.body !== undefined ? bodyOf(input.body) : undefined;
  if (doc || input.featuredImage) await checkReferences(ctx.db, actor, role, doc ?? { type: 'doc', content: [] }, input.featuredImage);
  if (input.event && before.type !== 'EVENT') invalid('body.event', 'Only events have event details');
  const event = input.event ? eventOf(input.event) : undefined;
  if (event && event.capacity < before.seatsTaken)
    invalid('body.event.capacity', `${before.seatsTaken} seats are already confirmed; the capacity cannot be lower`);
  const status = input.status ?? (input.publishAt ? 'SCHEDULED' : undefined);
  const schedule =
    status === 'SCHEDULED'
      ? publishTimeOf({ publishAt: input.publishAt, timeZone: input.timeZone ?? before.publishZone ?? undefined }, now)
      : undefined;
  const slug = input.slug && input.slug !== before.slug ? await uniqueSlug(ctx.db, input.slug, before.id, true) : undefined;
  let authorPatch: Partial<ContentRow> = {};
  if (isHouse(role) && input.authorStylistId !== undefined) {
    if (input.authorStylistId === null)
      authorPatch = { authorKind: 'HOUSE', authorStylistId: null, authorName: input.author ?? 'The House' };
    else {
      const [stylist] = (await loadStylistsByIds(ctx.db, [input.authorStylistId])).filter((s) => s.status === 'APPROVED');
      if (!stylist) invalid('body.authorStylistId', 'No stylist on the platform with this id');
      authorPatch = { authorKind: 'STYLIST', authorStylistId: stylist.id, authorName: `${stylist.firstName} ${stylist.lastName}` };
    }
  } else if (isHouse(role) && input.author !== undefined && before.authorKind === 'HOUSE') authorPatch = { authorName: input.author };
  const { authorName: savedByName } = await nameOf(ctx, actor, role).catch(() => ({ authorName: '' }));

  try {
    const row = await ctx.db.transaction(async (tx) => {
      const [locked] = await tx.select().from(content).where(eq(content.id, before.id)).for('update');
      if (!locked) throw new ApiError('ResourceNotFoundException', 'No such piece');
      if (input.expectedVersion !== undefined && input.expectedVersion !== locked.version)
        throw new StaleSaveError(presentContent(locked, now));
      const effective = effectiveStatus(locked, now);
      const nextStatus = status ?? (effective === 'PUBLISHED' && locked.status === 'SCHEDULED' ? 'PUBLISHED' : locked.status);
      const patch: Partial<typeof content.$inferInsert> = {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(slug ? { slug } : {}),
        ...(input.dek !== undefined ? { dek: input.dek } : {}),
        ...(doc ? { body: doc, bodyText: plainText(doc) } : {}),
        ...(input.tags !== undefined ? { tags: normaliseTags(input.tags) } : {}),
        ...(input.featuredImage !== undefined ? { featuredImage: input.featuredImage } : {}),
        ...(input.featuredImageAlt !== undefined ? { featuredImageAlt: input.featuredImageAlt } : {}),
        ...(input.seoTitle !== undefined ? { seoTitle: input.seoTitle } : {}),
        ...(input.seoDescription !== undefined ? { seoDescription: input.seoDescription } : {}),
        ...(input.audience !== undefined ? { audience: input.audience } : {}),
        ...(input.featured !== undefined && isHouse(role) ? { featured: input.featured } : {}),
        ...(event ? { event: event.event, capacity: event.capacity } : {}),
        ...authorPatch,
        status: nextStatus,
        publishAt: nextStatus === 'SCHEDULED' ? (schedule?.at ?? locked.publishAt) : nextStatus === 'PUBLISHED' ? locked.publishAt : null,
        publishZone:
          nextStatus === 'SCHEDULED' ? (schedule?.zone ?? locked.publishZone) : nextStatus === 'PUBLISHED' ? locked.publishZone : null,
        publishedAt:
          nextStatus === 'PUBLISHED'
            ? (locked.publishedAt ?? (effective === 'PUBLISHED' && locked.publishAt ? locked.publishAt : new Date(now)))
            : nextStatus === 'ARCHIVED'
              ? locked.publishedAt
              : null,
        reviewRequestedAt:
          nextStatus === 'PUBLISHED' || nextStatus === 'SCHEDULED'
            ? null
            : input.submitForReview === true
              ? new Date(now)
              : input.submitForReview === false
                ? null
                : locked.reviewRequestedAt,
        version: locked.version + 1,
        updatedBy: actor.userId,
        updatedAt: new Date(now),
      };
      if (nextStatus === 'SCHEDULED' && !patch.publishAt) invalid('body.publishAt', 'Choose when to publish');
      const [updated] = await tx
        .update(content)
        .set(patch)
        .where(and(eq(content.id, locked.id), eq(content.version, locked.version)))
        .returning();
      await recordVersion(tx, updated!, actor, savedByName, input.note ?? describeChange(locked, updated!, input.submitForReview === true));
      await tx.delete(contentAutosaves).where(and(eq(contentAutosaves.contentId, locked.id), eq(contentAutosaves.userId, actor.userId)));
      if (
        updated!.status === 'SCHEDULED' &&
        (locked.status !== 'SCHEDULED' || locked.publishAt?.getTime() !== updated!.publishAt?.getTime())
      )
        await schedulePublication(tx, updated!);
      if (locked.status !== updated!.status)
        await audit(tx, {
          action: `content.${updated!.status.toLowerCase()}`,
          actorId: actor.userId,
          details: { contentId: locked.id, from: locked.status },
          meta,
        });
      return updated!;
    });
    contentCache(ctx.db).invalidate();
    return presentContent(row, now);
  } catch (err) {
    if (isSlugConflict(err)) invalid('body.slug', 'This address is already used by another piece');
    throw err;
  }
}

function describeChange(before: ContentRow, after: ContentRow, submitted: boolean): string {
  if (submitted) return 'Submitted for review';
  if (before.status !== after.status) {
    return { DRAFT: 'Unpublished', SCHEDULED: 'Scheduled', PUBLISHED: 'Published', ARCHIVED: 'Archived' }[after.status];
  }
  return 'Edited';
}

/** DeleteContent: the house deletes any piece; a stylist only an unpublished article of their own. */
export async function deleteContent(ctx: AppContext, actor: Actor, idOrSlug: string, meta: RequestMeta = {}): Promise<void> {
  const role = await requireWriter(ctx.db, actor);
  const row = await findRow(ctx.db, idOrSlug);
  if (!row || (!isHouse(role) && row.ownerId !== actor.userId)) throw new ApiError('ResourceNotFoundException', 'No such piece');
  if (!canEdit(role, actor, row, editorialNow(ctx.db)))
    throw new ApiError('AccessDeniedException', 'This article has been published; a house editor can archive it');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(content).where(eq(content.id, row.id));
    await audit(tx, { action: 'content.deleted', actorId: actor.userId, details: { contentId: row.id, title: row.title }, meta });
  });
  contentCache(ctx.db).invalidate();
}

// ───────────────────────────── scheduled publishing ─────────────────────────────

/**
 * Publishes what has fallen due: one piece (the job of its schedule) or all. A conditional update, so however many
 * instances or retries run it, each piece goes from SCHEDULED to PUBLISHED once. Returns the ids it published.
 */
export async function publishDue(db: Db, now: number, contentId?: string): Promise<string[]> {
  const rows = await db
    .update(content)
    .set({ status: 'PUBLISHED', publishedAt: sql`${content.publishAt}`, updatedAt: new Date(now) })
    .where(
      and(
        eq(content.status, 'SCHEDULED'),
        sql`${content.publishAt} <= ${new Date(now).toISOString()}::timestamptz`,
        ...(contentId ? [eq(content.id, contentId)] : []),
      ),
    )
    .returning({ id: content.id });
  if (rows.length) contentCache(db).invalidate();
  return rows.map((r) => r.id);
}

// ───────────────────────────── reads ─────────────────────────────

const publishedSql = (now: number): SQL =>
  sql`(${content.status} = 'PUBLISHED' or (${content.status} = 'SCHEDULED' and ${content.publishAt} <= ${new Date(now).toISOString()}::timestamptz))`;
const audienceSql = (vip: boolean): SQL => (vip ? sql`true` : sql`${content.audience} = 'EVERYONE'`);

// The Journal's front page and its pieces (not previews, not the feed): the same document for every visitor.
const JOURNAL_DOCUMENT = /^\/journal(?:\/(?!preview\/|rss\.xml$)[^/]+)?$/;

/**
 * The Journal's rendered pages, for the web server to keep whole (web/document-cache.ts): dropped with the editorial
 * answers they show (a publish, an RSVP, any catalogue change, on every instance), and at a scheduled piece's minute.
 */
export function journalDocuments<D>(db: Db) {
  const cache = contentCache(db);
  return {
    covers: (path: string) => JOURNAL_DOCUMENT.test(path),
    get: (key: string) => cache.document(key, editorialNow(db)) as D | undefined,
    epoch: () => cache.documentEpoch,
    keep: (key: string, document: D, epoch: number) => cache.keepDocument(key, document, epoch, editorialNow(db)),
  };
}

async function nextDueAt(db: Db, now: number): Promise<number | undefined> {
  const [row] = await queryRows<{ due: string | Date | null }>(
    db,
    sql`select min(publish_at) as due from content where status = 'SCHEDULED' and publish_at > ${new Date(now).toISOString()}::timestamptz`,
  );
  return row?.due ? new Date(row.due).getTime() : undefined;
}

async function resolveEmbeds(db: Db, viewer: Actor | undefined, vip: boolean, doc: ContentDoc): Promise<Embeds> {
  const { productIds, stylistIds } = embedsOf(doc);
  const products = new Map<string, EmbeddedProduct>();
  if (productIds.length) {
    for (const p of await productsByIds(db, vip ? 'VIP' : audienceOf(viewer), productIds)) {
      const image = p.images[0];
      products.set(p.productId, {
        productId: p.productId,
        state: p.inventory <= 0 && p.purchaseMode === 'BUY_NOW' ? 'SOLD_OUT' : 'AVAILABLE',
        slug: p.slug,
        name: p.name,
        brandName: p.brandName,
        price: p.price,
        priceOnRequest: p.priceOnRequest,
        purchaseMode: p.purchaseMode,
        sizes: p.sizes,
        colors: p.colors,
        ...(image ? { image: { url: image.url, alt: image.alt ?? p.name } } : {}),
      });
    }
  }
  const stylists = new Map<string, EmbeddedStylist>();
  if (stylistIds.length) {
    for (const s of await loadStylistsByIds(db, stylistIds)) {
      if (s.status !== 'APPROVED') continue;
      const portrait = portraitUrl(s);
      stylists.set(s.id, {
        stylistId: s.id,
        available: true,
        name: `${s.firstName} ${s.lastName}`,
        headline: s.headline,
        city: s.city,
        ...(portrait ? { portrait } : {}),
      });
    }
  }
  return { products, stylists, isMediaPath };
}

export interface ContentPage {
  content: Content;
  bodyHtml: string;
  blocks: RenderedBlock[];
  related: Content[];
}

async function renderPage(db: Db, viewer: Actor | undefined, vip: boolean, row: ContentRow, now: number): Promise<ContentPage> {
  const embeds = await resolveEmbeds(db, viewer, vip, row.body);
  const related = await db
    .select()
    .from(content)
    .where(
      and(
        publishedSql(now),
        audienceSql(vip),
        sql`${content.id} <> ${row.id}`,
        sql`${content.type} <> 'PAGE'`,
        row.tags.length ? sql`${content.tags} && ${sql.param(row.tags)}::text[]` : eq(content.type, row.type),
      ),
    )
    .orderBy(desc(sql`coalesce(${content.publishedAt}, ${content.publishAt})`))
    .limit(3);
  return {
    content: presentContent(row, now),
    bodyHtml: renderHtml(row.body, embeds),
    blocks: renderBlocks(row.body, embeds),
    related: related.map((r) => presentContent(r, now, 'summary')),
  };
}

/** GetContent by id or slug: published pieces for their audience; drafts for the house and their own stylist. */
export async function getContent(ctx: AppContext, viewer: Actor | undefined, idOrSlug: string): Promise<ContentPage> {
  const db = ctx.db;
  const now = editorialNow(db);
  const role = await editorialRole(db, viewer);
  const vip = seesVip(viewer, role);
  // The public (and private clients) share cached pages; the house and authors read the database.
  if (!role) {
    return contentCache(db).get(
      `page:${vip ? 'vip' : 'public'}:${idOrSlug}`,
      now,
      () => nextDueAt(db, now),
      async () => {
        const row = await findRow(db, idOrSlug);
        if (!row || effectiveStatus(row, now) !== 'PUBLISHED' || (row.audience === 'VIP' && !vip))
          throw new ApiError('ResourceNotFoundException', 'No such piece');
        return renderPage(db, viewer, vip, row, now);
      },
      { showsPieces: true },
    );
  }
  const row = await findRow(db, idOrSlug);
  const mine = row?.ownerId === viewer?.userId;
  if (!row || (!isHouse(role) && !mine && (effectiveStatus(row, now) !== 'PUBLISHED' || (row.audience === 'VIP' && !vip))))
    throw new ApiError('ResourceNotFoundException', 'No such piece');
  return renderPage(db, viewer, vip || mine, row, now);
}

/**
 * ListContent. Readers get published pieces of their audience, newest first; the house lists every status (newest
 * change first); a stylist asking for a status other than PUBLISHED gets their own pieces in it.
 */
export async function listContent(
  ctx: AppContext,
  viewer: Actor | undefined,
  query: ListContentQuery,
): Promise<{ content: Content[]; nextToken?: string }> {
  const db = ctx.db;
  const now = editorialNow(db);
  const role = await editorialRole(db, viewer);
  const vip = seesVip(viewer, role);
  const reader =
    !query.mine && (query.status === undefined || query.status === 'PUBLISHED') ? !isHouse(role) || query.status === 'PUBLISHED' : false;
  if (!reader && !role) invalid(query.mine ? 'query.mine' : 'query.status', 'Only published pieces are listed; leave out the status');
  const run = async () => {
    const filters: SQL[] = [];
    let sortKey: SQL;
    let sort: string;
    if (reader) {
      filters.push(publishedSql(now), audienceSql(vip));
      sortKey = sql`coalesce(${content.publishedAt}, ${content.publishAt}, ${content.createdAt})`;
      sort = 'published';
    } else {
      if (query.status) {
        filters.push(
          query.status === 'SCHEDULED'
            ? sql`(${content.status} = 'SCHEDULED' and ${content.publishAt} > ${new Date(now).toISOString()}::timestamptz)`
            : query.status === 'PUBLISHED'
              ? publishedSql(now)
              : eq(content.status, query.status),
        );
      }
      if (role === 'STYLIST' || query.mine) filters.push(eq(content.ownerId, viewer!.userId));
      sortKey = sql`${content.updatedAt}`;
      sort = 'updated';
    }
    if (query.contentType) filters.push(eq(content.type, query.contentType));
    if (query.tags?.length) filters.push(sql`${content.tags} @> ${sql.param(normaliseTags(query.tags))}::text[]`);
    if (query.featured !== undefined) filters.push(eq(content.featured, query.featured));
    if (query.q) {
      for (const word of query.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 6)) {
        const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        filters.push(
          sql`(lower(${content.title}) like ${like} or lower(${content.dek}) like ${like} or lower(${content.bodyText}) like ${like} or ${word} = any(${content.tags}))`,
        );
      }
    }
    if (query.nextToken) {
      const c = decodeCursor(query.nextToken, sort, 'time');
      filters.push(sql`(${sortKey}, ${content.id}) < (${c.key}::timestamptz, ${c.id}::uuid)`);
    }
    const rows = await db
      .select({ row: content, key: sql<string>`to_char(${sortKey} at time zone 'UTC', ${TIME_KEY_FORMAT})` })
      .from(content)
      .where(and(...filters))
      .orderBy(desc(sortKey), desc(content.id))
      .limit(query.maxResults + 1);
    const page = cutPage(rows, query.maxResults, sort, (r) => ({ key: r.key, id: r.row.id }));
    return {
      content: page.items.map((r) => presentContent(r.row, now, query.view)),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  };
  if (!reader || role) return run();
  return contentCache(db).get(listKey(query, vip), now, () => nextDueAt(db, now), run);
}

const listKey = (query: ListContentQuery, vip: boolean) => `list:${vip ? 'vip' : 'public'}:${JSON.stringify(query)}`;

/** The ListContent URLs readers who are not signed in have asked for, and the cache key of their answer. */
const publicListKeys = new Map<string, string>();

/** Remembers which kept list answers `url` for a reader who is not signed in (after a first answer to it). */
export function rememberPublicList(url: string, query: ListContentQuery): void {
  if (publicListKeys.has(url)) return;
  // Links people share carry their own parameters: the map is emptied now and then rather than grow.
  if (publicListKeys.size >= 1_000) publicListKeys.clear();
  publicListKeys.set(url, listKey(query, false));
}

/** The kept answer to ListContent at `url` for a reader who is not signed in, if it is kept and current (no read). */
export function keptPublicList(db: Db, url: string): object | undefined {
  const key = publicListKeys.get(url);
  return key === undefined ? undefined : (contentCache(db).peek(key, editorialNow(db)) as object | undefined);
}

// ───────────────────────────── versions, diff, restore, autosave ─────────────────────────────

async function requireEditable(ctx: AppContext, actor: Actor, idOrSlug: string): Promise<{ role: EditorialRole; row: ContentRow }> {
  const role = await requireWriter(ctx.db, actor);
  const row = await findRow(ctx.db, idOrSlug);
  if (!row || (!isHouse(role) && row.ownerId !== actor.userId)) throw new ApiError('ResourceNotFoundException', 'No such piece');
  return { role, row };
}

export async function listVersions(ctx: AppContext, actor: Actor, idOrSlug: string) {
  const { row } = await requireEditable(ctx, actor, idOrSlug);
  const versions = await ctx.db
    .select()
    .from(contentVersions)
    .where(eq(contentVersions.contentId, row.id))
    .orderBy(desc(contentVersions.version));
  // Who saved: the person, even when the piece is signed "The House" (the name kept with the version otherwise).
  const people = await accountNames(
    ctx.db,
    versions.flatMap((v) => (v.savedBy ? [v.savedBy] : [])),
  );
  const personOf = (id: string | null) => {
    const person = id ? people.get(id) : undefined;
    return person ? `${person.firstName} ${person.lastName}`.trim() : undefined;
  };
  return versions.map((v) => ({
    version: v.version,
    savedAt: v.savedAt.toISOString(),
    ...(v.savedBy ? { savedBy: v.savedBy } : {}),
    savedByName: personOf(v.savedBy) || v.savedByName,
    note: v.note,
    status: v.snapshot.status,
    title: v.snapshot.title,
  }));
}

async function snapshotAt(db: Db, contentId: string, version: number, field: string): Promise<ContentSnapshot> {
  const [v] = await db
    .select()
    .from(contentVersions)
    .where(and(eq(contentVersions.contentId, contentId), eq(contentVersions.version, version)));
  if (!v)
    throw new ApiError('ResourceNotFoundException', `No version ${version} of this piece`, {
      fieldErrors: { [field]: ['No such version'] },
    });
  return v.snapshot;
}

const FIELD_LABELS: Array<[keyof ContentSnapshot, string]> = [
  ['title', 'Title'],
  ['slug', 'Address'],
  ['dek', 'Standfirst'],
  ['tags', 'Tags'],
  ['featuredImage', 'Featured image'],
  ['authorName', 'Author'],
  ['seoTitle', 'SEO title'],
  ['seoDescription', 'SEO description'],
  ['audience', 'Audience'],
  ['status', 'Status'],
  ['event', 'Event'],
  ['capacity', 'Capacity'],
];

/** What changed between two versions: the fields side by side, the body line by line. */
export async function diffVersions(ctx: AppContext, actor: Actor, idOrSlug: string, from: number, to: number) {
  const { row } = await requireEditable(ctx, actor, idOrSlug);
  const a = await snapshotAt(ctx.db, row.id, from, 'query.from');
  const b = await snapshotAt(ctx.db, row.id, to, 'query.to');
  const show = (v: unknown) =>
    v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
  const fields = FIELD_LABELS.filter(([k]) => show(a[k]) !== show(b[k])).map(([k, label]) => ({
    field: label,
    before: show(a[k]),
    after: show(b[k]),
  }));
  return { from, to, fields, body: diffLines(plainText(a.body), plainText(b.body)) };
}

/** Restores an older version as a new save (the history keeps everything in between). */
export async function restoreVersion(
  ctx: AppContext,
  actor: Actor,
  idOrSlug: string,
  version: number,
  expectedVersion: number | undefined,
  meta: RequestMeta = {},
): Promise<Content> {
  const { row } = await requireEditable(ctx, actor, idOrSlug);
  const snap = await snapshotAt(ctx.db, row.id, version, 'path.version');
  return updateContent(
    ctx,
    actor,
    row.id,
    {
      title: snap.title,
      slug: snap.slug,
      dek: snap.dek,
      body: JSON.stringify(snap.body),
      tags: snap.tags,
      featuredImage: snap.featuredImage,
      featuredImageAlt: snap.featuredImageAlt,
      seoTitle: snap.seoTitle,
      seoDescription: snap.seoDescription,
      audience: snap.audience,
      featured: snap.featured,
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
      note: `Restored version ${version}`,
    },
    meta,
  );
}

/** Autosave: the editor's one working draft of a piece, kept apart from the versions until they save. */
export async function saveAutosave(
  ctx: AppContext,
  actor: Actor,
  idOrSlug: string,
  input: { baseVersion: number; draft: Record<string, unknown> },
) {
  const { row } = await requireEditable(ctx, actor, idOrSlug);
  const savedAt = new Date();
  const draft = { ...input.draft };
  // The working draft is the editor's own, but it is still checked: what is kept must be what could be saved.
  if (typeof draft.body === 'string') draft.body = bodyOf(draft.body);
  await ctx.db
    .insert(contentAutosaves)
    .values({ contentId: row.id, userId: actor.userId, baseVersion: input.baseVersion, draft, savedAt })
    .onConflictDoUpdate({
      target: [contentAutosaves.contentId, contentAutosaves.userId],
      set: { baseVersion: input.baseVersion, draft, savedAt },
    });
  return { baseVersion: input.baseVersion, savedAt: savedAt.toISOString(), currentVersion: row.version };
}

export async function getAutosave(ctx: AppContext, actor: Actor, idOrSlug: string) {
  const { row } = await requireEditable(ctx, actor, idOrSlug);
  const [saved] = await ctx.db
    .select()
    .from(contentAutosaves)
    .where(and(eq(contentAutosaves.contentId, row.id), eq(contentAutosaves.userId, actor.userId)));
  if (!saved) throw new ApiError('ResourceNotFoundException', 'No working draft of yours for this piece');
  const draft = { ...saved.draft } as Record<string, unknown>;
  if (draft.body && typeof draft.body === 'object') draft.body = JSON.stringify(draft.body);
  return { baseVersion: saved.baseVersion, currentVersion: row.version, savedAt: saved.savedAt.toISOString(), draft };
}

// ───────────────────────────── preview links ─────────────────────────────

const PREVIEW_DAYS = 7;

/** A link that shows a draft to someone without an account, for a week; it names the version it was made for. */
export async function createPreviewLink(
  ctx: AppContext,
  actor: Actor,
  idOrSlug: string,
): Promise<{ token: string; url: string; expiresAt: string }> {
  const { row } = await requireEditable(ctx, actor, idOrSlug);
  const expires = Math.floor(editorialNow(ctx.db) / 1000) + PREVIEW_DAYS * 86_400;
  const payload = `${row.id}.${expires}`;
  const token = `${payload}.${lookupHash(ctx.keys, `content-preview:${payload}`).slice(0, 43)}`;
  return { token, url: `/journal/preview/${token}`, expiresAt: new Date(expires * 1000).toISOString() };
}

export async function getPreview(ctx: AppContext, token: string): Promise<ContentPage> {
  const parts = token.split('.');
  const refused = () => new ApiError('ResourceNotFoundException', 'This preview link is not valid or has expired');
  if (parts.length !== 3 || !UUID.test(parts[0]!) || !/^\d{1,12}$/.test(parts[1]!)) throw refused();
  const payload = `${parts[0]}.${parts[1]}`;
  if (!safeEqual(parts[2]!, lookupHash(ctx.keys, `content-preview:${payload}`).slice(0, 43))) throw refused();
  if (Number(parts[1]) * 1000 < editorialNow(ctx.db)) throw refused();
  const row = await findRow(ctx.db, parts[0]!);
  if (!row) throw refused();
  return renderPage(ctx.db, undefined, true, row, editorialNow(ctx.db));
}

// ───────────────────────────── events and RSVPs ─────────────────────────────

export interface RsvpView {
  contentId: string;
  status: 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED';
  waitlistPosition?: number;
  createdAt: string;
}

async function presentRsvp(db: Db, r: typeof contentRsvps.$inferSelect): Promise<RsvpView> {
  let position: number | undefined;
  if (r.status === 'WAITLISTED') {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from content_rsvps w join content_rsvps me on me.id = ${r.id} where w.content_id = me.content_id and w.status = 'WAITLISTED' and (w.created_at, w.id) <= (me.created_at, me.id)`,
    );
    position = Number(row?.n ?? 1);
  }
  return {
    contentId: r.contentId,
    status: r.status,
    ...(position !== undefined ? { waitlistPosition: position } : {}),
    createdAt: r.createdAt.toISOString(),
  };
}

async function requireRsvpableEvent(db: Db, actor: Actor, idOrSlug: string, now: number): Promise<ContentRow> {
  const role = await editorialRole(db, actor);
  const row = await findRow(db, idOrSlug);
  const vip = seesVip(actor, role);
  if (!row || row.type !== 'EVENT' || effectiveStatus(row, now) !== 'PUBLISHED' || (row.audience === 'VIP' && !vip) || !row.event)
    throw new ApiError('ResourceNotFoundException', 'No such event');
  const attendance = row.event.attendance;
  if (attendance === 'VIP' && actor.tier !== 'VIP')
    throw new ApiError('AccessDeniedException', 'This event is for private clients of the house');
  if (attendance === 'CLIENTS' && actor.userType !== 'CLIENT')
    throw new ApiError('AccessDeniedException', 'This event is for clients of the house');
  if (Date.parse(row.event.startsAt) <= now)
    throw new ApiError('ValidationException', 'This event has already begun', {
      fieldErrors: { 'path.contentId': ['The event has begun'] },
    });
  return row;
}

/**
 * Replies to an event: a seat while any is left, otherwise a place on the waiting list. The seat is taken by a
 * conditional update of the event's counter (never above capacity: a check constraint holds it too), so under any
 * concurrency the last seat goes to exactly one client. Replying twice answers the same reply.
 */
export async function rsvp(ctx: AppContext, actor: Actor, idOrSlug: string): Promise<RsvpView> {
  const now = editorialNow(ctx.db);
  const event = await requireRsvpableEvent(ctx.db, actor, idOrSlug, now);
  const result = await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(contentRsvps)
      .where(and(eq(contentRsvps.contentId, event.id), eq(contentRsvps.userId, actor.userId)))
      .for('update');
    if (existing && existing.status !== 'CANCELLED') return existing;
    const seat = await tx
      .update(content)
      .set({ seatsTaken: sql`${content.seatsTaken} + 1` })
      .where(and(eq(content.id, event.id), sql`${content.seatsTaken} < ${content.capacity}`))
      .returning({ id: content.id });
    const status = seat.length ? ('CONFIRMED' as const) : ('WAITLISTED' as const);
    if (existing) {
      const [updated] = await tx
        .update(contentRsvps)
        .set({ status, createdAt: new Date(), updatedAt: new Date() })
        .where(eq(contentRsvps.id, existing.id))
        .returning();
      return updated!;
    }
    const [inserted] = await tx
      .insert(contentRsvps)
      .values({ id: uuidv7(), contentId: event.id, userId: actor.userId, status })
      .onConflictDoNothing()
      .returning();
    if (!inserted) {
      // The same client replied twice at once: the other reply won; give back its seat if this one took one.
      if (seat.length)
        await tx
          .update(content)
          .set({ seatsTaken: sql`${content.seatsTaken} - 1` })
          .where(eq(content.id, event.id));
      const [other] = await tx
        .select()
        .from(contentRsvps)
        .where(and(eq(contentRsvps.contentId, event.id), eq(contentRsvps.userId, actor.userId)));
      return other!;
    }
    return inserted;
  });
  contentCache(ctx.db).invalidate();
  return presentRsvp(ctx.db, result);
}

/** Withdraws a reply; a freed seat goes to the first client on the waiting list, in the same transaction. */
export async function cancelRsvp(ctx: AppContext, actor: Actor, idOrSlug: string): Promise<RsvpView> {
  const row = await findRow(ctx.db, idOrSlug);
  if (!row || row.type !== 'EVENT') throw new ApiError('ResourceNotFoundException', 'No such event');
  const result = await ctx.db.transaction(async (tx) => {
    const [mine] = await tx
      .select()
      .from(contentRsvps)
      .where(and(eq(contentRsvps.contentId, row.id), eq(contentRsvps.userId, actor.userId)))
      .for('update');
    if (!mine || mine.status === 'CANCELLED') throw new ApiError('ResourceNotFoundException', 'You have no reply to this event');
    const [cancelled] = await tx
      .update(contentRsvps)
      .set({ status: 'CANCELLED', updatedAt: new Date() })
      .where(eq(contentRsvps.id, mine.id))
      .returning();
    if (mine.status === 'CONFIRMED') {
      const [next] = await tx
        .select()
        .from(contentRsvps)
        .where(and(eq(contentRsvps.contentId, row.id), eq(contentRsvps.status, 'WAITLISTED')))
        .orderBy(asc(contentRsvps.createdAt), asc(contentRsvps.id))
        .limit(1)
        .for('update', { skipLocked: true });
      if (next) {
        await tx.update(contentRsvps).set({ status: 'CONFIRMED', updatedAt: new Date() }).where(eq(contentRsvps.id, next.id));
        await mailSeatFreed(ctx, tx, next.userId, row);
      } else
        await tx
          .update(content)
          .set({ seatsTaken: sql`${content.seatsTaken} - 1` })
          .where(eq(content.id, row.id));
    }
    return cancelled!;
  });
  contentCache(ctx.db).invalidate();
  return presentRsvp(ctx.db, result);
}

/** Reads addresses for delivery only; never shown to anyone. */
const MAIL_ROOM: Actor = {
  userId: 'mail-room',
  userType: 'ADMIN',
  tier: 'STANDARD',
  sessionId: 'mail-room',
  mfaEnabled: true,
  mfaVerifiedAt: null,
};

/**
 * Tells the first client on the waiting list that the freed seat is theirs: through the mail outbox, in the transaction
 * that gives them the seat, so the mail exists if and only if the seat does.
 */
async function mailSeatFreed(ctx: AppContext, tx: Db, userId: string, row: ContentRow): Promise<void> {
  const who = (await clientIdentitiesFor({ ...ctx, db: tx }, MAIL_ROOM, [userId])).get(userId);
  if (!who?.email || !row.event) return;
  const e = row.event;
  const origin = publicOrigin(ctx.config);
  await ctx.mailer.send(tx, {
    to: who.email,
    subject: `A seat is yours: ${row.title}`,
    text: [
      `${who.firstName ? `Dear ${who.firstName}` : 'Hello'},`,
      '',
      `A seat has freed up and it is yours: you were first on the waiting list for ${row.title}.`,
      '',
      `When: ${describeWhen(new Date(e.startsAt), { zone: e.timeZone, city: cityOfPlace(e.place, e.timeZone) }, await readerTimeZone(tx, userId))}`,
      `Where: ${e.place}${e.address ? `, ${e.address}` : ''}`,
      '',
      `It is in your calendar feed. If you can no longer come, withdraw your reply so the next guest may have it: ${origin}/journal/${row.slug}`,
      '',
      '— StyleByZaga',
    ].join('\n'),
  });
}

export async function myRsvp(ctx: AppContext, actor: Actor, idOrSlug: string): Promise<RsvpView | undefined> {
  const row = await findRow(ctx.db, idOrSlug);
  if (!row) return undefined;
  const [mine] = await ctx.db
    .select()
    .from(contentRsvps)
    .where(and(eq(contentRsvps.contentId, row.id), eq(contentRsvps.userId, actor.userId)));
  return mine ? presentRsvp(ctx.db, mine) : undefined;
}

/** A client's confirmed events, for their calendar feed (stylists/calendar-feed.ts). */
export async function confirmedEventsFor(
  db: Db,
  userId: string,
  since: Date,
): Promise<
  Array<{ contentId: string; slug: string; title: string; startsAt: Date; endsAt: Date; place: string; address?: string; updatedAt: Date }>
> {
  const rows = await db
    .select({ row: content, rsvpUpdatedAt: contentRsvps.updatedAt })
    .from(contentRsvps)
    .innerJoin(content, eq(content.id, contentRsvps.contentId))
    .where(
      and(
        eq(contentRsvps.userId, userId),
        eq(contentRsvps.status, 'CONFIRMED'),
        sql`(${content.event}->>'endsAt')::timestamptz >= ${since.toISOString()}::timestamptz`,
      ),
    );
  return rows.map(({ row, rsvpUpdatedAt }) => ({
    contentId: row.id,
    slug: row.slug,
    title: row.title,
    startsAt: new Date(row.event!.startsAt),
    endsAt: new Date(row.event!.endsAt),
    place: row.event!.place,
    ...(row.event!.address ? { address: row.event!.address } : {}),
    updatedAt: rsvpUpdatedAt,
  }));
}

// ───────────────────────────── house editors, home slots, contact ─────────────────────────────

/** Who holds the house-editor permission, with their names and kinds of account (the admins' screen). */
export async function listEditors(
  db: Db,
): Promise<Array<{ userId: string; grantedAt: string; name: string; userType?: string; active: boolean }>> {
  const rows = await db.select().from(contentEditors).orderBy(asc(contentEditors.grantedAt));
  const ids = rows.map((r) => r.userId);
  const [names, kinds] = await Promise.all([accountNames(db, ids), accountKindsOf(db, ids)]);
  return rows.map((r) => {
    const name = names.get(r.userId);
    const kind = kinds.get(r.userId);
    return {
      userId: r.userId,
      grantedAt: r.grantedAt.toISOString(),
      name: name ? `${name.firstName} ${name.lastName}`.trim() : 'A closed account',
      ...(kind ? { userType: kind.userType } : {}),
      active: kind?.active ?? false,
    };
  });
}

/** Grants the house-editor permission (admins only; staff accounts, never a client's). */
export async function grantEditor(ctx: AppContext, actor: Actor, userId: string, userType: string, meta: RequestMeta = {}): Promise<void> {
  if (actor.userType !== 'ADMIN') throw new ApiError('AccessDeniedException', 'Only administrators grant the house-editor permission');
  if (userType === 'CLIENT') invalid('path.userId', 'Client accounts cannot be house editors');
  await ctx.db.transaction(async (tx) => {
    await tx.insert(contentEditors).values({ userId, grantedBy: actor.userId }).onConflictDoNothing();
    await audit(tx, { action: 'content.editor.granted', actorId: actor.userId, targetUserId: userId, meta });
  });
}

export async function revokeEditor(ctx: AppContext, actor: Actor, userId: string, meta: RequestMeta = {}): Promise<void> {
  if (actor.userType !== 'ADMIN') throw new ApiError('AccessDeniedException', 'Only administrators change the house-editor permission');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(contentEditors).where(eq(contentEditors.userId, userId));
    await audit(tx, { action: 'content.editor.revoked', actorId: actor.userId, targetUserId: userId, meta });
  });
}

export const HOME_SLOTS = ['home-feature', 'home-second', 'home-third'] as const;
export type HomeSlot = (typeof HOME_SLOTS)[number];

/** The home page's editorial slots: the chosen pieces the viewer may read (a slot falls back to the latest). */
export async function homeSlots(ctx: AppContext, viewer: Actor | undefined): Promise<Array<{ slot: HomeSlot; content: Content }>> {
  const db = ctx.db;
  const now = editorialNow(db);
  const vip = seesVip(viewer, await editorialRole(db, viewer));
  return contentCache(db).get(
    `slots:${vip ? 'vip' : 'public'}`,
    now,
    () => nextDueAt(db, now),
    async () => {
      const chosen = await db
        .select({ slot: contentSlots.slot, row: content })
        .from(contentSlots)
        .innerJoin(content, eq(content.id, contentSlots.contentId))
        .where(and(publishedSql(now), audienceSql(vip)));
      const bySlot = new Map(chosen.map((c) => [c.slot, c.row]));
      const used = new Set(chosen.map((c) => c.row.id));
      const latest = await db
        .select()
        .from(content)
        .where(and(publishedSql(now), audienceSql(vip), inArray(content.type, ['ARTICLE', 'LOOKBOOK', 'BRAND_STORY', 'EVENT'])))
        .orderBy(desc(content.featured), desc(sql`coalesce(${content.publishedAt}, ${content.publishAt})`))
        .limit(HOME_SLOTS.length * 2);
      const fill = latest.filter((r) => !used.has(r.id));
      return HOME_SLOTS.flatMap((slot) => {
        const row = bySlot.get(slot) ?? fill.shift();
        return row ? [{ slot, content: presentContent(row, now, 'summary') }] : [];
      });
    },
  );
}

export async function setHomeSlot(
  ctx: AppContext,
  actor: Actor,
  slot: HomeSlot,
  idOrSlug: string | null,
  meta: RequestMeta = {},
): Promise<void> {
  const role = await editorialRole(ctx.db, actor);
  if (!isHouse(role)) throw new ApiError('AccessDeniedException', 'House editors choose the home page’s pieces');
  if (idOrSlug === null) {
    await ctx.db.delete(contentSlots).where(eq(contentSlots.slot, slot));
  } else {
    const row = await findRow(ctx.db, idOrSlug);
    if (!row || row.type === 'PAGE') invalid('body.contentId', 'No such piece (the house pages do not go on the home page)');
    await ctx.db
      .insert(contentSlots)
      .values({ slot, contentId: row.id, updatedBy: actor.userId })
      .onConflictDoUpdate({ target: contentSlots.slot, set: { contentId: row.id, updatedBy: actor.userId, updatedAt: new Date() } });
  }
  await audit(ctx.db, { action: 'content.slot.set', actorId: actor.userId, details: { slot, content: idOrSlug }, meta });
  contentCache(ctx.db).invalidate();
}

/** A message from the contact page: kept (name, address and message encrypted) for the house office, which is mailed a notice. */
export async function sendContactMessage(
  ctx: AppContext,
  viewer: Actor | undefined,
  input: { name: string; email: string; topic: string; message: string },
): Promise<{ messageId: string }> {
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(contactMessages).values({
      id,
      name: sealText(ctx.keys, input.name)!,
      emailEnc: encrypt(ctx.keys, input.email),
      topic: input.topic,
      message: sealText(ctx.keys, input.message)!,
      userId: viewer?.userId ?? null,
    });
    await ctx.mailer.send(tx, {
      to: HOUSE_OFFICE_EMAIL,
      subject: `Contact page: ${input.topic}`,
      text: `A message from the contact page.\n\nTopic: ${input.topic}\nReference: ${id}\n\nRead it in the house office under Messages.`,
    });
  });
  return { messageId: id };
}

export const HOUSE_OFFICE_EMAIL = 'house-office@stylebyzaga.local';

export async function listContactMessages(ctx: AppContext, actor: Actor, limit = 100) {
  const role = await editorialRole(ctx.db, actor);
  if (!isHouse(role)) throw new ApiError('AccessDeniedException', 'Only the house office reads contact messages');
  const rows = await ctx.db.select().from(contactMessages).orderBy(desc(contactMessages.createdAt)).limit(limit);
  return rows.map((r) => ({
    messageId: r.id,
    name: openText(ctx.keys, r.name) ?? '',
    email: decrypt(ctx.keys, r.emailEnc),
    topic: r.topic,
    message: openText(ctx.keys, r.message) ?? '',
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Tiptap JSON that came from somewhere else (a version snapshot) checked again before it is used. */
export function recheck(doc: unknown): ContentDoc {
  return checkDoc(doc, { isMediaPath });
}

export type { ContentType };

// ───────────────────────────── the picture library ─────────────────────────────

export interface LibraryPicture {
  src: string;
  thumb: string;
  label: string;
  source: 'HOUSE' | 'UPLOAD';
  width: number;
  height: number;
  mediaId?: string;
  placeholder?: string;
  createdAt?: string;
}

const generated = (name: string, width: number) => `/media/generated/editorial/${name}-${width}.jpg`;

// The house's own pictures (the demo Journal's imagery): every featured image, picture, gallery and look it uses.
const HOUSE_PICTURES: readonly LibraryPicture[] = [
  ...new Set(
    SEED_PIECES.flatMap((p) => [
      p.image,
      ...p.body.flatMap((b) => ('image' in b ? [b.image] : 'look' in b ? [b.look] : 'gallery' in b ? b.gallery : [])),
    ]),
  ),
].map((name) => ({
  src: generated(name, 1280),
  thumb: generated(name, 640),
  label: name.replace(/-/g, ' '),
  source: 'HOUSE',
  width: 1280,
  height: 720,
}));

/**
 * The pictures a writer may choose from: their editorial uploads (a house editor sees every one, as the save's own
 * check allows), newest first, then the house's pictures.
 */
export async function pictureLibrary(ctx: AppContext, actor: Actor): Promise<{ pictures: LibraryPicture[] }> {
  const role = await requireWriter(ctx.db, actor);
  const uploads = await listMediaByPurpose(ctx.db, {
    purpose: 'EDITORIAL',
    ...(isHouse(role) ? {} : { ownerId: actor.userId }),
    limit: 120,
  });
  const thumbWidth = (widths: number[]) => [...widths].reverse().find((w) => w <= 640) ?? widths[0]!;
  return {
    pictures: [
      ...uploads.map((a): LibraryPicture => ({
        src: a.url,
        thumb: a.url.replace(/\/\d+\.jpg$/, `/${thumbWidth(a.widths)}.jpg`),
        label: `Uploaded ${a.createdAt.slice(0, 10)}`,
        source: 'UPLOAD',
        width: a.width,
        height: a.height,
        mediaId: a.mediaId,
        placeholder: a.placeholder,
        createdAt: a.createdAt,
      })),
      ...HOUSE_PICTURES,
    ],
  };
}

/** What the signed-in account may do in the Journal: the house's whole desk, a stylist's own articles, or nothing. */
export async function myEditorialRole(db: Db, actor: Actor | undefined): Promise<EditorialRole | null> {
  return (await editorialRole(db, actor)) ?? null;
}
