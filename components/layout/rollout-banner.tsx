import { getLocale, getTranslations } from "next-intl/server";
import { ShieldAlert } from "lucide-react";
import { currentUser, policyNow, rolloutOf } from "@/lib/auth/guard";
import { calendarDaysUntil, policyMoment } from "@/lib/dates";
import { requestTimeZone } from "@/lib/i18n/request";
import type { RolloutState } from "@/lib/policy";
import { ButtonLink } from "@/components/ui/button";

/**
 * What the rollout says to a user before their deadline (2FA optional, or postponed with "Remind me
 * later"): when 2FA becomes mandatory, in the rollout's zone and the reader's, and the days or the
 * postponements left. Null in any other state.
 */
export async function rolloutReminder(state: RolloutState): Promise<{ text: string; local?: string; left: string } | null> {
  if (state.kind !== "optional" && state.kind !== "snoozed") return null;
  const [t, tp, policy, locale, zone] = [await getTranslations("rollout"), await getTranslations("rolloutPolicy"), await policyNow(), await getLocale(), await requestTimeZone()];
  const shown = policyMoment(state.kind === "optional" ? state.deadline : state.until, locale, zone, policy.timeZone);
  // The rollout's date, or the user's own (a new account's window, an extension), or the end of a snooze.
  const text =
    state.kind === "snoozed"
      ? tp("snoozed", { date: shown.moment })
      : state.deadline.getTime() !== policy.requiredFrom.getTime()
        ? tp("personalDeadline", { date: shown.moment })
        : t("banner", { date: shown.moment });
  // Calendar days in the reader's own zone: "1 day left" is never read on the day itself.
  const left = state.kind === "optional" ? t("daysLeft", { days: Math.max(0, calendarDaysUntil(state.deadline, Date.now(), zone)) }) : tp("snoozesLeft", { count: state.snoozesLeft });
  return { text, local: shown.local ? t("yourTime", { time: shown.local }) : undefined, left };
}

/**
 * Before the user's deadline (and after "Remind me later"): when 2FA becomes mandatory, and a way to
 * set it up now. Not on the wizard itself (app/layout.tsx), whose notice says the same.
 */
export async function RolloutBanner() {
  const user = await currentUser();
  if (!user) return null;
  const reminder = await rolloutReminder(await rolloutOf(user));
  if (!reminder) return null;
  const t = await getTranslations("rollout");
  return (
    <aside className="border-b border-warn bg-warn-soft print:hidden" aria-label={t("bannerLabel")}>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-3 sm:px-6 py-2">
        <ShieldAlert aria-hidden className="size-5 shrink-0" />
        <p className="flex-1 min-w-0 basis-60">
          {reminder.text} {reminder.local && <>{reminder.local} </>}
          {reminder.left}
        </p>
        <ButtonLink href="/two-factor/setup" size="sm">{t("setUpNow")}</ButtonLink>
      </div>
    </aside>
  );
}
