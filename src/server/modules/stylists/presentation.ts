/** Stylists, their services and portfolio as the API shows them. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { toDto, type Currency } from '../../../shared/money.ts';
import { generatedImageUrl } from '../../../shared/media.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { openText } from '../../security/crypto.ts';
import type { Keys } from '../../security/keys.ts';
import type { Actor } from '../../http/auth.ts';
import type { PortfolioItem, Stylist, StylistService } from './models.ts';
import { stylistPortfolioItems, stylistServices } from './schema.ts';
import { type StylistRow, type StylistWithName, ownsStylist, isAdmin } from './access.ts';

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

/** A portfolio item; the client's name is stored sealed (security/free-text.ts). */
export function presentPortfolioItem(keys: Keys, row: typeof stylistPortfolioItems.$inferSelect): PortfolioItem {
  const clientName = openText(keys, row.clientName);
  return {
    itemId: row.id,
    title: row.title,
    imageUrl: row.imageUrl,
    ...(row.mediaId ? { mediaId: row.mediaId } : {}),
    ...(row.description ? { description: row.description } : {}),
    ...(clientName ? { clientName } : {}),
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
  ctx: Pick<AppContext, 'db' | 'keys'>,
  rows: readonly StylistWithName[],
  viewer: Actor | undefined,
  opts: { portfolio?: boolean; services?: (typeof stylistServices.$inferSelect)[] } = {},
): Promise<Stylist[]> {
  if (!rows.length) return [];
  const { db, keys } = ctx;
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
    // Vetting notes are stored sealed (security/free-text.ts): only the stylist and admins ever read them.
    const vettingNotes = privileged ? openText(keys, row.vettingNotes) : undefined;
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
      portfolio: portfolio.filter((p) => p.stylistId === row.id).map((p) => presentPortfolioItem(keys, p)),
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
      ...(vettingNotes ? { vettingNotes } : {}),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

export async function presentOne(ctx: Pick<AppContext, 'db' | 'keys'>, row: StylistWithName, viewer: Actor | undefined): Promise<Stylist> {
  return (await presentStylists(ctx, [row], viewer))[0]!;
}
