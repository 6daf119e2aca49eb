import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Mail kept when no SMTP server is configured (demo, development); admins read it in the web app.
 * Recipient and bodies are encrypted like any personal data: a database dump shows only subjects.
 */
export const devMailbox = pgTable(
  'dev_mailbox',
  {
    id: uuid().primaryKey(),
    toEnc: text().notNull(),
    subject: text().notNull(),
    textEnc: text().notNull(),
    htmlEnc: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dev_mailbox_created_idx').on(t.createdAt)],
);
