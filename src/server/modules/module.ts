/**
 * What a module is to the platform (decision record 005): its routes, its access rules, its background jobs, the
 * listeners it runs while the app is up, and its demo data. Each module exports one from `modules/<m>/module.ts`;
 * `app.ts` keeps the one explicit list of them.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import type { JobDefinition, PolicyTable, Seeder } from '../platform.ts';

/**
 * Something a module runs while the app is up (a LISTEN subscription, a cache warmer). Started once the app is ready,
 * stopped when it closes, in reverse order. Registering routes never starts one.
 */
export interface Listener {
  name: string;
  /** Starts and resolves to the function that stops it. */
  start(app: FastifyInstance, ctx: AppContext): Promise<() => Promise<void>>;
}

export interface ModuleDefinition {
  /** Short and unique, e.g. `catalog`; the folder name. */
  name: string;
  /** Registered under /api/v1 with `{ ctx }`; must have no side effects beyond declaring routes and hooks. */
  routes: FastifyPluginAsync<{ ctx: AppContext }>;
  /** Routes the module serves outside the API prefix (image files): registered at the root. */
  rootRoutes?: FastifyPluginAsync<{ ctx: AppContext }>;
  /** Its access rules (its policy.ts); routes name them in `config.policy`. */
  policies: PolicyTable;
  /** Handed to the durable queue; a function when which jobs run (or how often) depends on the settings. */
  jobs: JobDefinition[] | ((config: Config) => JobDefinition[]);
  listeners: Listener[];
  seeders: Seeder[];
}

export function defineModule(definition: ModuleDefinition): ModuleDefinition {
  return definition;
}

/** A module's job definitions under these settings. */
export function jobsOf(module: ModuleDefinition, config: Config): JobDefinition[] {
  return typeof module.jobs === 'function' ? module.jobs(config) : module.jobs;
}
