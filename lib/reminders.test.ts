import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { dueReminder, sendDueReminders } from "./reminders";
import { savePolicySettings } from "./settings";
import { createUser } from "./users";

const day = 86_400_000;

test("the reminder due is the nearest of 14, 7 and 1 days not yet passed", () => {
  assert.deepEqual([20, 15, 14, 10, 8, 7, 3, 2, 1, 0].map(dueReminder), [null, null, 14, 14, 14, 7, 7, 7, 1, null]);
});

test("reminders go to users without 2FA, in their language, each once however often cron runs", async () => {
  const cutoff = new Date(Date.UTC(2031, 0, 20));
  await savePolicySettings({ requiredFrom: "2031-01-20", graceDays: 0 }, "test");
  const fr = await createUser({ email: "fr@example.test", password: "a long password", locale: "fr" });
  const done = await createUser({ email: "done@example.test", password: "a long password" });
  await db.user.update({ where: { id: done.id }, data: { twoFactorEnabledAt: new Date() } });
  const outbox = () => db.outboxMessage.findMany({ where: { to: { in: [fr.email, done.email] } }, orderBy: { createdAt: "asc" } });

  assert.equal((await sendDueReminders(new Date(cutoff.getTime() - 20 * day))).sent, 0);
  assert.equal((await sendDueReminders(new Date(cutoff.getTime() - 14 * day))).sent, 1);
  assert.equal((await sendDueReminders(new Date(cutoff.getTime() - 14 * day + 3_600_000))).sent, 0);
  assert.equal((await sendDueReminders(new Date(cutoff.getTime() - 10 * day))).sent, 0);
  // The 7-day reminder, even when cron skipped day 7; then never again.
  assert.equal((await sendDueReminders(new Date(cutoff.getTime() - 6 * day))).sent, 1);
  assert.equal((await sendDueReminders(new Date(cutoff.getTime() - 5 * day))).sent, 0);
  const [a, b] = await Promise.all([sendDueReminders(new Date(cutoff.getTime() - 1 * day)), sendDueReminders(new Date(cutoff.getTime() - 1 * day))]);
  assert.equal(a.sent + b.sent, 1, "two runs at once send the 1-day reminder once");
  assert.equal((await sendDueReminders(cutoff)).sent, 0);

  const mails = await outbox();
  assert.equal(mails.length, 3);
  assert.ok(mails.every((m) => m.to === fr.email));
  assert.match(mails[0]!.subject, /obligatoire/);
});
