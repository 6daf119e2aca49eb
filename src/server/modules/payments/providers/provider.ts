/** Chooses the card provider from the settings (PAYMENT_PROVIDER), like the mailer and the upload store. */
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import { createSandboxProvider } from './sandbox.ts';
import { createStripeProvider } from './stripe.ts';
import type { CardProvider } from './types.ts';

export function createCardProvider(
  config: Pick<Config, 'PAYMENT_PROVIDER' | 'STRIPE_SECRET_KEY' | 'STRIPE_PUBLISHABLE_KEY' | 'STRIPE_WEBHOOK_SECRET' | 'STRIPE_API_URL'>,
  db: Db,
): CardProvider {
  switch (config.PAYMENT_PROVIDER) {
    case 'sandbox':
      return createSandboxProvider(db);
    case 'stripe':
      // The settings schema refuses PAYMENT_PROVIDER=stripe without the three keys.
      return createStripeProvider({
        secretKey: config.STRIPE_SECRET_KEY!,
        publishableKey: config.STRIPE_PUBLISHABLE_KEY!,
        webhookSecret: config.STRIPE_WEBHOOK_SECRET!,
        ...(config.STRIPE_API_URL ? { apiUrl: config.STRIPE_API_URL } : {}),
      });
  }
}
