/** A stylist's schedule: weekly hours, buffers and notice, cancellation policy, date-specific windows. */
import { and, asc, eq, gt } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import type { Actor } from '../../http/auth.ts';
import { DAY, MAX_RANGE_DAYS } from './availability.ts';
import type { AvailabilitySlot, CancellationPolicy, UpdateScheduleInput, UpdateStylistAvailabilityInput } from './models.ts';
import { stylistAvailabilityWindows, stylists, type WeeklyRange } from './schema.ts';
import { type StylistRow, requireManageableStylist } from './access.ts';

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
