// The schema index drizzle-kit reads: every module's tables, re-exported.
export * from '../modules/platform/schema.ts';
export * from '../seed/schema.ts';
export * from '../audit/schema.ts';
export * from '../modules/identity/schema.ts';
export * from '../modules/mail/schema.ts';
export * from '../modules/newsletter/schema.ts';
export * from '../modules/catalog/schema.ts';
export * from '../modules/media/schema.ts';
export * from '../modules/stylists/schema.ts';
export * from '../modules/orders/schema.ts';
export * from '../modules/editorial/schema.ts';
export * from '../jobs/schema.ts';
export * from '../http/idempotency-schema.ts';
export * from '../modules/ledger/schema.ts';
export * from '../modules/payments/schema.ts';
export * from '../modules/messaging/schema.ts';
export * from '../modules/notifications/schema.ts';
