import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { policyNow, requireUser } from "@/lib/auth/guard";
import { mayDisable } from "@/lib/policy";
import { config } from "@/lib/config";
import { newSubmission } from "@/lib/two-factor/issued";
import { remainingRecoveryCodes } from "@/lib/two-factor/recovery-codes";
import { Notice } from "@/components/ui/notice";
import { SecurityChange } from "@/components/two-factor/security-forms";
import { SessionList } from "@/components/account/session-list";
import { PasskeyList } from "@/components/two-factor/passkey-list";
import { TrustedBrowserList } from "@/components/account/trusted-browser-list";
import { listSessions, sessionHandle } from "@/lib/auth/sessions";

const FEW_CODES = 3;

export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ recovery?: string }> }) {
  const user = await requireUser();
  const [t, tv, format] = [await getTranslations("security"), await getTranslations("verify"), await getFormatter()];
  const app = config().APP_NAME;
  const on = !!user.twoFactorEnabledAt;
  const left = on ? await remainingRecoveryCodes(user.id) : 0;
  const usedRecovery = (await searchParams).recovery;
  return (
    <section className="card">
      <h1>{t("title")}</h1>
      {usedRecovery !== undefined && on && <Notice tone="warning">{tv("recoveryUsed", { remaining: left })}</Notice>}
      <h2>{t("status")}</h2>
      {on ? (
        <>
          <p>{t("on", { date: format.dateTime(user.twoFactorEnabledAt!, { dateStyle: "long" }) })}</p>
          <p>{t("codesLeft", { count: left })}</p>
          {left <= FEW_CODES && <Notice tone="warning">{t("codesLow")}</Notice>}
          <p>{t("confirmHint")}</p>
          <PasskeyList userId={user.id} />
          <SecurityChange operation="regenerate" email={user.email} app={app} submission={newSubmission()} />
          <SecurityChange operation="change" email={user.email} app={app} submission={newSubmission()} />
          {mayDisable(user, await policyNow()) ? <SecurityChange operation="disable" email={user.email} app={app} submission={newSubmission()} /> : <p>{t("disableNotOffered")}</p>}
        </>
      ) : (
        <>
          <p>{t("off")}</p>
          <p><Link className="button button-primary" href="/two-factor/setup">{t("turnOn")}</Link></p>
        </>
      )}
      {on && <TrustedBrowserList userId={user.id} />}
      <SessionList sessions={await listSessions(user.id)} current={sessionHandle(user.sessionId)} />
    </section>
  );
}
