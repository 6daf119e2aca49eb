import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';

/**
 * Records a provider event (a webhook delivery) in the caller's transaction, the one that applies it (decision 007).
 * True the first time: apply the event. False for any redelivery: it was applied (or is being applied) already, so
 * do nothing. Two deliveries racing each other: the second waits on the first's row and then sees it.
 */
export async function recordInboundEvent(tx: Db, provider: string, eventId: string): Promise<boolean> {
  const rows = await queryRows<{ event_id: string }>(
    tx,
    sql`insert into inbound_events (provider, event_id) values (${provider}, ${eventId}) on conflict do nothing returning event_id`,
  );
  return rows.length === 1;
}
