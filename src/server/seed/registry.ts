import type { Seeder } from './seeder.ts';
import { MODULES } from '../app.ts';

/**
 * Every demo-data seeder: each module lists its own in its module definition (`seeders`), in the order of the app's
 * module list; `runSeeders` orders them by `dependsOn`, so that order only breaks ties.
 */
export const seeders: readonly Seeder[] = MODULES.flatMap((m) => m.seeders);
