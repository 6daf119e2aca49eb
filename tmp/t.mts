import { openDatabase } from '/work/main/src/server/db/client.ts';
import { runMigrations } from '/work/main/src/server/db/migrate.ts';
import { sql } from 'drizzle-orm';
for (const target of [{ kind: 'pglite' as const }, { kind: 'postgres' as const, url: 'postgres://postgres@127.0.0.1:5432/test' }]) {
  const t = Date.now();
  const d = await openDatabase(target);
  await runMigrations(d, target);
  await runMigrations(d, target);
  console.log(target.kind, Date.now() - t, (await d.db.execute(sql`select extname from pg_extension order by 1`)).rows);
  await d.close();
}
