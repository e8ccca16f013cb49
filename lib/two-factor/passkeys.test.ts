import "@/test/support/db";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { test } from "node:test";
import { db } from "../db";
import { enrolledUser } from "@/test/support/two-factor";
import { passkeyName, passkeyNameProblem, verifyPasskeyAssertion } from "./passkeys";

// An assertion-shaped answer for a credential id: enough to reach the account and challenge checks.
const assertion = (credentialId: string) => ({
  id: credentialId,
  rawId: credentialId,
  type: "public-key",
  response: { clientDataJSON: "e30", authenticatorData: "AA", signature: "AA" },
  clientExtensionResults: {},
});

async function pendingWithChallenge(userId: string, challenge: string | null = randomBytes(32).toString("base64url")) {
  const tokenHash = createHash("sha256").update(randomBytes(16)).digest("hex");
  await db.pendingSignIn.create({ data: { tokenHash, userId, expiresAt: new Date(Date.now() + 600_000), passkeyChallenge: challenge } });
  return tokenHash;
}

async function passkeyOf(userId: string) {
  const credentialId = randomBytes(16).toString("base64url");
  await db.passkey.create({ data: { userId, credentialId, publicKey: "AA", name: "Key" } });
  return credentialId;
}

const failures = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).secondFactorFailures;

test("a passkey of another account is refused, and counted against the account's throttle", async () => {
  const [alice, bob] = [await enrolledUser(), await enrolledUser()];
  const bobsKey = await passkeyOf(bob.id);
  const pending = await pendingWithChallenge(alice.id);
  const result = await verifyPasskeyAssertion(alice.id, pending, assertion(bobsKey));
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.reason, "invalid");
  assert.equal(await failures(alice.id), 1);
});

test("a challenge works once: the same answer again (a replay) finds no challenge", async () => {
  const user = await enrolledUser();
  const key = await passkeyOf(user.id);
  const pending = await pendingWithChallenge(user.id);
  const first = await verifyPasskeyAssertion(user.id, pending, assertion(key));
  assert.equal(!first.ok && first.reason, "invalid");
  const replay = await verifyPasskeyAssertion(user.id, pending, assertion(key));
  assert.equal(!replay.ok && replay.reason, "expired");
  const row = await db.pendingSignIn.findUniqueOrThrow({ where: { tokenHash: pending } });
  assert.equal(row.passkeyChallenge, null);
});

test("another account's pending sign-in, or one without a challenge, lends no challenge", async () => {
  const [alice, bob] = [await enrolledUser(), await enrolledUser()];
  const key = await passkeyOf(alice.id);
  const bobsPending = await pendingWithChallenge(bob.id);
  const viaBob = await verifyPasskeyAssertion(alice.id, bobsPending, assertion(key));
  assert.equal(!viaBob.ok && viaBob.reason, "expired");
  const none = await verifyPasskeyAssertion(alice.id, await pendingWithChallenge(alice.id, null), assertion(key));
  assert.equal(!none.ok && none.reason, "expired");
});

test("malformed answers are refused without being counted; a blocked account is refused first", async () => {
  const user = await enrolledUser();
  const pending = await pendingWithChallenge(user.id);
  for (const bad of [null, "x", {}, { id: "a", rawId: "a", type: "password", response: {} }]) {
    const result = await verifyPasskeyAssertion(user.id, pending, bad);
    assert.equal(!result.ok && result.reason, "format");
  }
  assert.equal(await failures(user.id), 0);
  await db.user.update({ where: { id: user.id }, data: { secondFactorBlockedUntil: new Date(Date.now() + 60_000) } });
  const blocked = await verifyPasskeyAssertion(user.id, pending, assertion("abc"));
  assert.equal(!blocked.ok && blocked.reason, "blocked");
});

test("passkey names are trimmed, spaces collapsed, cut at 60 characters; empty is no name", () => {
  assert.equal(passkeyName("  Work   laptop "), "Work laptop");
  assert.equal(passkeyName("x".repeat(80))?.length, 60);
  assert.equal(passkeyName("   "), null);
  assert.equal(passkeyName(42), null);
});

test("a passkey name must show something: zero-width, joiner, direction-mark, filler or blank-braille characters alone are refused", () => {
  for (const invisible of ["\u200B\u200B", "\u200D\u200C\u2060", "\u200E\u202E\uFEFF", "\u3164", "\u115F\u1160", "\u2800", "\u00AD", "\u0301", "\uFE0F", " \u00A0\u3000 "]) {
    assert.equal(passkeyName(invisible), null, JSON.stringify(invisible));
    assert.equal(passkeyNameProblem(invisible), invisible.trim() ? "nameInvisible" : "name", JSON.stringify(invisible));
  }
  for (const shown of ["Work key", "🔑", "👩\u200D💻", "e\u0301", "キー", "\u200BKey"]) {
    assert.equal(passkeyNameProblem(shown), null, JSON.stringify(shown));
    assert.ok(passkeyName(shown));
  }
  assert.equal(passkeyNameProblem(""), "name");
  assert.equal(passkeyNameProblem("x".repeat(61)), "name");
});
