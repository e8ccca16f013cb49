import { getLocale, getTranslations } from "next-intl/server";
import { ShieldAlert } from "lucide-react";
import { currentUser, policyNow, rolloutOf } from "@/lib/auth/guard";
import { policyMoment, wholeDaysUntil } from "@/lib/dates";
import { requestTimeZone } from "@/lib/i18n/request";
import { ButtonLink } from "@/components/ui/button";

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
    <aside className="border-b border-warn bg-warn-soft print:hidden" aria-label={t("bannerLabel")}>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-3 sm:px-6 py-2">
        <ShieldAlert aria-hidden className="size-5 shrink-0" />
        <p className="flex-1 min-w-0 basis-60">
          {state.kind === "optional" ? t("banner", { date }) : t("required", { date })}{" "}
          {local && <>{t("yourTime", { time: local })} </>}
          {state.kind === "optional" ? t("daysLeft", { days }) : t("graceLeft", { days })}
        </p>
        <ButtonLink href="/two-factor/setup" size="sm">{t("setUpNow")}</ButtonLink>
      </div>
    </aside>
  );
}
