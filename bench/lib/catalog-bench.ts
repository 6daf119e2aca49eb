// Shared by the catalog scenarios: they need the 100,000-piece catalog, which takes about two minutes to write, so
// they check for it instead of seeding on every run. Seed it once with:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sbz_bench_catalog npm run seed -- --products 100000
// (add `--reset --only catalog-products,catalog-collections` if a smaller demo catalog was seeded there before) and run
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/sbz_bench_catalog npm run bench -- search-products
import pg from 'pg';

export const CATALOG_SIZE = 100_000;

export async function assertBenchCatalog(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('select count(*) as n from products');
    const n = Number(rows[0]?.n ?? 0);
    if (n < CATALOG_SIZE) {
      throw new Error(
        `the catalog scenarios need ${CATALOG_SIZE.toLocaleString('en')} products, found ${n.toLocaleString('en')}. Seed them once: ` +
          `DATABASE_URL=${databaseUrl} npm run seed -- --products ${CATALOG_SIZE} --reset --only catalog-products,catalog-collections`,
      );
    }
  } finally {
    await client.end();
  }
}
