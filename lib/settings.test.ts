import "@/test/support/db";
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { db } from "@/lib/db";
import { auditSentence, readAuditQuery, searchAudit } from "@/lib/admin/audit";
import { forgetTrustedBrowsersWhileOff, policyChangeAudit, policySettings, savePolicySettings } from "@/lib/settings";
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

test("what the audit console shows of each settings form's save: nothing for a save that changes nothing, the trusted browsers forgotten, only its own settings for the recovery form, named as that form's", async () => {
  const admin = await createUser({ email: "settings-console@example.test", name: "Ana", password: "a long password", role: "admin" });
  const owner = await createUser({ email: "settings-console-owner@example.test", password: "a long password" });
  const client = { ip: "203.0.113.9", userAgent: "test" };
  const lines = async () => (await searchAudit(readAuditQuery({ admin: "settings-console@example.test", event: "policy.changed" }))).events;
  const rollout = { ...(await policySettings()), trustedBrowserDays: 30 };
  await savePolicySettings(rollout, admin.id, policyChangeAudit("rollout", admin.id, client));
  assert.equal((await lines()).length, 1);
  assert.deepEqual(auditSentence((await lines())[0]!), { key: "policy_changed", values: { actor: "Ana", settings: "rollout", forgotten: 0 } });

  // The same form saved again: no change, no line.
  await savePolicySettings(rollout, admin.id, policyChangeAudit("rollout", admin.id, client));
  await savePolicySettings({ maxCodeHours: (await policySettings()).maxCodeHours }, admin.id, policyChangeAudit("recovery", admin.id, client));
  assert.equal((await lines()).length, 1, "an unchanged save is not audited");

  await db.trustedBrowser.create({ data: { userId: owner.id, tokenHash: "settings-console", expiresAt: new Date(Date.now() + 86_400_000) } });
  await savePolicySettings({ ...rollout, trustedBrowserDays: 0 }, admin.id, policyChangeAudit("rollout", admin.id, client));
  const [off] = await lines();
  assert.deepEqual(auditSentence(off!), { key: "policy_changed", values: { actor: "Ana", settings: "rollout", forgotten: 1 } });
  assert.equal(off!.ip, "203.0.113.9");
  assert.deepEqual([JSON.parse(String(off!.details)).before.trustedBrowserDays, JSON.parse(String(off!.details)).after.trustedBrowserDays], [30, 0]);

  // Off already, with a browser trusted while it was on (environment, or before an upgrade): the
  // unchanged form forgets it, and that is a line.
  await db.trustedBrowser.create({ data: { userId: owner.id, tokenHash: "settings-console-2", expiresAt: new Date(Date.now() + 86_400_000) } });
  await savePolicySettings({ ...rollout, trustedBrowserDays: 0 }, admin.id, policyChangeAudit("rollout", admin.id, client));
  assert.equal((await lines()).length, 3);
  assert.deepEqual(auditSentence((await lines())[0]!), { key: "policy_changed", values: { actor: "Ana", settings: "rollout", forgotten: 1 } });

  const { maxCodeHours, secondAdmin } = await policySettings();
  await savePolicySettings({ maxCodeHours: maxCodeHours + 1, secondAdmin: "on" }, admin.id, policyChangeAudit("recovery", admin.id, client));
  const [recovery] = await lines();
  assert.equal((await lines()).length, 4);
  assert.deepEqual(JSON.parse(String(recovery!.details)), { before: { maxCodeHours, secondAdmin }, after: { maxCodeHours: maxCodeHours + 1, secondAdmin: "on" } });
  // Said as the recovery form's change, not the rollout's.
  assert.deepEqual(auditSentence(recovery!), { key: "policy_changed", values: { actor: "Ana", settings: "recovery", forgotten: 0 } });
});

test("at a server's start, trusted browsers left while the option is off (the environment variable gone to 0) are forgotten, with one line in the audit trail; none while it is on, nor when the variable cannot be read", async () => {
  const variable = process.env.TWO_FACTOR_TRUSTED_BROWSER_DAYS;
  after(() => void (variable === undefined ? delete process.env.TWO_FACTOR_TRUSTED_BROWSER_DAYS : (process.env.TWO_FACTOR_TRUSTED_BROWSER_DAYS = variable)));
  const owner = await createUser({ email: "settings-start@example.test", password: "a long password" });
  await savePolicySettings({ trustedBrowserDays: 30 }, "test-admin");
  const trusted = () => db.trustedBrowser.count({ where: { userId: owner.id } });
  await db.trustedBrowser.create({ data: { userId: owner.id, tokenHash: "settings-start", expiresAt: new Date(Date.now() + 86_400_000) } });
  assert.equal(await forgetTrustedBrowsersWhileOff(), 0);
  assert.equal(await trusted(), 1, "on: the browser stays trusted");

  // No saved setting: TWO_FACTOR_TRUSTED_BROWSER_DAYS decides. A value it cannot read is not "off".
  await db.setting.deleteMany({ where: { key: "two_factor.trusted_browser_days" } });
  for (const typo of ["120", "30d", "-1"]) {
    process.env.TWO_FACTOR_TRUSTED_BROWSER_DAYS = typo;
    await assert.rejects(forgetTrustedBrowsersWhileOff(), /TWO_FACTOR_TRUSTED_BROWSER_DAYS="[^"]+" is not a number of days/);
    assert.equal(await trusted(), 1, `${typo}: kept`);
  }
  // 0, as after 30 → 0 across a restart.
  process.env.TWO_FACTOR_TRUSTED_BROWSER_DAYS = "0";
  assert.equal((await policySettings()).trustedBrowserDays, 0);
  const lines = async () => (await searchAudit(readAuditQuery({ event: "policy.changed" }))).events.filter((e) => JSON.parse(String(e.details)).source === "start");
  assert.equal(await forgetTrustedBrowsersWhileOff(), 1);
  assert.equal(await trusted(), 0, "off: forgotten, so turning it on again trusts none of them");
  const [line, ...more] = await lines();
  assert.equal(more.length, 0);
  assert.deepEqual(auditSentence(line!), { key: "policy_changed", values: { actor: "—", settings: "start", forgotten: 1 } });
  assert.equal(JSON.parse(String(line!.details)).TWO_FACTOR_TRUSTED_BROWSER_DAYS, "0");

  // The next start finds none: no second line.
  assert.equal(await forgetTrustedBrowsersWhileOff(), 0);
  assert.equal((await lines()).length, 1);
});
