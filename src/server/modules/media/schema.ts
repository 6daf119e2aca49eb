import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/schema.ts';

/** An uploaded picture: its renditions live in the media store under `uploads/{id}/{width}.{format}`. */
export const mediaAssets = pgTable(
  'media_assets',
  {
    id: uuid().primaryKey(),
    ownerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** What the uploader meant it for: a product, a brand, a stylist portfolio, editorial. */
    purpose: text().notNull(),
    originalType: text().notNull(),
    originalBytes: integer().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    widths: integer().array().notNull(),
    placeholder: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('media_assets_owner_idx').on(t.ownerId, t.createdAt.desc())],
);
