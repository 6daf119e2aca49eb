import { defineModule } from '../module.ts';
import { isAdmin, rule, type PolicyTable } from '../../http/auth.ts';
import { platformRoutes } from './routes.ts';

/** The platform's own rules: the durable job queue's dead letters (jobs/routes.ts) are for admins. */
const policies = {
  'jobs.manage': rule(isAdmin, { roleOnly: true }),
} satisfies PolicyTable;

declare module '../../http/auth.ts' {
  interface PolicyActions extends Record<keyof typeof policies, true> {}
}

/** Liveness and readiness probes. */
export const platformModule = defineModule({ name: 'platform', routes: platformRoutes, policies, jobs: [], listeners: [], seeders: [] });
