import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users";
import { AUDIT_PER_PAGE, auditHref, auditSentence, readAuditQuery, searchAudit } from "./audit";

test("the audit log filters by account, event, admin and UTC days, newest first, 50 a page", async () => {
  const user = await createUser({ email: "Audited@example.test", password: "a long password" });
  const admin = await createUser({ email: "auditor@example.test", password: "a long password", role: "admin" });
  const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 1, day, hour));
  await db.auditEvent.createMany({
    data: [
      ...Array.from({ length: 60 }, (_, i) => ({ event: "two_factor.failed", userId: user.id, createdAt: new Date(at(1).getTime() + i * 1000) })),
      { event: "two_factor.reset", userId: user.id, actorId: admin.id, createdAt: at(2, 0), details: JSON.stringify({ reason: "lost phone" }) },
      { event: "two_factor.unlocked", userId: user.id, actorId: admin.id, createdAt: at(3, 23) },
      { event: "policy.changed", actorId: admin.id, createdAt: at(4) },
    ],
  });
  const all = await searchAudit(readAuditQuery({ user: " AUDITED@example.test " }));
  assert.equal(all.total, 62);
  assert.equal(all.events.length, AUDIT_PER_PAGE);
  assert.equal(all.events[0]?.event, "two_factor.unlocked");
  assert.equal(all.events[0]?.actorEmail, "auditor@example.test");
  assert.equal(all.events[0]?.userEmail, "audited@example.test");
  assert.equal((await searchAudit(readAuditQuery({ user: "audited@example.test", page: "2" }))).events.length, 12);

  const byAdmin = await searchAudit(readAuditQuery({ admin: "auditor@example.test" }));
  assert.deepEqual(byAdmin.events.map((e) => e.event), ["policy.changed", "two_factor.unlocked", "two_factor.reset"]);
  const reset = await searchAudit(readAuditQuery({ event: "two_factor.reset" }));
  assert.equal(reset.events[0]?.details, JSON.stringify({ reason: "lost phone" }));
  const days = await searchAudit(readAuditQuery({ from: "2026-02-02", to: "2026-02-03" }));
  assert.deepEqual(days.events.map((e) => e.event), ["two_factor.unlocked", "two_factor.reset"]);
  assert.equal((await searchAudit(readAuditQuery({ user: "nobody@example.test" }))).total, 0);
});

test("an unreadable filter is dropped, and page links keep the others", () => {
  const query = readAuditQuery({ event: "drop table", from: "2026-02-30", to: "2026-02-03", page: "0", admin: "a@b.test" });
  assert.deepEqual(query, { user: "", event: "", admin: "a@b.test", from: "", to: "2026-02-03", page: 1 });
  assert.equal(auditHref(query, 3), "/admin/audit?admin=a%40b.test&to=2026-02-03&page=3");
});

test("an event reads as a sentence's key and values, whatever its details hold", () => {
  const line = (event: string, details: unknown, actorName: string | null = null) => ({ event, details: details === null ? null : JSON.stringify(details), actorName, actorEmail: actorName && "ana@example.test" });
  assert.deepEqual(auditSentence(line("recovery_code.used", { remaining: 9 })), { key: "recovery_code_used", values: { remaining: 9 } });
  assert.deepEqual(auditSentence(line("two_factor.reset", { verification: ["callback"], reason: "Lost phone" }, "Ana")), {
    key: "two_factor_reset",
    values: { actor: "Ana", requester: "none" },
    checks: ["callback"],
    reason: "Lost phone",
  });
  assert.deepEqual(auditSentence(line("sign_in", { factors: ["password", "recovery"] })), { key: "sign_in", values: { factor: "recovery" } });
  assert.equal(auditSentence(line("policy.changed", { forgottenTrustedBrowsers: 3 }, "Ana")).values.forgotten, 3);
  assert.equal(auditSentence(line("policy.changed", {}, "Ana")).values.forgotten, 0);
  // An event without the settings it changed reads as the rollout form's (where every save records them all).
  assert.equal(auditSentence(line("policy.changed", {}, "Ana")).values.settings, "rollout");
  // The recovery form's events before policyChangeAudit kept its settings one level down.
  assert.equal(auditSentence(line("policy.changed", { recovery: { before: { maxCodeHours: 8 }, after: { maxCodeHours: 9 } } }, "Ana")).values.settings, "recovery");
  assert.deepEqual(auditSentence({ event: "two_factor.failed", details: "not json", actorName: null, actorEmail: null }), { key: "two_factor_failed", values: { method: "totp", drift: 0 } });
  // A change says which second factor confirmed it; anything else there is not read as one.
  assert.deepEqual(auditSentence(line("recovery_codes.regenerated", { confirmedWith: "passkey" })), { key: "recovery_codes_regenerated", values: {}, confirmedWith: "passkey" });
  assert.equal(auditSentence(line("passkey.removed", { passkeyId: "p1", confirmedWith: "recovery" })).confirmedWith, "recovery");
  assert.equal(auditSentence(line("two_factor.disabled", { confirmedWith: "sms" })).confirmedWith, undefined);
});

test("a recovery approved by a second admin names both: who approved it (the actor) and who asked", async () => {
  const user = await createUser({ email: "lost@example.test", password: "a long password" });
  const asker = await createUser({ email: "asker@example.test", name: "Ana", password: "a long password", role: "admin" });
  const approver = await createUser({ email: "approver@example.test", name: "Bo", password: "a long password", role: "admin" });
  await db.auditEvent.create({ data: { event: "temporary_access.issued", userId: user.id, actorId: approver.id, details: JSON.stringify({ verification: ["callback"], reason: "Lost phone", requestedBy: asker.id }) } });
  const [line] = (await searchAudit(readAuditQuery({ user: "lost@example.test" }))).events;
  assert.deepEqual(auditSentence(line!), { key: "temporary_access_issued", values: { actor: "Bo", requester: "Ana" }, checks: ["callback"], reason: "Lost phone" });
});
