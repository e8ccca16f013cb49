import { getLocale, getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/guard";
import { policyMoment } from "@/lib/dates";
import { requestTimeZone } from "@/lib/i18n/request";
import { deadlineOf, type Policy, type RolloutState } from "@/lib/policy";
import { Alert } from "@/components/ui/alert";
import { rolloutReminder } from "@/components/layout/rollout-banner";

/**
 * The wizard's notice: before the deadline, when 2FA becomes mandatory (as the rollout banner, which
 * the wizard does not show); once 2FA is required of the user, since when (their own deadline), and while
 * they may still postpone, how many "Remind me later" are left and the last day, in the rollout's
 * zone and the reader's.
 */
export async function WizardNotice({ user, state, policy }: { user: CurrentUser; state: RolloutState; policy: Policy }) {
  // Before the deadline the wizard says what the rollout banner says elsewhere (it is not shown here).
  const reminder = await rolloutReminder(state);
  if (reminder) return <Alert tone="info" live={false}>{reminder.text}{reminder.local && <> {reminder.local}</>} {reminder.left}</Alert>;
  if (state.kind !== "required" && state.kind !== "snoozable") return null;
  const [tr, t, locale, zone] = [await getTranslations("rollout"), await getTranslations("rolloutPolicy"), await getLocale(), await requestTimeZone()];
  if (user.role === "admin") return <Alert tone="warning" live={false}>{tr("adminRequired")}</Alert>;
  const since = policyMoment(deadlineOf(user, policy), locale, zone, policy.timeZone);
  const last = state.kind === "snoozable" ? policyMoment(state.lastDay, locale, zone, policy.timeZone) : null;
  return (
    <Alert tone="warning" live={false}>
      {tr("required", { date: since.moment })}
      {since.local && <> {tr("yourTime", { time: since.local })}</>}
      {state.kind === "snoozable" && last && (
        <>
          {" "}{t("snoozesLeft", { count: state.snoozesLeft })} {t("lastDay", { date: last.moment })}
          {last.local && <> {t("lastDayLocal", { time: last.local })}</>}
        </>
      )}
    </Alert>
  );
}
