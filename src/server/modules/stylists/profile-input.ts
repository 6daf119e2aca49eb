/** Checks and conversions of profile input: prices, portfolio images (owned uploads), profile columns. */
import { uuidv7 } from 'uuidv7';
import { fromDto, MoneyError } from '../../../shared/money.ts';
import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { sealText } from '../../security/crypto.ts';
import type { Keys } from '../../security/keys.ts';
import type { Actor } from '../../http/auth.ts';
import { findUsableUpload, parseMediaPath, uploadUrl } from '../media/service.ts';
import { toEurMinor } from './currency.ts';
import type { PortfolioItemInput, UpdateStylistInput } from './models.ts';
import type { stylists } from './schema.ts';
import { isAdmin } from './access.ts';

export function minorFrom(dto: { amount: number; currency: string }, field: string) {
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
export async function resolvePortfolioItems(
  db: Db,
  keys: Keys,
  ownerUserId: string,
  actor: Actor,
  items: readonly PortfolioItemInput[],
  field: string,
) {
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
      // The client's name is personal: stored sealed like the other free text (security/free-text.ts).
      clientName: sealText(keys, item.clientName),
      date: item.date ? new Date(item.date) : null,
      tags: item.tags ?? [],
    };
  });
}

export function profileValues(input: UpdateStylistInput) {
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
