import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { policySettings, savePolicySettings } from "@/lib/settings";
import { createUser } from "@/lib/users";
import { forgetTrustedBrowsers, recordTrustedBrowser } from "./trusted-browser";

const client = { ip: "198.51.100.7", userAgent: "test" };

async function trust(userId: string, n: number) {
  for (let i = 0; i < n; i++) await db.trustedBrowser.create({ data: { userId, tokenHash: `${userId}-${i}`, expiresAt: new Date(Date.now() + 86_400_000) } });
}

const mails = (to: string) => db.outboxMessage.findMany({ where: { to, kind: "browsersForgotten" }, orderBy: { createdAt: "asc" } });

test("forgetting trusted browsers is audited and mailed to the owner, saying who forgot them; nothing forgotten, nothing said", async () => {
  const owner = await createUser({ email: "forget@example.test", password: "a long password" });
  const admin = await createUser({ email: "forget-admin@example.test", password: "a long password", role: "admin" });
  await trust(owner.id, 3);
  const [one] = await db.trustedBrowser.findMany({ where: { userId: owner.id } });

  assert.equal(await forgetTrustedBrowsers(owner.id, { client }, one!.id), 1);
  assert.equal(await forgetTrustedBrowsers(owner.id, { client, actorId: admin.id }), 2);
  assert.equal(await forgetTrustedBrowsers(owner.id, { client }), 0);

  const [byOwner, bySupport, ...more] = await mails(owner.email);
  assert.equal(more.length, 0, "no mail when nothing was forgotten");
  assert.equal(byOwner!.subject, "A trusted browser was forgotten on your Mail-IT-Wize account");
  assert.match(byOwner!.text, /, you forgot 1 trusted browser of your Mail-IT-Wize account: it asks for a code again/);
  assert.match(byOwner!.text, /UTC/);
  assert.equal(bySupport!.subject, "Trusted browsers were forgotten on your Mail-IT-Wize account");
  assert.match(bySupport!.text, /our support team forgot 2 trusted browsers/);
  const events = await db.auditEvent.findMany({ where: { userId: owner.id, event: "trusted_browser.forgotten" }, orderBy: { createdAt: "asc" } });
  assert.deepEqual(events.map((e) => e.actorId), [null, admin.id]);
});

test("turning trusted browsers off forgets every one of them, so turning the option on again trusts none of the old ones", async () => {
  const owner = await createUser({ email: "policy-off@example.test", password: "a long password" });
  const other = await createUser({ email: "policy-off-2@example.test", password: "a long password" });
  const on = await savePolicySettings({ trustedBrowserDays: 30 }, "test-admin");
  assert.equal(on.forgottenTrustedBrowsers, 0);
  await trust(owner.id, 2);
  await trust(other.id, 1);
  await savePolicySettings({ trustedBrowserDays: 14 }, "test-admin");
  assert.equal(await db.trustedBrowser.count({ where: { userId: { in: [owner.id, other.id] } } }), 3, "a shorter window keeps them (it applies to them when they are used)");

  const off = await savePolicySettings({ trustedBrowserDays: 0 }, "test-admin");
  assert.equal(off.forgottenTrustedBrowsers, 3);
  await savePolicySettings({ trustedBrowserDays: 30 }, "test-admin");
  assert.equal(await db.trustedBrowser.count(), 0, "nothing trusted before the option went off is trusted after it is back on");
  assert.equal((await policySettings()).trustedBrowserDays, 30);
});

test("saving the recovery settings forgets no trusted browser (only the rollout form's 0 days does, audited there)", async () => {
  const owner = await createUser({ email: "policy-recovery@example.test", password: "a long password" });
  // Off (the default), with browsers trusted while it was on (environment, or before an upgrade).
  await savePolicySettings({ trustedBrowserDays: 0 }, "test-admin");
  await trust(owner.id, 2);
  const saved = await savePolicySettings({ maxCodeHours: 4, secondAdmin: "auto" }, "test-admin");
  assert.equal(saved.forgottenTrustedBrowsers, 0);
  assert.equal(await db.trustedBrowser.count({ where: { userId: owner.id } }), 2, "lib/actions/recovery.ts audits no forgotten browser: it must forget none");
});

test("a browser is trusted for the days the setting allows when it is trusted: none once an admin turned the option off, even at the same moment", async () => {
  const owner = await createUser({ email: "trust-now@example.test", password: "a long password" });
  const admin = await createUser({ email: "trust-now-admin@example.test", password: "a long password", role: "admin" });
  const rows = () => db.trustedBrowser.count({ where: { userId: owner.id } });
  const added = () => db.auditEvent.count({ where: { userId: owner.id, event: "trusted_browser.added" } });
  const mailed = () => db.outboxMessage.count({ where: { to: owner.email, kind: "browserTrusted" } });

  await savePolicySettings({ trustedBrowserDays: 14 }, "test-admin");
  const now = Date.now();
  assert.equal(await recordTrustedBrowser(owner, client, "trust-now-1", now), 14);
  const row = await db.trustedBrowser.findFirstOrThrow({ where: { userId: owner.id } });
  assert.equal(row.expiresAt.getTime(), now + 14 * 86_400_000);
  assert.equal(await added(), 1);
  assert.equal(await mailed(), 1);
  assert.equal(await recordTrustedBrowser(admin, client, "trust-now-admin"), 0, "an admin always gives a second factor");
  assert.equal(await db.trustedBrowser.count({ where: { userId: admin.id } }), 0);

  await savePolicySettings({ trustedBrowserDays: 0 }, "test-admin");
  assert.equal(await recordTrustedBrowser(owner, client, "trust-now-2"), 0, "the box was shown while the option was on; it is off now");
  assert.equal(await rows(), 0);
  assert.equal(await added(), 1, "nothing trusted, nothing audited");
  assert.equal(await mailed(), 1, "nor mailed");

  // The admin's save and the user's trust at once: whichever goes first, nothing stays trusted once
  // the option is off. Fails on PostgreSQL without the lock; one SQLite connection runs one transaction at a time.
  for (let round = 0; round < 5; round++) {
    await savePolicySettings({ trustedBrowserDays: 30 }, "test-admin");
    await Promise.all([savePolicySettings({ trustedBrowserDays: 0 }, "test-admin"), recordTrustedBrowser(owner, client, `trust-race-${round}`)]);
    assert.equal(await rows(), 0, `round ${round}: a browser trusted while the option went off stayed trusted`);
  }
});
