// Part of `npm run bench`: a full reminder run over 100,000 generated accounts (BENCH_REMINDER_ACCOUNTS).
import { performance } from "node:perf_hooks";
import { db } from "@/lib/db";
import { sendDueReminders } from "@/lib/reminders";
import { savePolicySettings } from "@/lib/settings";
import { generateAccounts } from "@/test/support/accounts";

/** Generates the accounts, then times one run that queues the due reminder to each (and a second that finds none due). */
export async function benchReminders(count = Number(process.env.BENCH_REMINDER_ACCOUNTS ?? 100_000)) {
  const saved = await db.setting.findMany();
  await savePolicySettings({ requiredFrom: "2031-06-30", timeZone: "Europe/Brussels", reminderDays: [30, 14, 7, 1, 0] }, "bench");
  const remindable = await generateAccounts(count, new Date(Date.UTC(2030, 0, 1)), `bench-${process.pid}`);
  let start = performance.now();
  const first = await sendDueReminders(new Date("2031-06-16T08:00:00Z"));
  const full = performance.now() - start;
  start = performance.now();
  const again = await sendDueReminders(new Date("2031-06-16T20:00:00Z"));
  const none = performance.now() - start;
  const label = (text: string) => text.padEnd(58);
  console.log(`${label(`a full reminder run over ${count.toLocaleString("en")} accounts`)} total  ${full.toFixed(0).padStart(8)} ms  (${first.sent} of ${remindable} queued, ${(full / Math.max(1, first.sent)).toFixed(2)} ms each)`);
  console.log(`${label("the same run again (each reminder once: none due)")} total  ${none.toFixed(0).padStart(8)} ms  (${again.sent} queued)`);
  await db.setting.deleteMany();
  if (saved.length) await db.setting.createMany({ data: saved });
}
