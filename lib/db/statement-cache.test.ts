import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mock, test } from "node:test";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { KEPT_STATEMENTS, LONGEST_KEPT_SQL, withKeptStatements } from "./statement-cache";

const text = { scalarType: "string", arity: "scalar" } as const;
const query = (sql: string, ...args: string[]) => ({ sql, args, argTypes: args.map(() => text) });

type Kit = { adapter: Awaited<ReturnType<ReturnType<typeof withKeptStatements>["connect"]>>; file: string; compiles: () => number };

/** Runs `body` on a kept-statements connection to a new database with a `note` table; counts compiles; cleans up. */
async function withAdapter(body: (kit: Kit) => Promise<void>) {
  const file = join(mkdtempSync(join(tmpdir(), "kept-statements-")), "test.db");
  const compiles = mock.method(Database.prototype, "prepare");
  const adapter = await withKeptStatements(new PrismaBetterSqlite3({ url: file })).connect();
  try {
    await adapter.executeScript("CREATE TABLE note (id TEXT PRIMARY KEY, body TEXT NOT NULL)");
    await body({ adapter, file, compiles: () => compiles.mock.callCount() });
  } finally {
    compiles.mock.restore();
    await adapter.dispose();
  }
}

test("a statement is compiled once and answers each run with that run's arguments", async () => {
  await withAdapter(async ({ adapter, compiles }) => {
    const insert = "INSERT INTO note (id, body) VALUES (?, ?)";
    const select = "SELECT id, body FROM note WHERE id = ?";
    await adapter.executeRaw(query(insert, "a", "first"));
    await adapter.executeRaw(query(insert, "b", "second"));
    const before = compiles();
    const a = await adapter.queryRaw(query(select, "a"));
    const b = await adapter.queryRaw(query(select, "b"));
    const none = await adapter.queryRaw(query(select, "c"));
    assert.deepEqual(a.rows, [["a", "first"]]);
    assert.deepEqual(b.rows, [["b", "second"]], "the second run must not answer with the first run's arguments");
    assert.deepEqual(none.rows, []);
    assert.deepEqual(a.columnNames, ["id", "body"]);
    assert.equal(compiles() - before, 1, "three runs of one SQL text: one compile");
    await adapter.executeRaw(query(insert, "c", "third"));
    assert.equal(compiles() - before, 1, "the insert was kept from before");
  });
});

test("a refused statement reports its error and the kept statement works again", async () => {
  await withAdapter(async ({ adapter }) => {
    const insert = "INSERT INTO note (id, body) VALUES (?, ?)";
    await adapter.executeRaw(query(insert, "a", "first"));
    await assert.rejects(adapter.executeRaw(query(insert, "a", "again")), (error: { cause?: { kind?: string } }) => error.cause?.kind === "UniqueConstraintViolation");
    assert.equal(await adapter.executeRaw(query(insert, "b", "second")), 1);
  });
});

test("a transaction rolled back leaves nothing, with statements kept across it", async () => {
  await withAdapter(async ({ adapter }) => {
    const insert = "INSERT INTO note (id, body) VALUES (?, ?)";
    await adapter.executeRaw(query(insert, "a", "first"));
    const tx = await adapter.startTransaction();
    await tx.executeRaw(query(insert, "b", "second"));
    await tx.executeRaw(query("ROLLBACK"));
    await tx.rollback();
    const rows = await adapter.queryRaw(query("SELECT id FROM note ORDER BY id"));
    assert.deepEqual(rows.rows, [["a"]]);
  });
});

test("more SQL texts than are kept: the oldest is dropped and compiled again when it returns", async () => {
  await withAdapter(async ({ adapter, compiles }) => {
    const first = "SELECT 0 AS n";
    await adapter.queryRaw(query(first));
    for (let n = 1; n <= KEPT_STATEMENTS; n++) await adapter.queryRaw(query(`SELECT ${n} AS n`));
    const before = compiles();
    const again = await adapter.queryRaw(query(first));
    assert.deepEqual(again.rows, [[0]]);
    assert.equal(compiles() - before, 1, "the first text was dropped to keep the bound");
  });
});

test("after a schema change, a kept reader names the columns it now returns", async () => {
  await withAdapter(async ({ adapter }) => {
    const all = "SELECT * FROM note";
    await adapter.executeRaw(query("INSERT INTO note (id, body) VALUES (?, ?)", "a", "first"));
    assert.deepEqual((await adapter.queryRaw(query(all))).columnNames, ["id", "body"]);
    // On this connection, as `$executeRawUnsafe("ALTER TABLE …")` would.
    await adapter.executeRaw(query("ALTER TABLE note ADD COLUMN tag TEXT DEFAULT 'new'"));
    for (const run of ["first run", "second run"]) {
      const after = await adapter.queryRaw(query(all));
      assert.deepEqual(after.columnNames, ["id", "body", "tag"], run);
      assert.deepEqual(after.rows, [["a", "first", "new"]], run);
    }
  });
});

test("after another connection rebuilds a table, a kept reader names the columns it now returns", async () => {
  await withAdapter(async ({ adapter, file }) => {
    const other = new Database(file);
    try {
      const all = "SELECT * FROM note";
      await adapter.queryRaw(query(all));
      // As a migration run by another process would: a table rebuilt with other columns.
      other.exec("DROP TABLE note; CREATE TABLE note (secret TEXT, id TEXT PRIMARY KEY, body TEXT); INSERT INTO note VALUES ('s', 'b', 'second')");
      const after = await adapter.queryRaw(query(all));
      assert.deepEqual(after.columnNames, ["secret", "id", "body"]);
      assert.deepEqual(after.rows, [["s", "b", "second"]]);
    } finally {
      other.close();
    }
  });
});

test("a long SQL text (a bulk insert, a long IN list) is compiled each time, not kept: memory stays bounded", async () => {
  await withAdapter(async ({ adapter, compiles }) => {
    const ids = Array.from({ length: Math.ceil(LONGEST_KEPT_SQL / 2) }, (_, i) => `id${i}`);
    const long = `SELECT id FROM note WHERE id IN (${ids.map(() => "?").join(",")})`;
    assert.ok(long.length > LONGEST_KEPT_SQL);
    await adapter.executeRaw(query("INSERT INTO note (id, body) VALUES (?, ?)", "id7", "seven"));
    const before = compiles();
    for (let i = 0; i < 3; i++) assert.deepEqual((await adapter.queryRaw(query(long, ...ids))).rows, [["id7"]]);
    assert.equal(compiles() - before, 3, "not kept: compiled for each run");
  });
});
