import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { anotherClient, onPostgres } from "@/test/support/db";
import { statementNamer } from "./statement-names";

test("one SQL text has one statement name, and distinct texts distinct names", () => {
  const name = statementNamer();
  const first = name({ sql: 'SELECT "id" FROM "User" WHERE "id" = $1' });
  assert.match(first ?? "", /^portal_0_[\w-]{32}$/);
  assert.equal(name({ sql: 'SELECT "id" FROM "User" WHERE "id" = $1' }), first);
  assert.notEqual(name({ sql: 'SELECT "id" FROM "User" WHERE "email" = $1' }), first);
  // Another namer (another server instance) names the same text alike: a name never meets another text.
  assert.equal(statementNamer()({ sql: 'SELECT "id" FROM "User" WHERE "id" = $1' }), first);
});

test("renewed, every text gets a new name, the bound starts again, and the names stay distinct", () => {
  const name = statementNamer(1, 100);
  const before = name({ sql: "SELECT 1" });
  assert.equal(name({ sql: "SELECT 2" }), undefined);
  name.renew();
  const after = name({ sql: "SELECT 1" });
  assert.ok(after && after !== before);
  assert.equal(name({ sql: "SELECT 1" }), after);
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

test("on PostgreSQL, a column's change of type (a migration while servers run) fails no query outside a transaction, and a transaction once", { skip: !onPostgres && "PostgreSQL only (TEST_DATABASE_URL)" }, async () => {
  const db = await anotherClient();
  const emails = ["e1@example.test", "e2@example.test", "e3@example.test", "e4@example.test"];
  try {
    await db.user.createMany({ data: emails.map((email) => ({ email, name: "E", passwordHash: "x" })) });
    // Four at once: several pooled connections prepare the lookup, and the transaction's statements too.
    const lookups = () => Promise.all(emails.map((email) => db.user.findUnique({ where: { email } })));
    const transaction = () => db.$transaction([db.user.count({ where: { email: { in: emails } } }), db.user.findUnique({ where: { email: emails[0]! } })]);
    assert.equal((await lookups()).filter(Boolean).length, 4);
    await transaction();
    const other = await anotherClient();
    await other.$executeRawUnsafe('ALTER TABLE "User" ALTER COLUMN "name" TYPE varchar(300)');
    await other.$disconnect();
    assert.equal((await lookups()).filter(Boolean).length, 4, "every lookup answers after the change");
    assert.equal((await lookups()).filter(Boolean).length, 4);
    // A second change, met first by a transaction: the refusal aborts it if its connection had
    // prepared the statement before (it may not have), and the transaction after it works under the new names.
    await transaction();
    const again = await anotherClient();
    await again.$executeRawUnsafe('ALTER TABLE "User" ALTER COLUMN "name" TYPE text');
    await again.$disconnect();
    await transaction().catch((error: unknown) => assert.match(String(error), /cached plan must not change result type/));
    assert.equal((await transaction())[0], 4);
  } finally {
    await db.$disconnect();
  }
});

test("on PostgreSQL, another 'feature not supported' error (0A000) is the query's own: thrown, the names kept", { skip: !onPostgres && "PostgreSQL only (TEST_DATABASE_URL)" }, async () => {
  const db = await anotherClient();
  const generations = async () => {
    const rows = await db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM pg_prepared_statements WHERE name LIKE 'portal_%'");
    return new Set(rows.map((r) => r.name.split("_")[1]));
  };
  try {
    await db.user.findUnique({ where: { email: "nobody@example.test" } });
    assert.deepEqual(await generations(), new Set(["0"]));
    await assert.rejects(
      db.$queryRawUnsafe('SELECT u.id FROM "User" u LEFT JOIN "Session" s ON s."userId" = u.id FOR UPDATE OF s'),
      /FOR UPDATE cannot be applied to the nullable side of an outer join/,
    );
    await db.user.findUnique({ where: { email: "nobody@example.test" } });
    assert.deepEqual(await generations(), new Set(["0"]), "no new generation of names");
  } finally {
    await db.$disconnect();
  }
});
