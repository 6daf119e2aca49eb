import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { defineModule } from '../module.ts';
import { messagingJobs } from './jobs.ts';
import { policies } from './policy.ts';
import { messagingRoutes } from './routes.ts';
import { hubFor, realtimeRoutes } from './socket.ts';

/** Conversations, messages and the realtime socket (same port); decision record 009. */
export const messagingModule = defineModule({
  name: 'messaging',
  routes: async (app: FastifyInstance, opts: { ctx: AppContext }) => {
    await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
    await app.register(realtimeRoutes, { ctx: opts.ctx });
    await app.register(messagingRoutes, { ctx: opts.ctx });
  },
  policies,
  jobs: messagingJobs,
  // This instance's sockets hear the bus while the app is up; closing says goodbye to every socket.
  listeners: [{ name: 'realtime-sockets', start: async (_app, ctx) => hubFor(ctx).start() }],
  seeders: [],
});
