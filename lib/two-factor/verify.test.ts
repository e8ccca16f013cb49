import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "../db";
import { generateRecoveryCodes } from "./recovery-codes";
import { encryptSecret } from "./secrets";
import { codeAt, createTestUser, enrolledUser, wrongCode } from "@/test/support/two-factor";
import { BLOCK_MINUTES, LOCK_AFTER, MAX_ATTEMPTS, unlock } from "./throttle";
import { newSecret } from "./totp";
import { checkFirstCode, verifySecondFactor } from "./verify";

const BLOCK_MS = BLOCK_MINUTES * 60_000;
const failures = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).secondFactorFailures;

test("a valid code works once; the same code again is refused", async () => {
  const { id, secret } = await enrolledUser();
  const now = Date.now();
  assert.deepEqual(await verifySecondFactor(id, { code: codeAt(secret, now) }, now), { ok: true, method: "totp" });
  assert.deepEqual(await verifySecondFactor(id, { code: codeAt(secret, now) }, now + 1000), { ok: false, reason: "invalid" });
  assert.equal(await failures(id), 1, "a replay counts as a failure");
});

test("after a newer code, an older one still inside the window is refused", async () => {
  const { id, secret } = await enrolledUser();
  const now = Date.now();
  assert.equal((await verifySecondFactor(id, { code: codeAt(secret, now + 30_000) }, now)).ok, true);
  assert.deepEqual(await verifySecondFactor(id, { code: codeAt(secret, now) }, now), { ok: false, reason: "invalid" });
  assert.deepEqual(await verifySecondFactor(id, { code: codeAt(secret, now - 30_000) }, now), { ok: false, reason: "invalid" });
});

test("twenty simultaneous submissions of one valid code: exactly one is accepted", async () => {
  const { id, secret } = await enrolledUser();
  const now = Date.now();
  const results = await Promise.all(Array.from({ length: 20 }, () => verifySecondFactor(id, { code: codeAt(secret, now) }, now)));
  assert.equal(results.filter((r) => r.ok).length, 1);
});

test("twenty simultaneous wrong codes: five are checked, the rest refused before checking", async () => {
  const { id, secret } = await enrolledUser();
  const now = Date.now();
  const results = await Promise.all(Array.from({ length: 20 }, () => verifySecondFactor(id, { code: wrongCode(secret, now) }, now)));
  assert.equal(results.filter((r) => !r.ok && r.reason === "invalid").length, MAX_ATTEMPTS);
  assert.equal(results.filter((r) => !r.ok && r.reason === "blocked").length, 20 - MAX_ATTEMPTS);
  assert.equal(await failures(id), MAX_ATTEMPTS);
});

test("five wrong codes block the account for fifteen minutes, even for the right code", async () => {
  const { id, secret } = await enrolledUser();
  const now = Date.now();
  for (let i = 1; i < MAX_ATTEMPTS; i++) {
    assert.deepEqual(await verifySecondFactor(id, { code: wrongCode(secret, now) }, now), { ok: false, reason: "invalid" });
  }
  assert.deepEqual(await verifySecondFactor(id, { code: wrongCode(secret, now) }, now), {
    ok: false,
    reason: "invalid",
    consequence: "blocked",
    retryAt: new Date(now + BLOCK_MS),
  });
  const during = now + BLOCK_MS - 1000;
  assert.deepEqual(await verifySecondFactor(id, { code: codeAt(secret, during) }, during), { ok: false, reason: "blocked", retryAt: new Date(now + BLOCK_MS) });
  const after = now + BLOCK_MS;
  assert.deepEqual(await verifySecondFactor(id, { code: codeAt(secret, after) }, after), { ok: true, method: "totp" });
  assert.equal(await failures(id), 0, "a success resets the count");
});

test("a hundred failures in a row lock the second factor until support unlocks it", async () => {
  const { id, secret } = await enrolledUser();
  let now = Date.now();
  for (let attempt = 1; attempt <= LOCK_AFTER; attempt++) {
    const result = await verifySecondFactor(id, { code: wrongCode(secret, now) }, now);
    assert.equal(result.ok ? "ok" : result.reason, "invalid", `attempt ${attempt}`);
    if (attempt % MAX_ATTEMPTS === 0 && attempt < LOCK_AFTER) {
      assert.equal(!result.ok && result.consequence, "blocked", `attempt ${attempt}`);
      now += BLOCK_MS;
    }
    if (attempt === LOCK_AFTER) assert.equal(!result.ok && result.consequence, "locked");
  }
  const muchLater = now + 30 * 86_400_000;
  assert.deepEqual(await verifySecondFactor(id, { code: codeAt(secret, muchLater) }, muchLater), { ok: false, reason: "locked" });
  await unlock(id);
  assert.deepEqual(await verifySecondFactor(id, { code: codeAt(secret, muchLater) }, muchLater), { ok: true, method: "totp" });
});

test("recovery codes work once, and their failures count toward the same throttle", async () => {
  const { id, secret } = await enrolledUser();
  const codes = await generateRecoveryCodes(id);
  const now = Date.now();
  assert.deepEqual(await verifySecondFactor(id, { recoveryCode: codes[0] }, now), { ok: true, method: "recovery", remaining: 9 });
  assert.deepEqual(await verifySecondFactor(id, { recoveryCode: codes[0] }, now), { ok: false, reason: "invalid" });
  await verifySecondFactor(id, { code: wrongCode(secret, now) }, now);
  await verifySecondFactor(id, { code: wrongCode(secret, now) }, now);
  await verifySecondFactor(id, { recoveryCode: "zzzzz-zzzzz" }, now);
  const fifth = await verifySecondFactor(id, { recoveryCode: "zzzzz-zzzzy" }, now);
  assert.equal(!fifth.ok && fifth.consequence, "blocked");
  assert.deepEqual(await verifySecondFactor(id, { recoveryCode: codes[1] }, now), { ok: false, reason: "blocked", retryAt: new Date(now + BLOCK_MS) });
});

test("malformed input is refused as such and does not count toward the throttle", async () => {
  const { id, secret } = await enrolledUser();
  const now = Date.now();
  const junk = [{}, { code: "" }, { code: "12345" }, { code: "١٢٣٤٥" }, { code: 123456 }, { code: null }, { recoveryCode: "abc" }, { recoveryCode: 42 }, { code: codeAt(secret, now), recoveryCode: "0000000000" }];
  for (let round = 0; round < 2; round++) {
    for (const input of junk) assert.deepEqual(await verifySecondFactor(id, input, now), { ok: false, reason: "format" }, JSON.stringify(input));
  }
  assert.equal(await failures(id), 0);
  assert.deepEqual(await verifySecondFactor(id, { code: ` ${codeAt(secret, now).replace(/(...)/, "$1 ")} `, recoveryCode: "" }, now), { ok: true, method: "totp" });
});

test("a code from a phone five minutes behind is refused, with the drift to show the user", async () => {
  const { id, secret } = await enrolledUser();
  const now = Date.now();
  assert.deepEqual(await verifySecondFactor(id, { code: codeAt(secret, now - 5 * 60_000) }, now), { ok: false, reason: "invalid", driftMinutes: -5 });
  assert.equal(await failures(id), 1);
});

test("a code three minutes ahead is refused like any wrong code, and stays refused when its time comes (issue 7, point 8)", async () => {
  const { id, secret } = await enrolledUser();
  const now = Date.now();
  const ahead = codeAt(secret, now + 3 * 60_000);
  assert.deepEqual(await verifySecondFactor(id, { code: ahead }, now), { ok: false, reason: "invalid" }, "no hint that it will work");
  const later = now + 2 * 60_000;
  assert.deepEqual(await verifySecondFactor(id, { code: ahead }, later), { ok: false, reason: "invalid" }, "within the window two minutes later");
  assert.deepEqual(await verifySecondFactor(id, { code: ahead }, now + 3 * 60_000), { ok: false, reason: "invalid" }, "at its own step");
  const fresh = now + 4 * 60_000;
  assert.deepEqual(await verifySecondFactor(id, { code: codeAt(secret, fresh) }, fresh), { ok: true, method: "totp" }, "the owner's next code works");
});

test("an account without two-factor has nothing to check", async () => {
  const user = await createTestUser();
  const secret = newSecret();
  const now = Date.now();
  assert.deepEqual(await verifySecondFactor(user.id, { code: codeAt(secret, now) }, now), { ok: false, reason: "not-enabled" });
  assert.deepEqual(await verifySecondFactor("no-such-user", { code: "123456" }, now), { ok: false, reason: "not-enabled" });
});

test("the first code of an enrollment gives the step to store, so that code cannot be used again", async () => {
  const pending = newSecret();
  const now = Date.now();
  const code = codeAt(pending, now);
  const enrolling = await createTestUser();
  const { step } = await checkFirstCode(enrolling.id, pending, code, now);
  assert.equal(step, Math.floor(now / 30_000));
  assert.deepEqual(await checkFirstCode(enrolling.id, pending, wrongCode(pending, now), now), { step: null, driftMinutes: null });
  assert.deepEqual(await checkFirstCode(enrolling.id, pending, "junk", now), { step: null, driftMinutes: null });
  const ahead = codeAt(pending, now + 3 * 60_000);
  assert.deepEqual(await checkFirstCode(enrolling.id, pending, ahead, now), { step: null, driftMinutes: null }, "a future code gets no hint");
  assert.deepEqual(await checkFirstCode(enrolling.id, pending, ahead, now + 3 * 60_000), { step: null, driftMinutes: null }, "and stays refused");
  const user = await createTestUser({ twoFactorEnabledAt: new Date(now), totpSecret: encryptSecret(pending) });
  await db.user.update({ where: { id: user.id }, data: { totpLastStep: step } });
  assert.deepEqual(await verifySecondFactor(user.id, { code }, now), { ok: false, reason: "invalid" });
  const next = now + 30_000;
  assert.deepEqual(await verifySecondFactor(user.id, { code: codeAt(pending, next) }, next), { ok: true, method: "totp" });
});
