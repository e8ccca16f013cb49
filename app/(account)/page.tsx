import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { languageName } from "@/lib/i18n/locales";
import { formatMoment } from "@/lib/dates";
import { requestTimeZone } from "@/lib/i18n/request";
import { requireUser } from "@/lib/auth/guard";
import { ButtonLink } from "@/components/ui/button";
import { Card, DetailList, Page } from "@/components/ui/card";
import { CheckupCard } from "@/components/rollout/checkup-card";
import { LowCodesNotice } from "@/components/rollout/low-codes-notice";
import { checkupDue } from "@/lib/rollout/checkup";
import { lowOnRecoveryCodes } from "@/lib/rollout/low-codes";
import { remainingRecoveryCodes } from "@/lib/two-factor/recovery-codes";
import { TwoFactorStatusHeading } from "@/components/two-factor/status-heading";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("titles"))("account") };
}

export default async function AccountPage() {
  const user = await requireUser();
  const [t, ts] = [await getTranslations("account"), await getTranslations("security")];
  // A moment names its zone (the reader's, from the browser; UTC until it is known).
  const [locale, zone] = [await getLocale(), await requestTimeZone()];
  const when = (d: Date | null) => (d ? formatMoment(d, locale, zone) : t("never"));
  const on = !!user.twoFactorEnabledAt;
  const codesLeft = on ? await remainingRecoveryCodes(user.id) : 0;
  return (
    <Page title={t("title")} intro={t("signedInAs", { name: user.name, email: user.email })}>
      {on && lowOnRecoveryCodes(codesLeft) && <LowCodesNotice remaining={codesLeft} />}
      {checkupDue(user) && <CheckupCard />}
      <Card as="section" labelledBy="two-factor-title">
        <TwoFactorStatusHeading on={on} titleId="two-factor-title" />
        <p>{on ? ts("on", { date: when(user.twoFactorEnabledAt) }) : ts("off")}</p>
        <ButtonLink href="/settings/security" variant={on ? "secondary" : "primary"}>{t("manageSecurity")}</ButtonLink>
      </Card>
      <Card as="section" labelledBy="details-title">
        <h2 id="details-title" className="text-xl">{t("details")}</h2>
        <DetailList
          items={[
            { label: t("name"), value: user.name },
            { label: t("email"), value: user.email },
            { label: t("role"), value: t(`roles.${user.role === "admin" ? "admin" : "user"}`) },
            { label: t("language"), value: languageName(user.locale, await getLocale()) },
            { label: t("memberSince"), value: when(user.createdAt) },
            { label: t("lastSignIn"), value: when(user.lastSignInAt) },
          ]}
        />
      </Card>
    </Page>
  );
}
