import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "../db";
import { createTestUser } from "@/test/support/two-factor";
import { BLOCK_MINUTES, checkThrottle, claimAttempt, LOCK_AFTER, MAX_ATTEMPTS, registerSuccess, unlock } from "./throttle";

const NOW = Date.UTC(2030, 0, 1, 12);
const BLOCK_MS = 15 * 60_000;
const state = (id: string) =>
  db.user.findUniqueOrThrow({ where: { id }, select: { secondFactorFailures: true, secondFactorBlockedUntil: true, secondFactorLockedAt: true } });

async function claims(id: string, count: number, now: number) {
  const results = [];
  for (let i = 0; i < count; i++) results.push(await claimAttempt(id, now));
  return results;
}

test("the rules: five tries, then fifteen minutes' wait, and a lock after a hundred", () => {
  assert.deepEqual([MAX_ATTEMPTS, BLOCK_MINUTES, LOCK_AFTER], [5, 15, 100]);
});

test("checkThrottle reads a block until its end, and a lock for good", () => {
  const clear = { secondFactorFailures: 0, secondFactorBlockedUntil: null, secondFactorLockedAt: null };
  const until = new Date(NOW + 60_000);
  assert.deepEqual(checkThrottle(clear, NOW), { allowed: true });
  assert.deepEqual(checkThrottle({ ...clear, secondFactorBlockedUntil: until }, NOW), { allowed: false, reason: "blocked", retryAt: until });
  assert.deepEqual(checkThrottle({ ...clear, secondFactorBlockedUntil: until }, until.getTime()), { allowed: true });
  const locked = { ...clear, secondFactorLockedAt: new Date(NOW) };
  assert.deepEqual(checkThrottle(locked, NOW + 365 * 86_400_000), { allowed: false, reason: "locked" });
});

test("the fifth attempt starts a block; once it ends, five more attempts before the next", async () => {
  const user = await createTestUser();
  const first = await claims(user.id, 5, NOW);
  assert.deepEqual(first.slice(0, 4), Array(4).fill({ allowed: true }));
  assert.deepEqual(first[4], { allowed: true, ifFailed: { consequence: "blocked", retryAt: new Date(NOW + BLOCK_MS) } });
  assert.deepEqual(await claimAttempt(user.id, NOW + BLOCK_MS - 1), { allowed: false, reason: "blocked", retryAt: new Date(NOW + BLOCK_MS) });
  const later = NOW + BLOCK_MS;
  const second = await claims(user.id, 5, later);
  assert.deepEqual(second.slice(0, 4), Array(4).fill({ allowed: true }));
  assert.deepEqual(second[4], { allowed: true, ifFailed: { consequence: "blocked", retryAt: new Date(later + BLOCK_MS) } });
  assert.equal((await claimAttempt(user.id, later)).allowed, false);
  assert.equal((await state(user.id)).secondFactorFailures, 10, "refused attempts are not counted");
});

test("twenty simultaneous attempts: five go ahead, the rest are refused", async () => {
  const user = await createTestUser();
  const results = await Promise.all(Array.from({ length: 20 }, () => claimAttempt(user.id, NOW)));
  assert.equal(results.filter((r) => r.allowed).length, MAX_ATTEMPTS);
  assert.equal(results.filter((r) => r.allowed && r.ifFailed?.consequence === "blocked").length, 1);
  assert.deepEqual(await state(user.id), { secondFactorFailures: 5, secondFactorBlockedUntil: new Date(NOW + BLOCK_MS), secondFactorLockedAt: null });
});

test("the hundredth failure in a row locks until unlocked", async () => {
  const user = await createTestUser();
  await db.user.update({ where: { id: user.id }, data: { secondFactorFailures: LOCK_AFTER - 1 } });
  assert.deepEqual(await claimAttempt(user.id, NOW), { allowed: true, ifFailed: { consequence: "locked" } });
  assert.deepEqual(await claimAttempt(user.id, NOW + 365 * 86_400_000), { allowed: false, reason: "locked" });
  assert.deepEqual((await state(user.id)).secondFactorLockedAt, new Date(NOW));
  await unlock(user.id);
  assert.deepEqual(await state(user.id), { secondFactorFailures: 0, secondFactorBlockedUntil: null, secondFactorLockedAt: null });
  assert.deepEqual(await claimAttempt(user.id, NOW), { allowed: true });
});

test("a success resets the count", async () => {
  const user = await createTestUser();
  await claims(user.id, 4, NOW);
  await registerSuccess(user.id);
  const next = await claims(user.id, 4, NOW);
  assert.deepEqual(next, Array(4).fill({ allowed: true }));
  assert.equal((await state(user.id)).secondFactorFailures, 4);
});

test("a claim that starts from a state read earlier counts on the stored one: stale reads cannot reopen the budget", async () => {
  const user = await createTestUser();
  const before = await state(user.id);
  await claims(user.id, 4, NOW);
  // Read before four failures were counted: the compare-and-set misses and reads again, so this is the fifth.
  assert.deepEqual(await claimAttempt(user.id, NOW, before), { allowed: true, ifFailed: { consequence: "blocked", retryAt: new Date(NOW + BLOCK_MS) } });
  assert.equal((await state(user.id)).secondFactorFailures, 5);
  // Eight requests that all read the account before any of them was counted: five go ahead, three are refused.
  const fresh = await createTestUser();
  const read = await state(fresh.id);
  const results = await Promise.all(Array.from({ length: 8 }, () => claimAttempt(fresh.id, NOW, read)));
  assert.equal(results.filter((r) => r.allowed).length, 5);
  assert.equal((await state(fresh.id)).secondFactorFailures, 5);
});
