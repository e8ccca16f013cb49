import "@/test/support/db";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { ensureDemoAccounts } from "./demo";

const dir = mkdtempSync(join(tmpdir(), "demo-"));

async function holdsPasswords(accounts: { email: string; password: string }[]) {
  for (const a of accounts) {
    const user = await db.user.findUnique({ where: { email: a.email } });
    if (!user || !(await verifyPassword(a.password, user.passwordHash))) return false;
  }
  return true;
}

test("a demo file from another database prints nothing; two instances starting at once on an empty database both start, and create the accounts once", async () => {
  const stale = join(dir, "stale.json");
  writeFileSync(stale, JSON.stringify([{ email: "admin@demo.test", password: "demo-old", name: "Ada Admin", role: "admin", locale: "en", id: "gone" }]));
  await db.user.create({ data: { email: "someone@example.test", name: "Someone", passwordHash: "x" } });
  assert.deepEqual(await ensureDemoAccounts(stale), [], "never print accounts this database does not hold");
  await db.user.deleteMany();

  const file = join(dir, "demo-accounts.json");
  const [a, b] = await Promise.all([ensureDemoAccounts(file), ensureDemoAccounts(file)]);
  assert.equal(await db.user.count(), 5);
  assert.ok(a.length === 5 || b.length === 5, "one of them created them");
  for (const printed of [a, b]) assert.ok(await holdsPasswords(printed), "what each prints works");

  const again = await ensureDemoAccounts(file);
  assert.equal(again.length, 5);
  assert.ok(await holdsPasswords(again));

  assert.deepEqual((await ensureDemoAccounts(stale)).map((x) => x.email), [], "still nothing from the stale file");
});
