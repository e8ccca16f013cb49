import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pendingSignIn } from "@/lib/auth/pending";
import { startOver } from "@/lib/actions/auth";
import { config } from "@/lib/config";
import { Button } from "@/components/ui/button";
import { VerifyForm } from "@/components/two-factor/verify-form";
import { AccessCodeStep } from "@/components/recovery/access-code-step";
import { RequestStatus } from "@/components/recovery/request-status";

export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ method?: string }> }) {
  const pending = await pendingSignIn();
  if (!pending) redirect("/login");
  const chosen = (await searchParams).method;
  if (chosen === "access") return <AccessCodeStep userId={pending.user.id} />;
  const method = chosen === "recovery" ? "recovery" : "totp";
  const t = await getTranslations("verify");
  return (
    <section className="card narrow">
      <h1>{t("title")}</h1>
      <p>{method === "totp" ? t("intro", { app: config().APP_NAME }) : t("recoveryIntro")}</p>
      <VerifyForm method={method} />
      <p>
        {method === "totp" ? <Link href="/login/verify?method=recovery">{t("useRecovery")}</Link> : <Link href="/login/verify">{t("useApp")}</Link>}
      </p>
      <p><Link href="/login/verify?method=access">{(await getTranslations("recovery.verify"))("link")}</Link></p>
      <p><Link href="/login/lost-access">{t("lostAccess")}</Link></p>
      <RequestStatus userId={pending.user.id} />
      <form action={startOver}>
        <Button variant="link">{t("startOver")}</Button>
      </form>
    </section>
  );
}
