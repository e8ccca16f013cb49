import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pendingSignIn } from "@/lib/auth/pending";
import { Card, Page } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { LostAccessForm } from "@/components/auth/lost-access-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("titles"))("lostAccess") };
}

// Reachable from the second sign-in step only: the request is for the account whose password was just given.
export default async function LostAccessPage() {
  if (!(await pendingSignIn())) redirect("/login");
  const t = await getTranslations("lostAccess");
  return (
    <Page title={t("title")}>
      <Card as="section" labelledBy="recovery-title">
        <h2 id="recovery-title" className="text-xl">{t("recoveryTitle")}</h2>
        <p>{t("recovery")}</p>
        <ButtonLink href="/login/verify?method=recovery" variant="secondary">{t("useRecovery")}</ButtonLink>
      </Card>
      <Card as="section" labelledBy="request-title">
        <h2 id="request-title" className="text-xl">{t("requestTitle")}</h2>
        <p>{t("request")}</p>
        <LostAccessForm />
      </Card>
      <p><Link href="/login/verify">{t("back")}</Link></p>
    </Page>
  );
}
