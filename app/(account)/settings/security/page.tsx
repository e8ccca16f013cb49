import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { formatMoment } from "@/lib/dates";
import { requestTimeZone } from "@/lib/i18n/request";
import { KeyRound, Smartphone } from "lucide-react";
import { policyNow, requireUser } from "@/lib/auth/guard";
import { mayDisable } from "@/lib/policy";
import { config } from "@/lib/config";
import { listSessions, sessionHandle } from "@/lib/auth/sessions";
import { remainingRecoveryCodes } from "@/lib/two-factor/recovery-codes";
import { hasPasskeys } from "@/lib/two-factor/passkeys";
import { Alert } from "@/components/ui/alert";
import { FocusOnMount } from "@/components/ui/focus-on-mount";
import { ButtonLink } from "@/components/ui/button";
import { Card, Page } from "@/components/ui/card";
import { SecurityAction, SecurityDialog } from "@/components/two-factor/security-forms";
import { SessionList } from "@/components/account/session-list";
import { TwoFactorStatusHeading } from "@/components/two-factor/status-heading";
import { PasskeyList } from "@/components/two-factor/passkey-list";
import { TrustedBrowserList } from "@/components/account/trusted-browser-list";

const FEW_CODES = 3;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("titles"))("security") };
}

// Status first, then a card per method with its actions; `changed` says what the last action did.
export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ recovery?: string; changed?: string }> }) {
  const user = await requireUser();
  const [t, tv] = [await getTranslations("security"), await getTranslations("verify")];
  const app = config().APP_NAME;
  const on = !!user.twoFactorEnabledAt;
  // Enrolled with a passkey only: no app to speak of, one to add.
  const withApp = !!user.totpSecret;
  const left = on ? await remainingRecoveryCodes(user.id) : 0;
  const { recovery: usedRecovery, changed } = await searchParams;
  // A moment with its zone named (the reader's, from the browser; UTC until it is known).
  const since = on ? formatMoment(user.twoFactorEnabledAt!, await getLocale(), await requestTimeZone()) : "";
  return (
    <Page title={t("title")}>
      {/^\d{1,2}$/.test(usedRecovery ?? "") && on && <Alert tone="warning">{tv("recoveryUsed", { remaining: left })}</Alert>}
      {changed === "off" && !on && <FocusOnMount><Alert tone="success">{t("disabled")}</Alert></FocusOnMount>}
      <Card as="section" labelledBy="status-title">
        <TwoFactorStatusHeading on={on} titleId="status-title" />
        <p>{on ? t("on", { date: since }) : t("off")}</p>
        {!on && <ButtonLink href="/two-factor/setup">{t("turnOn")}</ButtonLink>}
      </Card>
      {on && (
        <SecurityDialog email={user.email} app={app} withApp={withApp} withPasskey={await hasPasskeys(user.id)}>
          <Card as="section" labelledBy="app-title">
            <h2 id="app-title" className="text-xl flex items-center gap-2"><Smartphone aria-hidden className="size-5" />{t("appTitle")}</h2>
            <p>{t(withApp ? "appStatus" : "appNone", { date: since })}</p>
            <p className="text-sm text-muted">{t(withApp ? "changeHint" : "addAppHint")}</p>
            <div className="flex flex-wrap gap-2">
              <SecurityAction operation={withApp ? "change" : "addApp"} />
              {mayDisable(user, await policyNow()) && <SecurityAction operation="disable" />}
            </div>
            {!mayDisable(user, await policyNow()) && <p className="text-sm text-muted">{t(withApp ? "disableNotOffered" : "disableNotOfferedPasskey")}</p>}
          </Card>
          <Card as="section" labelledBy="codes-card-title">
            <h2 id="codes-card-title" className="text-xl flex items-center gap-2"><KeyRound aria-hidden className="size-5" />{t("codesCardTitle")}</h2>
            <p>{t("codesLeft", { count: left })}</p>
            {left <= FEW_CODES && <Alert tone="warning" live={false}>{t("codesLow")}</Alert>}
            <p className="text-sm text-muted">{t("regenerateHint")}</p>
            <SecurityAction operation="regenerate" variant={left <= FEW_CODES ? "primary" : "secondary"} />
          </Card>
        </SecurityDialog>
      )}
      {on && <PasskeyList userId={user.id} />}
      {on && <TrustedBrowserList userId={user.id} />}
      <SessionList sessions={await listSessions(user.id)} current={sessionHandle(user.sessionId)} />
    </Page>
  );
}
