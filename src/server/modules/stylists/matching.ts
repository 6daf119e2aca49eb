/**
 * MatchClientWithStylists. Every approved stylist is scored in ONE SQL query on the static factors (specialties,
 * style, budget, location, languages, rating, experience, response rate); the best CANDIDATES then get their real
 * availability in the requested window computed (two range queries for all of them), which adds the last factor.
 * Deterministic: fixed weights, fixed currency table, fixed Bayesian prior, ties broken by stylist id.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { queryRows } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
// eslint-disable-next-line no-restricted-imports -- the Actor type has no export in identity's service.ts
import type { Actor } from '../identity/policy.ts';
import { getUser } from '../identity/service.ts';
import { computeSlots, DAY, MAX_RANGE_DAYS } from './availability.ts';
import { decimalToEurMinor, toEurMinor } from './currency.ts';
import type { MatchClientWithStylistsQuery, StylistMatch } from './models.ts';
import { activeServicesOf, loadAvailabilityData, loadStylistsByIds, presentStylists, withRules, type StylistWithName } from './service.ts';

/**
 * The weights, in one place. A factor the client gave nothing for (no specialties, no budget…) is left out and the
 * others are renormalised, so the score always spans [0, 1].
 */
export const WEIGHTS = {
  /** Share of the requested specialties the stylist covers: the strongest signal of fit. */
  specialties: 0.22,
  /** Share of the client's style preferences found in the stylist's style tags. */
  style: 0.14,
  /** 1 within budget, falling with the square of how far over it the hourly rate is. */
  budget: 0.12,
  /** Same city 1; within the stylist's travel range 0.8; virtual only 0.4 (1 when the client asked for virtual). */
  location: 0.1,
  /** At least one language in common. */
  languages: 0.08,
  /** Open slots in the requested window (10 or more count fully). */
  availability: 0.12,
  /** Bayesian average rating mapped from 1–5 stars to 0–1. */
  rating: 0.12,
  /** Years of experience, 25 or more count fully. */
  experience: 0.05,
  /** Requests answered before they expired, with one answered and one missed assumed (Laplace). */
  response: 0.05,
} as const;

/** Bayesian prior: ratings are pulled towards 4.2 stars as if every stylist had 10 such reviews already. */
export const RATING_PRIOR_MEAN = 4.2;
export const RATING_PRIOR_WEIGHT = 10;
/** How many statically best stylists get their availability computed. */
const CANDIDATES_PER_RESULT = 3;
const MIN_CANDIDATES = 30;
const DEFAULT_WINDOW_DAYS = 14;
const SLOT_MINUTES = 60;
const NEXT_SLOTS = 3;

/** The Bayesian average rating (the same formula as the SQL below). */
export function bayesianRating(ratingSum: number, reviewCount: number): number {
  return (RATING_PRIOR_WEIGHT * RATING_PRIOR_MEAN + ratingSum) / (RATING_PRIOR_WEIGHT + reviewCount);
}

const SPECIALTY_REASON: Record<string, string> = {
  'red-carpet': 'Red-carpet specialist',
  bridal: 'Bridal specialist',
  menswear: 'Menswear expert',
  'capsule-wardrobe': 'Builds capsule wardrobes',
  'personal-shopping': 'Personal shopping expert',
  'event-styling': 'Event styling specialist',
  'wardrobe-edit': 'Wardrobe edit specialist',
  'image-consulting': 'Image consultant',
  'sustainable-fashion': 'Sustainable fashion advocate',
  'haute-couture': 'Haute couture expertise',
  jewellery: 'Jewellery styling specialist',
  'travel-wardrobe': 'Travel wardrobe expert',
};
/** "Sporty chic", "sporty_chic" and "sporty-chic" are the same style. */
export const styleSlug = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, '-');
const titleCase = (s: string) => s.replace(/(^|-)([a-z])/g, (_m, sep: string, c: string) => (sep ? ' ' : '') + c.toUpperCase());
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const weekdayFormats = new Map<string, Intl.DateTimeFormat>();
function weekdayFormat(timeZone: string): Intl.DateTimeFormat {
  let f = weekdayFormats.get(timeZone);
  if (!f) weekdayFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone })));
  return f;
}

interface Scored extends Record<string, unknown> {
  id: string;
  f_spec: number | null;
  f_style: number | null;
  f_budget: number | null;
  f_loc: number | null;
  f_lang: number | null;
  f_rating: number;
  f_exp: number;
  f_resp: number;
  static_score: number;
  near: boolean;
}

export async function matchClientWithStylists(ctx: AppContext, actor: Actor, query: MatchClientWithStylistsQuery): Promise<StylistMatch[]> {
  if (query.clientId !== actor.userId && actor.userType !== 'ADMIN') {
    throw new ApiError('AccessDeniedException', 'You can only look for matches for yourself', { fieldErrors: { 'query.clientId': ['Must be your own user id'] } });
  }
  // The saved style preferences are the default; a client asking for itself with explicit ones needs no profile read.
  const client = actor.userType === 'ADMIN' || query.stylePreferences === undefined ? await getUser(ctx, actor, query.clientId) : undefined;
  const now = Date.now();
  const from = query.availableFrom ? Date.parse(query.availableFrom) : now;
  const to = query.availableTo ? Date.parse(query.availableTo) : from + DEFAULT_WINDOW_DAYS * DAY;
  if (to <= from) throw new ApiError('ValidationException', 'The end must come after the start', { fieldErrors: { 'query.availableTo': ['Must be after availableFrom'] } });
  if (to - from > MAX_RANGE_DAYS * DAY) throw new ApiError('ValidationException', `A range spans at most ${MAX_RANGE_DAYS} days`, { fieldErrors: { 'query.availableTo': [`At most ${MAX_RANGE_DAYS} days after availableFrom`] } });

  const specialties = [...new Set(query.specialties ?? [])];
  const style = [...new Set((query.stylePreferences ?? client?.preferences?.stylePreferences ?? []).map(styleSlug).filter(Boolean))];
  const languages = [...new Set(query.languages ?? [])];
  const location = query.locationPreference?.trim();
  const wantsVirtual = location?.toLowerCase() === 'virtual' || location?.toLowerCase() === 'online';
  const maxEur = query.maxRate !== undefined ? decimalToEurMinor(query.maxRate, query.currency) : undefined;

  // Each factor is a value in [0, 1] computed ONCE per stylist in the CTE `f`; the score sums the applicable ones
  // with their weights.
  const terms: { name: keyof typeof WEIGHTS; column: string }[] = [];
  const nullTerm = sql`null::float8`;
  // Share of the requested values present in the stylist's array: one `= any` test per requested value (no subplan).
  const share = (column: SQL, wanted: string[]) => sql`((${sql.join(wanted.map((w) => sql`(${w}::text = any(${column}))::int`), sql` + `)})::float8 / ${sql.raw(String(wanted.length))})`;
  const spec = specialties.length ? share(sql`s.specialties`, specialties) : nullTerm;
  const sty = style.length ? share(sql`s.style_tags`, style) : nullTerm;
  const budget = maxEur !== undefined ? sql`(case when s.rate_eur_minor <= ${maxEur}::bigint then 1.0 else power(${maxEur}::float8 / greatest(s.rate_eur_minor, 1), 2) end)` : nullTerm;
  // Great-circle distance to the requested city (the mean position of our stylists there), when both are known.
  const distance = sql`(case when t.lat is not null and s.latitude is not null then 6371 * 2 * asin(sqrt(power(sin(radians(t.lat - s.latitude) / 2), 2) + cos(radians(s.latitude)) * cos(radians(t.lat)) * power(sin(radians(t.lon - s.longitude) / 2), 2))) end)`;
  const sameCity = location ? sql`s.city = t.city` : sql`false`;
  const near = location && !wantsVirtual ? sql`(${sameCity} or coalesce(d.km <= s.travel_radius_km, false))` : sql`false`;
  const loc = wantsVirtual
    ? sql`(case when s.offers_virtual then 1.0 else 0.0 end)`
    : location
      ? sql`(case when ${sameCity} then 1.0 when d.km <= s.travel_radius_km then 0.8 when s.offers_virtual then 0.4 else 0.0 end)`
      : nullTerm;
  const lang = languages.length ? sql`(case when s.languages && ${sql.param(languages)}::text[] then 1.0 else 0.0 end)` : nullTerm;
  const rating = sql`(((${sql.raw(String(RATING_PRIOR_WEIGHT * RATING_PRIOR_MEAN))}::float8 + s.rating_sum) / (${sql.raw(String(RATING_PRIOR_WEIGHT))} + s.review_count) - 1) / 4)`;
  const experience = sql`(least(s.experience_years, 25)::float8 / 25)`;
  const response = sql`((s.requests_answered + 1)::float8 / (s.requests_received + 2))`;
  if (specialties.length) terms.push({ name: 'specialties', column: 'f_spec' });
  if (style.length) terms.push({ name: 'style', column: 'f_style' });
  if (maxEur !== undefined) terms.push({ name: 'budget', column: 'f_budget' });
  if (location) terms.push({ name: 'location', column: 'f_loc' });
  if (languages.length) terms.push({ name: 'languages', column: 'f_lang' });
  terms.push({ name: 'rating', column: 'f_rating' }, { name: 'experience', column: 'f_exp' }, { name: 'response', column: 'f_resp' });
  const staticScore = sql.raw(terms.map((t) => `${WEIGHTS[t.name]}::float8 * ${t.column}`).join(' + '));
  const candidates = Math.max(MIN_CANDIDATES, query.maxResults * CANDIDATES_PER_RESULT);

  // With specialties asked for, stylists offering none of them are scored only when too few offer any.
  const score = (prefilter: boolean) =>
    queryRows<Scored>(
      ctx.db,
      sql`with t as materialized (
          select min(city) as city, avg(latitude) as lat, avg(longitude) as lon from stylists
          where ${location && !wantsVirtual ? sql`lower(city) = lower(${location})` : sql`false`} and status = 'APPROVED' and deleted_at is null
        ),
        f as materialized (
          select s.id, ${spec} as f_spec, ${sty} as f_style, ${budget} as f_budget, ${loc} as f_loc, ${lang} as f_lang,
                 ${rating} as f_rating, ${experience} as f_exp, ${response} as f_resp, ${near} as near
          from stylists s cross join t cross join lateral (select ${distance} as km) d
          where s.status = 'APPROVED' and s.deleted_at is null
            ${prefilter ? sql`and s.specialties && ${sql.param(specialties)}::text[]` : sql``}
        )
        select f.*, (${staticScore}) as static_score from f
        order by static_score desc, id asc
        limit ${sql.raw(String(candidates))}`,
    );
  let scored = await score(specialties.length > 0);
  if (specialties.length && scored.length < candidates) scored = await score(false);
  if (!scored.length) return [];

  // The candidates' profiles, availability and services: three reads side by side, one round trip of waiting.
  const ids = scored.map((s) => s.id);
  const [rows, data, services] = await Promise.all([loadStylistsByIds(ctx.db, ids), loadAvailabilityData(ctx.db, ids, { start: from, end: to }), activeServicesOf(ctx.db, ids)]);
  const inputs = withRules(rows, data, now);
  const staticWeight = terms.reduce((sum, t) => sum + WEIGHTS[t.name], 0);
  const ranked = scored.map((s) => {
    const row = rows.find((r) => r.id === s.id)!;
    const open = computeSlots(inputs.get(s.id)!, from, to, SLOT_MINUTES).filter((slot) => slot.status === 'AVAILABLE');
    const fAvail = Math.min(1, open.length / 10);
    const score = (Number(s.static_score) + WEIGHTS.availability * fAvail) / (staticWeight + WEIGHTS.availability);
    return { s, row, open, score: Math.max(0, Math.min(1, Math.round(score * 10_000) / 10_000)) };
  });
  ranked.sort((a, b) => b.score - a.score || (a.row.id < b.row.id ? -1 : 1));
  const top = ranked.slice(0, query.maxResults);
  const presented = await presentStylists(ctx.db, top.map((t) => t.row), actor, { portfolio: false, services });
  const zone = query.timeZone ?? 'UTC';
  return top.map((t, i) => ({
    stylist: presented[i]!,
    matchScore: t.score,
    availability: t.open.slice(0, NEXT_SLOTS).map((slot) => ({
      slotId: `${t.row.id.slice(-12)}-${slot.start.toString(36)}`,
      startTime: new Date(slot.start).toISOString(),
      endTime: new Date(slot.end).toISOString(),
      status: 'AVAILABLE' as const,
    })),
    reasons: reasonsFor(t.row, t.s, { specialties, style, languages, location, wantsVirtual, maxEur, firstOpen: t.open[0]?.start, zone }),
  }));
}

/** Human-readable reasons, strongest first, from the same factors that made the score. */
function reasonsFor(
  row: StylistWithName,
  s: Scored,
  ask: { specialties: string[]; style: string[]; languages: string[]; location?: string; wantsVirtual: boolean; maxEur?: number; firstOpen?: number; zone: string },
): string[] {
  const out: string[] = [];
  for (const sp of ask.specialties) if (row.specialties.includes(sp)) out.push(SPECIALTY_REASON[sp] ?? titleCase(sp));
  const sharedStyle = ask.style.filter((t) => row.styleTags.includes(t));
  if (sharedStyle.length) out.push(`Shares your taste: ${sharedStyle.map(titleCase).join(', ')}`);
  for (const l of ask.languages) if (row.languages.includes(l)) out.push(`Speaks ${languageNames.of(l) ?? l}`);
  if (ask.wantsVirtual && row.offersVirtual) out.push('Offers virtual sessions');
  else if (ask.location && row.city.toLowerCase() === ask.location.toLowerCase()) out.push(`Based in ${row.city}`);
  else if (ask.location && s.near) out.push(`Travels to ${ask.location}`);
  else if (ask.location && row.offersVirtual) out.push('Available virtually');
  if (ask.maxEur !== undefined && toEurMinor({ minor: row.rateMinor, currency: row.rateCurrency as never }) <= ask.maxEur) out.push('Within your budget');
  if (ask.firstOpen !== undefined) {
    const day = weekdayFormat(ask.zone).format(ask.firstOpen);
    out.push(`Available ${day}`);
  }
  if (row.reviewCount >= 3) out.push(`Rated ${(row.ratingSum / row.reviewCount).toFixed(1)} from ${row.reviewCount} reviews`);
  if (row.experienceYears >= 10) out.push(`${row.experienceYears} years of experience`);
  if (row.requestsReceived >= 5 && row.requestsAnswered / row.requestsReceived >= 0.9) out.push('Answers requests quickly');
  return out;
}
