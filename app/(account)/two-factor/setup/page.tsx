import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { policyNow, requireUser, rolloutOf } from "@/lib/auth/guard";
import { identityConfirmedRecently } from "@/lib/auth/sessions";
import { cancelSetup, deferEnrollment } from "@/lib/actions/two-factor";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { config } from "@/lib/config";
import { policyMoment } from "@/lib/dates";
import { requestTimeZone } from "@/lib/i18n/request";
import { newSubmission } from "@/lib/two-factor/issued";
import { pendingEnrollment } from "@/lib/two-factor/manage";
import { formatSecretForTyping } from "@/lib/two-factor/totp";
import { ConfirmIdentityForm } from "@/components/two-factor/confirm-identity-form";
import { ScanStep } from "@/components/two-factor/scan-step";
import { PasskeyEnrollment } from "@/components/two-factor/passkey-enrollment";

// The wizard: start → confirm password → scan and confirm a code → done (recovery codes).
export default async function SetupPage({ searchParams }: { searchParams: Promise<{ step?: string }> }) {
  const user = await requireUser({ enrolling: true });
  const rollout = await rolloutOf(user);
  const policy = await policyNow();
  const cutoff = policyMoment(policy.requiredFrom, await getLocale(), await requestTimeZone());
  const tr = await getTranslations("rollout");
  const t = await getTranslations("setup");
  const app = config().APP_NAME;
  const changing = !!user.twoFactorEnabledAt;
  const confirmed = identityConfirmedRecently(user.identityConfirmedAt);
  const step = (await searchParams).step;
  if (changing && !confirmed && step !== "confirm") redirect("/settings/security");

  const notice = (rollout.kind === "required" || rollout.kind === "grace") && (
    <Notice tone="warning">
      {user.role === "admin" ? tr("adminRequired") : tr("required", { date: cutoff.moment })}
      {user.role !== "admin" && cutoff.local && <> {tr("yourTime", { time: cutoff.local })}</>}
      {rollout.kind === "grace" && <> {tr("graceLeft", { days: rollout.daysLeft })}</>}
    </Notice>
  );

  return (
    <section className="card">
      <h1>{changing ? t("changeTitle") : t("title")}</h1>
      {!confirmed && notice}
      {confirmed ? (
        <>
          <ScanStep {...(await scan(user))} app={app} cancel={cancelSetup} notice={notice || null} />
          {!changing && <PasskeyEnrollment app={app} />}
        </>
      ) : step === "confirm" ? (
        <ConfirmIdentityForm withCode={changing} />
      ) : (
        <div className="stack">
          <h2>{t("whatTitle")}</h2>
          <p>{t("what")}</p>
          <h2>{t("appsTitle")}</h2>
          <p>{t("apps")}</p>
          <ul>
            <li>{t("appGoogle")}</li>
            <li>{t("appMicrosoft")}</li>
            <li>{t("appOther")}</li>
          </ul>
          <p className="actions">
            <Link className="button button-primary" href="/two-factor/setup?step=confirm">{t("begin")}</Link>
          </p>
          {rollout.kind === "grace" && (
            <form action={deferEnrollment}>
              <Button variant="secondary">{tr("remindLater")}</Button>
            </form>
          )}
        </div>
      )}
    </section>
  );
}

async function scan(user: Awaited<ReturnType<typeof requireUser>>) {
  const { secret, uri } = await pendingEnrollment(user);
  return { uri, typedKey: formatSecretForTyping(secret), submission: newSubmission() };
}
