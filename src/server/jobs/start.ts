import type { FastifyInstance } from 'fastify';
import type { JobDefinition } from './types.ts';
import { startWorker, type JobsWorker, type WorkerOptions } from './worker.ts';

/**
 * Runs `definitions` on this instance from the moment the app is ready until it closes (close waits for running
 * handlers). Registering starts nothing: an app built only to print its OpenAPI document never touches the queue.
 */
export function startJobs(
  app: FastifyInstance,
  definitions: JobDefinition[],
  options: WorkerOptions = {},
): { readonly worker: JobsWorker | undefined } {
  const state: { worker: JobsWorker | undefined } = { worker: undefined };
  app.addHook('onReady', async () => {
    state.worker = await startWorker({ ctx: app.ctx, database: app.database, log: app.log.child({ component: 'jobs' }) }, definitions, {
      concurrency: app.config.JOBS_CONCURRENCY,
      leaseMs: app.config.JOBS_LEASE_SECONDS * 1000,
      ...options,
    });
  });
  app.addHook('onClose', async () => {
    await state.worker?.stop();
  });
  return state;
}
