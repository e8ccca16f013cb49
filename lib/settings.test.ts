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

test("two admins saving the two settings forms at once both keep their change, and the audit trail says what each one changed", async () => {
  const audit = (actorId: string) => ({ before, after }: { before: object; after: object }) => ({ event: "policy.changed" as const, actorId, details: { before, after } });
  await savePolicySettings({ snoozeLimit: 1, maxCodeHours: 1 }, "seed");
  for (let round = 2; round <= 6; round++) {
    // The rollout form and the recovery form: each save writes every setting, from the values it read.
    // Fails on PostgreSQL without the lock (read committed); one SQLite connection runs one transaction at a time.
    await Promise.all([savePolicySettings({ snoozeLimit: round }, "rollout-admin", audit("rollout-admin")), savePolicySettings({ maxCodeHours: round }, "recovery-admin", audit("recovery-admin"))]);
    const saved = await policySettings();
    assert.deepEqual([saved.snoozeLimit, saved.maxCodeHours], [round, round], `round ${round}: neither admin's change is lost`);
  }
  // The trail replays: from the settings before the first save, each event starts where another one ended, and the last ends at the settings in force.
  type Pair = { snoozeLimit: number; maxCodeHours: number };
  const events = await db.auditEvent.findMany({ where: { event: "policy.changed", actorId: { in: ["rollout-admin", "recovery-admin"] } } });
  const left = events.map((e) => JSON.parse(String(e.details)) as { before: Pair; after: Pair });
  assert.equal(left.length, 10);
  const pair = ({ snoozeLimit, maxCodeHours }: Pair) => JSON.stringify([snoozeLimit, maxCodeHours]);
  let state = pair({ snoozeLimit: 1, maxCodeHours: 1 });
  while (left.length) {
    const next = left.findIndex((e) => pair(e.before) === state);
    assert.notEqual(next, -1, `an event starts from ${state}`);
    state = pair(left.splice(next, 1)[0]!.after);
  }
  assert.equal(state, pair({ snoozeLimit: 6, maxCodeHours: 6 }));
});
