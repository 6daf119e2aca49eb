import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Subscribers to The Letter. The address is encrypted; its keyed hash keeps one row per address. */
export const newsletterSubscriptions = pgTable(
  'newsletter_subscriptions',
  {
    id: uuid().primaryKey(),
    emailHash: text().notNull(),
    emailEnc: text().notNull(),
    source: text().notNull().default('footer'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('newsletter_subscriptions_email_key').on(t.emailHash)],
);
