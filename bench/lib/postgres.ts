// The bench always runs the platform on real PostgreSQL (as production does), in a database of its own so a
// run never touches the `test` database CI uses nor anyone's development data.
import pg from 'pg';

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/sbz_bench';

/** Creates the database named in `url` when missing (through the server's `postgres` database); returns the server version. */
export async function ensureDatabase(url: string): Promise<{ created: boolean; serverVersion: string }> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) throw new Error('BENCH_DATABASE_URL must name a database');

  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`Cannot reach PostgreSQL at ${target.host} (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    const created = exists.rowCount === 0;
    // CREATE DATABASE takes no parameters: quote the identifier ourselves.
    if (created) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    const version = await client.query<{ server_version: string }>('SHOW server_version');
    return { created, serverVersion: version.rows[0]?.server_version.split(' ')[0] ?? 'unknown' };
  } finally {
    await client.end();
  }
}
