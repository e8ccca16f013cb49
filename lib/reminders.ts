import { Prisma } from "./generated/sqlite/client";
import { record } from "./audit";
import type { Client } from "./auth/sessions";
import { formatMoment, POLICY_TIME_ZONE } from "./dates";
import { db } from "./db";
import { logger } from "./logger";
import { nudgeDeliverer } from "./mail/deliverer";
import { enqueueMail } from "./mail/send";
import { renderMail } from "./mail/templates";
import { isLocale } from "./i18n/locales";
import { daysUntil } from "./policy";
import { policySettings, toPolicy } from "./settings";

// Reminders go out this many days before the date; each once per user and date.
export const REMINDER_DAYS = [14, 7, 1] as const;
const BATCH = 500;

/** The reminder due `daysLeft` days before the date: the nearest one not yet passed, if any. */
export function dueReminder(daysLeft: number): number | null {
  if (daysLeft < 1) return null;
  const due = REMINDER_DAYS.filter((d) => d >= daysLeft);
  return due.length ? Math.min(...due) : null;
}

/**
 * Queues the due reminder to every user without 2FA. Safe to run every day, or twice: each is sent
 * once. A user is marked as reminded only in the transaction that puts the reminder in the outbox;
 * one user's failure is logged and the run goes on (`failed` counts them, for the next run to retry).
 * A run that queued something is recorded, with who started it (`by`: an admin, or none for cron).
 */
export async function sendDueReminders(now = new Date(), by: { actorId?: string; client?: Client } = {}): Promise<{ sent: number; failed: number }> {
  const settings = await policySettings();
  const policy = toPolicy(settings);
  const daysLeft = daysUntil(policy.requiredFrom, now.getTime());
  const reminder = dueReminder(daysLeft);
  if (reminder === null) return { sent: 0, failed: 0 };
  let sent = 0;
  let failed = 0;
  let cursor: string | undefined;
  for (;;) {
    const users = await db.user.findMany({
      where: { twoFactorEnabledAt: null, reminders: { none: { cutoff: settings.requiredFrom, daysLeft: reminder } } },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor && { cursor: { id: cursor }, skip: 1 }),
    });
    for (const user of users) {
      const locale = isLocale(user.locale) ? user.locale : "en";
      // A mail is read anywhere: the moment in the policy's zone, with the zone named.
      const date = formatMoment(policy.requiredFrom, locale, POLICY_TIME_ZONE);
      // The unique row is the claim: a second run at the same time skips who the first one took.
      const claimed = await db
        .$transaction(async (tx) => {
          await tx.reminderSent.create({ data: { userId: user.id, cutoff: settings.requiredFrom, daysLeft: reminder } });
          await enqueueMail(tx, renderMail("reminder", user, { date, days: daysLeft }));
        })
        .then(() => true)
        .catch((error: unknown) => {
          if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
          if ((error as { code?: string }).code === "P2002") return false;
          logger.error({ err: error, userId: user.id }, "reminders: could not queue a reminder; the next run retries");
          failed++;
          return false;
        });
      if (claimed) sent++;
    }
    if (users.length < BATCH) break;
    cursor = users[users.length - 1]!.id;
  }
  if (sent) nudgeDeliverer();
  if (sent) await record({ event: "reminders.sent", actorId: by.actorId, client: by.client, details: { sent, daysLeft: reminder, cutoff: settings.requiredFrom } });
  return { sent, failed };
}
