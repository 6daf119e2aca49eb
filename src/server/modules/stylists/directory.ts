/** What other modules may ask about stylists: a client's relation to a stylist (messaging), cards by account id. */
import { inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { stylists } from './schema.ts';
import { withNames } from './access.ts';
import { portraitUrl } from './presentation.ts';

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
