import type { JobDefinition } from '../../jobs/types.ts';
import { editorialNow, PUBLISH_JOB, publishDue } from './service.ts';

/**
 * Scheduled publishing: each schedule enqueues one job at its minute (in the transaction that schedules it). The job
 * publishes its piece by a conditional update, so a retry, a second instance or a rescheduled piece's earlier job
 * changes nothing twice; readers see the piece from its minute in any case (service.ts, `effectiveStatus`).
 */
export const editorialJobs: JobDefinition[] = [
  {
    name: PUBLISH_JOB,
    handle: async (ctx, payload) => {
      const { contentId } = payload as { contentId: string };
      await publishDue(ctx.db, editorialNow(ctx.db), contentId);
    },
  },
];
