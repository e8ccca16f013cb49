import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pendingSignIn } from "@/lib/auth/pending";
import { startOver } from "@/lib/actions/auth";
import { config } from "@/lib/config";
import { Button } from "@/components/ui/button";
import { Card, Page } from "@/components/ui/card";
import { VerifyForm } from "@/components/two-factor/verify-form";

type Search = Promise<{ method?: string }>;

export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  const t = await getTranslations("titles");
  return { title: (await searchParams).method === "recovery" ? t("verifyRecovery") : t("verify") };
}

export default async function VerifyPage({ searchParams }: { searchParams: Search }) {
  if (!(await pendingSignIn())) redirect("/login");
  const method = (await searchParams).method === "recovery" ? "recovery" : "totp";
  const t = await getTranslations("verify");
  return (
    <Page width="narrow" title={t("title")} intro={method === "totp" ? t("intro", { app: config().APP_NAME }) : t("recoveryIntro")}>
      <Card>
        <VerifyForm method={method} />
      </Card>
      <ul className="space-y-2" role="list">
        <li>{method === "totp" ? <Link href="/login/verify?method=recovery">{t("useRecovery")}</Link> : <Link href="/login/verify">{t("useApp")}</Link>}</li>
        <li><Link href="/login/lost-access">{t("lostAccess")}</Link></li>
        <li>
          <form action={startOver}>
            <Button variant="link">{t("startOver")}</Button>
          </form>
        </li>
      </ul>
    </Page>
  );
}
