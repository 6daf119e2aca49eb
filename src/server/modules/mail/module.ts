import { defineModule } from '../module.ts';
import { mailJobs } from './jobs.ts';
import { policies } from './policy.ts';
import { mailRoutes } from './routes.ts';

/** Outgoing mail and, without SMTP, the development mailbox. */
export const mailModule = defineModule({ name: 'mail', routes: mailRoutes, policies, jobs: mailJobs, listeners: [], seeders: [] });
