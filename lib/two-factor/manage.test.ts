import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { codeAt } from "@/test/support/two-factor";
import { db } from "@/lib/db";
import { issueTicket, redeemTicket, sessionUser } from "@/lib/auth/sessions";
import { createUser } from "@/lib/users";
import { completeEnrollment, disableTwoFactor, pendingEnrollment, regenerateRecoveryCodes } from "./manage";
import { consumeRecoveryCode } from "./recovery-codes";
import { verifySecondFactor } from "./verify";

const client = { ip: "198.51.100.7", userAgent: "test" };

async function userWithSessions(email: string, count = 2) {
  const user = await createUser({ email, password: "a long password" });
  const sessions: string[] = [];
  for (let i = 0; i < count; i++) sessions.push((await redeemTicket(await issueTicket(user.id), client))!.sessionId);
  return { user, sessions };
}

const fresh = (id: string) => db.user.findUniqueOrThrow({ where: { id } });

test("enrollment: a wrong code leaves 2FA off; the right one turns it on, cannot be replayed, and the outbox keeps no code", async () => {
  const { user, sessions } = await userWithSessions("enroll@example.test");
  const { secret, uri } = await pendingEnrollment(await fresh(user.id));
  assert.match(uri, new RegExp(`^otpauth://totp/Mail-IT-Wize:enroll%40example.test\\?secret=${secret}&issuer=Mail-IT-Wize`));
  assert.equal((await pendingEnrollment(await fresh(user.id))).secret, secret, "the same QR code until confirmed");

  const now = Date.now();
  const wrong = codeAt(secret, now) === "000000" ? "111111" : "000000";
  assert.deepEqual(await completeEnrollment(user, wrong, { client, sessionId: sessions[0] }), { ok: false, reason: "invalid" });
  assert.equal((await fresh(user.id)).twoFactorEnabledAt, null);

  const code = codeAt(secret, now);
  // The session still holds a factor from a confirmation made before 2FA was turned off: not this enrollment's.
  const done = await completeEnrollment(user, code, { client, sessionId: sessions[0], confirmedWith: "totp" });
  assert.ok(done.ok);
  assert.equal(done.recoveryCodes?.length, 10);
  assert.equal(done.signedOut, 1);
  assert.ok(await sessionUser(sessions[0]), "the session that enrolled stays");
  assert.equal(await sessionUser(sessions[1]), null, "other sessions are signed out");

  const stored = await fresh(user.id);
  assert.ok(stored.twoFactorEnabledAt);
  assert.ok(stored.totpSecret && !stored.totpSecret.includes(secret), "the secret is stored encrypted");
  assert.equal(stored.totpPendingSecret, null);
  assert.deepEqual(await verifySecondFactor(user.id, { code }), { ok: false, reason: "invalid" }, "the confirming code cannot be replayed");

  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: user.email, subject: { contains: "is on" } } });
  for (const c of done.recoveryCodes!) {
    assert.ok(!mail.text.includes(c) && !mail.html.includes(c), "no recovery code in the outbox");
  }
  assert.match(mail.text, /not kept in this outbox/);
  const audited = await db.auditEvent.findMany({ where: { userId: user.id, event: "two_factor.enabled" } });
  assert.deepEqual(audited.map((e) => e.details), [null], "a first enrollment names no factor that confirmed it");
});

test("changing the app: the old one works until the new one is confirmed, then only the new one", async () => {
  const { user, sessions } = await userWithSessions("change@example.test", 1);
  const first = await pendingEnrollment(await fresh(user.id));
  const enrolled = await completeEnrollment(user, codeAt(first.secret, Date.now() - 30_000), { client, sessionId: sessions[0] });
  assert.ok(enrolled.ok);

  const second = await pendingEnrollment(await fresh(user.id));
  assert.notEqual(second.secret, first.secret, "a fresh secret for every enrollment");
  assert.equal((await verifySecondFactor(user.id, { code: codeAt(first.secret, Date.now()) })).ok, true, "the old app still works");

  const changed = await completeEnrollment(user, codeAt(second.secret, Date.now() + 30_000), { client, sessionId: sessions[0], confirmedWith: "passkey" });
  assert.ok(changed.ok && changed.changed);
  assert.equal(changed.recoveryCodes, null, "recovery codes are kept");
  assert.equal((await verifySecondFactor(user.id, { code: codeAt(first.secret, Date.now() + 60_000) })).ok, false, "the old app no longer works");
  // The audit trail says which second factor confirmed the change.
  const audited = await db.auditEvent.findMany({ where: { userId: user.id, event: "two_factor.changed" } });
  assert.deepEqual(audited.map((e) => JSON.parse(e.details ?? "null")), [{ confirmedWith: "passkey" }]);
});

test("a passkey-only account adding an app keeps its recovery codes and its 2FA date; the owner is told an app was added", async () => {
  const { user, sessions } = await userWithSessions("passkey-only@example.test", 1);
  // Enrolled with a passkey in the wizard: 2FA on, recovery codes, no app.
  const since = new Date(Date.now() - 40 * 86_400_000);
  await db.user.update({ where: { id: user.id }, data: { twoFactorEnabledAt: since } });
  const { codes } = await regenerateRecoveryCodes(await fresh(user.id), { client, sessionId: sessions[0] });
  const { secret } = await pendingEnrollment(await fresh(user.id));
  const added = await completeEnrollment(await fresh(user.id), codeAt(secret, Date.now()), { client, sessionId: sessions[0] });
  assert.ok(added.ok && added.added && !added.changed);
  assert.equal(added.recoveryCodes, null, "no new recovery codes");
  assert.equal((await fresh(user.id)).twoFactorEnabledAt?.getTime(), since.getTime(), "2FA is on since the passkey");
  assert.equal((await consumeRecoveryCode(user.id, codes[0]!)).ok, true, "the recovery codes still work");
  assert.equal(await db.auditEvent.count({ where: { userId: user.id, event: "two_factor.app_added" } }), 1);
  assert.equal(await db.outboxMessage.count({ where: { to: user.email, subject: { contains: "An authenticator app was added" } } }), 1);
});

test("new recovery codes replace the old ones; turning off removes everything and signs other sessions out", async () => {
  const { user, sessions } = await userWithSessions("codes@example.test", 3);
  const { secret } = await pendingEnrollment(await fresh(user.id));
  const enrolled = await completeEnrollment(user, codeAt(secret, Date.now()), { client });
  assert.ok(enrolled.ok);
  const old = enrolled.recoveryCodes!;

  const regenerated = await regenerateRecoveryCodes(user, { client, sessionId: sessions[0], confirmedWith: "recovery" });
  assert.equal(regenerated.codes.length, 10);
  assert.deepEqual(await consumeRecoveryCode(user.id, old[0]), { ok: false });
  assert.equal((await consumeRecoveryCode(user.id, regenerated.codes[0])).ok, true);

  const { signedOut } = await disableTwoFactor(user, { client, sessionId: sessions[0], confirmedWith: "totp" });
  assert.equal(signedOut, 0, "the others were already signed out by the regeneration");
  const off = await fresh(user.id);
  assert.equal(off.twoFactorEnabledAt, null);
  assert.equal(off.totpSecret, null);
  assert.equal(await db.recoveryCode.count({ where: { userId: user.id } }), 0);
  // Each change with the second factor that confirmed it; the first enrollment had none to confirm with.
  assert.deepEqual(
    (await db.auditEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } })).map((e) => [e.event, JSON.parse(e.details ?? "null")]),
    [
      ["two_factor.enabled", null],
      ["recovery_codes.regenerated", { confirmedWith: "recovery" }],
      ["two_factor.disabled", { confirmedWith: "totp" }],
    ],
  );
  assert.ok(await db.outboxMessage.findFirst({ where: { to: user.email, subject: { contains: "is off" } } }));
});
