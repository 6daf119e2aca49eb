/**
 * Reading availability: the rules, windows and booking blocks that the slot arithmetic in availability.ts needs,
 * for one stylist, for a list or for matching candidates, with the hot reads prepared once per database.
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { queryRows, type Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import type { Actor } from '../../http/auth.ts';
import { computeSlots, DAY, MAX_RANGE_DAYS, type AvailabilityInput, type Interval, type Window } from './availability.ts';
import type { AvailabilitySlot } from './models.ts';
import { stylistServices, stylists } from './schema.ts';
import { type StylistRow, type StylistWithName, withNames, ownsStylist, isAdmin } from './access.ts';
import { rulesOf } from './schedule.ts';

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
