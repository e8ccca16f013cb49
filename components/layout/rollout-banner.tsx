import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { currentUser, policyNow, rolloutOf } from "@/lib/auth/guard";
import { policyMoment, wholeDaysUntil } from "@/lib/dates";
import { requestTimeZone } from "@/lib/i18n/request";

/** Before the date (and after "Remind me later"): when 2FA becomes mandatory, and a way to set it up now. */
export async function RolloutBanner() {
  const user = await currentUser();
  if (!user) return null;
  const state = await rolloutOf(user);
  if (state.kind !== "optional" && state.kind !== "deferred") return null;
  const [t, policy] = [await getTranslations("rollout"), await policyNow()];
  const { moment: date, local } = policyMoment(policy.requiredFrom, await getLocale(), await requestTimeZone());
  // Whole days, rounded down: "1 day left" is never read on the day itself, in any zone.
  const days = state.kind === "optional" ? wholeDaysUntil(policy.requiredFrom, Date.now()) : state.daysLeft;
  return (
    <aside className="banner" aria-label={t("bannerLabel")}>
      <p>
        {state.kind === "optional" ? t("banner", { date }) : t("required", { date })}{" "}
        {local && <>{t("yourTime", { time: local })} </>}
        {state.kind === "optional" ? t("daysLeft", { days }) : t("graceLeft", { days })}
      </p>
      <Link className="button button-primary" href="/two-factor/setup">{t("setUpNow")}</Link>
    </aside>
  );
}
