/**
 * The platform contracts a module definition is made of (modules/module.ts): access rules, background jobs and demo
 * data. Kept in one place so the definition type names the platform, not the folders it is spread over.
 */
export type { PolicyTable } from './http/auth.ts';
export type { JobDefinition } from './jobs/types.ts';
export type { Seeder } from './seed/seeder.ts';
