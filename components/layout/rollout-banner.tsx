import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { currentUser, policyNow, rolloutOf } from "@/lib/auth/guard";

/** Before the date (and after "Remind me later"): when 2FA becomes mandatory, and a way to set it up now. */
export async function RolloutBanner() {
  const user = await currentUser();
  if (!user) return null;
  const state = await rolloutOf(user);
  if (state.kind !== "optional" && state.kind !== "deferred") return null;
  const [t, format, policy] = [await getTranslations("rollout"), await getFormatter(), await policyNow()];
  const date = format.dateTime(policy.requiredFrom, { dateStyle: "long", timeZone: "UTC" });
  return (
    <aside className="banner" aria-label={t("bannerLabel")}>
      <p>
        {state.kind === "optional" ? t("banner", { date }) : t("required", { date })}{" "}
        {state.kind === "optional" ? t("daysLeft", { days: state.daysLeft }) : t("graceLeft", { days: state.daysLeft })}
      </p>
      <Link className="button button-primary" href="/two-factor/setup">{t("setUpNow")}</Link>
    </aside>
  );
}
