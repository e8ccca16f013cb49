import { Card } from "@/components/ui/card";
import { getFormatter, getTranslations } from "next-intl/server";
import { recoverySettings } from "@/lib/recovery-settings";
import { accessCodeState } from "@/lib/support-recovery";
import { IssueAccessCode, RevokeAccessCode } from "./issue-access-code";

/** The account page's temporary access code: whether one is active, until when, who issued it; issue or revoke. */
export async function AccessCodePanel({ userId, enabled, self }: { userId: string; enabled: boolean; self: boolean }) {
  const [t, te, format, current, settings] = [await getTranslations("recovery.panel"), await getTranslations("recovery.errors"), await getFormatter(), await accessCodeState(userId), await recoverySettings()];
  const by = (email: string | null) => email ?? t("commandLine");
  return (
    <Card as="section" labelledBy="access-code-title">
      <h3 className="text-lg" id="access-code-title">{t("title")}</h3>
      <p>{t("intro")}</p>
      {!current ? (
        <p>{t("none")}</p>
      ) : current.status === "pending" ? (
        <p>{t("awaiting", { by: by(current.requestedBy) })}</p>
      ) : (
        <p>{t("active", { time: format.dateTime(current.expiresAt!, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }), by: by(current.approvedBy ?? current.requestedBy) })}</p>
      )}
      {current && !self && <RevokeAccessCode userId={userId} />}
      {self ? <p>{t("self")}</p> : !enabled ? <p>{te("notEnabled")}</p> : <IssueAccessCode userId={userId} maxHours={settings.maxCodeHours} />}
    </Card>
  );
}
