import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { Mailer, MailTransport } from './modules/mail/service.ts';
import type { UploadStore } from './modules/media/upload-store.ts';
import type { CardProvider } from './modules/payments/providers/types.ts';
import type { Keys } from './security/keys.ts';
import type { RealtimeBus } from './realtime/bus.ts';

/**
 * Connections to the outside world, created once per process in the composition root (`adapters.ts`) and closed
 * with the app. The payment provider and the realtime bus join them.
 */
export interface Adapters {
  mail: MailTransport;
  uploads: UploadStore;
  /** The card payment provider (PAYMENT_PROVIDER): the sandbox or Stripe. */
  payments: CardProvider;
  /** Events to the sockets of any instance (realtime/bus.ts). */
  realtime: RealtimeBus;
}

/** What services need besides their input: the database, keys, settings, the mailer (outbox) and the adapters. */
export interface AppContext {
  db: Db;
  keys: Keys;
  config: Config;
  mailer: Mailer;
  adapters: Adapters;
}

/** Where a request came from, for the audit log and the session list. */
export interface RequestMeta {
  ip?: string;
  userAgent?: string;
}
