import { defineModule } from '../module.ts';
import { listenForContentChanges } from './content-cache.ts';
import { editorialJobs } from './jobs.ts';
import { policies } from './policy.ts';
import { editorialRoutes } from './routes.ts';
import { editorialSeeder } from './seed.ts';

/** The Journal: articles, lookbooks, brand stories, events and the house's own pages. */
export const editorialModule = defineModule({
  name: 'editorial',
  routes: editorialRoutes,
  policies,
  jobs: editorialJobs,
  // Public editorial answers are kept in memory while content and catalogue changes are notified to this instance.
  listeners: [{ name: 'editorial-changes', start: (app) => listenForContentChanges(app.database, app.log) }],
  seeders: [editorialSeeder],
});
