import type { Database } from '../db/client.ts';
import { seeders } from './registry.ts';
import { resetSeeds, runSeeders, type RunSeedersOptions, type SeedSummary } from './runner.ts';

/** Fills an empty (or half-seeded) database with the registered demo data; a no-op once everything has run. */
export async function seedDemoData(database: Database, opts: Omit<RunSeedersOptions, 'seeders'>): Promise<SeedSummary> {
  return runSeeders(database.db, { ...opts, seeders });
}

/** Forgets (and clears) the registered demo data, all of it or `only` some seeders and their dependents. */
export async function resetDemoData(
  database: Database,
  opts: { only?: readonly string[]; log?: (message: string) => void } = {},
): Promise<string[]> {
  return resetSeeds(database.db, { ...opts, seeders });
}
