// Imported first by every database test: gives the test file its own freshly migrated database,
// SQLite by default, PostgreSQL when TEST_DATABASE_URL points at a server.
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import { migrate } from "@/lib/db/migrate";
import { onPostgresServer } from "./postgres-server";

process.env.BCRYPT_COST ??= "4";
const server = process.env.TEST_DATABASE_URL;
const name = `portal_test_${randomUUID().replace(/-/g, "").slice(0, 12)}`;

const adminQuery = (sql: string) => onPostgresServer(server!, sql);

export const onPostgres = !!server && /^postgres/.test(server);

if (onPostgres) {
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(server!);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
} else {
  process.env.DATABASE_URL = `file:${join(tmpdir(), `${name}.db`)}`;
}
export const databaseUrl = process.env.DATABASE_URL;
await migrate(databaseUrl);

after(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  if (onPostgres) await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  else for (const suffix of ["", "-wal", "-shm"]) rmSync(`${databaseUrl.slice(5)}${suffix}`, { force: true });
});

/** A second Prisma client on this test's database, opened as another server instance would open it. */
export async function anotherClient() {
  const { connect } = await import("@/lib/db");
  return connect(databaseUrl);
}
