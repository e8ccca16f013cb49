import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { config, isPostgres, sqlitePath } from "./config";
import { withKeptStatements } from "./db/statement-cache";

// Both clients come from one schema, so they share one API; the SQLite one names the type.
export type Db = SqliteClient;

function connect(): Db {
  const url = config().DATABASE_URL;
  if (isPostgres(url)) {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  const file = sqlitePath(url);
  mkdirSync(dirname(file), { recursive: true });
  return new SqliteClient({ adapter: withKeptStatements(new PrismaBetterSqlite3({ url: file, timeout: 10_000 })) });
}

const globalForDb = globalThis as unknown as { portalDb?: Db };

function client(): Db {
  return (globalForDb.portalDb ??= connect());
}

// Connects on first use, not on import: DATABASE_URL is read when the first query runs.
export const db: Db = new Proxy({} as Db, {
  get(_, property) {
    const target = client();
    const value = Reflect.get(target, property, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});
