import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { currentUser, policyNow, rolloutOf } from "@/lib/auth/guard";
import { calendarDaysUntil, policyMoment } from "@/lib/dates";
import { requestTimeZone } from "@/lib/i18n/request";

/** Before the user's deadline (and after "Remind me later"): when 2FA becomes mandatory, and a way to set it up now. */
export async function RolloutBanner() {
  const user = await currentUser();
  if (!user) return null;
  const state = await rolloutOf(user);
  if (state.kind !== "optional" && state.kind !== "snoozed") return null;
  const [t, tp, policy, locale, zone] = [await getTranslations("rollout"), await getTranslations("rolloutPolicy"), await policyNow(), await getLocale(), await requestTimeZone()];
  const moment = (date: Date) => policyMoment(date, locale, zone, policy.timeZone);
  let text: string;
  let local: string | null;
  if (state.kind === "optional") {
    const deadline = moment(state.deadline);
    local = deadline.local;
    // The rollout's date, or the user's own (a new account's window, an extension).
    const own = state.deadline.getTime() !== policy.requiredFrom.getTime();
    text = own ? tp("personalDeadline", { date: deadline.moment }) : t("banner", { date: deadline.moment });
  } else {
    const until = moment(state.until);
    local = until.local;
    text = tp("snoozed", { date: until.moment });
  }
  // Calendar days in the reader's own zone: "1 day left" is never read on the day itself.
  const days = state.kind === "optional" ? t("daysLeft", { days: Math.max(0, calendarDaysUntil(state.deadline, Date.now(), zone)) }) : tp("snoozesLeft", { count: state.snoozesLeft });
  return (
    <aside className="banner" aria-label={t("bannerLabel")}>
      <p>
        {text} {local && <>{t("yourTime", { time: local })} </>}
        {days}
      </p>
      <Link className="button button-primary" href="/two-factor/setup">{t("setUpNow")}</Link>
    </aside>
  );
}
