import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { Mailer } from './modules/mail/service.ts';
import type { Keys } from './security/keys.ts';

/** What services need besides their input: the database, keys, settings and the mailer. */
export interface AppContext {
  db: Db;
  keys: Keys;
  config: Config;
  mailer: Mailer;
}

/** Where a request came from, for the audit log and the session list. */
export interface RequestMeta {
  ip?: string;
  userAgent?: string;
}
