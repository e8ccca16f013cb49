import "@/test/support/db";
import assert from "node:assert/strict";
import { performance } from "node:perf_hooks";
import { test } from "node:test";
import { db } from "@/lib/db";
import { generateAccounts } from "@/test/support/accounts";
import { sendDueReminders } from "./reminders";
import { savePolicySettings } from "./settings";

const COUNT = 100_000;

test(`the reminder schedule on ${COUNT.toLocaleString("en")} accounts: each reminder once, armed again by a new date`, async () => {
  await savePolicySettings({ requiredFrom: "2031-06-30", timeZone: "Europe/Brussels", reminderDays: [30, 14, 7, 1, 0] }, "test");
  const remindable = await generateAccounts(COUNT, new Date(Date.UTC(2030, 0, 1)));
  const run = async (label: string, at: string) => {
    const start = performance.now();
    const result = await sendDueReminders(new Date(at));
    console.log(`${label}: ${result.sent} queued in ${(performance.now() - start).toFixed(0)} ms`);
    return result;
  };
  assert.deepEqual(await run("14 days before", "2031-06-16T08:00:00Z"), { sent: remindable, failed: 0 });
  assert.deepEqual(await run("the same day again", "2031-06-16T20:00:00Z"), { sent: 0, failed: 0 });
  assert.equal(await db.outboxMessage.count({ where: { kind: "reminder" } }), remindable);
  assert.equal(await db.reminderSent.count(), remindable);

  await savePolicySettings({ requiredFrom: "2031-07-14" }, "test");
  assert.deepEqual(await run("14 days before the new date", "2031-06-30T08:00:00Z"), { sent: remindable, failed: 0 });
  assert.deepEqual(await run("again", "2031-06-30T09:00:00Z"), { sent: 0, failed: 0 });
  assert.equal(await db.outboxMessage.count({ where: { kind: "reminder" } }), 2 * remindable);
  const exempt = await db.user.findFirstOrThrow({ where: { exemptAt: { not: null } } });
  assert.equal(await db.outboxMessage.count({ where: { to: exempt.email } }), 0);
});

test(`the at-risk list and the preview on ${COUNT.toLocaleString("en")} accounts are counted and paged by the database`, async () => {
  const { atRiskAccounts } = await import("./admin/at-risk");
  const { previewPolicy } = await import("./rollout/preview");
  const { policySettings } = await import("./settings");
  const now = new Date("2031-07-01T08:00:00Z");
  const timed = async <T>(label: string, run: () => Promise<T>) => {
    const start = performance.now();
    const result = await run();
    console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
    return result;
  };
  // Nobody signed in since the announcement (30 days before the date): every remindable account is at risk.
  const first = await timed("at risk, page 1 with the counts per reason", () => atRiskAccounts({ q: "", reason: "all", page: 1 }, now));
  const remindable = await db.user.count({ where: { twoFactorEnabledAt: null, exemptAt: null } });
  assert.equal(first.total, remindable);
  assert.equal(first.users.length, 50);
  const last = await timed("at risk, last page", () => atRiskAccounts({ q: "", reason: "noSignIn", page: first.pages }, now));
  assert.equal(last.users.length, remindable - (first.pages - 1) * 50);
  const settings = await policySettings();
  const preview = await timed("preview of a date 30 days earlier", () => previewPolicy(settings, { ...settings, requiredFrom: "2031-05-30", snoozeLimit: 0 }, now));
  assert.deepEqual(preview, { before: 0, after: remindable });
});
