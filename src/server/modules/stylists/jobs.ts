import type { Config } from '../../config.ts';
import type { JobDefinition } from '../../jobs/types.ts';
import { runBookingSweep } from './sweep.ts';

/** The stylists module's background work: request expiry and 24-hour reminders, one run across all instances. */
export function stylistJobs(config: Pick<Config, 'BOOKING_SWEEP_INTERVAL_SECONDS'>): JobDefinition[] {
  if (config.BOOKING_SWEEP_INTERVAL_SECONDS === 0) return [];
  return [
    {
      name: 'stylists.booking-sweep',
      every: { seconds: config.BOOKING_SWEEP_INTERVAL_SECONDS },
      // A failing pass is not retried on its own: the next scheduled pass does the same work.
      maxAttempts: 1,
      handle: async (ctx) => {
        await runBookingSweep(ctx);
      },
    },
  ];
}
