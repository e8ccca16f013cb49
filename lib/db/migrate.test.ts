import "@/test/support/db";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { createRequire } from "node:module";
import { databaseUrl, onPostgres } from "@/test/support/db";
import { db } from "@/lib/db";
import { migrate, migrationsDir, readMigrations } from "./migrate";

type Field = { name: string; kind: string; type: string; isRequired: boolean; isList: boolean; dbName?: string | null };
type Model = { name: string; dbName: string | null; fields: Field[] };
type Index = { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[] };

const require = createRequire(import.meta.url);

async function schemaModel(): Promise<{ models: Model[]; indexes: Index[] }> {
  const wasm = require("@prisma/prisma-schema-wasm") as { get_dmmf: (params: string) => string };
  const file = onPostgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma";
  const prismaSchema = await readFile(join(process.cwd(), file), "utf8");
  return JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema }))).datamodel;
}

type Column = { table: string; column: string; type: string; notNull: boolean };

async function databaseColumns(): Promise<Column[]> {
  if (onPostgres) {
    const rows = await db.$queryRawUnsafe<{ table: string; column: string; type: string; nullable: string }[]>(
      `SELECT table_name AS "table", column_name AS "column", data_type AS "type", is_nullable AS nullable
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    return rows.map((r) => ({ table: r.table, column: r.column, type: r.type, notNull: r.nullable === "NO" }));
  }
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`,
  );
  const columns: Column[] = [];
  for (const { name } of tables) {
    const info = await db.$queryRawUnsafe<{ name: string; type: string; notnull: number | bigint; pk: number | bigint }[]>(`PRAGMA table_info("${name}")`);
    for (const c of info) columns.push({ table: name, column: c.name, type: c.type, notNull: Number(c.notnull) === 1 || Number(c.pk) > 0 });
  }
  return columns;
}

async function databaseIndexes(): Promise<string[]> {
  const rows = onPostgres
    ? await db.$queryRawUnsafe<{ name: string }[]>(`SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`)
    : await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'`);
  return rows.map((r) => r.name).sort();
}

const SQL_TYPES: Record<string, [sqlite: string, postgres: string]> = {
  String: ["TEXT", "text"],
  Int: ["INTEGER", "integer"],
  BigInt: ["BIGINT", "bigint"],
  Boolean: ["BOOLEAN", "boolean"],
  DateTime: ["DATETIME", "timestamp without time zone"],
};

test("the migrated database has exactly the tables, columns, types and nullability of the schema", async () => {
  const { models } = await schemaModel();
  const expected = models.flatMap((m) =>
    m.fields
      .filter((f) => f.kind === "scalar" || f.kind === "enum")
      .map((f) => {
        const type = SQL_TYPES[f.type];
        assert.ok(type, `no SQL type known for ${m.name}.${f.name}: ${f.type}`);
        return { table: m.dbName ?? m.name, column: f.dbName ?? f.name, type: onPostgres ? type[1] : type[0], notNull: f.isRequired };
      }),
  );
  const key = (c: Column) => `${c.table}.${c.column}`;
  const sort = (cs: Column[]) => [...cs].sort((a, b) => key(a).localeCompare(key(b)));
  assert.deepEqual(sort(await databaseColumns()), sort(expected));
});

test("the migrated database has the schema's indexes, named as Prisma names them", async () => {
  const { models, indexes } = await schemaModel();
  const table = (model: string) => models.find((m) => m.name === model)?.dbName ?? model;
  const expected = indexes
    .filter((i) => i.type !== "id" || onPostgres)
    .map((i) => (i.type === "id" ? `${table(i.model)}_pkey` : `${table(i.model)}_${i.fields.map((f) => f.name).join("_")}_${i.type === "unique" ? "key" : "idx"}`))
    .sort();
  assert.deepEqual(await databaseIndexes(), expected);
});

test("migrating again applies nothing", async () => {
  assert.deepEqual(await migrate(databaseUrl), []);
});

test("a migration edited after it was applied is refused", async () => {
  const root = mkdtempSync(join(tmpdir(), "portal-migrations-"));
  const dir = migrationsDir(databaseUrl, root);
  cpSync(migrationsDir(databaseUrl), dir, { recursive: true });
  const [first] = readMigrations(dir);
  const file = join(dir, first!.name, "migration.sql");
  writeFileSync(file, readFileSync(file, "utf8") + "\n-- edited\n");
  await assert.rejects(migrate(databaseUrl, root), /was edited after it was applied/);
});
