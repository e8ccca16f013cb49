import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { anotherClient, onPostgres } from "@/test/support/db";
import { statementNamer } from "./statement-names";

test("one SQL text has one statement name, and distinct texts distinct names", () => {
  const name = statementNamer();
  const first = name({ sql: 'SELECT "id" FROM "User" WHERE "id" = $1' });
  assert.match(first ?? "", /^portal_[\w-]{32}$/);
  assert.equal(name({ sql: 'SELECT "id" FROM "User" WHERE "id" = $1' }), first);
  assert.notEqual(name({ sql: 'SELECT "id" FROM "User" WHERE "email" = $1' }), first);
  // Another namer (another server instance) names the same text alike: a name never meets another text.
  assert.equal(statementNamer()({ sql: 'SELECT "id" FROM "User" WHERE "id" = $1' }), first);
});

test("past its bound of texts, and for long texts, statements go unnamed; the named keep their names", () => {
  const name = statementNamer(2, 100);
  const a = name({ sql: "SELECT 1" });
  const b = name({ sql: "SELECT 2" });
  assert.ok(a && b);
  assert.equal(name({ sql: "SELECT 3" }), undefined);
  assert.equal(name({ sql: "SELECT 1" }), a);
  assert.equal(statementNamer(10, 100)({ sql: `SELECT '${"x".repeat(100)}'` }), undefined);
});

test("on PostgreSQL, the server's client prepares a query once on its connection and answers each run with its own arguments", { skip: !onPostgres && "PostgreSQL only (TEST_DATABASE_URL)" }, async () => {
  const db = await anotherClient();
  try {
    // One query at a time: the pool hands the same idle connection back, so the check below sees its statements.
    for (const email of ["a@example.test", "b@example.test", "c@example.test"]) {
      assert.equal(await db.user.findUnique({ where: { email } }), null);
    }
    await db.user.create({ data: { email: "d@example.test", name: "D", passwordHash: "x" } });
    assert.equal((await db.user.findUnique({ where: { email: "d@example.test" } }))?.email, "d@example.test");
    const prepared = await db.$queryRawUnsafe<{ name: string; statement: string }[]>("SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'portal_%'");
    const lookups = prepared.filter((p) => p.statement.includes('FROM "public"."User" WHERE ("public"."User"."email" = $1'));
    assert.equal(lookups.length, 1, JSON.stringify(prepared.map((p) => p.statement.slice(0, 120))));
  } finally {
    await db.$disconnect();
  }
});
