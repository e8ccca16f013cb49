import { getFormatter, getTranslations } from "next-intl/server";
import { ShieldAlert } from "lucide-react";
import { currentUser, policyNow, rolloutOf } from "@/lib/auth/guard";
import { ButtonLink } from "@/components/ui/button";

/** Before the date (and after "Remind me later"): when 2FA becomes mandatory, and a way to set it up now. */
export async function RolloutBanner() {
  const user = await currentUser();
  if (!user) return null;
  const state = await rolloutOf(user);
  if (state.kind !== "optional" && state.kind !== "deferred") return null;
  const [t, format, policy] = [await getTranslations("rollout"), await getFormatter(), await policyNow()];
  const date = format.dateTime(policy.requiredFrom, { dateStyle: "long", timeZone: "UTC" });
  return (
    <aside className="border-b border-warn bg-warn-soft print:hidden" aria-label={t("bannerLabel")}>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-3 sm:px-6 py-2">
        <ShieldAlert aria-hidden className="size-5 shrink-0" />
        <p className="flex-1 min-w-0 basis-60">
          {state.kind === "optional" ? t("banner", { date }) : t("required", { date })}{" "}
          {state.kind === "optional" ? t("daysLeft", { days: state.daysLeft }) : t("graceLeft", { days: state.daysLeft })}
        </p>
        <ButtonLink href="/two-factor/setup" size="sm">{t("setUpNow")}</ButtonLink>
      </div>
    </aside>
  );
}
