/**
 * The composition root: every adapter to the outside world is created here, once per process, from the settings,
 * and handed to services through the context. Nothing else constructs a transport or a store.
 */
import type { Config } from './config.ts';
import type { Adapters, AppContext } from './context.ts';
import type { Db } from './db/client.ts';
import { createMailer, createMailTransport } from './modules/mail/service.ts';
import { createUploadStore } from './modules/media/upload-store.ts';
import { createCardProvider } from './modules/payments/providers/provider.ts';
import type { Keys } from './security/keys.ts';
import { createRealtimeBus } from './realtime/bus.ts';

export function createAdapters(config: Config, keys: Keys, db: Db): Adapters {
  return {
    mail: createMailTransport(config, keys),
    uploads: createUploadStore(config),
    payments: createCardProvider(config, db),
    realtime: createRealtimeBus(config),
  };
}

/** The context services receive: database, keys, settings, the outbox mailer and the adapters. */
export function createContext(db: Db, config: Config, keys: Keys, adapters: Adapters = createAdapters(config, keys, db)): AppContext {
  return { db, keys, config, adapters, mailer: createMailer(adapters.mail, keys) };
}

/** Closes what the adapters hold open (SMTP connections). */
export async function closeAdapters(adapters: Adapters): Promise<void> {
  await adapters.mail.close();
  await adapters.realtime.close();
}
