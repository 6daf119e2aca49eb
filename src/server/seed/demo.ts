import type { Database } from '../db/client.ts';
import { seeders } from './registry.ts';
import { runSeeders, type SeedSummary } from './runner.ts';
import type { SeedOptions } from './seeder.ts';

/** Fills an empty (or half-seeded) database with the registered demo data; a no-op once everything has run. */
export async function seedDemoData(
  database: Database,
  opts: { seed: number; log?: (message: string) => void; only?: readonly string[]; options?: SeedOptions },
): Promise<SeedSummary> {
  return runSeeders(database.db, { ...opts, seeders });
}
