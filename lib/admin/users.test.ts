import { onPostgres } from "@/test/support/db";
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { db } from "@/lib/db";
import { usersCsv } from "./users-export";
import { USERS_PER_PAGE, readUserQuery, searchUsers, usersInBatches, usersHref } from "./users";

const COUNT = 100_000;
const FIRST_NAMES = ["Anna", "Bram", "Chloe", "Dirk", "Eva"];
const email = (i: number) => `u${String(i).padStart(6, "0")}@load.test`;
// Every 4th account has 2FA; every 20th is also locked. Names cycle through FIRST_NAMES.
const enabled = (i: number) => i % 4 === 0;
const locked = (i: number) => i % 20 === 0;

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  console.log(`${label}: ${(performance.now() - start).toFixed(1)} ms`);
  return result;
}

before(async () => {
  const base = Date.UTC(2026, 0, 1);
  await timed(`create ${COUNT} users`, async () => {
    for (let start = 0; start < COUNT; start += 1000) {
      await db.user.createMany({
        data: Array.from({ length: 1000 }, (_, k) => {
          const i = start + k;
          return {
            email: email(i),
            name: `${FIRST_NAMES[i % 5]} Tester ${i}`,
            passwordHash: "x",
            twoFactorEnabledAt: enabled(i) ? new Date(base + i * 1000) : null,
            secondFactorLockedAt: locked(i) ? new Date(base + i * 1000) : null,
          };
        }),
      });
    }
  });
});

const query = (params: Record<string, string>) => readUserQuery(params);

test("the first page of everyone, in email order, with the total", async () => {
  const result = await timed("all, page 1", () => searchUsers(query({})));
  assert.equal(result.total, COUNT);
  assert.equal(result.pages, COUNT / USERS_PER_PAGE);
  assert.deepEqual(result.users.map((u) => u.email), Array.from({ length: USERS_PER_PAGE }, (_, i) => email(i)));
});

test("sorted by name, descending: the reverse of the names, ties broken by email", async () => {
  const result = await searchUsers(query({ sort: "name", dir: "desc" }));
  // First names only: how the rest compares ("Tester 10" and "Tester 9") depends on the database's collation.
  const firsts = result.users.map((u) => u.name.split(" ")[0]!);
  assert.deepEqual(firsts, [...firsts].sort().reverse());
  assert.equal(firsts[0], "Eva");
  assert.equal(result.total, COUNT);
});

test("page 1000 is read from the database with skip and take", async () => {
  const result = await timed("all, page 1000", () => searchUsers(query({ page: "1000" })));
  assert.equal(result.total, COUNT);
  assert.equal(result.page, 1000);
  assert.deepEqual(result.users.map((u) => u.email), Array.from({ length: USERS_PER_PAGE }, (_, i) => email(999 * USERS_PER_PAGE + i)));
  const last = await timed("all, page 2000 (last)", () => searchUsers(query({ page: "2000" })));
  assert.equal(last.users.at(-1)?.email, email(COUNT - 1));
  const beyond = await searchUsers(query({ page: "2001" }));
  assert.equal(beyond.users.length, 0);
  assert.equal(beyond.total, COUNT);
});

test("a name is found whatever its case; the 2FA filter narrows it", async () => {
  const named = await timed("name 'CHLOE', page 1", () => searchUsers(query({ q: "CHLOE" })));
  assert.equal(named.total, COUNT / 5);
  assert.ok(named.users.every((u) => u.name.startsWith("Chloe ")));
  const enrolled = await timed("name 'chloe' + enabled, page 3", () => searchUsers(query({ q: "chloe", state: "enabled", page: "3" })));
  // i % 5 === 2 and i % 4 === 0: i % 20 === 12.
  assert.equal(enrolled.total, COUNT / 20);
  assert.deepEqual(enrolled.users.map((u) => u.email), Array.from({ length: USERS_PER_PAGE }, (_, k) => email(12 + 20 * (2 * USERS_PER_PAGE + k))));
  assert.ok(enrolled.users.every((u) => u.twoFactorEnabledAt));
});

test("an email is found by any part of it, typed in any case", async () => {
  const result = await timed("email 'U0421', page 1", () => searchUsers(query({ q: " U0421 " })));
  assert.equal(result.total, 100);
  assert.equal(result.users[0]?.email, email(42100));
  assert.equal(result.users.at(-1)?.email, email(42149));
  assert.equal((await searchUsers(query({ q: "U0421", page: "2" }))).users.at(-1)?.email, email(42199));
});

test("LIKE wildcards in the search are taken literally", { skip: !onPostgres && "SQLite's LIKE has no escape character" }, async () => {
  assert.equal((await searchUsers(query({ q: "_" }))).total, 0);
  assert.equal((await searchUsers(query({ q: "%" }))).total, 0);
});

test("filters: not enabled, locked, and the last page of the locked accounts", async () => {
  const disabled = await timed("not enabled, page 1", () => searchUsers(query({ state: "disabled" })));
  assert.equal(disabled.total, COUNT - COUNT / 4);
  assert.deepEqual(disabled.users.slice(0, 3).map((u) => u.email), [email(1), email(2), email(3)]);
  const lockedPage = await timed("locked, page 100", () => searchUsers(query({ state: "locked", page: "100" })));
  assert.equal(lockedPage.total, COUNT / 20);
  assert.equal(lockedPage.pages, 100);
  assert.deepEqual(lockedPage.users.map((u) => u.email), Array.from({ length: USERS_PER_PAGE }, (_, k) => email(20 * (99 * USERS_PER_PAGE + k))));
});

test("an unreadable address falls back to the first unfiltered page, and links keep the query", () => {
  assert.deepEqual(readUserQuery({ q: ["a", "b"], state: "bogus", page: "-3" }), { q: "", state: "all", page: 1, sort: "email", dir: "asc" });
  assert.deepEqual(readUserQuery({ page: "1e3" }), { q: "", state: "all", page: 1000, sort: "email", dir: "asc" });
  assert.equal(usersHref(readUserQuery({ sort: "lastSignIn", dir: "desc" }), 1), "/admin/users?sort=lastSignIn&dir=desc");
  assert.equal(usersHref(readUserQuery({ q: "anna b", state: "locked" }), 2), "/admin/users?q=anna+b&state=locked&page=2");
  assert.equal(usersHref(readUserQuery({}), 1), "/admin/users");
});

test("the export reads every match in email order, 1000 at a time", async () => {
  const batches: number[] = [];
  let previous = "";
  await timed("export batches, enabled (25,000 rows)", async () => {
    for await (const batch of usersInBatches({ q: "", state: "enabled" })) {
      batches.push(batch.length);
      for (const u of batch) {
        assert.ok(u.email > previous);
        previous = u.email;
      }
    }
  });
  assert.equal(batches.length, 25);
  assert.ok(batches.every((n) => n === 1000));
  let lines = 0;
  await timed("export CSV, everyone (100,000 rows)", async () => {
    for await (const chunk of usersCsv({ q: "", state: "all" })) lines += chunk.split("\r\n").length - 1;
  });
  assert.equal(lines, COUNT + 1);
});
