import { getFormatter, getTranslations } from "next-intl/server";
import { requestContext } from "@/lib/admin/requests";
import { recoverySettings } from "@/lib/recovery-settings";
import { isLocale } from "@/lib/i18n/locales";
import { IssueAccessCode } from "./issue-access-code";

type Request = { id: string; reference: string | null; userId: string | null; email: string; ip: string | null; userAgent: string | null; createdAt: Date; infoRequestedAt: Date | null; response: string | null };

/** What a lost-access request's card adds: its reference, the account and the request's origin, and issuing a code from there. */
export async function RequestCase({ request, adminId }: { request: Request; adminId: string }) {
  const [t, tl, format, context, settings] = [await getTranslations("recovery.request"), await getTranslations("language"), await getFormatter(), await requestContext(request), await recoverySettings()];
  const when = (date: Date | null) => (date ? `${format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC` : t("never"));
  const yesNo = (value: boolean) => (value ? t("yes") : t("no"));
  return (
    <>
      {request.reference && <p><strong>{t("reference", { reference: request.reference })}</strong></p>}
      {request.infoRequestedAt && <p>{t("infoAsked", { time: when(request.infoRequestedAt).replace(/ UTC$/, ""), message: request.response ?? "" })}</p>}
      {context && (
        <dl className="details">
          <dt>{t("twoFactor")}</dt>
          <dd>{context.twoFactorEnabledAt ? t("on") : t("off")}</dd>
          <dt>{t("lastSignIn")}</dt>
          <dd>{when(context.lastSignInAt)}</dd>
          <dt>{t("language")}</dt>
          <dd>{isLocale(context.locale) ? tl(`names.${context.locale}`) : context.locale}</dd>
          <dt>{t("ownAddress")}</dt>
          <dd>{yesNo(context.ownAddress)}</dd>
          <dt>{t("ipSeen")}</dt>
          <dd>{yesNo(context.ipSeen)}{request.ip ? ` (${request.ip})` : ""}</dd>
          <dt>{t("browserSeen")}</dt>
          <dd>{yesNo(context.browserSeen)}</dd>
        </dl>
      )}
      {context?.twoFactorEnabledAt && request.userId && request.userId !== adminId && <IssueAccessCode userId={request.userId} maxHours={settings.maxCodeHours} idPrefix={`code-${request.id}`} />}
    </>
  );
}
