import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgres, sqlitePath } from "../config";

// Applies prisma/migrations (or prisma/postgres/migrations) in Prisma's layout and records them in
// Prisma's own history table, so `prisma migrate deploy` on a machine with the engine agrees.
// Prisma 7's CLI cannot apply migrations offline, which is why this runner exists.

export type Migration = { name: string; sql: string; checksum: string };

const HISTORY = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export function migrationsDir(url: string, root = process.cwd()): string {
  return join(root, "prisma", isPostgres(url) ? "postgres/migrations" : "migrations");
}

export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function checkHistory(applied: Map<string, string>, migrations: Migration[]) {
  for (const [name, checksum] of applied) {
    const m = migrations.find((x) => x.name === name);
    if (!m) throw new Error(`Database has migration ${name}, which this code does not know: is the code older than the database?`);
    if (m.checksum !== checksum) throw new Error(`Migration ${name} was edited after it was applied; add a new migration instead.`);
  }
}

/** Applies what is missing; returns the names applied. Safe to run from several processes at once. */
export async function migrate(url: string, root = process.cwd()): Promise<string[]> {
  const migrations = readMigrations(migrationsDir(url, root));
  return isPostgres(url) ? migratePostgres(url, migrations) : migrateSqlite(sqlitePath(url), migrations);
}

function migrateSqlite(file: string, migrations: Migration[]): string[] {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file, { timeout: 10_000 });
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec(HISTORY.replace(/TIMESTAMPTZ/g, "DATETIME").replace("now()", "current_timestamp"));
    const done: string[] = [];
    // BEGIN IMMEDIATE takes the write lock first, so two starting processes apply each migration once.
    sqlite.transaction(() => {
      const rows = sqlite.prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`).all() as { migration_name: string; checksum: string }[];
      const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
      checkHistory(applied, migrations);
      for (const m of migrations) {
        if (applied.has(m.name)) continue;
        sqlite.exec(m.sql);
        sqlite
          .prepare(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`)
          .run(randomUUID(), m.checksum, m.name, new Date().toISOString(), new Date().toISOString());
        done.push(m.name);
      }
    }).immediate();
    return done;
  } finally {
    sqlite.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The same advisory lock key that Prisma Migrate takes.
    await client.query("SELECT pg_advisory_lock(72707369)");
    await client.query(HISTORY);
    const { rows } = await client.query(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`);
    const applied = new Map<string, string>(rows.map((r: { migration_name: string; checksum: string }) => [r.migration_name, r.checksum]));
    checkHistory(applied, migrations);
    const done: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`);
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock(72707369)").catch(() => {});
    await client.end();
  }
}
