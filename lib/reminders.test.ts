import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { dueReminder, sendDueReminders } from "./reminders";
import { savePolicySettings } from "./settings";
import { createUser } from "./users";

const day = 86_400_000;

test("the reminder due is the nearest of the reminder days not yet passed, the day itself included", () => {
  const days = [30, 14, 7, 1, 0];
  assert.deepEqual([40, 31, 30, 20, 14, 10, 7, 3, 1, 0, -1].map((d) => dueReminder(d, days)), [null, null, 30, 30, 14, 14, 7, 7, 1, 0, null]);
  assert.deepEqual([20, 15, 14, 10, 8, 7, 3, 2, 1, 0].map((d) => dueReminder(d, [14, 7, 1])), [null, null, 14, 14, 14, 7, 7, 7, 1, 1], "a run that missed the day before still sends it on the day");
});

test("reminders go to users without 2FA, in their language, each once however often cron runs", async () => {
  const cutoff = new Date(Date.UTC(2031, 0, 20));
  await savePolicySettings({ requiredFrom: "2031-01-20", graceDays: 0, timeZone: "UTC", reminderDays: [14, 7, 1] }, "test");
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

test("by default reminders go 30, 14, 7 and 1 days before and on the day, in the zone's calendar, with a link; a new date arms them again", async () => {
  await db.user.updateMany({ data: { twoFactorEnabledAt: new Date() } }); // the accounts of the test before
  await savePolicySettings({ requiredFrom: "2032-03-31", timeZone: "Europe/Brussels", reminderDays: [30, 14, 7, 1, 0] }, "test");
  const who = await createUser({ email: "nl@example.test", password: "a long password", locale: "nl" });
  const exempt = await createUser({ email: "exempt@example.test", password: "a long password" });
  await db.user.update({ where: { id: exempt.id }, data: { exemptAt: new Date(), exemptReason: "service account" } });
  const extended = await createUser({ email: "later@example.test", password: "a long password" });
  await db.user.update({ where: { id: extended.id }, data: { personalDeadline: new Date(Date.UTC(2032, 5, 1)) } });
  const subjects = async () => (await db.outboxMessage.findMany({ where: { to: { in: [who.email, exempt.email, extended.email] } }, orderBy: { createdAt: "asc" } })).map((m) => `${m.to} ${m.subject}`);
  const at = (iso: string) => sendDueReminders(new Date(iso));

  // 31 March 00:00 in Brussels is 30 March 22:00 UTC (summer time): at 22:30 UTC on the 30th it is the day itself there.
  assert.equal((await at("2032-02-20T12:00:00Z")).sent, 0, "40 days before: none due");
  assert.equal((await at("2032-03-01T12:00:00Z")).sent, 1, "30 days before");
  assert.equal((await at("2032-03-02T12:00:00Z")).sent, 0);
  assert.equal((await at("2032-03-17T12:00:00Z")).sent, 1, "14 days before");
  assert.equal((await at("2032-03-24T12:00:00Z")).sent, 1, "7 days before");
  assert.equal((await at("2032-03-30T12:00:00Z")).sent, 1, "the day before");
  assert.equal((await at("2032-03-30T22:30:00Z")).sent, 1, "the day itself, as Brussels counts it");
  assert.equal((await at("2032-03-31T12:00:00Z")).sent, 0);
  assert.equal((await at("2032-04-01T12:00:00Z")).sent, 0, "none after the date");
  const mails = await subjects();
  assert.equal(mails.length, 5);
  assert.ok(mails.every((m) => m.startsWith(who.email)), "none to the exempt, nor to an account with a later personal deadline");
  const last = await db.outboxMessage.findFirst({ where: { to: who.email }, orderBy: { createdAt: "desc" } });
  assert.match(last!.text, /Dat is vandaag\./);
  assert.match(last!.text, /\/two-factor\/setup/);
  assert.match(last!.text, /31 maart 2032 om 00:00 CEST/);

  // A later date: the reminders start again for it, each once.
  await savePolicySettings({ requiredFrom: "2032-05-10" }, "test");
  assert.equal((await at("2032-04-12T12:00:00Z")).sent, 1, "the new date's 30-day reminder (due since 10 April), once");
  assert.equal((await at("2032-04-12T13:00:00Z")).sent, 0);
  await db.user.update({ where: { id: who.id }, data: { twoFactorEnabledAt: new Date() } });
  assert.equal((await at("2032-04-27T12:00:00Z")).sent, 0, "none once enrolled");
});
