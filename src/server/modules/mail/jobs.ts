import type { JobDefinition } from '../../jobs/types.ts';
import { MAIL_SEND_JOB, mailFromJob, type MailJobPayload } from './service.ts';

/** Delivers one enqueued message. A retry after a crash sends the same Message-ID, so receivers can drop it. */
const sendMail: JobDefinition<MailJobPayload> = {
  name: MAIL_SEND_JOB,
  // An SMTP server down for a while: 2 s, 4 s … about 8 minutes between the last tries, 17 minutes in all.
  maxAttempts: 10,
  handle: async (ctx, payload, job) => {
    await ctx.adapters.mail.deliver(job.db, { ...mailFromJob(ctx.keys, payload), messageId: `<${job.id}@jobs.stylebyzaga>` });
  },
};

export const mailJobs: JobDefinition[] = [sendMail as JobDefinition];
