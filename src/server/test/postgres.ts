/** The same server URL pointing at another database. */
export function databaseUrlFor(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A maintenance connection for CREATE/DROP DATABASE: the `postgres` database of the same server. */
export function adminUrl(url: string): string {
  return databaseUrlFor(url, 'postgres');
}
