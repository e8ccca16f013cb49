import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users";
import { forgetTrustedBrowsers } from "./trusted-browser";

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
