import type { Seeder } from './seeder.ts';
import { stylistClientsSeeder, stylistsSeeder } from '../modules/stylists/seed.ts';
import { collectionsSeeder, productsSeeder, taxonomySeeder } from '../modules/catalog/seed.ts';
import { demoStaffSeeder } from '../modules/catalog/seed-staff.ts';

/**
 * Every demo-data seeder, one line each; `runSeeders` orders them by `dependsOn`, so the order here only breaks ties.
 * Add yours as `import { productsSeeder } from '../modules/catalog/seed.ts';` and a line below.
 */
export const seeders: readonly Seeder[] = [
  taxonomySeeder,
  productsSeeder,
  collectionsSeeder,
  stylistClientsSeeder,
  stylistsSeeder,
  demoStaffSeeder,
];
