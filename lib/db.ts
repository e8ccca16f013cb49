import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { config, isPostgres, sqlitePath } from "./config";
import { withKeptStatements } from "./db/statement-cache";
import { statementNamer, withRenewedStatements } from "./db/statement-names";

// Both clients come from one schema, so they share one API; the SQLite one names the type.
export type Db = SqliteClient;

/**
 * A new Prisma client on the database `url` names (SQLite file or postgres:// URL), as the server
 * opens it; connects on first query. Throws nothing itself; queries throw what the driver throws.
 */
export function connect(url = config().DATABASE_URL): Db {
  if (isPostgres(url)) {
    // Named statements are parsed once per connection (lib/db/statement-names.ts); `off` for a pooler
    // that does not keep them (PgBouncer in transaction mode before 1.24 unless max_prepared_statements is set).
    // The adapter's type says a name is always returned; pg sends a query without one unnamed.
    if (config().DATABASE_PREPARED_STATEMENTS === "off") return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
    const namer = statementNamer();
    const adapter = new PrismaPg({ connectionString: url }, { statementNameGenerator: namer as (query: { sql: string }) => string });
    return new PostgresClient({ adapter: withRenewedStatements(adapter, namer) }) as unknown as Db;
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
