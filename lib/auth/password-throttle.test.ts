import "@/test/support/db";
import "@/test/support/two-factor";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users";
import { readDevices, writeDevices } from "./device";
import { attemptPassword } from "./password-attempt";
import { ACCOUNT_RULE, ADDRESS_RULE, accountKey, claim, delayAfter, type Rule } from "./password-throttle";

const PASSWORD = "violet anchor drift 42";
const client = (ip = "198.51.100.7") => ({ ip, userAgent: "test" });
const newAccount = () => createUser({ email: `${randomUUID()}@example.test`, password: PASSWORD });
const MINUTE = 60_000;

async function attempts(email: string, password: string, count: number, ip?: string, devices = [] as { userId: string; nonce: string }[]) {
  const results = [];
  for (let i = 0; i < count; i++) results.push(await attemptPassword(email, password, client(ip), devices));
  return results.map((r) => (r.ok ? "ok" : r.reason));
}

// Ends the account's current wait as the clock would, without sleeping.
const endWait = (key: string) => db.passwordThrottle.updateMany({ where: { key }, data: { blockedUntil: new Date(Date.now() - 1) } });

test("the account rule: five failures free, then 30 s doubling to at most 15 minutes; never a lock", () => {
  assert.deepEqual([1, 4].map((n) => delayAfter(n, ACCOUNT_RULE)), [0, 0]);
  assert.deepEqual([5, 6, 7, 8, 9].map((n) => delayAfter(n, ACCOUNT_RULE) / 1000), [30, 60, 120, 240, 480]);
  assert.deepEqual([10, 11, 1_000, 1e9].map((n) => delayAfter(n, ACCOUNT_RULE)), Array(4).fill(15 * MINUTE));
  assert.equal(delayAfter(49, ADDRESS_RULE), 0);
  assert.equal(delayAfter(50, ADDRESS_RULE), 1000);
});

test("after five wrong passwords even the right one is refused without a compare, until the wait ends; a success resets the count", async () => {
  const user = await newAccount();
  assert.deepEqual(await attempts(user.email, "wrong password", 5), Array(5).fill("invalid"));
  const before = Date.now();
  const refused = await attemptPassword(user.email, PASSWORD, client(), []);
  assert.equal(refused.ok, false);
  assert.equal(!refused.ok && refused.reason, "throttled");
  const retryAt = !refused.ok && refused.reason === "throttled" ? refused.retryAt.getTime() : 0;
  assert.ok(retryAt > before + 25_000 && retryAt <= Date.now() + 30_000, "the first wait is 30 s");
  const row = await db.passwordThrottle.findUniqueOrThrow({ where: { key: accountKey(user.email) } });
  assert.equal(row.failures, 5, "a refused attempt is not counted");
  assert.equal(row.lastIp, "198.51.100.7");

  await endWait(accountKey(user.email));
  assert.deepEqual(await attempts(user.email, "wrong again", 1), ["invalid"]);
  const second = await db.passwordThrottle.findUniqueOrThrow({ where: { key: accountKey(user.email) } });
  assert.equal(second.failures, 6);
  const wait = second.blockedUntil!.getTime() - second.lastFailureAt!.getTime();
  assert.equal(wait, 60_000, "the sixth failure waits twice as long");

  await endWait(accountKey(user.email));
  assert.deepEqual(await attempts(user.email, PASSWORD, 1), ["ok"]);
  assert.equal((await db.passwordThrottle.findUniqueOrThrow({ where: { key: accountKey(user.email) } })).failures, 0);
  const trail = await db.auditEvent.findMany({ where: { userId: user.id }, select: { event: true } });
  assert.equal(trail.filter((e) => e.event === "sign_in.failed").length, 6);
  assert.equal(trail.filter((e) => e.event === "sign_in.throttled").length, 1);
});

test("an unknown email gets the same answers and waits as a known one", async () => {
  const user = await newAccount();
  const known = await attempts(user.email, "wrong password", 7, "198.51.100.20");
  const unknown = await attempts(`nobody-${randomUUID()}@example.test`, "wrong password", 7, "198.51.100.21");
  assert.deepEqual(known, [...Array(5).fill("invalid"), "throttled", "throttled"]);
  assert.deepEqual(unknown, known);
});

test("a browser that signed in before is not slowed by failures from elsewhere, and its own failures count on their own", async () => {
  const user = await newAccount();
  const mine = [{ userId: user.id, nonce: randomUUID() }];
  assert.deepEqual(await attempts(user.email, "attacker guess", 6, "203.0.113.66"), [...Array(5).fill("invalid"), "throttled"]);
  assert.deepEqual(await attempts(user.email, PASSWORD, 1, "198.51.100.30", mine), ["ok"]);
  // The owner's own typos are throttled too, by the same rule, on the device's count alone.
  assert.deepEqual(await attempts(user.email, "typo", 6, "198.51.100.30", mine), [...Array(5).fill("invalid"), "throttled"]);
  const other = [{ userId: user.id, nonce: randomUUID() }];
  assert.deepEqual(await attempts(user.email, PASSWORD, 1, "198.51.100.31", other), ["ok"]);
  // A token for another account is no token for this one.
  const stranger = await newAccount();
  await attempts(stranger.email, "guess", 5, "203.0.113.67");
  assert.deepEqual(await attempts(stranger.email, PASSWORD, 1, "203.0.113.67", mine), ["throttled"]);
});

test("device cookies are signed: altered or forged tokens are ignored", () => {
  const mine = { userId: "cuser1", nonce: "n0nce-one" };
  const other = { userId: "cuser2", nonce: "n0nce-two" };
  const value = writeDevices([mine, other]);
  assert.deepEqual(readDevices(value), [mine, other]);
  const [token] = value.split("~");
  assert.deepEqual(readDevices(token!.replace("cuser1", "cuser2")), [], "another account's id under this signature");
  assert.deepEqual(readDevices(token!.replace("n0nce-one", "n0nce-two")), []);
  assert.deepEqual(readDevices(`${token!.slice(0, -2)}AA`), []);
  assert.deepEqual(readDevices("cuser1.nonce.forged-signature"), []);
  assert.deepEqual(readDevices(undefined), []);
  assert.deepEqual(readDevices("x".repeat(5000)), []);
});

test("many failures across accounts from one address slow that address, not the accounts' owners elsewhere", async () => {
  const ip = "203.0.113.99";
  const victims = await Promise.all(Array.from({ length: 3 }, () => newAccount()));
  for (let i = 0; i < ADDRESS_RULE.freeFailures - 1; i++) {
    assert.equal((await attempts(`stuffed-${i}-${randomUUID()}@example.test`, "123456789012", 1, ip))[0], "invalid");
  }
  assert.deepEqual(await attempts(victims[0]!.email, "leaked password", 1, ip), ["invalid"]);
  assert.deepEqual(await attempts(victims[1]!.email, PASSWORD, 1, ip), ["throttled"], "the address now waits, whatever the account");
  assert.deepEqual(await attempts(victims[1]!.email, PASSWORD, 1, "198.51.100.40"), ["ok"]);
});

test("twenty concurrent wrong passwords for one account: exactly five are compared", async () => {
  const user = await newAccount();
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attemptPassword(user.email, "wrong password", client(`198.51.100.${100 + i}`), [])));
  assert.equal(results.filter((r) => !r.ok && r.reason === "invalid").length, 5);
  assert.equal(results.filter((r) => !r.ok && r.reason === "throttled").length, 15);
  assert.equal((await db.passwordThrottle.findUniqueOrThrow({ where: { key: accountKey(user.email) } })).failures, 5);
});

// A second process on the same database, as a second instance of the product would be.
// Resolves `ready` once the other process is connected; `go()` starts its attempts.
function otherInstance(key: string, rule: Rule, count: number) {
  const script = `import { claim, throttleOf } from "./lib/auth/password-throttle.ts";
const rule = ${JSON.stringify(rule)};
await throttleOf("warm-up");
console.log("ready");
await new Promise((go) => process.stdin.once("data", go));
const results = await Promise.all(Array.from({ length: ${count} }, () => claim(${JSON.stringify(key)}, rule, "192.0.2.2")));
console.log(JSON.stringify(results.map((r) => (r.allowed ? "allowed" : "refused"))));
process.exit(0);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", script], { env: process.env });
  let out = "";
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  const ready = new Promise<void>((resolve) => child.stdout.on("data", (d) => ((out += d), out.includes("ready") && resolve())));
  const results = new Promise<string[]>((resolve, reject) =>
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(err)))),
  );
  return { ready, go: () => child.stdin.write("go\n"), results };
}

async function bothInstances(key: string, rule: Rule, each: number) {
  const other = otherInstance(key, rule, each);
  await other.ready;
  other.go();
  const [theirs, ours] = await Promise.all([other.results, Promise.all(Array.from({ length: each }, () => claim(key, rule, "192.0.2.1")))]);
  return theirs.filter((r) => r === "allowed").length + ours.filter((r) => r.allowed).length;
}

test("two instances on one database: every failure is counted once, and no more than the free ones get through", async () => {
  const counting: Rule = { ...ADDRESS_RULE, freeFailures: 1_000 };
  const key = `address:test-${randomUUID()}`;
  assert.equal(await bothInstances(key, counting, 20), 40);
  assert.equal((await db.passwordThrottle.findUniqueOrThrow({ where: { key } })).failures, 40);

  const account = `account:test-${randomUUID()}`;
  assert.equal(await bothInstances(account, ACCOUNT_RULE, 15), ACCOUNT_RULE.freeFailures);
  assert.equal((await db.passwordThrottle.findUniqueOrThrow({ where: { key: account } })).failures, ACCOUNT_RULE.freeFailures);
});

test("support sees an account's password failures: the count since the last success and the last address", async () => {
  const { userDetail } = await import("@/lib/admin/user-detail");
  const user = await newAccount();
  await attempts(user.email, "wrong password", 3, "198.51.100.77");
  const shown = (await userDetail(user.id))!.passwordThrottle;
  assert.equal(shown?.failures, 3);
  assert.equal(shown?.lastIp, "198.51.100.77");
});

test("a right password takes back its own stamp: support still reads the last failed password, not the sign-in", async () => {
  const user = await newAccount();
  assert.deepEqual(await attempts(user.email, "wrong password", 1, "203.0.113.9"), ["invalid"]);
  const failed = await db.passwordThrottle.findUniqueOrThrow({ where: { key: accountKey(user.email) } });
  assert.deepEqual(await attempts(user.email, PASSWORD, 1, "198.51.100.200"), ["ok"]);
  const after = await db.passwordThrottle.findUniqueOrThrow({ where: { key: accountKey(user.email) } });
  assert.equal(after.failures, 0);
  assert.equal(after.lastFailureAt?.getTime(), failed.lastFailureAt?.getTime(), "the failure's time, not the sign-in's");
  assert.equal(after.lastIp, "203.0.113.9");
  // The address that signed in had never failed: its row says so, and its count is back to 0.
  const address = await db.passwordThrottle.findUniqueOrThrow({ where: { key: "address:198.51.100.200" } });
  assert.equal(address.failures, 0);
  assert.equal(address.lastFailureAt, null);
  // An account that never failed shows no failure after signing in.
  const fresh = await newAccount();
  assert.deepEqual(await attempts(fresh.email, PASSWORD, 1, "198.51.100.201"), ["ok"]);
  assert.equal((await db.passwordThrottle.findUniqueOrThrow({ where: { key: accountKey(fresh.email) } })).lastFailureAt, null);
});
