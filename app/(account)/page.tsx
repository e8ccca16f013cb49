import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ShieldCheck, ShieldOff } from "lucide-react";
import { requireUser } from "@/lib/auth/guard";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, DetailList, Page } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("titles"))("account") };
}

export default async function AccountPage() {
  const user = await requireUser();
  const [t, tl, ts, format] = [await getTranslations("account"), await getTranslations("language"), await getTranslations("security"), await getFormatter()];
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "long", timeStyle: "short" }) : t("never"));
  const on = !!user.twoFactorEnabledAt;
  return (
    <Page title={t("title")} intro={t("signedInAs", { name: user.name, email: user.email })}>
      <Card as="section" labelledBy="two-factor-title">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="two-factor-title" className="text-xl flex items-center gap-2">
            {on ? <ShieldCheck aria-hidden className="size-6 text-ok" /> : <ShieldOff aria-hidden className="size-6 text-warn" />}
            {ts("status")}
          </h2>
          <Badge tone={on ? "success" : "warning"}>{on ? ts("badgeOn") : ts("badgeOff")}</Badge>
        </div>
        <p>{on ? ts("on", { date: format.dateTime(user.twoFactorEnabledAt!, { dateStyle: "long" }) }) : ts("off")}</p>
        <ButtonLink href="/settings/security" variant={on ? "secondary" : "primary"}>{t("manageSecurity")}</ButtonLink>
      </Card>
      <Card as="section" labelledBy="details-title">
        <h2 id="details-title" className="text-xl">{t("details")}</h2>
        <DetailList
          items={[
            { label: t("name"), value: user.name },
            { label: t("email"), value: user.email },
            { label: t("role"), value: t(`roles.${user.role === "admin" ? "admin" : "user"}`) },
            { label: t("language"), value: tl(`names.${user.locale as "en" | "fr" | "nl"}`) },
            { label: t("memberSince"), value: when(user.createdAt) },
            { label: t("lastSignIn"), value: when(user.lastSignInAt) },
          ]}
        />
      </Card>
    </Page>
  );
}
