import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../../context.ts';
import { encrypt, lookupHash } from '../../security/crypto.ts';
import { newsletterSubscriptions } from './schema.ts';

/**
 * Adds an address to The Letter and sends a welcome note once. Subscribing twice is not an error and
 * says nothing about whether the address was already there.
 */
export async function subscribe(ctx: AppContext, email: string, source = 'footer'): Promise<void> {
  const normalised = email.trim().toLowerCase();
  await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(newsletterSubscriptions)
      .values({
        id: uuidv7(),
        emailHash: lookupHash(ctx.keys, `newsletter:${normalised}`),
        emailEnc: encrypt(ctx.keys, normalised),
        source,
      })
      .onConflictDoNothing()
      .returning({ id: newsletterSubscriptions.id });
    if (!inserted.length) return;
    await ctx.mailer.send(tx, {
      to: normalised,
      subject: 'Welcome to The Letter — StyleByZaga',
      text: 'Thank you for joining The Letter. Once a month: new collections, private previews and notes from our stylists.\n\nThe StyleByZaga concierge',
    });
  });
}
