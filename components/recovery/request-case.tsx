import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requestContext } from "@/lib/admin/requests";
import { recoverySettings } from "@/lib/recovery-settings";
import { languageName } from "@/lib/i18n/locales";
import { DetailList } from "@/components/ui/card";
import { IssueAccessCode } from "./issue-access-code";

type Request = { id: string; reference: string | null; userId: string | null; email: string; ip: string | null; userAgent: string | null; createdAt: Date; infoRequestedAt: Date | null; response: string | null };

/** What a lost-access request's card adds: its reference, the account and the request's origin, and issuing a code from there. */
export async function RequestCase({ request, adminId }: { request: Request; adminId: string }) {
  const [t, locale, format, context, settings] = [await getTranslations("recovery.request"), await getLocale(), await getFormatter(), await requestContext(request), await recoverySettings()];
  const when = (date: Date | null) => (date ? `${format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC` : t("never"));
  const yesNo = (value: boolean) => (value ? t("yes") : t("no"));
  return (
    <>
      {request.reference && <p><strong>{t("reference", { reference: request.reference })}</strong></p>}
      {request.infoRequestedAt && <p>{t("infoAsked", { time: when(request.infoRequestedAt).replace(/ UTC$/, ""), message: request.response ?? "" })}</p>}
      {context && (
        <DetailList
          items={[
            { label: t("twoFactor"), value: context.twoFactorEnabledAt ? t("on") : t("off") },
            { label: t("lastSignIn"), value: when(context.lastSignInAt) },
            { label: t("language"), value: languageName(context.locale, locale) },
            { label: t("ownAddress"), value: yesNo(context.ownAddress) },
            { label: t("ipSeen"), value: `${yesNo(context.ipSeen)}${request.ip ? ` (${request.ip})` : ""}` },
            { label: t("browserSeen"), value: yesNo(context.browserSeen) },
          ]}
        />
      )}
      {context?.twoFactorEnabledAt && request.userId && request.userId !== adminId && <IssueAccessCode userId={request.userId} maxHours={settings.maxCodeHours} idPrefix={`code-${request.id}`} />}
    </>
  );
}
