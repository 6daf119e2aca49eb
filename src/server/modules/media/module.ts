import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { defineModule } from '../module.ts';
import { policies } from './policy.ts';
import { mediaRoutes } from './routes.ts';
import { mediaUploadFiles, mediaUploadRoutes } from './upload-routes.ts';

/** Uploaded pictures (stored as variants) and the generated demo imagery. */
export const mediaModule = defineModule({
  name: 'media',
  routes: mediaUploadRoutes,
  // The image files themselves live outside the API, under /media.
  rootRoutes: async (app: FastifyInstance, opts: { ctx: AppContext }) => {
    await app.register(mediaRoutes);
    await app.register(mediaUploadFiles, opts);
  },
  policies,
  jobs: [],
  listeners: [],
  seeders: [],
});
