import { record } from "./audit";
import type { Client } from "./auth/sessions";
import { config } from "./config";
import { calendarDaysUntil, formatMoment } from "./dates";
import { db } from "./db";
import { logger } from "./logger";
import { nudgeDeliverer } from "./mail/deliverer";
import { enqueueMail, enqueueMails, type Tx } from "./mail/send";
import { renderMail } from "./mail/templates";
import { deadlineOf, type Policy } from "./policy";
import { policySettings, toPolicy } from "./settings";

const BATCH = 1000;

/**
 * The reminder due `daysLeft` calendar days before the date (0: the day itself), given the
 * reminder days of the settings (e.g. 30, 14, 7, 1, 0): the nearest one not yet passed, or null
 * once the date is past. A run that skipped a day still sends the one due now.
 */
export function dueReminder(daysLeft: number, reminderDays: readonly number[]): number | null {
  if (daysLeft < 0) return null;
  const due = reminderDays.filter((d) => d >= daysLeft);
  return due.length ? Math.min(...due) : null;
}

/** Where a reminder sends the user: the wizard (which asks to sign in first). */
export const wizardLink = () => new URL("/two-factor/setup", config().APP_URL).toString();

/**
 * Who is reminded before the date: no 2FA, not exempt, created before the date, and whose deadline
 * is the date itself (not a later one that support gave).
 */
function remindable(user: { twoFactorEnabledAt: Date | null; exemptAt: Date | null; createdAt: Date; personalDeadline: Date | null }, policy: Policy): boolean {
  if (user.twoFactorEnabledAt || user.exemptAt) return false;
  if (user.createdAt >= policy.requiredFrom) return false;
  return !user.personalDeadline || user.personalDeadline <= policy.requiredFrom;
}

type Recipient = { id: string; email: string; name: string; locale: string };

// A mail is read anywhere: the moment (`date`) in the policy's zone, with the zone named.
const reminderMail = (user: Recipient, date: string, days: number) => renderMail("reminder", user, { date, days, link: wizardLink() });

/**
 * Queues the due reminder to every user without 2FA (see `remindable`). Safe to run every day, or
 * twice at once: each reminder goes once per user and date (the ReminderSent row, unique, is the
 * claim, written in the transaction that queues the mail). Changing the date arms every reminder
 * again for the new date. Users are taken by batches of 1,000 in one transaction each; when a batch
 * collides with another run, its users are claimed one by one. One user's failure is logged and
 * the run goes on (`failed` counts them, for the next run to retry). A run that queued something
 * is recorded, with who started it (`by`: an admin, or none for cron).
 */
export async function sendDueReminders(now = new Date(), by: { actorId?: string; client?: Client } = {}): Promise<{ sent: number; failed: number }> {
  const settings = await policySettings();
  const policy = toPolicy(settings);
  const daysLeft = calendarDaysUntil(policy.requiredFrom, now, policy.timeZone);
  const reminder = dueReminder(daysLeft, settings.reminderDays);
  if (reminder === null) return { sent: 0, failed: 0 };
  const cutoff = settings.requiredFrom;
  let sent = 0;
  let failed = 0;
  let after: string | undefined;
  // Memoized per language: the same date is written the same way in every mail of the run.
  const dates = new Map<string, string>();
  const dateIn = (locale: string) => dates.get(locale) ?? (dates.set(locale, formatMoment(policy.requiredFrom, locale, policy.timeZone)), dates.get(locale)!);
  for (;;) {
    // Walks every account by primary key (keyset, a range scan), and filters here: a filtered,
    // sorted query per batch would scan the whole table each time on 100,000 accounts.
    const page = await db.user.findMany({
      where: after === undefined ? {} : { id: { gt: after } },
      select: { id: true, email: true, name: true, locale: true, twoFactorEnabledAt: true, exemptAt: true, createdAt: true, personalDeadline: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (!page.length) break;
    after = page[page.length - 1]!.id;
    const candidates = page.filter((u) => remindable(u, policy));
    const already = new Set(
      candidates.length
        ? (await db.reminderSent.findMany({ where: { cutoff, daysLeft: reminder, userId: { in: candidates.map((u) => u.id) } }, select: { userId: true } })).map((r) => r.userId)
        : [],
    );
    const users = candidates.filter((u) => !already.has(u.id));
    if (!users.length) {
      if (page.length < BATCH) break;
      continue;
    }
    const claim = async (tx: Tx, batch: Recipient[]) => {
      await tx.reminderSent.createMany({ data: batch.map((u) => ({ userId: u.id, cutoff, daysLeft: reminder })) });
      await enqueueMails(tx, batch.map((user) => reminderMail(user, dateIn(user.locale), daysLeft)));
    };
    const together = await db.$transaction((tx) => claim(tx, users), { timeout: 60_000 }).then(
      () => true,
      () => false,
    );
    if (together) sent += users.length;
    else {
      for (const user of users) {
        const claimed = await db.$transaction((tx) => claim(tx, [user])).then(
          () => true,
          (error: unknown) => {
            // Another run took this user first: not a failure.
            if ((error as { code?: string }).code === "P2002") return false;
            logger.error({ err: error, userId: user.id }, "reminders: could not queue a reminder; the next run retries");
            failed++;
            return false;
          },
        );
        if (claimed) sent++;
      }
    }
    if (page.length < BATCH) break;
  }
  if (sent) nudgeDeliverer();
  if (sent) await record({ event: "reminders.sent", actorId: by.actorId, client: by.client, details: { sent, daysLeft: reminder, cutoff } });
  return { sent, failed };
}

/** One "send a reminder now" per account per this many ms (24 h): a double click or a busy team does not flood a mailbox. */
export const REMIND_NOW_INTERVAL_MS = 24 * 3_600_000;

/**
 * Support's "send a reminder now" for chosen accounts (the at-risk list): a mail to each of them
 * that has no 2FA, is not exempt and got no such reminder in the last REMIND_NOW_INTERVAL_MS,
 * with their own deadline and a link to the wizard; one audit event for the run. Returns how many
 * were queued (`sent`) and how many were left out because one was sent recently (`recent`).
 */
export async function sendRemindersTo(userIds: string[], by: { actorId?: string; client?: Client }): Promise<{ sent: number; recent: number }> {
  const settings = await policySettings();
  const policy = toPolicy(settings);
  const candidates = await db.user.findMany({
    where: { id: { in: userIds.slice(0, 1000) }, twoFactorEnabledAt: null, exemptAt: null },
    select: { id: true, email: true, name: true, locale: true, createdAt: true, personalDeadline: true },
  });
  const recently = new Set(
    (await db.outboxMessage.findMany({
      where: { kind: "reminderNow", to: { in: candidates.map((u) => u.email) }, createdAt: { gt: new Date(Date.now() - REMIND_NOW_INTERVAL_MS) } },
      select: { to: true },
    })).map((m) => m.to),
  );
  const users = candidates.filter((u) => !recently.has(u.email));
  if (!users.length) return { sent: 0, recent: recently.size };
  await db.$transaction(async (tx) => {
    for (const user of users) {
      await enqueueMail(tx, renderMail("reminderNow", user, { date: formatMoment(deadlineOf(user, policy), user.locale, policy.timeZone), link: wizardLink() }));
    }
    await record({ event: "reminders.sent", actorId: by.actorId, client: by.client, details: { sent: users.length, selected: true } }, tx);
  });
  nudgeDeliverer();
  return { sent: users.length, recent: recently.size };
}
