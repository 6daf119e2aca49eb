/** Chooses the card provider from the settings (PAYMENT_PROVIDER), like the mailer and the upload store. */
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import { createSandboxProvider } from './sandbox.ts';
import type { CardProvider } from './types.ts';

export function createCardProvider(config: Pick<Config, 'PAYMENT_PROVIDER'>, db: Db): CardProvider {
  switch (config.PAYMENT_PROVIDER) {
    case 'sandbox':
      return createSandboxProvider(db);
  }
}
