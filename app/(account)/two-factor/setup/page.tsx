import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { QRCodeSVG } from "qrcode.react";
import { policyNow, requireUser, rolloutOf } from "@/lib/auth/guard";
import { identityConfirmedRecently } from "@/lib/auth/sessions";
import { cancelSetup, deferEnrollment } from "@/lib/actions/two-factor";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Card, Page } from "@/components/ui/card";
import { config } from "@/lib/config";
import { newSubmission } from "@/lib/two-factor/issued";
import { pendingEnrollment } from "@/lib/two-factor/manage";
import { hasPasskeys } from "@/lib/two-factor/passkeys";
import { formatSecretForTyping } from "@/lib/two-factor/totp";
import { ConfirmIdentityForm } from "@/components/two-factor/confirm-identity-form";
import { ScanStep } from "@/components/two-factor/scan-step";
import { WizardNotice } from "@/components/rollout/wizard-notice";
import { WizardStepper } from "@/components/two-factor/wizard-stepper";
import { wizardSteps, type WizardStep } from "@/components/two-factor/wizard-steps";

type Search = Promise<{ step?: string }>;

/** Which screen of the wizard this request shows (the done screen is the scan step's answer). */
async function stepOf(searchParams: Search) {
  const user = await requireUser({ enrolling: true });
  // Signed in with a temporary access code: the whole wizard, as for a first enrollment.
  const changing = !!user.twoFactorEnabledAt && !user.wizardOnly;
  const confirmed = identityConfirmedRecently(user.identityConfirmedAt);
  const step: WizardStep = confirmed ? "scan" : (await searchParams).step === "confirm" ? "confirm" : "start";
  // An account enrolled with a passkey only adds its first app rather than changing one.
  const heading = !changing ? "title" : user.totpSecret ? "changeTitle" : "addTitle";
  return { user, changing, confirmed, step, heading } as const;
}

/** The tab's title: "Step 2 of 4: Confirm your password · Set up two-factor authentication". */
async function titleOf(changing: boolean, step: WizardStep, heading: "title" | "changeTitle" | "addTitle") {
  const [t, ts] = [await getTranslations("wizard"), await getTranslations("setup")];
  const steps = wizardSteps(changing);
  const index = Math.max(0, steps.indexOf(step as never));
  return `${t("stepOf", { step: index + 1, total: steps.length, name: t(`steps.${steps[index]!}`) })} · ${ts(heading)}`;
}

export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  const { changing, step, heading } = await stepOf(searchParams);
  return { title: await titleOf(changing, step, heading) };
}

// The wizard: start → confirm password → scan and confirm a code → done (recovery codes).
export default async function SetupPage({ searchParams }: { searchParams: Search }) {
  const { user, changing, confirmed, step, heading } = await stepOf(searchParams);
  if (changing && step === "start") redirect("/settings/security");
  const rollout = await rolloutOf(user);
  const policy = await policyNow();
  const tr = await getTranslations("rollout");
  const t = await getTranslations("setup");
  const app = config().APP_NAME;

  const notice = await WizardNotice({ user, state: rollout, policy });

  return (
    <Page title={t(heading)}>
      {confirmed ? (
        <ScanStep {...(await scan(user, t("qrAlt", { app })))} app={app} cancel={cancelSetup} notice={notice || null} changing={changing} scanTitle={await titleOf(changing, "scan", heading)} doneTitle={await titleOf(changing, changing ? "done" : "codes", heading)} passkey={!changing} />
      ) : (
        <>
          <WizardStepper changing={changing} step={step} />
          {notice}
          {user.wizardOnly && <Alert tone="warning" live={false}>{(await getTranslations("recovery.wizard"))("notice")}</Alert>}
          {step === "confirm" ? (
            <Card>
              <ConfirmIdentityForm withCode={changing} withApp={!!user.totpSecret} withPasskey={changing && (await hasPasskeys(user.id))} />
            </Card>
          ) : (
            <Card>
              <h2 className="text-xl">{t("whatTitle")}</h2>
              <p>{t("what")}</p>
              <h2 className="text-xl">{t("appsTitle")}</h2>
              <p>{t("apps")}</p>
              <ul className="list-disc pl-6">
                <li>{t("appGoogle")}</li>
                <li>{t("appMicrosoft")}</li>
                <li>{t("appOther")}</li>
              </ul>
              <div className="flex flex-wrap gap-2">
                <ButtonLink href="/two-factor/setup?step=confirm">{t("begin")}</ButtonLink>
                {rollout.kind === "snoozable" && (
                  <form action={deferEnrollment}>
                    <Button variant="secondary">{tr("remindLater")}</Button>
                  </form>
                )}
              </div>
            </Card>
          )}
        </>
      )}
    </Page>
  );
}

async function scan(user: Awaited<ReturnType<typeof requireUser>>, label: string) {
  const { secret, uri } = await pendingEnrollment(user);
  const qr = <QRCodeSVG value={uri} size={192} marginSize={2} title={label} role="img" aria-label={label} />;
  return { uri, typedKey: formatSecretForTyping(secret), qr, submission: newSubmission() };
}
