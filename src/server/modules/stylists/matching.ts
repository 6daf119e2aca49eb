/**
 * MatchClientWithStylists. Every approved stylist is scored on the static factors (specialties, style, budget,
 * location, languages, rating, experience, response rate) from the in-memory matching projection (matching-index.ts);
 * the best candidates (at most 30) then get their real availability in the requested window, the last factor, best
 * first and only while a candidate could still make the list; the profiles of those returned are read last.
 * Deterministic: fixed weights, fixed currency table, fixed Bayesian prior, ties broken by stylist id.
 */
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import type { Actor } from '../../http/auth.ts';
import { getUser } from '../identity/service.ts';
import { computeSlots, DAY, MAX_RANGE_DAYS, type Slot } from './availability.ts';
import { decimalToEurMinor, toEurMinor } from './currency.ts';
import type { IntroduceStylistsQuery, MatchClientWithStylistsQuery, StylistMatch } from './models.ts';
import { matchCandidates } from './matching-index.ts';
import type { StylistWithName } from './access.ts';
import { loadCandidateAvailability, loadMatchedProfiles } from './availability-data.ts';
import { presentStylists } from './presentation.ts';

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
export const styleSlug = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
const titleCase = (s: string) => s.replace(/(^|-)([a-z])/g, (_m, sep: string, c: string) => (sep ? ' ' : '') + c.toUpperCase());
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const weekdayFormats = new Map<string, Intl.DateTimeFormat>();
function weekdayFormat(timeZone: string): Intl.DateTimeFormat {
  let f = weekdayFormats.get(timeZone);
  if (!f) weekdayFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone })));
  return f;
}

interface Ranked {
  id: string;
  /** Within the stylist's travel range of the requested city. */
  near: boolean;
  open: Slot[];
  score: number;
}

/** The total weight of the static factors in play. */
const staticWeightOf = (terms: readonly (keyof typeof WEIGHTS)[]) => terms.reduce((sum, t) => sum + WEIGHTS[t], 0);

/** At least one language in common (both lists are a handful long). */
function speaksAny(have: readonly string[], wanted: readonly string[]): boolean {
  for (const l of wanted) if (have.includes(l)) return true;
  return false;
}

/** Great-circle distance in km. */
function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(a));
}

export async function matchClientWithStylists(ctx: AppContext, actor: Actor, query: MatchClientWithStylistsQuery): Promise<StylistMatch[]> {
  if (query.clientId !== actor.userId && actor.userType !== 'ADMIN') {
    throw new ApiError('AccessDeniedException', 'You can only look for matches for yourself', {
      fieldErrors: { 'query.clientId': ['Must be your own user id'] },
    });
  }
  // The saved style preferences are the default; a client asking for itself with explicit ones needs no profile read.
  const client = actor.userType === 'ADMIN' || query.stylePreferences === undefined ? await getUser(ctx, actor, query.clientId) : undefined;
  return rankStylists(ctx, actor, query, query.stylePreferences ?? client?.preferences?.stylePreferences ?? []);
}

/**
 * IntroduceStylists: the same ranking for a visitor who takes the style quiz before having an account, from
 * the answers alone (nothing is read or saved about anyone; the answers are kept in the tab through sign-up).
 */
export async function introduceStylists(ctx: AppContext, query: IntroduceStylistsQuery): Promise<StylistMatch[]> {
  return rankStylists(ctx, undefined, query, query.stylePreferences ?? []);
}

async function rankStylists(
  ctx: AppContext,
  viewer: Actor | undefined,
  query: IntroduceStylistsQuery,
  stylePreferences: readonly string[],
): Promise<StylistMatch[]> {
  const now = Date.now();
  const from = query.availableFrom ? Date.parse(query.availableFrom) : now;
  const to = query.availableTo ? Date.parse(query.availableTo) : from + DEFAULT_WINDOW_DAYS * DAY;
  if (to <= from)
    throw new ApiError('ValidationException', 'The end must come after the start', {
      fieldErrors: { 'query.availableTo': ['Must be after availableFrom'] },
    });
  if (to - from > MAX_RANGE_DAYS * DAY)
    throw new ApiError('ValidationException', `A range spans at most ${MAX_RANGE_DAYS} days`, {
      fieldErrors: { 'query.availableTo': [`At most ${MAX_RANGE_DAYS} days after availableFrom`] },
    });

  const specialties = [...new Set(query.specialties ?? [])];
  const style = [...new Set(stylePreferences.map(styleSlug).filter(Boolean))];
  const languages = [...new Set(query.languages ?? [])];
  const location = query.locationPreference?.trim();
  const wantsVirtual = location?.toLowerCase() === 'virtual' || location?.toLowerCase() === 'online';
  const maxEur = query.maxRate !== undefined ? decimalToEurMinor(query.maxRate, query.currency) : undefined;

  // Each applicable factor is a value in [0, 1]; the static score sums them with their weights. Availability, the
  // one factor that needs the database, is added for the best candidates only.
  const terms: (keyof typeof WEIGHTS)[] = [];
  if (specialties.length) terms.push('specialties');
  if (style.length) terms.push('style');
  if (maxEur !== undefined) terms.push('budget');
  if (location) terms.push('location');
  if (languages.length) terms.push('languages');
  terms.push('rating', 'experience', 'response');
  const candidates = Math.max(MIN_CANDIDATES, query.maxResults * CANDIDATES_PER_RESULT);

  const all = await matchCandidates(ctx.db);
  const cityKey = location && !wantsVirtual ? location.toLowerCase() : undefined;
  const inCity = cityKey ? all.filter((c) => c.cityKey === cityKey && c.latitude !== null && c.longitude !== null) : [];
  // The requested city's position: the mean position of our stylists there (unknown cities match by name only).
  const centre = inCity.length
    ? {
        lat: inCity.reduce((a, c) => a + c.latitude!, 0) / inCity.length,
        lon: inCity.reduce((a, c) => a + c.longitude!, 0) / inCity.length,
      }
    : undefined;
  const share = (have: readonly string[], wanted: readonly string[]) => {
    let n = 0;
    for (const w of wanted) if (have.includes(w)) n++;
    return n / wanted.length;
  };
  // Weights of the factors in play (0 for the others), hoisted out of the loop over every stylist.
  const w = (name: keyof typeof WEIGHTS) => (terms.includes(name) ? WEIGHTS[name] : 0);
  const [wSpec, wStyle, wBudget, wLoc, wLang, wRating, wExp, wResp] = (
    ['specialties', 'style', 'budget', 'location', 'languages', 'rating', 'experience', 'response'] as const
  ).map(w) as number[] as [number, number, number, number, number, number, number, number];
  // Scores in flat arrays and the best `candidates` kept by insertion: no object per stylist, no sort of 2,000.
  const scores = new Float64Array(all.length);
  const nearby = new Uint8Array(all.length);
  const best: number[] = []; // indices into `all`, best first
  const better = (i: number, j: number) => scores[i]! > scores[j]! || (scores[i] === scores[j] && all[i]!.id < all[j]!.id);
  for (let i = 0; i < all.length; i++) {
    const c = all[i]!;
    const km =
      centre && c.latitude !== null && c.longitude !== null ? distanceKm(centre.lat, centre.lon, c.latitude, c.longitude) : undefined;
    const sameCity = cityKey !== undefined && c.cityKey === cityKey;
    const near = sameCity || (km !== undefined && km <= c.travelRadiusKm);
    let score =
      wRating * ((bayesianRating(c.ratingSum, c.reviewCount) - 1) / 4) +
      wExp * (Math.min(c.experienceYears, 25) / 25) +
      wResp * ((c.requestsAnswered + 1) / (c.requestsReceived + 2));
    if (wSpec) score += wSpec * share(c.specialties, specialties);
    if (wStyle) score += wStyle * share(c.styleTags, style);
    if (wBudget) score += wBudget * (c.rateEurMinor <= maxEur! ? 1 : (maxEur! / Math.max(c.rateEurMinor, 1)) ** 2);
    if (wLoc) score += wLoc * (wantsVirtual ? (c.offersVirtual ? 1 : 0) : sameCity ? 1 : near ? 0.8 : c.offersVirtual ? 0.4 : 0);
    if (wLang && speaksAny(c.languages, languages)) score += wLang;
    scores[i] = score;
    nearby[i] = !wantsVirtual && near ? 1 : 0;
    if (best.length === candidates && !better(i, best[candidates - 1]!)) continue;
    let at = best.length === candidates ? candidates - 1 : best.length;
    while (at > 0 && better(i, best[at - 1]!)) at--;
    best.splice(at, 0, i);
    if (best.length > candidates) best.pop();
  }
  if (!best.length) return [];

  // Availability, the one factor that needs the database, in order of static score. The most a candidate can still
  // gain is the full availability weight, so once the static score plus that cannot reach the list, nobody after it
  // (lower static scores) can either, and their slots are never computed: the same list as computing them all.
  const inputs = await loadCandidateAvailability(
    ctx.db,
    best.map((i) => all[i]!.id),
    { start: from, end: to },
    now,
  );
  const norm = staticWeightOf(terms) + WEIGHTS.availability;
  const ranked: Ranked[] = [];
  for (const i of best) {
    const input = inputs.get(all[i]!.id);
    if (!input) continue; // no longer APPROVED since the projection was loaded
    if (ranked.length >= query.maxResults && (scores[i]! + WEIGHTS.availability) / norm < ranked[query.maxResults - 1]!.score - 1e-4) break;
    const open = computeSlots(input, from, to, SLOT_MINUTES).filter((slot) => slot.status === 'AVAILABLE');
    const fAvail = Math.min(1, open.length / 10);
    const score = Math.max(0, Math.min(1, Math.round(((scores[i]! + WEIGHTS.availability * fAvail) / norm) * 10_000) / 10_000));
    const entry: Ranked = { id: all[i]!.id, near: nearby[i] === 1, open, score };
    let at = ranked.length;
    while (at > 0 && (ranked[at - 1]!.score < score || (ranked[at - 1]!.score === score && ranked[at - 1]!.id > entry.id))) at--;
    ranked.splice(at, 0, entry);
  }
  const chosen = ranked.slice(0, query.maxResults);
  // The profiles of those who made the list; one that stopped being APPROVED in between is left out.
  const { rows, services } = await loadMatchedProfiles(
    ctx.db,
    chosen.map((r) => r.id),
  );
  const top = chosen.flatMap((r) => {
    const row = rows.find((x) => x.id === r.id);
    return row ? [{ ...r, row }] : [];
  });
  const presented = await presentStylists(
    ctx,
    top.map((t) => t.row),
    viewer,
    { portfolio: false, services },
  );
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
    reasons: reasonsFor(t.row, t.near, {
      specialties,
      style,
      languages,
      location,
      wantsVirtual,
      maxEur,
      firstOpen: t.open[0]?.start,
      zone,
    }),
  }));
}

/** Human-readable reasons, strongest first, from the same factors that made the score. */
function reasonsFor(
  row: StylistWithName,
  near: boolean,
  ask: {
    specialties: string[];
    style: string[];
    languages: string[];
    location?: string;
    wantsVirtual: boolean;
    maxEur?: number;
    firstOpen?: number;
    zone: string;
  },
): string[] {
  const out: string[] = [];
  for (const sp of ask.specialties) if (row.specialties.includes(sp)) out.push(SPECIALTY_REASON[sp] ?? titleCase(sp));
  const sharedStyle = ask.style.filter((t) => row.styleTags.includes(t));
  if (sharedStyle.length) out.push(`Shares your taste: ${sharedStyle.map(titleCase).join(', ')}`);
  for (const l of ask.languages) if (row.languages.includes(l)) out.push(`Speaks ${languageNames.of(l) ?? l}`);
  if (ask.wantsVirtual && row.offersVirtual) out.push('Offers virtual sessions');
  else if (ask.location && row.city.toLowerCase() === ask.location.toLowerCase()) out.push(`Based in ${row.city}`);
  else if (ask.location && near) out.push(`Travels to ${ask.location}`);
  else if (ask.location && row.offersVirtual) out.push('Available virtually');
  if (ask.maxEur !== undefined && toEurMinor({ minor: row.rateMinor, currency: row.rateCurrency as never }) <= ask.maxEur)
    out.push('Within your budget');
  if (ask.firstOpen !== undefined) {
    const day = weekdayFormat(ask.zone).format(ask.firstOpen);
    out.push(`Available ${day}`);
  }
  if (row.reviewCount >= 3) out.push(`Rated ${(row.ratingSum / row.reviewCount).toFixed(1)} from ${row.reviewCount} reviews`);
  if (row.experienceYears >= 10) out.push(`${row.experienceYears} years of experience`);
  if (row.requestsReceived >= 5 && row.requestsAnswered / row.requestsReceived >= 0.9) out.push('Answers requests quickly');
  return out;
}
