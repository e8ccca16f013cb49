import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { codeAt, enrolledUser } from "@/test/support/two-factor";
import { db } from "@/lib/db";
import { issueTicket, redeemTicket, sessionUser } from "@/lib/auth/sessions";
import { savePolicySettings } from "@/lib/settings";
import { approveRecovery, disownRecovery, reportAccessCodeUse, revokeAccessCode, startRecovery } from "@/lib/support-recovery";
import { generateRecoveryCodes, consumeRecoveryCode } from "./recovery-codes";
import { completeEnrollment, pendingEnrollment } from "./manage";
import { disownToken, normalizeAccessCode, redeemAccessCode } from "./temporary-access";
import { verifySecondFactor } from "./verify";
import { enrollWithPasskey } from "./passkeys";

const client = { ip: "198.51.100.9", userAgent: "test" };
const CLI = { actor: null, client };
const input = { kind: "access_code" as const, verification: ["callback" as const], reason: "lost phone, called back", lifetimeHours: 1 };

async function account() {
  const { id, secret } = await enrolledUser();
  const user = await db.user.findUniqueOrThrow({ where: { id } });
  const codes = await generateRecoveryCodes(id);
  return { user, secret, codes };
}

async function issue(user: Awaited<ReturnType<typeof account>>["user"]) {
  const outcome = await startRecovery(user, input, CLI);
  assert.ok(outcome.ok && !outcome.pending && outcome.code);
  return outcome;
}

async function admin(email: string) {
  return db.user.create({ data: { email, name: email, passwordHash: "x", role: "admin", twoFactorEnabledAt: new Date() } });
}

test("a code is 16 unambiguous symbols in groups, stored only as a hash, never mailed; the owner is told with a signed link", async () => {
  const { user } = await account();
  const { code, recoveryId } = await issue(user);
  assert.match(code!, /^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/);
  assert.equal(normalizeAccessCode(code!.toLowerCase().replace(/-/g, " ")), code!.replace(/-/g, ""));
  const row = await db.supportRecovery.findUniqueOrThrow({ where: { id: recoveryId } });
  assert.ok(row.codeHash && !row.codeHash.includes(code!.replace(/-/g, "")));
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: user.email, kind: "accessCodeIssued" } });
  assert.ok(!mail.text.includes(code!) && !mail.text.includes(code!.replace(/-/g, "")), "the code is not in the mail");
  assert.ok(mail.text.includes(disownToken(recoveryId)), "the mail has the This wasn't me link");
});

test("a code works once: twenty concurrent uses give one success; another account's, a replaced, revoked or expired code is refused", async () => {
  const { user } = await account();
  const other = await account();
  const { code } = await issue(user);
  assert.deepEqual(await redeemAccessCode(other.user.id, code), { ok: false, reason: "invalid" }, "not for another account");
  const results = await Promise.all(Array.from({ length: 20 }, () => redeemAccessCode(user.id, code)));
  assert.equal(results.filter((r) => r.ok).length, 1);
  await db.user.update({ where: { id: user.id }, data: { secondFactorFailures: 0, secondFactorBlockedUntil: null } });
  assert.equal((await redeemAccessCode(user.id, code)).ok, false, "used");

  const first = await issue(user);
  const second = await issue(user);
  assert.equal((await redeemAccessCode(user.id, first.code)).ok, false, "replaced by a new one");
  const revoker = await admin("revoker@example.test");
  assert.ok(await revokeAccessCode(user.id, { id: revoker.id, name: "R" }, client));
  assert.equal((await redeemAccessCode(user.id, second.code)).ok, false, "revoked");

  const third = await issue(user);
  assert.equal((await redeemAccessCode(user.id, third.code, Date.now() + 3_600_000 + 1000)).ok, false, "expired");
});

test("before the new enrollment is confirmed the old app and recovery codes work; at confirmation they are replaced", async () => {
  const { user, secret, codes } = await account();
  const { code } = await issue(user);
  const used = await redeemAccessCode(user.id, code);
  assert.ok(used.ok);
  const opened = await redeemTicket(await issueTicket(user.id, used.recoveryId), client);
  const session = await sessionUser(opened!.sessionId);
  assert.equal(session?.wizardOnly, true, "the session reaches only the wizard");
  const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  assert.equal(before.totpSecret, user.totpSecret);
  assert.ok((await verifySecondFactor(user.id, { code: codeAt(secret, Date.now()) })).ok, "old app still works");
  assert.ok((await consumeRecoveryCode(user.id, codes[0])).ok, "old recovery code still works");

  const fresh = await pendingEnrollment(await db.user.findUniqueOrThrow({ where: { id: user.id } }));
  const done = await completeEnrollment(user, codeAt(fresh.secret, Date.now()), { client, sessionId: opened!.sessionId, accessCodeId: used.recoveryId });
  assert.ok(done.ok && done.recoveryCodes?.length === 10, "new recovery codes");
  assert.equal((await sessionUser(opened!.sessionId))?.wizardOnly, false);
  assert.equal((await verifySecondFactor(user.id, { code: codeAt(secret, Date.now() + 30_000) })).ok, false, "old app refused");
  assert.equal((await consumeRecoveryCode(user.id, codes[1])).ok, false, "old recovery codes refused");
  assert.equal((await db.supportRecovery.findUniqueOrThrow({ where: { id: used.recoveryId } })).status, "enrolled");
});

test("This wasn't me revokes the code and ends the sessions opened with it, once; a forged token does nothing", async () => {
  const { user } = await account();
  const unused = await issue(user);
  assert.ok((await disownRecovery(disownToken(unused.recoveryId), client)).ok);
  assert.equal((await redeemAccessCode(user.id, unused.code)).ok, false, "revoked");

  const { code, recoveryId } = await issue(user);
  const used = await redeemAccessCode(user.id, code);
  assert.ok(used.ok);
  const opened = await redeemTicket(await issueTicket(user.id, recoveryId), client);
  const own = await redeemTicket(await issueTicket(user.id), client);
  assert.deepEqual(await disownRecovery(`${recoveryId}.forged`, client), { ok: false, reason: "invalid" });
  assert.deepEqual(await disownRecovery(disownToken(recoveryId), client), { ok: true, signedOut: 1, locked: false });
  assert.equal(await sessionUser(opened!.sessionId), null, "the session opened with the code ended");
  assert.ok(await sessionUser(own!.sessionId), "the owner's own session stays");
  assert.deepEqual(await disownRecovery(disownToken(recoveryId), client), { ok: false, reason: "used" });
  assert.equal(await db.auditEvent.count({ where: { userId: user.id, event: "support_recovery.disowned" } }), 2);
});

test("This wasn't me after the code was used to set up a new app: the second step is locked and every session ends", async () => {
  const { user } = await account();
  const { code, recoveryId } = await issue(user);
  const used = await redeemAccessCode(user.id, code);
  assert.ok(used.ok);
  const opened = await redeemTicket(await issueTicket(user.id, recoveryId), client);
  const fresh = await pendingEnrollment(await db.user.findUniqueOrThrow({ where: { id: user.id } }));
  const attackerSecret = fresh.secret;
  assert.ok((await completeEnrollment(user, codeAt(attackerSecret, Date.now()), { client, sessionId: opened!.sessionId, accessCodeId: recoveryId })).ok);
  // The attacker signs in again with the password and their new app: a session without the code.
  const again = await redeemTicket(await issueTicket(user.id), client);
  assert.deepEqual(await disownRecovery(disownToken(recoveryId), client), { ok: true, signedOut: 2, locked: true });
  assert.equal(await sessionUser(opened!.sessionId), null);
  assert.equal(await sessionUser(again!.sessionId), null);
  const refused = await verifySecondFactor(user.id, { code: codeAt(attackerSecret, Date.now() + 60_000) });
  assert.equal(refused.ok, false, "the app set up with the code no longer opens a session");
  assert.ok((await db.user.findUniqueOrThrow({ where: { id: user.id } })).secondFactorLockedAt, "support must unlock it");
});

test("with a second admin: pending until another admin approves; no admin issues or approves for themselves or approves their own", async () => {
  const { user } = await account();
  const first = await admin("first@example.test");
  const second = await admin("second@example.test");
  await savePolicySettings({ maxCodeHours: 8, secondAdmin: "on" }, first.id);
  assert.deepEqual(await startRecovery(first, input, { actor: { id: first.id, name: "F" }, client }), { ok: false, reason: "self" });
  assert.deepEqual(await startRecovery(user, { ...input, lifetimeHours: 9 }, { actor: { id: first.id, name: "F" }, client }), { ok: false, reason: "lifetime" });
  const asked = await startRecovery(user, input, { actor: { id: first.id, name: "F" }, client });
  assert.ok(asked.ok && asked.pending);
  assert.equal(await db.supportRecovery.count({ where: { userId: user.id, status: "active" } }), 0, "no code before approval");
  assert.deepEqual(await approveRecovery(asked.recoveryId, { id: first.id, name: "F" }, client), { ok: false, reason: "own" });
  const forSecond = await startRecovery(second, input, { actor: { id: first.id, name: "F" }, client });
  assert.ok(forSecond.ok && forSecond.pending);
  assert.deepEqual(await approveRecovery(forSecond.recoveryId, { id: second.id, name: "S" }, client), { ok: false, reason: "self" });
  const approved = await approveRecovery(asked.recoveryId, { id: second.id, name: "S" }, client);
  assert.ok(approved.ok && !approved.pending && approved.code);
  assert.ok((await redeemAccessCode(user.id, approved.code)).ok);
  assert.deepEqual(await approveRecovery(asked.recoveryId, { id: second.id, name: "S" }, client), { ok: false, reason: "gone" });
});

test("one recovery waits per account; an approval keeps to the maximum lifetime in force; 'auto' counts the admins who could act", async () => {
  await db.user.updateMany({ where: { role: "admin" }, data: { role: "user" } }); // the admins of the tests above
  const { user } = await account();
  const first = await admin("one@example.test");
  await savePolicySettings({ maxCodeHours: 8, secondAdmin: "auto" }, first.id);
  const second = await admin("two@example.test");
  const by = (a: { id: string }) => ({ actor: { id: a.id, name: "A" }, client });
  // Two admins: a recovery of one of them cannot wait for a second admin who does not exist.
  assert.ok(((r) => r.ok && !r.pending)(await startRecovery(second, { ...input, lifetimeHours: 1 }, by(first))), "two admins, one of them the owner: carried out at once");
  await admin("three@example.test");
  const asked = await startRecovery(user, { ...input, lifetimeHours: 8 }, by(first));
  assert.ok(asked.ok && asked.pending, "three admins: waits for approval");
  assert.deepEqual(await startRecovery(user, input, by(first)), { ok: false, reason: "pending" }, "no second pending recovery");
  await savePolicySettings({ maxCodeHours: 2 }, first.id);
  const approved = await approveRecovery(asked.recoveryId, { id: second.id, name: "S" }, client);
  assert.ok(approved.ok && !approved.pending && approved.expiresAt);
  assert.ok(approved.expiresAt.getTime() <= Date.now() + 2 * 3_600_000, "lowered while it waited: 2 hours, not 8");
  await savePolicySettings({ maxCodeHours: 8, secondAdmin: "auto" }, first.id);
});

test("This wasn't me from an older mail revokes every code of the account, not only that mail's", async () => {
  const { user } = await account();
  const older = await issue(user);
  const current = await issue(user);
  assert.ok((await disownRecovery(disownToken(older.recoveryId), client)).ok);
  assert.equal((await redeemAccessCode(user.id, current.code)).ok, false, "the current code is revoked too");
  assert.equal(await db.supportRecovery.count({ where: { userId: user.id, status: "active" } }), 0);
});

/** A trusted browser and a passkey on the account, as rows (what the sign-in and security page read). */
async function trustAndPasskey(userId: string, tag: string) {
  await db.trustedBrowser.create({ data: { userId, tokenHash: `hash-${tag}-${userId}`, expiresAt: new Date(Date.now() + 86_400_000) } });
  await db.passkey.create({ data: { userId, credentialId: `cred-${tag}-${userId}`, publicKey: "x", name: "Old key" } });
}

test("issuing a code and using it each forget every browser the account trusted", async () => {
  const { user } = await account();
  await trustAndPasskey(user.id, "a");
  const { code } = await issue(user);
  assert.equal(await db.trustedBrowser.count({ where: { userId: user.id } }), 0, "forgotten when the code is issued");
  await db.trustedBrowser.create({ data: { userId: user.id, tokenHash: `hash-b-${user.id}`, expiresAt: new Date(Date.now() + 86_400_000) } });
  const used = await redeemAccessCode(user.id, code);
  assert.ok(used.ok);
  await reportAccessCodeUse(user, used.recoveryId, client);
  assert.equal(await db.trustedBrowser.count({ where: { userId: user.id } }), 0, "forgotten when the code is used");
  assert.ok(await db.auditEvent.findFirst({ where: { userId: user.id, event: "temporary_access.used" } }));
});

test("the enrollment after a code removes the old passkeys with the old app, whether by app or by passkey", async () => {
  for (const way of ["app", "passkey"] as const) {
    const { user, secret } = await account();
    await trustAndPasskey(user.id, way);
    const { code } = await issue(user);
    const used = await redeemAccessCode(user.id, code);
    assert.ok(used.ok);
    const opened = await redeemTicket(await issueTicket(user.id, used.recoveryId), client);
    const context = { client, sessionId: opened!.sessionId, accessCodeId: used.recoveryId };
    if (way === "app") {
      const fresh = await pendingEnrollment(await db.user.findUniqueOrThrow({ where: { id: user.id } }));
      assert.ok((await completeEnrollment(user, codeAt(fresh.secret, Date.now()), context)).ok);
      assert.equal(await db.passkey.count({ where: { userId: user.id } }), 0, "old passkey gone with the old app");
    } else {
      const newKey = { credentialId: `new-${user.id}`, publicKey: "y", counter: 0, transports: null, backedUp: false };
      const done = await enrollWithPasskey(user, newKey, "New key", context);
      assert.equal(done?.recoveryCodes.length, 10);
      const keys = await db.passkey.findMany({ where: { userId: user.id } });
      assert.deepEqual(keys.map((k) => k.name), ["New key"], "only the new passkey");
      const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      assert.equal(after.totpSecret, null, "the old app is gone");
      assert.equal((await verifySecondFactor(user.id, { code: codeAt(secret, Date.now() + 30_000) })).ok, false, "old app refused");
      assert.equal((await db.supportRecovery.findUniqueOrThrow({ where: { id: used.recoveryId } })).status, "enrolled");
      assert.equal((await sessionUser(opened!.sessionId))?.wizardOnly, false);
    }
  }
});
