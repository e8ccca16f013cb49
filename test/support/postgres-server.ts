import pg from "pg";

/**
 * Runs one statement (CREATE DATABASE, DROP DATABASE…) on the PostgreSQL server that `url` names,
 * on a connection of its own, closed after. Used to make and drop scratch databases (the tests,
 * `npm run bench`). Throws what pg throws.
 */
export async function onPostgresServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
