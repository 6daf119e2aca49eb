/** An enquiry answered from its conversation (messaging): the inquiry inbox shows it answered, with the latest answer. */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sealText } from '../../security/crypto.ts';
import type { Keys } from '../../security/keys.ts';
import { productInquiries } from './schema.ts';

/**
 * Records a house's answer written in the enquiry's conversation rather than through the inquiry inbox: an open
 * inquiry becomes ANSWERED; a closed one stays closed. Call with the message's transaction. The answer is stored
 * sealed like the inbox's (security/free-text.ts).
 */
export async function recordInquiryAnswer(
  db: Db,
  keys: Keys,
  input: { inquiryId: string; staffUserId: string; answer: string },
): Promise<void> {
  const now = new Date();
  await db
    .update(productInquiries)
    .set({ answer: sealText(keys, input.answer), status: 'ANSWERED', answeredBy: input.staffUserId, answeredAt: now, updatedAt: now })
    .where(and(eq(productInquiries.id, input.inquiryId), sql`${productInquiries.status} <> 'CLOSED'`));
}
