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
import { AccessCodeStep } from "@/components/recovery/access-code-step";
import { RequestStatus } from "@/components/recovery/request-status";

type Search = Promise<{ method?: string }>;

export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  const t = await getTranslations("titles");
  return { title: (await searchParams).method === "recovery" ? t("verifyRecovery") : t("verify") };
}

export default async function VerifyPage({ searchParams }: { searchParams: Search }) {
  const pending = await pendingSignIn();
  if (!pending) redirect("/login");
  const chosen = (await searchParams).method;
  if (chosen === "access") return <AccessCodeStep userId={pending.user.id} />;
  const method = chosen === "recovery" ? "recovery" : "totp";
  const t = await getTranslations("verify");
  return (
    <Page width="narrow" title={t("title")} intro={method === "totp" ? t("intro", { app: config().APP_NAME }) : t("recoveryIntro")}>
      <Card>
        <VerifyForm method={method} />
      </Card>
      <ul className="space-y-2" role="list">
        <li>{method === "totp" ? <Link href="/login/verify?method=recovery">{t("useRecovery")}</Link> : <Link href="/login/verify">{t("useApp")}</Link>}</li>
        <li><Link href="/login/verify?method=access">{(await getTranslations("recovery.verify"))("link")}</Link></li>
        <li><Link href="/login/lost-access">{t("lostAccess")}</Link></li>
        <li>
          <form action={startOver}>
            <Button variant="link">{t("startOver")}</Button>
          </form>
        </li>
      </ul>
      <RequestStatus userId={pending.user.id} />
    </Page>
  );
}
