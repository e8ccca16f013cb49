import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { policySettings, savePolicySettings } from "@/lib/settings";
import { createUser } from "@/lib/users";

test("a settings change and its audit event are saved together: a failure before the event is written saves neither, nor forgets a trusted browser", async () => {
  const owner = await createUser({ email: "settings-audit@example.test", password: "a long password" });
  await savePolicySettings({ graceDays: 3, trustedBrowserDays: 30 }, "test-admin");
  await db.trustedBrowser.create({ data: { userId: owner.id, tokenHash: "settings-audit", expiresAt: new Date(Date.now() + 86_400_000) } });
  const events = () => db.auditEvent.count({ where: { event: "policy.changed", actorId: "test-admin" } });
  const audited = await events();

  // As when the server is killed between the change and its audit line.
  const dying = () => {
    throw new Error("killed before the audit event");
  };
  await assert.rejects(savePolicySettings({ graceDays: 9, trustedBrowserDays: 0 }, "test-admin", dying), /killed before the audit event/);
  const kept = await policySettings();
  assert.equal(kept.graceDays, 3, "the change was rolled back with its audit event");
  assert.equal(kept.trustedBrowserDays, 30);
  assert.equal(await db.trustedBrowser.count({ where: { userId: owner.id } }), 1, "no trusted browser forgotten by a change that did not happen");
  assert.equal(await events(), audited);

  const change = await savePolicySettings({ graceDays: 9, trustedBrowserDays: 0 }, "test-admin", ({ before, after, forgottenTrustedBrowsers }) => ({ event: "policy.changed", actorId: "test-admin", details: { before: before.graceDays, after: after.graceDays, forgottenTrustedBrowsers } }));
  assert.equal(change.forgottenTrustedBrowsers, 1);
  const event = await db.auditEvent.findFirstOrThrow({ where: { event: "policy.changed", actorId: "test-admin" }, orderBy: { createdAt: "desc" } });
  assert.deepEqual(JSON.parse(String(event.details)), { before: 3, after: 9, forgottenTrustedBrowsers: 1 });
  assert.equal((await policySettings()).graceDays, 9);
});
