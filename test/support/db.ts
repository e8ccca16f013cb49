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

/** A second Prisma client on this test's database, as another server instance would have. */
export async function anotherClient() {
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient: SqliteClient } = await import("@/lib/generated/sqlite/client");
  const { PrismaClient: PostgresClient } = await import("@/lib/generated/postgres/client");
  type Db = import("@/lib/db").Db;
  return onPostgres
    ? (new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) }) as unknown as Db)
    : (new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: databaseUrl.slice(5), timeout: 10_000 }) }) as Db);
}
