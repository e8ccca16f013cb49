import "@/test/support/db";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { test } from "node:test";
import { db } from "../db";
import { enrolledUser } from "@/test/support/two-factor";
import { softwarePasskey } from "@/test/support/authenticator";
import { CHALLENGE_TTL_MS, confirmationOptions, passkeyName, passkeyNameProblem, registrationOptions, relyingParty, verifyPasskeyAssertion, verifyRegistration } from "./passkeys";

// An assertion-shaped answer for a credential id, made for `challenge`, with no valid signature:
// enough to reach the account and challenge checks.
const assertion = (credentialId: string, challenge: string | null = null) => ({
  id: credentialId,
  rawId: credentialId,
  type: "public-key",
  response: { clientDataJSON: Buffer.from(JSON.stringify({ type: "webauthn.get", challenge })).toString("base64url"), authenticatorData: "AA", signature: "AA" },
  clientExtensionResults: {},
});

/** A pending sign-in of `userId` keeping `challenge`: its holder, and the challenge. */
async function pendingWithChallenge(userId: string, challenge: string | null = randomBytes(32).toString("base64url")) {
  const tokenHash = createHash("sha256").update(randomBytes(16)).digest("hex");
  await db.pendingSignIn.create({ data: { tokenHash, userId, expiresAt: new Date(Date.now() + 600_000), passkeyChallenge: challenge } });
  return { holder: { pendingSignIn: tokenHash }, challenge };
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
  const result = await verifyPasskeyAssertion(alice.id, pending.holder, assertion(bobsKey, pending.challenge));
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.reason, "invalid");
  assert.equal(await failures(alice.id), 1);
});

test("a challenge works once: the same answer again (a replay) finds no challenge", async () => {
  const user = await enrolledUser();
  const key = await passkeyOf(user.id);
  const pending = await pendingWithChallenge(user.id);
  const first = await verifyPasskeyAssertion(user.id, pending.holder, assertion(key, pending.challenge));
  assert.equal(!first.ok && first.reason, "invalid");
  const replay = await verifyPasskeyAssertion(user.id, pending.holder, assertion(key, pending.challenge));
  assert.equal(!replay.ok && replay.reason, "expired");
  const row = await db.pendingSignIn.findUniqueOrThrow({ where: { tokenHash: pending.holder.pendingSignIn } });
  assert.equal(row.passkeyChallenge, null);
});

test("another account's pending sign-in, or one without a challenge, lends no challenge", async () => {
  const [alice, bob] = [await enrolledUser(), await enrolledUser()];
  const key = await passkeyOf(alice.id);
  const bobsPending = await pendingWithChallenge(bob.id);
  const viaBob = await verifyPasskeyAssertion(alice.id, bobsPending.holder, assertion(key, bobsPending.challenge));
  assert.equal(!viaBob.ok && viaBob.reason, "expired");
  const none = await verifyPasskeyAssertion(alice.id, (await pendingWithChallenge(alice.id, null)).holder, assertion(key));
  assert.equal(!none.ok && none.reason, "expired");
});

test("malformed answers are refused without being counted; a blocked account is refused first", async () => {
  const user = await enrolledUser();
  const pending = await pendingWithChallenge(user.id);
  for (const bad of [null, "x", {}, { id: "a", rawId: "a", type: "password", response: {} }]) {
    const result = await verifyPasskeyAssertion(user.id, pending.holder, bad);
    assert.equal(!result.ok && result.reason, "format");
  }
  assert.equal(await failures(user.id), 0);
  await db.user.update({ where: { id: user.id }, data: { secondFactorBlockedUntil: new Date(Date.now() + 60_000) } });
  const blocked = await verifyPasskeyAssertion(user.id, pending.holder, assertion("abc", pending.challenge));
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

// Confirming a security change: the challenge is kept on the signed-in session.
async function sessionOf(userId: string) {
  const id = randomBytes(16).toString("hex");
  await db.session.create({ data: { id, userId, expiresAt: new Date(Date.now() + 3_600_000) } });
  return id;
}

async function registered(userId: string) {
  const key = softwarePasskey(relyingParty());
  await db.passkey.create({ data: { userId, credentialId: key.credentialId, publicKey: key.publicKey, name: "Key" } });
  return key;
}

test("confirming a change: a signed assertion of the session's challenge is accepted once, and the passkey's counter and last use move", async () => {
  const user = await enrolledUser();
  const key = await registered(user.id);
  const session = await sessionOf(user.id);
  const options = await confirmationOptions(user.id, session);
  assert.deepEqual(options?.allowCredentials?.map((c) => c.id), [key.credentialId]);
  const answer = key.assert(options!.challenge);
  const accepted = await verifyPasskeyAssertion(user.id, { session }, answer);
  assert.equal(accepted.ok, true);
  const stored = await db.passkey.findUniqueOrThrow({ where: { credentialId: key.credentialId } });
  assert.equal(stored.counter, 1n);
  assert.ok(stored.lastUsedAt);
  // The same answer again (a replay) finds no challenge, and is counted as a failure.
  const replay = await verifyPasskeyAssertion(user.id, { session }, answer);
  assert.equal(!replay.ok && replay.reason, "expired");
  assert.equal(await failures(user.id), 1);
});

test("confirming a change: a wrong challenge, an expired one, another session's or another account's passkey are refused", async () => {
  const [alice, bob] = [await enrolledUser(), await enrolledUser()];
  const alicesKey = await registered(alice.id);
  const bobsKey = await registered(bob.id);
  const session = await sessionOf(alice.id);

  const options = await confirmationOptions(alice.id, session);
  // An answer made for another challenge is refused, and leaves the session's in place (two tabs, below).
  const wrong = await verifyPasskeyAssertion(alice.id, { session }, alicesKey.assert(randomBytes(32).toString("base64url")));
  assert.equal(!wrong.ok && wrong.reason, "expired");
  // Bob's passkey signing Alice's challenge is refused, and uses the challenge up: Alice's own answer now comes too late.
  const ofBob = await verifyPasskeyAssertion(alice.id, { session }, bobsKey.assert(options!.challenge));
  assert.equal(!ofBob.ok && ofBob.reason, "invalid");
  const late = await verifyPasskeyAssertion(alice.id, { session }, alicesKey.assert(options!.challenge));
  assert.equal(!late.ok && late.reason, "expired");

  // Bob's session keeps Bob's challenge: Alice's passkey cannot answer it for Alice.
  const bobsSession = await sessionOf(bob.id);
  assert.equal(await confirmationOptions(alice.id, bobsSession), null);
  const bobsOptions = await confirmationOptions(bob.id, bobsSession);
  const viaBob = await verifyPasskeyAssertion(alice.id, { session: bobsSession }, alicesKey.assert(bobsOptions!.challenge));
  assert.equal(!viaBob.ok && viaBob.reason, "expired");

  const stale = await confirmationOptions(alice.id, session);
  const expired = await verifyPasskeyAssertion(alice.id, { session }, alicesKey.assert(stale!.challenge), Date.now() + CHALLENGE_TTL_MS + 1000);
  assert.equal(!expired.ok && expired.reason, "expired");
  assert.equal(await failures(alice.id), 5);
  assert.equal((await db.passkey.findUniqueOrThrow({ where: { credentialId: alicesKey.credentialId } })).lastUsedAt, null);
});

test("a session's challenge answers only the ceremony it was made for: one to confirm a change never adds a passkey, one to add a passkey never confirms", async () => {
  const user = await enrolledUser();
  const account = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  const key = await registered(user.id);
  const session = await sessionOf(user.id);
  const newKey = softwarePasskey(relyingParty());

  // What "Use a passkey" in a dialog hands any holder of the session, without password or code.
  const confirming = await confirmationOptions(user.id, session);
  assert.equal((await verifyRegistration(session, newKey.register(confirming!.challenge))).ok, false);
  assert.equal(await db.passkey.count({ where: { credentialId: newKey.credentialId } }), 0);

  const registering = await registrationOptions(account, session);
  const asConfirmation = await verifyPasskeyAssertion(user.id, { session }, key.assert(registering.challenge));
  assert.equal(!asConfirmation.ok && asConfirmation.reason, "expired");

  // Each one still answers its own ceremony.
  const again = await registrationOptions(account, session);
  assert.equal((await verifyRegistration(session, newKey.register(again.challenge))).ok, true);
  const confirmingAgain = await confirmationOptions(user.id, session);
  assert.equal((await verifyPasskeyAssertion(user.id, { session }, key.assert(confirmingAgain!.challenge))).ok, true);
});

test("two tabs asking at once: the older tab's answer is refused as expired, and the newer tab's still works", async () => {
  const user = await enrolledUser();
  const key = await registered(user.id);
  const session = await sessionOf(user.id);
  const older = await confirmationOptions(user.id, session);
  const newer = await confirmationOptions(user.id, session);
  const late = await verifyPasskeyAssertion(user.id, { session }, key.assert(older!.challenge));
  assert.equal(!late.ok && late.reason, "expired");
  assert.equal((await verifyPasskeyAssertion(user.id, { session }, key.assert(newer!.challenge))).ok, true);
  // The success starts the count again: the older tab's refusal is not held against the account.
  assert.equal(await failures(user.id), 0);

  // The same at the second sign-in step, where the pending sign-in keeps the challenge.
  const pending = await pendingWithChallenge(user.id);
  const stale = await verifyPasskeyAssertion(user.id, pending.holder, key.assert(randomBytes(32).toString("base64url")));
  assert.equal(!stale.ok && stale.reason, "expired");
  assert.equal((await verifyPasskeyAssertion(user.id, pending.holder, key.assert(pending.challenge!))).ok, true);
});
